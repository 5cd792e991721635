/** A key-encryption key: 32 bytes for AES-256, named so stored data can say which key wrapped it. */
export interface NamedKey {
  id: string;
  key: Buffer;
}

/**
 * The keys of one purpose (data keys, Temporal payloads). The first is the primary: new material is
 * encrypted with it. The others only decrypt, until a rotation has moved everything to the primary.
 */
export interface Keyring {
  primary: NamedKey;
  byId: ReadonlyMap<string, NamedKey>;
}

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Why a keyring setting cannot be used; the message names the problem, never a key. */
export class KeyringError extends Error {
  override name = 'KeyringError';
}

/**
 * Parses `id:base64key[,id:base64key…]` (the first is the primary). Each key must decode to exactly 32
 * bytes; ids are unique. Generate one with `openssl rand -base64 32`.
 */
export function parseKeyring(text: string): Keyring {
  const entries = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (!entries.length) throw new KeyringError('no key given (expected id:base64key[,id:base64key…])');
  const keys: NamedKey[] = entries.map((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(id)) throw new KeyringError(`key ${i + 1}: the id before ":" must be 1–64 letters, digits, "_", "." or "-"`);
    const material = entry.slice(colon + 1);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(material)) throw new KeyringError(`key "${id}": not base64`);
    const key = Buffer.from(material, 'base64');
    if (key.length !== 32) throw new KeyringError(`key "${id}": must be 32 bytes (base64 of 32 random bytes), got ${key.length}`);
    return { id, key };
  });
  const byId = new Map<string, NamedKey>();
  for (const k of keys) {
    if (byId.has(k.id)) throw new KeyringError(`key id "${k.id}" appears twice`);
    byId.set(k.id, k);
  }
  return { primary: keys[0], byId };
}

/** The key with `id`, or an error saying which key is missing from the configuration. */
export function keyById(ring: Keyring, id: string, setting: string): NamedKey {
  const key = ring.byId.get(id);
  if (!key) throw new KeyringError(`key "${id}" is not in ${setting}: add it back (keep old keys until a rotation has moved everything off them)`);
  return key;
}
