/** The login page. */
export const LOGIN_PATH = '/masuk';
/** Where single sign-on sends the browser back to (OIDC_POST_LOGIN_URL). */
export const SSO_RETURN_PATH = '/masuk/sso';
/** Where a login goes when nobody asked for a particular page: the home page of the person's work. */
export const HOME_PATH = '/';

/** The page a redirect to the login page came from, carried in router state. */
export interface FromState {
  from?: { pathname: string; search?: string };
}

export function returnPath(state: unknown): string {
  const from = (state as FromState | null)?.from;
  if (!from || from.pathname.startsWith(LOGIN_PATH)) return HOME_PATH;
  return `${from.pathname}${from.search ?? ''}`;
}
