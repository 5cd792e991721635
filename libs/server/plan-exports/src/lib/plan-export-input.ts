import type { PlanDecree, PlanVersionContent } from '@gugus/contracts';

/** Everything the exports print about one plan version; the caller reads it from the plan and its directory. */
export interface PlanExportInput {
  /** The plan's title, e.g. "Rencana Aksi Daerah Pencegahan dan Penanganan TPPO Provinsi Jawa Barat". */
  title: string;
  /** The jurisdiction's name, e.g. "Provinsi Jawa Barat". */
  jurisdictionName: string;
  /** The first year of the plan's period, e.g. 2027. */
  periodStart: number;
  /** The period's length in years (3 or 5): 2027 and 5 make "2027–2031". */
  periodYears: number;
  /** The version's number (1, 2 …). */
  versionSeq: number;
  /** Whether this version is the endorsed one; an unendorsed version is printed as a draft. */
  endorsed: boolean;
  /** The head of region's decree that endorsed it, or null. */
  decree: PlanDecree | null;
  content: PlanVersionContent;
  /** Agency names by agency id (lead, responsible and implementing agencies); an unknown id is printed as is. */
  agencyNames: Record<string, string>;
  /**
   * Budget source labels by code, where the jurisdiction's variant of the form names them differently;
   * the national `budget-sources` list names the rest.
   */
  budgetSourceLabels?: Record<string, string>;
  /** When the export is made (ISO 8601 instant): printed, and the PDF's creation date, so the same input gives the same file. */
  generatedAt: string;
}
