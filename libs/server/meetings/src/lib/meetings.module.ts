import { Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@gugus/server-audit';
import { TasksModule } from '@gugus/server-tasks';
import { MeetingsController } from './meetings.controller';
import { MEETING_ENTITIES } from './meetings.entities';
import { MEETING_SETTINGS } from './meetings.ports';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { ProcessSettingsModule, ProcessSettingsService } from '@gugus/server-process-settings';

const settingsSource: Provider = { provide: MEETING_SETTINGS, useExisting: ProcessSettingsService };

/** HTTP side of coordination meetings (API). */
@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES), TasksModule, AuditModule, ProcessSettingsModule],
  controllers: [MeetingsController],
  providers: [MeetingsRepository, MeetingsService, settingsSource],
})
export class MeetingsModule {}

/** Worker side: what the meeting activities need. */
@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES), ProcessSettingsModule],
  providers: [MeetingsRepository, settingsSource],
  exports: [MeetingsRepository, MEETING_SETTINGS],
})
export class MeetingsActivitiesModule {}
