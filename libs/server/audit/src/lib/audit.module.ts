import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { AuditCheckpointWriter } from './audit-checkpoint.writer';
import { AuditController } from './audit.controller';
import { AuditEntryEntity } from './audit-entry.entity';
import { AUDIT_OPTIONS, auditOptionsFromConfig } from './audit-options';
import { AuditPrivilegesCheck } from './audit-privileges.check';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The audit trail: other modules inject AuditService to record what happened. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  controllers: [AuditController],
  providers: [
    { provide: AUDIT_OPTIONS, inject: [SERVER_CONFIG], useFactory: (config: ServerConfig) => auditOptionsFromConfig(config) },
    AuditRepository,
    AuditCheckpointWriter,
    AuditPrivilegesCheck,
    AuditService,
  ],
  exports: [AuditService],
})
export class AuditModule {}
