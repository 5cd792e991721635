import type { BilingualText } from './text';

/**
 * Monitoring and reporting (issue 12). Aggregates only: nothing here is about one person.
 */

/** `GET /reports/case-figures?jurisdictionCode=&year=&quarter=`: identified victims of a quarter, by breakdown. */
export interface CaseFiguresView {
  jurisdictionCode: string;
  year: number;
  quarter: number;
  /** The period's days in Asia/Jakarta: `from` inclusive, `until` exclusive (YYYY-MM-DD). */
  from: string;
  until: string;
  /** Identified victims (presumed, verified, confirmed) whose case the task force (or those below it) opened in the period. */
  total: number;
  /** Screened in the period and not counted (not a case, not confirmed, not yet screened). */
  notCounted: number;
  breakdowns: {
    key: string;
    label: BilingualText;
    /** Exploitation types and sectors: a case counts once per value it names, so they may add up to more than the total. */
    multiValued: boolean;
    items: { code: string; label: BilingualText; count: number }[];
  }[];
  /** What these figures cannot show (issue 12, item 6): always shown with them. */
  caveats: BilingualText[];
}
