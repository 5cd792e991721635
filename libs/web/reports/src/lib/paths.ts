/** Where the report screens live. */
export const reportPaths = {
  /** A quarter's case figures: `?wilayah=32&tahun=2027&triwulan=1`. */
  caseFigures: '/laporan/angka-kasus',
  /** The periodic report cycles: `?periode=2027-Q1`. */
  periodic: '/laporan/berkala',
  /** The monitoring dashboard: `?wilayah=00&dari=2026-Q1&sampai=2027-Q4`. */
  dashboard: '/laporan/dasbor',
  /** The public annual figures, without login. */
  publicFigures: '/angka-tahunan',
  /** One version of a periodic report. */
  periodicReport: (id: string) => `/laporan/berkala/laporan/${id}`,
};
