import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailOutboxDispatcher } from './mail-outbox.dispatcher';
import { NotificationsController } from './notifications.controller';
import { NOTIFICATIONS_ENTITIES } from './notifications.entities';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** API side: each person's notification list; `NotificationsService` for modules that notify. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES)],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}

/** Worker side: `NotificationsService` for activities, and the outbox dispatcher the worker starts. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES)],
  providers: [NotificationsRepository, NotificationsService, MailOutboxDispatcher],
  exports: [NotificationsService, MailOutboxDispatcher],
})
export class NotificationsWorkerModule {}
