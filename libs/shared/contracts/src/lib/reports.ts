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

/** `{ category, count }` rows, as the quarterly case report lists exploitation types, sectors and referral sources. */
export interface CategoryCount {
  category: string;
  count: number;
}

/**
 * The figures of a quarterly case report (the national form `quarterly-case-report` without its region,
 * period and free-text notes): counts and codes only — what a report carries up the hierarchy.
 */
export interface ReportFigures {
  personsScreened: number;
  victims: {
    total: number;
    bySex: { female: number; male: number };
    byAgeGroup: { child: number; adult: number };
    byNationality: { indonesian: number; foreign: number; stateless_or_unknown: number };
    byScope: { internal: number; international: number };
    byExploitationType: CategoryCount[];
    bySector: CategoryCount[];
    byReferralSource: CategoryCount[];
  };
  assistance: { service: string; personsAssisted: number }[];
  prosecution: { crimesRegistered: number; casesToProsecutor: number; verdicts: number; convictions: number };
  /**
   * Prevention, from the plans' progress reports of the quarter: the activities of the prevention sections
   * of the task force's endorsed plans reported on, completed, delayed or postponed (form 1.1.0). Absent in
   * reports made before it: read as zeros.
   */
  prevention?: { activitiesReported: number; activitiesCompleted: number; activitiesDelayed: number };
}

/** Which task force reports: a regency/city, a province (for itself and its regencies), the nation. */
export type ReportLevel = 'regency' | 'province' | 'national';
/** `open` while being compiled, `returned` for revision, `accepted` (locked), `superseded` by a later version. */
export type PeriodicReportStatus = 'open' | 'submitted' | 'returned' | 'accepted' | 'superseded';

/** One report of a cycle as lists show it. */
export interface PeriodicReportSummary {
  id: string;
  period: string;
  level: ReportLevel;
  jurisdictionCode: string;
  jurisdictionName: string;
  version: number;
  status: PeriodicReportStatus;
  /** Round of the submit → review loop (a return starts the next). */
  round: number;
  dueDate: string;
  /** The first submission of this version (what timeliness is measured by), and the latest. */
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  /**
   * The task force's timeliness for the period: its first version first submitted on or before that
   * version's due day (Jakarta); null while not submitted. A correction does not make a report late.
   */
  onTime: boolean | null;
  /** The first version not submitted and its due day passed. */
  overdue: boolean;
  /** What timeliness is measured by: the first version's due day and first submission (equal to this version's for version 1). */
  timelinessDueDate: string;
  timelinessSubmittedAt: string | null;
}

/** What a member agency sends the regency/city focal point (form `agency-report-part`): counts and remarks, no victim data. */
export interface ReportPartAnswers {
  victimsAssisted: number;
  victimsNotRecorded: number;
  prevention: { trainings: number; peopleTrained: number; materialsDistributed: number };
  prosecution: { crimesRegistered: number; verdicts: number };
  obstacles: string | null;
}

/**
 * A member agency's part of a regency/city's report for the period: `requested` while its task is open,
 * `submitted`, `not_received` once the focal point submitted without it, `unassigned` when nobody at the
 * agency holds the role that sends it.
 */
export interface ReportPartView {
  agencyId: string;
  agencyName: string;
  status: 'requested' | 'submitted' | 'not_received' | 'unassigned';
  dueDate: string;
  submittedAt: string | null;
  answers: ReportPartAnswers | null;
}

/** `GET /reports/periodic/:id`: one version of a report with its figures. */
export interface PeriodicReportView extends PeriodicReportSummary {
  /** What was submitted (null until then). */
  figures: ReportFigures | null;
  /** What the cases (regency/city), or the accepted reports below plus the task force's own cases (province, nation), said when this round opened. */
  computed: ReportFigures;
  /** The reports below this one counted in `computed` (province and nation). */
  counted: { reportId: string; jurisdictionCode: string; version: number }[];
  /** Task forces below that had no accepted report when this round opened (counted as missing). */
  missing: { jurisdictionCode: string; jurisdictionName: string }[];
  /** Every version of this task force's report for the period, oldest first. */
  versions: { id: string; version: number; status: PeriodicReportStatus; acceptedAt: string | null }[];
  correctionReason: string | null;
  /** A regency/city's report: its member agencies' parts for the period (whatever the version); empty for a province or the nation. */
  parts: ReportPartView[];
  /** The counts of the parts received, added up (zeros when none arrived). */
  partsTotal: Omit<ReportPartAnswers, 'obstacles'>;
  /** Labels of the category codes in the figures (exploitation types, sectors, referral sources, services). */
  labels: Record<string, BilingualText>;
  /** What these figures cannot show (issue 12, item 6). */
  caveats: BilingualText[];
}

