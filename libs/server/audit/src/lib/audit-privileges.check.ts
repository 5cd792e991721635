import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { AuditRepository, type AuditTablePrivileges } from './audit.repository';

/** What the role may do to the audit table beyond reading and appending, e.g. `["owner", "UPDATE", "DELETE"]`. */
export function excessAuditPrivileges(p: AuditTablePrivileges): string[] {
  return [...(p.owns ? ['owner'] : []), ...(['update', 'delete', 'truncate'] as const).filter((v) => p[v]).map((v) => v.toUpperCase())];
}

/**
 * At boot, checks that the database role of the API or worker can only read and append to `audit_log`
 * (DATABASE_URL is the app role; migrations use DATABASE_OWNER_URL). In production a more powerful role
 * stops the process; elsewhere it is a warning, so a developer's own setup still starts.
 */
@Injectable()
export class AuditPrivilegesCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditPrivileges');

  constructor(
    private readonly repo: AuditRepository,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let privileges: AuditTablePrivileges | null;
    try {
      privileges = await this.repo.tablePrivileges();
    } catch (err) {
      this.logger.warn(`Hak akses tabel audit tidak dapat diperiksa / Could not check the rights on the audit table: ${(err as Error).message}`);
      return;
    }
    const excess = privileges ? excessAuditPrivileges(privileges) : [];
    if (!privileges || !excess.length) return;
    const message =
      `Peran basis data "${privileges.role}" punya hak berlebih atas audit_log (${excess.join(', ')}): jejak audit dapat diubah. Hubungkan DATABASE_URL sebagai peran aplikasi (anggota gugus_app); migrasi memakai DATABASE_OWNER_URL. / ` +
      `Database role "${privileges.role}" has excess rights on audit_log (${excess.join(', ')}): the audit trail can be rewritten. Connect DATABASE_URL as the app role (a member of gugus_app); migrations use DATABASE_OWNER_URL.`;
    if (this.config.NODE_ENV === 'production') throw new Error(message);
    this.logger.warn(message);
  }
}
