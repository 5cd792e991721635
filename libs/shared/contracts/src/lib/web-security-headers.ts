/**
 * Security headers of the web app, in one place: `apps/web/vite.config.ts` serves them from `vite preview`
 * (what the browser tests run), `deploy/nginx.conf` sends the same in production, and
 * `test/repo/deployment.spec.ts` checks that nginx's copy equals this one. (Here because the web build,
 * the deployment and the tests share it; nothing imports it at run time.)
 *
 * The policy allows only the app's own files: no inline script or style, no other origin, no plugins,
 * no framing. `'unsafe-eval'` stays because the forms validate with ajv in the browser, which compiles
 * each JSON Schema to a function (`new Function`) — province variants arrive at run time, so they cannot
 * be precompiled into the bundle. Injected markup still cannot run script: inline scripts, event-handler
 * attributes and scripts from other origins are all refused.
 */
const directives: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-eval'"],
  'style-src': ["'self'"],
  // Icons and backgrounds in the stylesheets are data: URLs.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const serialise = (d: Record<string, string[]>) =>
  Object.entries(d)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

/** The production policy (nginx and `vite preview`). */
export const CONTENT_SECURITY_POLICY = serialise(directives);

/**
 * Development only (`vite` with React Fast Refresh): the refresh preamble is an inline script, CSS is
 * injected as `<style>` elements and hot updates arrive over a WebSocket.
 */
export const DEV_CONTENT_SECURITY_POLICY = serialise({
  ...directives,
  'script-src': ["'self'", "'unsafe-eval'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws:', 'wss:'],
});

/** Every header the web app's pages carry in production, CSP included. */
export const WEB_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
