import type { BilingualText } from '@gugus/contracts';

/** The labels of the fixed categories of a report's figures (not option lists), for the dashboard and the annual report's PDF. */
export const CATEGORY_LABELS: Readonly<Record<string, BilingualText>> = {
  female: { id: 'Perempuan', en: 'Female' },
  male: { id: 'Laki-laki', en: 'Male' },
  child: { id: 'Anak', en: 'Children' },
  adult: { id: 'Dewasa', en: 'Adults' },
  indonesian: { id: 'WNI', en: 'Indonesian' },
  foreign: { id: 'WNA', en: 'Foreign' },
  stateless_or_unknown: { id: 'Tanpa kewarganegaraan / belum diketahui', en: 'Stateless or unknown' },
  internal: { id: 'Dalam negeri', en: 'Internal' },
  international: { id: 'Lintas negara', en: 'International' },
  not_recorded: { id: 'Tidak tercatat', en: 'Not recorded' },
};
