import type { SessionTokens } from '@gugus/contracts';

// The refresh token lives in sessionStorage: a reload keeps the session in this tab, closing the tab ends
// it, and other tabs do not share it. The access token stays in memory only.
const REFRESH_KEY = 'gugus.session.refreshToken';

type Listener = (reason: SessionChange) => void;
/** `started`: logged in or renewed; `ended`: logged out, or the session could not be renewed. */
export type SessionChange = 'started' | 'ended';

let accessToken: string | undefined;
const listeners = new Set<Listener>();

function readRefresh(): string | undefined {
  try {
    return window.sessionStorage.getItem(REFRESH_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeRefresh(token: string | undefined): void {
  try {
    if (token) window.sessionStorage.setItem(REFRESH_KEY, token);
    else window.sessionStorage.removeItem(REFRESH_KEY);
  } catch {
    // Without storage the session simply does not survive a reload.
  }
}

/** The tokens of this tab's session. */
export const sessionStore = {
  accessToken: (): string | undefined => accessToken,
  refreshToken: (): string | undefined => readRefresh(),
  start(tokens: SessionTokens): void {
    accessToken = tokens.accessToken;
    writeRefresh(tokens.refreshToken);
    listeners.forEach((l) => l('started'));
  },
  end(): void {
    const had = accessToken !== undefined || readRefresh() !== undefined;
    accessToken = undefined;
    writeRefresh(undefined);
    if (had) listeners.forEach((l) => l('ended'));
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
