import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@gugus/server-audit';
import { FormsModule } from '@gugus/server-forms';
import { OrgsModule } from '@gugus/server-orgs';
import { LegacyDataSealer } from './legacy-sealer';
import { TasksController } from './tasks.controller';
import { TASK_ENTITIES } from './tasks.entities';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/** HTTP side of human tasks (API): the inbox, the task page and the actions. */
@Module({
  imports: [TypeOrmModule.forFeature(TASK_ENTITIES), FormsModule, AuditModule, OrgsModule],
  controllers: [TasksController],
  providers: [TasksRepository, TasksService],
  exports: [TasksService, TasksRepository],
})
export class TasksModule {}

/** Worker side: what the task activities need. */
@Module({
  imports: [TypeOrmModule.forFeature(TASK_ENTITIES), FormsModule, AuditModule],
  providers: [TasksRepository, LegacyDataSealer],
  exports: [TasksRepository, FormsModule, AuditModule],
})
export class TasksActivitiesModule {}
