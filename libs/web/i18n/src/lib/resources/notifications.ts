const id = {
  bell: {
    label: 'Notifikasi',
    unread_one: 'Notifikasi, {{count}} belum dibaca',
    unread_other: 'Notifikasi, {{count}} belum dibaca',
    none: 'Notifikasi, tidak ada yang belum dibaca',
  },
  title: 'Notifikasi',
  intro: 'Pemberitahuan untuk Anda: tugas baru, pengingat tenggat dan eskalasi. Terbaru di atas. Waktu dalam WIB.',
  filter: {
    label: 'Tampilkan',
    all: 'Semua',
    unread: 'Belum dibaca',
  },
  unreadCount_one: '{{count}} belum dibaca',
  unreadCount_other: '{{count}} belum dibaca',
  markAllRead: 'Tandai semua sudah dibaca',
  markRead: 'Tandai sudah dibaca',
  open: 'Buka',
  unreadBadge: 'Baru',
  empty: 'Tidak ada notifikasi.',
  emptyUnread: 'Semua notifikasi sudah dibaca.',
  unavailable: 'Notifikasi tidak dapat dimuat.',
  actionFailed: 'Notifikasi tidak dapat ditandai.',
};

const en: typeof id = {
  bell: {
    label: 'Notifications',
    unread_one: 'Notifications, {{count}} unread',
    unread_other: 'Notifications, {{count}} unread',
    none: 'Notifications, none unread',
  },
  title: 'Notifications',
  intro: 'Notices for you: new tasks, due-date reminders and escalations. Newest first. Times in WIB (Western Indonesia Time).',
  filter: {
    label: 'Show',
    all: 'All',
    unread: 'Unread',
  },
  unreadCount_one: '{{count}} unread',
  unreadCount_other: '{{count}} unread',
  markAllRead: 'Mark all as read',
  markRead: 'Mark as read',
  open: 'Open',
  unreadBadge: 'New',
  empty: 'No notifications.',
  emptyUnread: 'All notifications have been read.',
  unavailable: 'Notifications could not be loaded.',
  actionFailed: 'The notification could not be marked.',
};

export const notifications = { id, en };
