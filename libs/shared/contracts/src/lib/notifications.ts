/** Text in both languages; the reader's language is picked when shown (Bahasa Indonesia first). */
export interface NotificationText {
  id: string;
  en: string;
}

/** One in-app notification of the person asking. Carries no case data: a title, a short text and an app path. */
export interface NotificationView {
  id: string;
  kind: string;
  title: NotificationText;
  body: NotificationText;
  /** An app path such as `/tugas/<uuid>`, or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** `GET /notifications`: newest first, and how many of the caller's notifications are unread overall. */
export interface NotificationList {
  items: NotificationView[];
  unreadCount: number;
}

/** `POST /notifications/read-all`: how many were marked read. */
export interface NotificationsMarkedRead {
  marked: number;
}
