import type { LoginRequest, Me, SessionTokens } from '@gugus/contracts';
import { apiClient } from './apiClient';

/** The /auth endpoints. Login, refresh and the SSO hand-off are sent without any session. */
export const authApi = {
  login: (body: LoginRequest): Promise<SessionTokens> => apiClient.post<SessionTokens>('/auth/login', body, { anonymous: true }),
  refresh: (refreshToken: string): Promise<SessionTokens> => apiClient.post<SessionTokens>('/auth/refresh', { refreshToken }, { anonymous: true }),
  /** Exchanges the one-time code the SSO callback put in the login page's address. */
  exchangeHandoff: (handoff: string): Promise<SessionTokens> => apiClient.post<SessionTokens>('/auth/oidc/exchange', { handoff }, { anonymous: true }),
  ssoStatus: (signal?: AbortSignal): Promise<{ enabled: boolean }> => apiClient.get<{ enabled: boolean }>('/auth/oidc', { signal, anonymous: true }),
  /** Where the browser goes to start single sign-on (a redirect, not an API call). */
  ssoLoginUrl: '/api/auth/oidc/login',
  /** Ends the current session on the server: its tokens stop working at once. */
  logout: (): Promise<void> => apiClient.post<void>('/auth/logout', undefined),
  /** Who is logged in, with the grants that apply today. */
  me: (signal?: AbortSignal): Promise<Me> => apiClient.get<Me>('/auth/me', { signal }),
};
