// A real OpenID Connect provider (panva/oidc-provider) on loopback, for login tests. Its development
// login form accepts any login name and uses it as the account's e-mail address.
// Usage: node oidc-idp.mjs <port> <redirectUri>
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{ client_id: 'gugus-test', client_secret: 'gugus-test-secret', redirect_uris: [redirectUri], response_types: ['code'], grant_types: ['authorization_code'] }],
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => ({ sub: id, email: id.replace(/^unverified:/, ''), email_verified: !id.startsWith('unverified:') }) };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['gugus-test-cookie-key'] },
});
provider.listen(Number(port), '127.0.0.1', () => process.stdout.write(`idp listening on ${issuer}\n`));
