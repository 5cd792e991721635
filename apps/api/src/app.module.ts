import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type ServerConfig } from '@gugus/server-config';
import { CryptoModule } from '@gugus/server-crypto';
import { DatabaseModule } from '@gugus/server-database';
import { AuditModule } from '@gugus/server-audit';
import { AuthModule } from '@gugus/server-auth';
import { CalendarModule } from '@gugus/server-calendar';
import { CasesModule } from '@gugus/server-cases';
import { FormsModule } from '@gugus/server-forms';
import { HealthModule } from '@gugus/server-health';
import { MeetingsModule } from '@gugus/server-meetings';
import { PlansModule } from '@gugus/server-plans';
import { ReportsModule } from '@gugus/server-reports';
import { createLoggingModule } from '@gugus/server-http';
import { NotificationsModule } from '@gugus/server-notifications';
import { OrgsModule } from '@gugus/server-orgs';
import { ProcessSettingsModule } from '@gugus/server-process-settings';
import { SystemCheckModule } from '@gugus/server-system-check';
import { TasksModule } from '@gugus/server-tasks';
import { TemporalModule } from '@gugus/server-temporal';

@Module({})
export class AppModule {
  static register(config: ServerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        createLoggingModule(config.LOG_LEVEL),
        DatabaseModule,
        CryptoModule,
        TemporalModule,
        AuditModule,
        AuthModule,
        OrgsModule,
        FormsModule,
        CalendarModule,
        ProcessSettingsModule,
        NotificationsModule,
        TasksModule,
        MeetingsModule,
        PlansModule,
        CasesModule,
        ReportsModule,
        HealthModule,
        SystemCheckModule,
      ],
    };
  }
}
