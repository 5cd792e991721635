import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginRequest, Me, SessionTokens } from '@gugus/contracts';
import { authApi, setRequestAuthorizer } from '@gugus/web-data-access';
import { AuthContext, type AuthState, type AuthStatus, type SignOutReason } from './AuthContext';
import { renewSession, sessionAuthorizer } from './sessionAuthorizer';
import { sessionStore } from './sessionStore';

// Installed at module load, so requests made during the first render already carry the session.
setRequestAuthorizer(sessionAuthorizer);

interface Snapshot {
  status: AuthStatus;
  me?: Me;
  signOutReason?: SignOutReason;
}

/** Restores the tab's session on load (refresh token → new tokens → /auth/me) and follows it afterwards. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [snapshot, setSnapshot] = useState<Snapshot>(() => ({ status: sessionStore.refreshToken() ? 'restoring' : 'signedOut' }));

  useEffect(() => {
    const unsubscribe = sessionStore.subscribe((change) => {
      if (change === 'ended') setSnapshot((prev) => (prev.status === 'signedOut' ? prev : { status: 'signedOut', signOutReason: 'expired' }));
    });
    let cancelled = false;
    if (sessionStore.refreshToken() && !sessionStore.accessToken()) {
      void (async () => {
        const renewed = await renewSession();
        const me = renewed ? await authApi.me().catch(() => undefined) : undefined;
        if (!cancelled) setSnapshot((prev) => (me ? { status: 'signedIn', me } : prev.status === 'signedOut' ? prev : { status: 'signedOut' }));
      })();
    }
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);

  const adopt = useCallback(async (tokens: SessionTokens) => {
    sessionStore.start(tokens);
    const me = await authApi.me();
    setSnapshot({ status: 'signedIn', me });
    return me;
  }, []);

  const login = useCallback(async (credentials: LoginRequest) => adopt(await authApi.login(credentials)), [adopt]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The tokens are forgotten either way; an unreachable server lets the session expire on its own.
    }
    setSnapshot({ status: 'signedOut', signOutReason: 'logout' });
    sessionStore.end();
  }, []);

  const value = useMemo<AuthState>(
    () => ({ status: snapshot.status, me: snapshot.me, signOutReason: snapshot.signOutReason, login, adopt, logout }),
    [snapshot, login, adopt, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
