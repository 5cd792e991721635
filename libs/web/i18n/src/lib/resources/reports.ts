// Monitoring and reporting screens (issue 12). Aggregates only: no text here has room for a case or a name.

const id = {
  nav: 'Laporan',
  figures: {
    title: 'Angka kasus per triwulan',
    intro: 'Korban teridentifikasi yang kasusnya dibuka gugus tugas ini (atau yang di bawahnya) dalam triwulan, per rincian laporan triwulanan. Dihitung dari catatan kasus, tidak diketik ulang.',
    jurisdiction: 'Wilayah',
    year: 'Tahun',
    quarter: 'Triwulan',
    quarterN: 'Triwulan {{n}}',
    period: '{{from}} sampai sebelum {{until}} (WIB)',
    total: 'Korban teridentifikasi',
    notCounted: 'Disaring dan tidak dihitung',
    code: 'Kode',
    label: 'Rincian',
    count: 'Jumlah',
    multiValued: 'Satu kasus dapat menyebut lebih dari satu nilai: jumlahnya dapat melebihi total.',
    caveats: 'Yang tidak dapat ditunjukkan angka ini',
    noAccess: 'Peran Anda tidak membaca angka laporan.',
    csv: 'Unduh CSV',
    downloading: 'Mengunduh…',
  },
};

const en: typeof id = {
  nav: 'Reports',
  figures: {
    title: 'Case figures by quarter',
    intro: "Identified victims whose case this task force (or one below it) opened in the quarter, by each breakdown of the quarterly report. Computed from the case records, never typed twice.",
    jurisdiction: 'Region',
    year: 'Year',
    quarter: 'Quarter',
    quarterN: 'Quarter {{n}}',
    period: '{{from}} up to {{until}} (WIB)',
    total: 'Identified victims',
    notCounted: 'Screened and not counted',
    code: 'Code',
    label: 'Breakdown',
    count: 'Count',
    multiValued: 'One case may name more than one value: the counts may add up to more than the total.',
    caveats: 'What these figures cannot show',
    noAccess: 'Your role does not read report figures.',
    csv: 'Download CSV',
    downloading: 'Downloading…',
  },
};

export const reports = { id, en };
