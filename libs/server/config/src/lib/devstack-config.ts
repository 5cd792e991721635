import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/**
 * Environment of the one-command local runtime (`npm start`). Without DATABASE_URL it runs an embedded
 * PostgreSQL; without TEMPORAL_ADDRESS it runs the Temporal dev server. Data lives under GUGUS_DATA_DIR.
 */
export const devstackConfigSchema = z.object({
  GUGUS_DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().optional(),
  /** With an external DATABASE_URL: the schema owner's connection for migrations (else DATABASE_URL migrates). */
  DATABASE_OWNER_URL: z.string().optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  EMBEDDED_POSTGRES_PORT: port(5433),
  TEMPORAL_DEV_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  API_PORT: port(3000),
  WEB_PORT: port(5173),
  /** Local SMTP catcher for notification e-mail, started unless SMTP_URL is set (kept in GUGUS_DATA_DIR/mail). */
  MAIL_CATCHER_PORT: port(2525),
  SMTP_URL: z.string().optional(),
  /** Temporal CLI to use; found on PATH or in .tools/bin when unset. */
  TEMPORAL_CLI: z.string().optional(),
  LOG_LEVEL: z.string().default('info'),
});

export type DevstackConfig = z.infer<typeof devstackConfigSchema>;
