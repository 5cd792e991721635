import { createContext, useContext } from 'react';
import type { LoginRequest, Me, SessionTokens } from '@gugus/contracts';

export type AuthStatus = 'restoring' | 'signedOut' | 'signedIn';

/** Why the last session ended, for the login page to say so. */
export type SignOutReason = 'logout' | 'expired';

export interface AuthState {
  status: AuthStatus;
  /** Present when signed in. */
  me: Me | undefined;
  /** Set when a session ended in this tab. */
  signOutReason: SignOutReason | undefined;
  /** Logs in with e-mail and password; rejects with the API's error (401, 429…). */
  login: (credentials: LoginRequest) => Promise<Me>;
  /** Starts a session from tokens obtained elsewhere (single sign-on hand-off). */
  adopt: (tokens: SessionTokens) => Promise<Me>;
  /** Ends the session on the server (best effort) and forgets the tokens. */
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | undefined>(undefined);

/** The session of this tab: who is logged in, and login/logout. Needs `<AuthProvider>` above. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth() needs <AuthProvider> above it');
  return state;
}
