import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type ServerConfig } from '@gugus/server-config';
import { CalendarModule } from '@gugus/server-calendar';
import { CasesActivitiesModule } from '@gugus/server-cases';
import { CryptoModule } from '@gugus/server-crypto';
import { DatabaseModule } from '@gugus/server-database';
import { createLoggingModule } from '@gugus/server-http';
import { NotificationsWorkerModule } from '@gugus/server-notifications';
import { MeetingsActivitiesModule } from '@gugus/server-meetings';
import { PlansActivitiesModule } from '@gugus/server-plans';
import { ProcessSettingsModule } from '@gugus/server-process-settings';
import { ReportsActivitiesModule } from '@gugus/server-reports';
import { SystemCheckActivitiesModule } from '@gugus/server-system-check';
import { TasksActivitiesModule } from '@gugus/server-tasks';

/** What activity implementations need from Nest: config, logging, database, domain repositories. */
@Module({})
export class WorkerModule {
  static register(config: ServerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), createLoggingModule(config.LOG_LEVEL), DatabaseModule, CryptoModule, SystemCheckActivitiesModule, CalendarModule, ProcessSettingsModule, NotificationsWorkerModule, TasksActivitiesModule, MeetingsActivitiesModule, PlansActivitiesModule, CasesActivitiesModule, ReportsActivitiesModule],
    };
  }
}
