import type { AuthUser } from './auth-user';

/**
 * Turns a bearer token into the person behind it, or null when the token is unknown, expired or its
 * session ended. Implemented by the auth module; the guard depends only on this port.
 */
export abstract class SessionResolver {
  abstract resolve(accessToken: string): Promise<AuthUser | null>;
}
