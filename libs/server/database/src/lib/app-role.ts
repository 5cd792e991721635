import { Client } from 'pg';

/**
 * The group role the API and worker connect through (created by the AppRole migration): the DML they
 * need everywhere, only SELECT and INSERT on the audit log, and owner of nothing.
 */
export const APP_GROUP_ROLE = 'gugus_app';

/** The login role `npm start` and the tests create for the app on their embedded PostgreSQL. */
export const DEV_APP_LOGIN = { user: 'gugus_service', password: 'gugus_service' } as const;

/** `url` with another user and password. */
export function withLogin(url: string, login: { user: string; password: string }): string {
  const next = new URL(url);
  next.username = encodeURIComponent(login.user);
  next.password = encodeURIComponent(login.password);
  return next.toString();
}

/**
 * Makes `login` a login role that is a member of {@link APP_GROUP_ROLE} (created, or its password reset,
 * as needed) on the server at `ownerUrl`, which must be allowed to create roles; run it after the
 * migrations. Returns the URL the API and worker connect with. For provisioners that own the server
 * (the embedded PostgreSQL of `npm start` and the tests); docker-compose does the same in
 * `deploy/postgres/`.
 */
export async function ensureAppLogin(ownerUrl: string, login: { user: string; password: string } = DEV_APP_LOGIN): Promise<string> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const ident = (await client.query('SELECT quote_ident($1) AS user, quote_literal($2) AS password', [login.user, login.password])).rows[0] as { user: string; password: string };
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login.user])).rowCount;
    // Roles are cluster-wide and two test databases may provision at once: a concurrent creator wins, this one then alters.
    if (!exists) {
      await client.query(`CREATE ROLE ${ident.user} LOGIN PASSWORD ${ident.password}`).catch((err: { code?: string }) => {
        if (err.code !== '42710' && err.code !== '23505') throw err; // duplicate_object, or the catalog's unique index
      });
    }
    await client.query(`ALTER ROLE ${ident.user} WITH LOGIN PASSWORD ${ident.password}`);
    await client.query(`GRANT ${APP_GROUP_ROLE} TO ${ident.user}`);
  } finally {
    await client.end();
  }
  return withLogin(ownerUrl, login);
}
