import { isIP } from 'node:net';
import { z } from 'zod';
import { parseKeyring } from './keyring';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const postgresUrl = z
  .string({ error: 'wajib diisi / required' })
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), 'harus berupa URL postgres://… / must be a postgres:// URL');

/**
 * Development-only keys (the base64 spells DEV-ONLY-KEY-…): `npm start` and the tests run with them,
 * production refuses them. Each is `id:base64(32 bytes)`.
 */
export const DEV_DATA_ENCRYPTION_KEYS = 'dev-only-data:REVWLU9OTFktS0VZLURBVEEtTk9ULUZPUi1QUk9EISE=';
export const DEV_TEMPORAL_PAYLOAD_KEYS = 'dev-only-payload:REVWLU9OTFktS0VZLVRFTVBPUkFMLU5PVC1QUk9EISE=';

const keyringSetting = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .superRefine((value, ctx) => {
      try {
        parseKeyring(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `${(err as Error).message} / harus id:base64(32 byte)[,id:base64…]` });
      }
    });

/** Requests per minute a throttle allows; 0 is not a limit, it would lock everyone out. */
const perMinute = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);

const TRUSTED_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Express `trust proxy` as a list of addresses only (names, IPs, CIDR ranges): no `true` and no hop count,
 * which would believe a forged X-Forwarded-For from any client that reaches the API directly.
 */
const trustedProxies = z
  .string()
  .refine(
    (v) =>
      v.split(',').every((part) => {
        const [address, prefix, ...rest] = part.trim().split('/');
        if (rest.length) return false;
        if (TRUSTED_RANGE_NAMES.includes(address) && prefix === undefined) return true;
        return isIP(address) !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix));
      }),
    'harus berisi loopback, linklocal, uniquelocal, alamat IP atau rentang CIDR, dipisah koma / must list loopback, linklocal, uniquelocal, IP addresses or CIDR ranges, comma-separated',
  )
  .optional();

const hostPort = z
  .string({ error: 'wajib diisi / required' })
  .refine((v) => /^[\w.-]+:\d{1,5}$/.test(v), 'harus berbentuk host:port / must be host:port');

/** `<key id>:<secret>`: the id is stored with every entry it seals, so keys can rotate. */
const AUDIT_KEY = /^[A-Za-z0-9_.-]{1,32}:[^\s,]{32,}$/;

/** Development default of AUDIT_HMAC_KEY: public, so refused when NODE_ENV=production. */
export const DEV_AUDIT_HMAC_KEY = 'dev:DEV-ONLY-audit-hmac-key-do-not-use-in-production';

const auditKey = z
  .string()
  .refine((v) => AUDIT_KEY.test(v), 'harus berbentuk <id>:<rahasia minimal 32 karakter> / must be <id>:<secret of at least 32 characters>');

/**
 * Environment of the API and the worker. Every variable is listed with its default in .env.example;
 * docker-compose.yml sets every required one for both services (a test checks this).
 */