/** `GET /reports/cycles/:period`: a cycle with the reports the caller may see, and timeliness per level. */
export interface ReportCycleView {
  period: string;
  from: string;
  until: string;
  status: 'open' | 'closed';
  openedAt: string;
  reports: PeriodicReportSummary[];
  /** Per level: task forces expected, submitted on time, submitted late, not submitted (the latest version of each counts). */
  timeliness: { level: ReportLevel; expected: number; onTime: number; late: number; missing: number }[];
}

/** A labelled count, as charts and their tables show it. */
export interface LabelledCount {
  code: string;
  label: BilingualText;
  count: number;
}

/**
 * `GET /reports/dashboard?from=&to=&jurisdictionCode=`: monitoring figures of a range of quarters for the
 * nation (each province a series) or a province (each regency/city a series), from the accepted periodic
 * reports and the case records — aggregates only, always with what they cannot show.
 */
export interface ReportDashboardView {
  jurisdictionCode: string;
  jurisdictionName: string;
  from: string;
  to: string;
  periods: string[];
  /** Identified victims per period: the scope's total (null where nothing is accepted yet). */
  totals: (number | null)[];
  /** One series per province (national scope) or regency/city (province scope): identified victims per period. */
  series: { code: string; name: string; values: (number | null)[]; /** Periods summed from the units below because the unit's own report is not accepted yet. */ fromBelow: string[] }[];
  /** Over the whole range, from the accepted reports. */
  breakdowns: { key: 'sex' | 'age' | 'nationality' | 'scope' | 'exploitation' | 'sector' | 'source'; label: BilingualText; items: LabelledCount[]; multiValued: boolean }[];
  /** Referrals sent in the range by the scope's cases: by status, and the median working of a response (calendar days, sent → answered). */
  referrals: { byStatus: LabelledCount[]; medianResponseDays: number | null; answered: number };
  /** Review-stage times in the range: median days from the first submission to acceptance, per level. */
  reviewTimes: { level: ReportLevel; medianDays: number | null; accepted: number }[];
  /**
   * Endorsed plans of action in scope, as reported up to `to`: activities by their latest status, indicators
   * against their targets, the budget spent against the plan; per province (nation) or per plan's region (province).
   */
  plans: {
    plans: number;
    activities: number;
    byStatus: LabelledCount[];
    indicator: LabelledCount[];
    plannedBudget: number;
    spent: number;
    units: { code: string; name: string; plans: number; activities: number; completed: number; delayed: number; notReported: number; plannedBudget: number; spent: number }[];
  };
  /** The latest cycle in the range: every task force in scope with its timeliness (a table of all 553 for the nation). */
  timeliness: { period: string | null; rows: { jurisdictionCode: string; name: string; level: ReportLevel; status: PeriodicReportStatus | 'none'; onTime: boolean | null }[] };
  caveats: BilingualText[];
}

/**
 * What an export holds: `periodic-reports`, the accepted reports' figures; `case-records`, one de-identified
 * row per identified victim whose consent covers research, in the fields of IOM's HTCDS (analysts only).
 */
export type ReportExportKind = 'periodic-reports' | 'case-records';

/** `POST /reports/exports`, `GET /reports/exports/:id`: an export running in the background, and its file when done. */
export interface ReportExportView {
  id: string;
  kind: ReportExportKind;
  status: 'running' | 'done' | 'failed';
  /** 0–100. */
  progress: number;
  rowsWritten: number;
  totalRows: number | null;
  fileName: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One published cell: a count, or null and "< 11" when suppressed. */
export interface PublicCell {
  key: string;
  value: number | null;
  display: string;
}

/**
 * `GET /public/figures` (no login): the annual figures of every complete year with accepted reports,
 * nationally and per province, every cell through small-cell suppression with k = 11 over all the tables
 * of its year together. Counts and reference codes only: no record, no free text.
 */
export interface PublicFiguresView {
  k: number;
  legend: BilingualText;
  years: {
    year: number;
    provinces: { cells: (PublicCell & { name: string })[]; total: PublicCell };
    breakdowns: { key: 'sex' | 'ageGroup' | 'scope' | 'exploitationType' | 'sector'; multiValued: boolean; cells: PublicCell[]; total: PublicCell | null }[];
    provincesWithoutFigures: string[];
    /** When the year was published (once, after its four quarterly cycles closed; never recomputed). */
    publishedAt: string;
  }[];
  /** Years whose tables could not be protected (too few victims to hide a small cell): not published. */
  withheldYears: number[];
  /** Labels of the exploitation type and sector codes. */
  labels: Record<string, BilingualText>;
  caveats: BilingualText[];
}
