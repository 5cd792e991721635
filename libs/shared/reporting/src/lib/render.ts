import { checkThreshold } from './audit';
import type { PublicationModel } from './model';
import type { SuppressionResult } from './suppress';

// What the public sees (issue 12, item 4): a published cell is its number; a suppressed cell is the text
// "< k" ("< 11"), never its value — and the same text for the small cells and for their complements, so the
// publication does not tell which suppressed cells were the small ones (the audit assumes exactly that). A
// complement may in truth be k or more, so the legend below says what the marker means; print it with every
// public table and CSV.

export type Language = 'id' | 'en';

/** The marker of a suppressed cell for threshold k: `< 11`. */
export function suppressionMarker(k = 11): string {
  checkThreshold(k);
  return `< ${k}`;
}

/** The legend for the marker, in Bahasa Indonesia and in English. */
export function suppressionLegend(k = 11): { readonly id: string; readonly en: string } {
  const marker = suppressionMarker(k);
  return {
    id: `"${marker}": disembunyikan untuk melindungi orang yang tercatat — jumlah 1 sampai ${k - 1}, atau jumlah lain yang ikut disembunyikan agar jumlah kecil tidak dapat dihitung dari total.`,
    en: `"${marker}": hidden to protect the people counted — a count from 1 to ${k - 1}, or another count hidden with it so that a small one cannot be worked out from the totals.`,
  };
}

/** Digits grouped by thousands — `.` in Bahasa Indonesia, `,` in English — without host locale data. */
export function formatCount(value: number, language: Language = 'id'): string {
  const digits = String(Math.abs(Math.trunc(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'id' ? '.' : ',');
  return value < 0 ? `-${grouped}` : grouped;
}

/** One cell as text: its number when published, the marker when suppressed. */
export function renderCell(value: number, suppressed: boolean, k = 11, language?: Language): string {
  if (suppressed) return suppressionMarker(k);
  return language ? formatCount(value, language) : String(value);
}

/** A cell as published: nothing of its true value when suppressed, and nothing of why. */
export interface PublicCell {
  readonly id: string;
  readonly coordinates?: readonly string[];
  /** The count, or null when suppressed. */
  readonly value: number | null;
  readonly text: string;
}

/**
 * The publication of a suppressed model: every cell as the public may see it. Refuses (throws) when the
 * suppression's audit did not pass, so an unprotected table cannot be rendered by mistake.
 */
export function publicCells(model: PublicationModel, result: SuppressionResult, language?: Language): PublicCell[] {
  if (!result.ok) {
    throw new Error(
      `Tabel belum aman untuk diterbitkan: ${result.audit.unprotected.length} sel tersembunyi masih dapat dipersempit / ` +
        `the tables are not safe to publish: ${result.audit.unprotected.length} suppressed cells can still be narrowed down`,
    );
  }
  return model.cells.map((cell, i) => {
    const suppressed = result.status[i] !== 'published';
    const base = { id: cell.id, value: suppressed ? null : cell.value, text: renderCell(cell.value, suppressed, result.k, language) };
    return cell.coordinates ? { ...base, coordinates: cell.coordinates } : base;
  });
}
