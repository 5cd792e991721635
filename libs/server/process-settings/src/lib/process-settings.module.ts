import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@gugus/server-audit';
import { ProcessSettingsController } from './process-settings.controller';
import { ProcessSettingsEntity } from './process-settings.entity';
import { ProcessSettingsRepository } from './process-settings.repository';
import { ProcessSettingsService } from './process-settings.service';

/** Per-jurisdiction process settings: versions, effective resolution, the admin API. */
@Module({
  imports: [TypeOrmModule.forFeature([ProcessSettingsEntity]), AuditModule],
  controllers: [ProcessSettingsController],
  providers: [ProcessSettingsRepository, ProcessSettingsService],
  exports: [ProcessSettingsService],
})
export class ProcessSettingsModule {}