export const serverConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_PORT: port(3000),
  API_HOST: z.string().default('0.0.0.0'),
  /** Largest accepted request body, in the `bytes` package's notation (e.g. `1mb`, `512kb`). */
  API_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'harus seperti 512kb atau 1mb / must look like 512kb or 1mb')
    .default('1mb'),
  DATABASE_URL: postgresUrl,
  /**
   * The schema owner's connection, used only to run migrations (falls back to DATABASE_URL). The API and
   * worker connect with DATABASE_URL as a role that may only read and append to the audit log.
   */
  DATABASE_OWNER_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: hostPort,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('gugus'),
  /** Lifetime of an access token; every request also checks that its session has not ended. */
  AUTH_ACCESS_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  AUTH_REFRESH_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  /**
   * Absolute lifetime of a session from its login, in hours (decimals allowed): refreshing never
   * extends a session past it. Default: one working day.
   */
  AUTH_SESSION_MAX_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /**
   * Failed logins for one account from one client address before that address is blocked for that
   * account only, and the first block's length; each further failure doubles it (at most 24 hours).
   * The same account from another address is not affected, so nobody can lock a person out.
   */
  AUTH_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  AUTH_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /**
   * Reverse proxies whose X-Forwarded-For the API believes when it decides a client's address (for
   * throttling and lockout): `loopback`, `linklocal`, `uniquelocal`, IPs or CIDR ranges, comma-separated.
   * Unset: none, the API uses the connection's address. docker-compose sets it for the nginx hop.
   */
  API_TRUST_PROXY: trustedProxies,
  // Throttles, in requests per minute (429 TOO_MANY_ATTEMPTS with Retry-After beyond them). Reads are not throttled.
  /**
   * Password logins per client address (an office behind one NAT address shares it; everyone logging in
   * at 8:00 stays below it). Single sign-on may take three times as many requests (start, callback, hand-off).
   */
  THROTTLE_LOGIN_PER_ADDRESS: perMinute(100),
  /** Session renewals per client address. */
  THROTTLE_REFRESH_PER_ADDRESS: perMinute(120),
  /** Writes (POST, PUT, PATCH, DELETE) per client address, whoever sends them. */
  THROTTLE_WRITES_PER_ADDRESS: perMinute(1200),
  /** Writes per logged-in person, from any address. */
  THROTTLE_WRITES_PER_PERSON: perMinute(240),
  /** System checks started per logged-in person (each one runs a workflow). */
  THROTTLE_SYSTEM_CHECKS_PER_PERSON: perMinute(6),
  /**
   * OpenID Connect login, for deployments with an identity provider. Set the issuer to enable it;
   * people are matched by their verified e-mail. The redirect URI is this API's /auth/oidc/callback as
   * the browser reaches it; after login the browser is sent to OIDC_POST_LOGIN_URL?handoff=… .
   */
  OIDC_ISSUER_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_POST_LOGIN_URL: z.url().optional(),
  /** Path to a prebuilt workflow bundle (production). Unset: the worker bundles `workflows/` at start. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  /** Where people open the web app; e-mails link to APP_URL + an app path (never to data). */
  APP_URL: z.url().default('http://localhost:5173'),
  /** SMTP server for notification e-mail, e.g. smtp://mail.example.go.id:587 (smtps:// for TLS). Unset: e-mail is off and mail waits in the outbox. */
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/.+/.test(v), 'harus berupa URL smtp:// atau smtps:// / must be an smtp:// or smtps:// URL')
    .optional(),
  /** Sender of notification e-mail. */
  MAIL_FROM: z.string().min(3).default('Gugus <noreply@localhost>'),
  /**
   * Key-encryption keys for personal data at rest, `id:base64[,id:base64…]`. The first wraps new per-record
   * data keys; the others only unwrap until `data-keys rewrap` has moved every data key to the first.
   */
  DATA_ENCRYPTION_KEYS: keyringSetting(DEV_DATA_ENCRYPTION_KEYS),
  /** Keys of the Temporal payload codec (workflow inputs, results, history), same format; old ones stay while histories use them. */
  TEMPORAL_PAYLOAD_KEYS: keyringSetting(DEV_TEMPORAL_PAYLOAD_KEYS),
  /** Key that seals new audit entries and checkpoints (HMAC-SHA-256), as `<key id>:<secret of 32+ characters>`. */
  AUDIT_HMAC_KEY: auditKey.default(DEV_AUDIT_HMAC_KEY),
  /** Retired audit keys, comma-separated `<key id>:<secret>`: verification only, never used to seal. */
  AUDIT_HMAC_OLD_KEYS: z
    .string()
    .refine((v) => v.split(',').every((k) => AUDIT_KEY.test(k.trim())), 'harus berupa daftar <id>:<rahasia> dipisah koma / must be a comma-separated list of <id>:<secret>')
    .optional(),
  /** Directory for signed checkpoints of the audit chain's head, outside the database (one file per process). */
  AUDIT_CHECKPOINT_DIR: z.string().optional(),
}).superRefine((config, ctx) => {
  const checks = [productionKeyProblems, oidcProblems, databaseRoleProblems, auditProblems];
  for (const problem of checks.flatMap((check) => check(config as ServerConfig))) {
    const [variable, ...message] = problem.split(': ');
    ctx.addIssue({ code: 'custom', message: message.join(': '), path: [variable] });
  }
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;

/** Every OIDC variable is needed once the issuer is set. */
export function oidcProblems(config: ServerConfig): string[] {
  if (!config.OIDC_ISSUER_URL) return [];
  const needed = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI', 'OIDC_POST_LOGIN_URL'] as const;
  return needed.filter((k) => !config[k]).map((k) => `${k}: wajib diisi bila OIDC_ISSUER_URL diatur / required when OIDC_ISSUER_URL is set`);
}

/** Development keys for personal data and Temporal payloads (ids `dev-only-…`) are refused in production. */
export function productionKeyProblems(config: ServerConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const devOnly = (value: string) => value.split(',').some((entry) => entry.trim().startsWith('dev-only'));
  return (['DATA_ENCRYPTION_KEYS', 'TEMPORAL_PAYLOAD_KEYS'] as const)
    .filter((k) => devOnly(config[k]))
    .map((k) => `${k}: kunci pengembangan tidak boleh dipakai di produksi; buat dengan \`openssl rand -base64 32\` / development keys are refused in production; generate one with \`openssl rand -base64 32\``);
}

/** No development password (docker-compose's POSTGRES_APP_PASSWORD default) in a production database URL. */
export function databaseRoleProblems(config: ServerConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  return (['DATABASE_URL', 'DATABASE_OWNER_URL'] as const)
    .filter((k) => config[k]?.includes('DEV-ONLY'))
    .map((k) => `${k}: kata sandi pengembangan tidak boleh dipakai di produksi / the development password must not be used in production`);
}

/** Audit keys: no development key in production, key ids unique; checkpoints are required in production. */
export function auditProblems(config: ServerConfig): string[] {
  const problems: string[] = [];
  const old = config.AUDIT_HMAC_OLD_KEYS?.split(',').map((k) => k.trim()) ?? [];
  if (config.NODE_ENV === 'production') {
    if (config.AUDIT_HMAC_KEY.includes('DEV-ONLY')) problems.push('AUDIT_HMAC_KEY: kunci pengembangan tidak boleh dipakai di produksi / the development key must not be used in production');
    if (old.some((k) => k.includes('DEV-ONLY'))) problems.push('AUDIT_HMAC_OLD_KEYS: kunci pengembangan tidak boleh dipakai di produksi / the development key must not be used in production');
    if (!config.AUDIT_CHECKPOINT_DIR) problems.push('AUDIT_CHECKPOINT_DIR: wajib diisi di produksi / required in production');
  }
  const ids = [config.AUDIT_HMAC_KEY, ...old].map((k) => k.split(':')[0]);
  if (new Set(ids).size !== ids.length) problems.push('AUDIT_HMAC_OLD_KEYS: setiap id kunci harus unik / every key id must be unique');
  return problems;
}

/** Variables that have no default and must be provided by the deployment. */
export function requiredVariables(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([key]) => key);
}
