/** The notification list. */
export const NOTIFICATIONS_PATH = '/notifikasi';
