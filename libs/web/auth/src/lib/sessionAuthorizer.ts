import { authApi, toApiError, type RequestAuthorizer } from '@gugus/web-data-access';
import { sessionStore } from './sessionStore';

const bearer = (token: string | undefined): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});

let renewing: Promise<boolean> | undefined;

async function exchange(): Promise<boolean> {
  const refreshToken = sessionStore.refreshToken();
  if (!refreshToken) {
    sessionStore.end();
    return false;
  }
  try {
    sessionStore.renewed(refreshToken, await authApi.refresh(refreshToken));
    return true;
  } catch (err) {
    if (toApiError(err).isClientError) sessionStore.end();
    return false;
  }
}

/**
 * Exchanges the refresh token for new tokens. Single-flight: a refresh token works once — presenting it
 * again ends the whole session on the server — so everything in this tab that needs a renewal (requests
 * failing together, the restore on load) shares one exchange. A refused refresh ends the session; an
 * outage does not.
 */
export function renewSession(): Promise<boolean> {
  renewing ??= exchange().finally(() => {
    renewing = undefined;
  });
  return renewing;
}

/** Adds `Authorization: Bearer …` to API requests and renews the session once when the API says it expired. */
export const sessionAuthorizer: RequestAuthorizer = {
  headers: () => bearer(sessionStore.accessToken()),
  renew: (rejected) => {
    const current = sessionStore.accessToken();
    // Another request renewed the session while this one was on its way: just send it again.
    if (current && rejected['Authorization'] !== bearer(current)['Authorization']) return Promise.resolve(true);
    return renewSession();
  },
};
