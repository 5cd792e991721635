import { ErrorCode } from '@gugus/contracts';
import { DomainError, type BilingualText } from '@gugus/server-http';

export const notificationNotFound = (id: string) =>
  new DomainError(ErrorCode.NOT_FOUND, { id: `Notifikasi ${id} tidak ditemukan.`, en: `Notification ${id} was not found.` });

/** A caller of `notify` passed something unusable (a programming error in the calling process). */
export const invalidNotification = (field: string, message: BilingualText) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Notifikasi tidak valid.', en: 'The notification is not valid.' }, { fields: [{ field, message }] });
