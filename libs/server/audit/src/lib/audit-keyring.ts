import type { ServerConfig } from '@gugus/server-config';

/** One HMAC key of the audit trail; `id` is stored with every entry and checkpoint it seals. */
export interface AuditKey {
  id: string;
  secret: string;
}

function parseKey(text: string): AuditKey {
  const at = text.indexOf(':');
  return { id: text.slice(0, at), secret: text.slice(at + 1) };
}

/**
 * The current key seals new entries and checkpoints; retired keys stay for verification only, so a
 * rotation never makes older entries unverifiable. (The configuration schema has checked the format.)
 */
export class AuditKeyring {
  private readonly byId: Map<string, AuditKey>;

  constructor(
    readonly current: AuditKey,
    retired: readonly AuditKey[] = [],
  ) {
    this.byId = new Map([...retired, current].map((k) => [k.id, k]));
  }

  static fromConfig(config: Pick<ServerConfig, 'AUDIT_HMAC_KEY' | 'AUDIT_HMAC_OLD_KEYS'>): AuditKeyring {
    const retired = (config.AUDIT_HMAC_OLD_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map(parseKey);
    return new AuditKeyring(parseKey(config.AUDIT_HMAC_KEY), retired);
  }

  find(id: string): AuditKey | undefined {
    return this.byId.get(id);
  }
}
