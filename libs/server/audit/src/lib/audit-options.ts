import type { ServerConfig } from '@gugus/server-config';
import { AuditKeyring } from './audit-keyring';

/** What the audit trail takes from configuration. */
export interface AuditOptions {
  keyring: AuditKeyring;
  /** Where checkpoints of the chain's head are kept; null: in the log only. */
  checkpointDir: string | null;
}

/** Injection token for {@link AuditOptions}. */
export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

export function auditOptionsFromConfig(config: Pick<ServerConfig, 'AUDIT_HMAC_KEY' | 'AUDIT_HMAC_OLD_KEYS' | 'AUDIT_CHECKPOINT_DIR'>): AuditOptions {
  return { keyring: AuditKeyring.fromConfig(config), checkpointDir: config.AUDIT_CHECKPOINT_DIR ?? null };
}
