/** Where the report screens live. */
export const reportPaths = {
  /** A quarter's case figures: `?wilayah=32&tahun=2027&triwulan=1`. */
  caseFigures: '/laporan/angka-kasus',
};
