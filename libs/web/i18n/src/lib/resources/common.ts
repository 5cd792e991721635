const id = {
  app: {
    name: 'Gugus',
    subtitle: 'Gugus Tugas PP-TPPO',
    documentTitle: 'Gugus — Gugus Tugas PP-TPPO',
  },
  skipLink: 'Lewati ke konten utama',
  nav: {
    label: 'Navigasi utama',
    jurisdictions: 'Wilayah & gugus tugas',
    agencies: 'Instansi',
    audit: 'Jejak audit',
    status: 'Status sistem',
    publicFigures: 'Angka tahunan',
    more: 'Lainnya',
  },
  languageSwitch: {
    label: 'Bahasa',
    names: { id: 'Bahasa Indonesia', en: 'English' },
  },
  footer: 'Gugus — perangkat lunak sumber terbuka untuk Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang.',
  notFound: {
    title: 'Halaman tidak ditemukan',
    message: 'Alamat yang Anda buka tidak ada atau sudah dipindahkan.',
    back: 'Kembali ke status sistem',
  },
  pageError: {
    title: 'Halaman ini gagal ditampilkan',
    message: 'Terjadi kesalahan di aplikasi; data Anda yang tersimpan tidak terpengaruh. Muat ulang halaman, atau kembali ke beranda. Bila terulang, laporkan ke admin beserta alamat halaman ini.',
    reload: 'Muat ulang',
    home: 'Ke beranda',
  },
  errors: {
    unreachable: 'Server Gugus tidak dapat dihubungi. Periksa koneksi Anda; halaman akan mencoba lagi.',
    unexpected: 'Server memberikan jawaban yang tidak dikenali.',
    forbiddenTitle: 'Akses ditolak',
    notFoundTitle: 'Tidak ditemukan',
    failedTitle: 'Gagal',
    requestId: 'ID permintaan: {{requestId}}',
  },
  breadcrumbs: 'Jejak halaman',
  loading: 'Memuat…',
  saving: 'Menyimpan…',
};

const en: typeof id = {
  app: {
    name: 'Gugus',
    subtitle: 'Anti-Trafficking Task Force (PP-TPPO)',
    documentTitle: 'Gugus — Anti-Trafficking Task Force',
  },
  skipLink: 'Skip to main content',
  nav: {
    label: 'Main navigation',
    jurisdictions: 'Jurisdictions & task forces',
    agencies: 'Agencies',
    audit: 'Audit trail',
    status: 'System status',
    publicFigures: 'Annual figures',
    more: 'More',
  },
  languageSwitch: {
    label: 'Language',
    names: { id: 'Bahasa Indonesia', en: 'English' },
  },
  footer: 'Gugus — open-source software for the task forces for the prevention and handling of trafficking in persons.',
  notFound: {
    title: 'Page not found',
    message: 'The address you opened does not exist or has been moved.',
    back: 'Back to system status',
  },
  pageError: {
    title: 'This page could not be shown',
    message: 'Something went wrong in the app; what you saved is not affected. Reload the page, or go back to the home page. If it happens again, tell your administrator and give them this page’s address.',
    reload: 'Reload',
    home: 'Go to the home page',
  },
  errors: {
    unreachable: 'The Gugus server cannot be reached. Check your connection; the page will try again.',
    unexpected: 'The server gave an answer that was not understood.',
    forbiddenTitle: 'Access denied',
    notFoundTitle: 'Not found',
    failedTitle: 'Failed',
    requestId: 'Request ID: {{requestId}}',
  },
  breadcrumbs: 'Breadcrumbs',
  loading: 'Loading…',
  saving: 'Saving…',
};

/** The app shell: header, navigation, footer, shared error texts. */
export const common = { id, en };
