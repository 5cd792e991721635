export { NotificationsModule, NotificationsWorkerModule } from './lib/notifications.module';
export { NotificationsService, type NotifyInput } from './lib/notifications.service';
export { NotificationsRepository, type ClaimedMail, type NewNotification, type Recipient } from './lib/notifications.repository';
export { NotificationEntity, NotificationOutboxEntity, NOTIFICATIONS_ENTITIES, type OutboxStatus } from './lib/notifications.entities';
export { MailOutboxDispatcher, MAX_MAIL_ATTEMPTS, retryDelaySeconds, type DispatchResult } from './lib/mail-outbox.dispatcher';
export { APP_PATH, composeNotificationEmail, type NotificationEmail } from './lib/notification-email';
