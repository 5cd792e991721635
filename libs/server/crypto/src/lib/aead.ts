import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Format of every sealed blob: version (1 byte) ‖ IV (12) ‖ GCM tag (16) ‖ ciphertext. */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed blob that does not open: wrong key, wrong record, or altered bytes. Carries no data. */
export class SealError extends Error {
  override name = 'SealError';
}

/**
 * AES-256-GCM with a fresh random IV. `aad` binds the ciphertext to where it belongs (record id and
 * column), so a blob copied onto another record does not open there.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/** Opens what {@link seal} produced with the same key and `aad`; throws {@link SealError} otherwise. */
export function open(key: Buffer, blob: Buffer, aad: string): Buffer {
  if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw new SealError('not a sealed blob of a known version');
  const iv = blob.subarray(1, 1 + IV_BYTES);
  const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealError('sealed blob does not open with this key and context');
  }
}
