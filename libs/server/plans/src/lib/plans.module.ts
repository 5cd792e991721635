import { Module, type Provider } from '@nestjs/common';
import { AuditModule } from '@gugus/server-audit';
import { CalendarModule } from '@gugus/server-calendar';
import { ProcessSettingsModule, ProcessSettingsService } from '@gugus/server-process-settings';
import { TasksModule } from '@gugus/server-tasks';
import { PlansController } from './plans.controller';
import { PLAN_SETTINGS } from './plans.ports';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

const settingsSource: Provider = { provide: PLAN_SETTINGS, useExisting: ProcessSettingsService };

/** HTTP side of plans of action (API). */
@Module({
  imports: [TasksModule, AuditModule, ProcessSettingsModule, CalendarModule],
  controllers: [PlansController],
  providers: [PlansRepository, PlansService, settingsSource],
})
export class PlansModule {}

/** Worker side: what the plan activities need. */
@Module({
  providers: [PlansRepository],
  exports: [PlansRepository],
})
export class PlansActivitiesModule {}
