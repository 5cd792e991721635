const id = {
  title: 'Status Sistem',
  intro: 'Keadaan layanan yang dibutuhkan Gugus. Halaman ini memeriksa ulang setiap 10 detik.',
  refresh: 'Periksa ulang sekarang',
  overall: {
    loading: 'Memeriksa status layanan…',
    up: 'Semua layanan berjalan',
    down: 'Sebagian layanan tidak tersedia',
    unreachable: 'Status layanan tidak dapat diketahui',
  },
  checkedAt: 'Terakhir diperiksa: {{time}} WIB',
  version: 'Versi API {{version}}',
  components: {
    heading: 'Komponen',
    database: 'Basis data (PostgreSQL)',
    temporal: 'Mesin proses (Temporal)',
  },
  componentStatus: {
    up: 'Aktif',
    down: 'Tidak tersedia',
    unknown: 'Tidak diketahui',
    pending: 'Memeriksa…',
  },
  latency: 'Waktu respons: {{latency}} ms',
  reason: 'Alasan: {{reason}}',
  reasons: {
    timeout: 'tidak menjawab dalam batas waktu',
    unreachable: 'tidak dapat dihubungi',
  },
  unknownDetail: 'Tidak dapat diperiksa saat ini.',
  systemCheck: {
    heading: 'Pemeriksaan sistem',
    description:
      'Menjalankan satu alur kerja uji melalui seluruh rantai: API → mesin proses → pekerja → basis data. Jika selesai, seluruh rantai berfungsi.',
    run: 'Jalankan pemeriksaan sistem',
    starting: 'Memulai pemeriksaan…',
    startFailed: 'Pemeriksaan tidak dapat dimulai.',
    pollFailed: 'Status pemeriksaan tidak dapat diambil.',
    summary: {
      requested: 'Pemeriksaan sudah diminta dan menunggu giliran.',
      running: 'Pemeriksaan sedang berjalan…',
      completed: 'Pemeriksaan berhasil: seluruh rantai berfungsi.',
      failed: 'Pemeriksaan gagal.',
    },
    status: {
      requested: 'Diminta',
      running: 'Berjalan',
      completed: 'Selesai',
      failed: 'Gagal',
    },
    stage: {
      started: 'Dimulai',
      probing: 'Memeriksa basis data',
      recording: 'Mencatat hasil',
      done: 'Selesai',
    },
    fields: {
      status: 'Status',
      stage: 'Tahap',
      attempts: 'Percobaan',
      databaseVersion: 'Versi basis data',
      requestedAt: 'Diminta pada',
      completedAt: 'Selesai pada',
      id: 'ID pemeriksaan',
    },
    time: '{{time}} WIB',
    none: 'belum ada',
  },
};

const en: typeof id = {
  title: 'System status',
  intro: 'Health of the services Gugus depends on. This page checks again every 10 seconds.',
  refresh: 'Check again now',
  overall: {
    loading: 'Checking the services…',
    up: 'All services are running',
    down: 'Some services are unavailable',
    unreachable: 'The state of the services is unknown',
  },
  checkedAt: 'Last checked: {{time}} WIB',
  version: 'API version {{version}}',
  components: {
    heading: 'Components',
    database: 'Database (PostgreSQL)',
    temporal: 'Process engine (Temporal)',
  },
  componentStatus: {
    up: 'Up',
    down: 'Down',
    unknown: 'Unknown',
    pending: 'Checking…',
  },
  latency: 'Latency: {{latency}} ms',
  reason: 'Reason: {{reason}}',
  reasons: {
    timeout: 'did not answer in time',
    unreachable: 'cannot be reached',
  },
  unknownDetail: 'Cannot be checked right now.',
  systemCheck: {
    heading: 'System check',
    description:
      'Runs one test workflow through the whole chain: API → process engine → worker → database. If it completes, the whole chain works.',
    run: 'Run system check',
    starting: 'Starting the check…',
    startFailed: 'The check could not be started.',
    pollFailed: 'The state of the check could not be fetched.',
    summary: {
      requested: 'The check has been requested and is waiting its turn.',
      running: 'The check is running…',
      completed: 'Check passed: the whole chain works.',
      failed: 'The check failed.',
    },
    status: {
      requested: 'Requested',
      running: 'Running',
      completed: 'Completed',
      failed: 'Failed',
    },
    stage: {
      started: 'Started',
      probing: 'Probing the database',
      recording: 'Recording the result',
      done: 'Done',
    },
    fields: {
      status: 'Status',
      stage: 'Stage',
      attempts: 'Attempts',
      databaseVersion: 'Database version',
      requestedAt: 'Requested at',
      completedAt: 'Completed at',
      id: 'Check ID',
    },
    time: '{{time}} WIB',
    none: 'none yet',
  },
};

/** The system status screen. */
export const systemStatus = { id, en };
