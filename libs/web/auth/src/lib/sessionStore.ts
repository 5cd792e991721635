import type { SessionTokens } from '@gugus/contracts';

// The refresh token lives in sessionStorage: a reload keeps the session in this tab, closing the tab ends
// it, and other tabs do not share it. The access token stays in memory only.
const REFRESH_KEY = 'gugus.session.refreshToken';

type Listener = (reason: SessionChange) => void;
/** `started`: logged in or renewed; `ended`: logged out, or the session could not be renewed. */
export type SessionChange = 'started' | 'ended';

/** Sent to the other tabs of this origin after a renewal. */
interface Renewal {
  replaced: string;
  tokens: SessionTokens;
}

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

function adopt(tokens: SessionTokens): void {
  accessToken = tokens.accessToken;
  writeRefresh(tokens.refreshToken);
  listeners.forEach((l) => l('started'));
}

// A duplicated tab starts with a copy of this tab's sessionStorage, so two tabs can hold one refresh
// token. It works once (the server ends the session when a used one comes back), so whichever tab renews
// tells the others holding the same token to take the new tokens instead of presenting the old one.
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('gugus.session') : undefined;
channel?.addEventListener('message', (event: MessageEvent<Renewal>) => {
  if (event.data?.replaced && event.data.replaced === readRefresh()) adopt(event.data.tokens);
});

/** The tokens of this tab's session. */
export const sessionStore = {
  accessToken: (): string | undefined => accessToken,
  refreshToken: (): string | undefined => readRefresh(),
  start(tokens: SessionTokens): void {
    adopt(tokens);
  },
  /** New tokens from exchanging `replaced`; duplicates of this tab holding `replaced` take them too. */
  renewed(replaced: string, tokens: SessionTokens): void {
    adopt(tokens);
    channel?.postMessage({ replaced, tokens } satisfies Renewal);
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
