import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, t=3, p=4), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A fixed hash to verify against when the e-mail is unknown, so both paths take the same time.
let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy-password-for-unknown-accounts');
  try {
    return await argon2.verify(hash ?? (await decoy), password).then((ok) => ok && !!hash);
  } catch {
    return false;
  }
}
