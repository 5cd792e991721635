import { z } from 'zod';
import { Role } from './access';

/**
 * Per-jurisdiction process settings: durations and who does which step. Defined here, once, so the web
 * form and the API validate with the same schema and give the same field messages.
 */

type Text = { id: string; en: string };

/** Roles a process step can be assigned to; the system administrator and the national analyst do no task-force steps. */
export const STEP_ROLES = [Role.SECRETARIAT, Role.CHAIR, Role.AGENCY_OFFICER, Role.PROVINCIAL_ADMIN, Role.LEGAL_REVIEWER, Role.CASE_COORDINATOR, Role.CASE_WORKER] as const;
export type StepRole = (typeof STEP_ROLES)[number];

export type DurationUnit = 'months' | 'days' | 'working_days' | 'hours';
const UNITS: Record<DurationUnit, Text> = {
  hours: { id: 'jam', en: 'hours' },
  months: { id: 'bulan', en: 'months' },
  days: { id: 'hari kalender', en: 'calendar days' },
  working_days: { id: 'hari kerja', en: 'working days' },
};

/** One number in a process's settings: its bounds, unit and label. */
export interface DurationField<K extends string = string> {
  key: K;
  min: number;
  max: number;
  unit: DurationUnit;
  label: Text;
}

/** One step whose performer is a role. */
export interface RoleField<K extends string = string> {
  key: K;
  label: Text;
}

const COORDINATION_MEETING_DURATIONS = [
  // Regulation: a plenary at least every 4 months.
  { key: 'plenaryIntervalMonths', min: 1, max: 4, unit: 'months', label: { id: 'Jarak antar rapat pleno', en: 'Interval between plenary meetings' } },
  { key: 'subTaskForceIntervalMonths', min: 1, max: 3, unit: 'months', label: { id: 'Jarak antar rapat Sub-Gugus Tugas', en: 'Interval between Sub-task-force meetings' } },
  { key: 'invitationLeadDays', min: 7, max: 30, unit: 'days', label: { id: 'Undangan dikirim sebelum rapat', en: 'Invitations sent before the meeting' } },
  { key: 'meetingReminderLeadDays', min: 1, max: 7, unit: 'days', label: { id: 'Pengingat rapat sebelum rapat', en: 'Meeting reminder before the meeting' } },
  { key: 'agendaWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu menyusun agenda', en: 'Time to draft the agenda' } },
  { key: 'rsvpWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu konfirmasi kehadiran', en: 'Time to confirm attendance' } },
  { key: 'minutesWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu menyusun notulen', en: 'Time to write the minutes' } },
  { key: 'approvalWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu persetujuan notulen', en: 'Time to approve the minutes' } },
  { key: 'actionPointWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu tindak lanjut (bila notulen tidak menyebut)', en: 'Action point deadline (when the minutes give none)' } },
  { key: 'taskReminderWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Pengingat tugas sebelum jatuh tempo', en: 'Task reminder before the due date' } },
  { key: 'escalationWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Eskalasi setelah jatuh tempo', en: 'Escalation after the due date' } },
] as const satisfies readonly DurationField[];

const COORDINATION_MEETING_ROLES = [
  { key: 'agenda', label: { id: 'Menyusun agenda', en: 'Drafting the agenda' } },
  { key: 'minutes', label: { id: 'Menyusun notulen', en: 'Writing the minutes' } },
  { key: 'approval', label: { id: 'Menyetujui notulen', en: 'Approving the minutes' } },
  { key: 'rsvp', label: { id: 'Konfirmasi kehadiran', en: 'Confirming attendance' } },
  { key: 'actionPoint', label: { id: 'Melaksanakan tindak lanjut', en: 'Carrying out action points' } },
  { key: 'escalation', label: { id: 'Menerima eskalasi', en: 'Receiving escalations' } },
] as const satisfies readonly RoleField[];


const stepRole = z.enum(STEP_ROLES);

/** The schema of a process's settings: each duration a whole number within its bounds, each step's role one of STEP_ROLES. */
function settingsSchema<const D extends readonly DurationField[], const R extends readonly RoleField[]>(durations: D, roles: R) {
  return z.strictObject({
    ...(Object.fromEntries(durations.map((f) => [f.key, z.int().min(f.min).max(f.max)])) as Record<D[number]['key'], z.ZodInt>),
    roles: z.strictObject(Object.fromEntries(roles.map((f) => [f.key, stepRole])) as Record<R[number]['key'], typeof stepRole>),
  });
}

export const coordinationMeetingSettingsSchema = settingsSchema(COORDINATION_MEETING_DURATIONS, COORDINATION_MEETING_ROLES);

/** Settings of the coordination-meeting process (durations in the unit their name says). */
export type CoordinationMeetingSettings = z.infer<typeof coordinationMeetingSettingsSchema>;

/** National defaults, used wherever no jurisdiction up the hierarchy has saved a version. */
export const COORDINATION_MEETING_DEFAULTS: CoordinationMeetingSettings = {
  plenaryIntervalMonths: 4,
  subTaskForceIntervalMonths: 1,
  invitationLeadDays: 14,
  meetingReminderLeadDays: 2,
  agendaWorkingDays: 5,
  rsvpWorkingDays: 5,
  minutesWorkingDays: 5,
  approvalWorkingDays: 5,
  actionPointWorkingDays: 20,
  taskReminderWorkingDays: 1,
  escalationWorkingDays: 1,
  roles: { agenda: Role.SECRETARIAT, minutes: Role.SECRETARIAT, approval: Role.CHAIR, rsvp: Role.AGENCY_OFFICER, actionPoint: Role.AGENCY_OFFICER, escalation: Role.CHAIR },
};

/** A process whose settings a jurisdiction can adapt. */
export interface ProcessSettingsDefinition<T> {
  key: string;
  title: Text;
  schema: z.ZodType<T>;
  defaults: T;
  durations: readonly DurationField[];
  roles: readonly RoleField[];
}

export const COORDINATION_MEETING_PROCESS: ProcessSettingsDefinition<CoordinationMeetingSettings> = {
  key: 'coordination-meeting',
  title: { id: 'Rapat koordinasi', en: 'Coordination meetings' },
  schema: coordinationMeetingSettingsSchema,
  defaults: COORDINATION_MEETING_DEFAULTS,
  durations: COORDINATION_MEETING_DURATIONS,
  roles: COORDINATION_MEETING_ROLES,
};

const PLAN_OF_ACTION_DURATIONS = [
  { key: 'sectionDraftingWorkingDays', min: 5, max: 120, unit: 'working_days', label: { id: 'Batas waktu menyusun bagian RAD', en: 'Time to draft a plan section' } },
  { key: 'compileWorkingDays', min: 1, max: 30, unit: 'working_days', label: { id: 'Batas waktu menghimpun rancangan', en: 'Time to compile the draft' } },
  { key: 'memberCommentWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu tanggapan instansi anggota', en: 'Time for member agencies to comment' } },
  { key: 'sectionRevisionWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu memperbaiki bagian RAD', en: 'Time to revise a plan section' } },
  { key: 'legalReviewWorkingDays', min: 1, max: 120, unit: 'working_days', label: { id: 'Batas waktu telaah hukum per putaran', en: 'Time for a legal review round' } },
  { key: 'decreeWorkingDays', min: 1, max: 120, unit: 'working_days', label: { id: 'Batas waktu penetapan keputusan kepala daerah', en: "Time to issue the head of region's decree" } },
  { key: 'integrationWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu integrasi ke Renstra', en: 'Time to integrate into the Renstra' } },
  { key: 'progressReportWorkingDays', min: 1, max: 30, unit: 'working_days', label: { id: 'Batas waktu laporan kemajuan sesudah periode', en: 'Time to report progress after a period' } },
  { key: 'evaluationWorkingDays', min: 5, max: 60, unit: 'working_days', label: { id: 'Batas waktu evaluasi tahunan', en: 'Time for the annual evaluation' } },
  { key: 'taskReminderWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Pengingat tugas sebelum jatuh tempo', en: 'Task reminder before the due date' } },
  { key: 'escalationWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Eskalasi setelah jatuh tempo', en: 'Escalation after the due date' } },
] as const satisfies readonly DurationField[];

const PLAN_OF_ACTION_ROLES = [
  { key: 'secretariat', label: { id: 'Memulai, menghimpun dan memantau RAD', en: 'Starting, compiling and monitoring the plan' } },
  { key: 'section', label: { id: 'Menyusun bagian RAD (instansi koordinator Sub-GT)', en: 'Drafting a section (the Sub-TF lead agency)' } },
  { key: 'memberComment', label: { id: 'Menanggapi rancangan (instansi anggota)', en: 'Commenting on the draft (member agencies)' } },
  { key: 'legalReview', label: { id: 'Telaah hukum', en: 'Legal review' } },
  { key: 'decree', label: { id: 'Mencatat keputusan kepala daerah', en: "Recording the head of region's decree" } },
  { key: 'steering', label: { id: 'Menelaah laporan kinerja sebelum ketua (ketua harian)', en: 'Reviewing the performance reports before the chair (steering chair)' } },
  { key: 'agency', label: { id: 'Integrasi anggaran dan laporan kemajuan (instansi)', en: 'Budget integration and progress reports (agencies)' } },
  { key: 'escalation', label: { id: 'Menerima eskalasi', en: 'Receiving escalations' } },
] as const satisfies readonly RoleField[];


export const planOfActionSettingsSchema = settingsSchema(PLAN_OF_ACTION_DURATIONS, PLAN_OF_ACTION_ROLES);

/** Settings of the plan-of-action process; a running plan keeps the version it started with. */
export type PlanOfActionSettings = z.infer<typeof planOfActionSettingsSchema>;

/** National defaults (seed 000 §4.5–4.9; the budget calendar's own dates are fixed by regulation, not settings). */
export const PLAN_OF_ACTION_DEFAULTS: PlanOfActionSettings = {
  sectionDraftingWorkingDays: 20,
  compileWorkingDays: 5,
  memberCommentWorkingDays: 10,
  sectionRevisionWorkingDays: 10,
  legalReviewWorkingDays: 20,
  decreeWorkingDays: 30,
  integrationWorkingDays: 20,
  progressReportWorkingDays: 10,
  evaluationWorkingDays: 20,
  taskReminderWorkingDays: 2,
  escalationWorkingDays: 3,
  roles: { secretariat: Role.SECRETARIAT, section: Role.AGENCY_OFFICER, memberComment: Role.AGENCY_OFFICER, legalReview: Role.LEGAL_REVIEWER, decree: Role.CHAIR, steering: Role.CHAIR, agency: Role.AGENCY_OFFICER, escalation: Role.CHAIR },
};

export const PLAN_OF_ACTION_PROCESS: ProcessSettingsDefinition<PlanOfActionSettings> = {
  key: 'plan-of-action',
  title: { id: 'Rencana Aksi Daerah', en: 'Plan of action' },
  schema: planOfActionSettingsSchema,
  defaults: PLAN_OF_ACTION_DEFAULTS,
  durations: PLAN_OF_ACTION_DURATIONS,
  roles: PLAN_OF_ACTION_ROLES,
};

const CASE_MANAGEMENT_DURATIONS = [
  // First-responder duties are urgent (seed 003 L2386-2403): intake and screening within days, not weeks.
  { key: 'intakeWorkingDays', min: 1, max: 10, unit: 'working_days', label: { id: 'Batas waktu penerimaan kasus', en: 'Time to record the case intake' } },
  { key: 'screeningWorkingDays', min: 1, max: 10, unit: 'working_days', label: { id: 'Batas waktu penapisan awal', en: 'Time for the initial screening' } },
  { key: 'immediateProtectionWorkingDays', min: 1, max: 5, unit: 'working_days', label: { id: 'Batas waktu memenuhi kebutuhan segera', en: 'Time to meet an immediate need' } },
  // "Within 48 hours of the referral" (seed 004 case conference): a clock in hours, weekends included.
  { key: 'conferenceHours', min: 4, max: 168, unit: 'hours', label: { id: 'Batas waktu konferensi kasus sejak rujukan', en: 'Time from the referral to the case conference' } },
  { key: 'referralResponseWorkingDays', min: 1, max: 10, unit: 'working_days', label: { id: 'Batas waktu lembaga penerima menjawab rujukan', en: 'Time for the receiving agency to answer a referral' } },
  { key: 'reintegrationPlanWorkingDays', min: 1, max: 90, unit: 'working_days', label: { id: 'Batas waktu menyusun rencana reintegrasi', en: 'Time to draw up the reintegration plan' } },
  { key: 'reunificationWorkingDays', min: 1, max: 250, unit: 'working_days', label: { id: 'Batas waktu mencatat penyatuan kembali atau pemulangan', en: 'Time to record the reunification or return' } },
  { key: 'followUpWorkingDays', min: 1, max: 30, unit: 'working_days', label: { id: 'Batas waktu kunjungan pemantauan sejak jadwalnya', en: 'Time for a follow-up visit from its scheduled day' } },
  { key: 'closureWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu penutupan kasus setelah pemantauan terakhir', en: 'Time to close the case after the last follow-up' } },
  { key: 'serviceOutcomeWorkingDays', min: 1, max: 120, unit: 'working_days', label: { id: 'Batas waktu laporan hasil layanan setelah rujukan diterima', en: 'Time for the service outcome report once a referral is accepted' } },
  { key: 'taskReminderWorkingDays', min: 1, max: 10, unit: 'working_days', label: { id: 'Pengingat tugas sebelum jatuh tempo', en: 'Task reminder before the due date' } },
  { key: 'escalationWorkingDays', min: 1, max: 10, unit: 'working_days', label: { id: 'Eskalasi setelah jatuh tempo', en: 'Escalation after the due date' } },
] as const satisfies readonly DurationField[];

const CASE_MANAGEMENT_ROLES = [
  { key: 'intake', label: { id: 'Penerimaan kasus dan penapisan awal (instansi penerima)', en: 'Case intake and initial screening (the intake agency)' } },
  { key: 'protection', label: { id: 'Memenuhi kebutuhan segera', en: 'Meeting immediate needs' } },
  { key: 'conference', label: { id: 'Menyelenggarakan konferensi kasus', en: 'Holding the case conference' } },
  { key: 'referral', label: { id: 'Menjawab rujukan dan melaporkan hasil layanan (di lembaga penerima; bila tak ada pemegang peran ini, pekerja atau koordinator kasus lembaga itu)', en: 'Answering referrals and reporting service outcomes (at the receiving agency; where nobody holds this role there, its case worker or coordinator)' } },
  { key: 'followUp', label: { id: 'Kunjungan pemantauan setelah penyatuan kembali', en: 'Follow-up visits after reunification' } },
  { key: 'action', label: { id: 'Melaksanakan tindakan hasil konferensi (di instansi yang ditunjuk; bila tak ada pemegang peran ini, pekerja atau koordinator kasus instansi itu)', en: 'Carrying out conference actions (at the agency named; where nobody holds this role there, its case worker or coordinator)' } },
  { key: 'escalation', label: { id: 'Menerima eskalasi', en: 'Receiving escalations' } },
] as const satisfies readonly RoleField[];


export const caseManagementSettingsSchema = settingsSchema(CASE_MANAGEMENT_DURATIONS, CASE_MANAGEMENT_ROLES);

/** Settings of the case-management process (issue 11); a case's process keeps the version in force when it started. */
export type CaseManagementSettings = z.infer<typeof caseManagementSettingsSchema>;

/**
 * National defaults. Intake and screening are due the next working day and the one after (the person is
 * in front of the first responder; PRODUCT §3.2 steps 1–2), an immediate need the next working day
 * ("immediate support as soon as there is a reasonable-grounds indication", seed 003 L2386-2403).
 */
export const CASE_MANAGEMENT_DEFAULTS: CaseManagementSettings = {
  intakeWorkingDays: 1,
  screeningWorkingDays: 2,
  immediateProtectionWorkingDays: 1,
  conferenceHours: 48,
  referralResponseWorkingDays: 2,
  serviceOutcomeWorkingDays: 30,
  reintegrationPlanWorkingDays: 20,
  reunificationWorkingDays: 60,
  followUpWorkingDays: 10,
  closureWorkingDays: 10,
  taskReminderWorkingDays: 1,
  escalationWorkingDays: 1,
  roles: { intake: Role.CASE_WORKER, protection: Role.CASE_COORDINATOR, conference: Role.CASE_COORDINATOR, referral: Role.AGENCY_OFFICER, followUp: Role.CASE_WORKER, action: Role.AGENCY_OFFICER, escalation: Role.CASE_COORDINATOR },
};

export const CASE_MANAGEMENT_PROCESS: ProcessSettingsDefinition<CaseManagementSettings> = {
  key: 'case-management',
  title: { id: 'Penanganan kasus', en: 'Case management' },
  schema: caseManagementSettingsSchema,
  defaults: CASE_MANAGEMENT_DEFAULTS,
  durations: CASE_MANAGEMENT_DURATIONS,
  roles: CASE_MANAGEMENT_ROLES,
};

const PERIODIC_REPORT_DURATIONS = [
  // Seed 000 §4.8: every three months the regency/city focal point reports; the province then the nation.
  { key: 'regencyReportWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu laporan kabupaten/kota sesudah triwulan berakhir', en: 'Time for the regency/city report after the quarter ends' } },
  // Seed 000 §4.8: the members' reports reach the focal point first; a part due after the report itself is due with it.
  { key: 'agencyPartWorkingDays', min: 1, max: 60, unit: 'working_days', label: { id: 'Batas waktu bagian laporan instansi anggota sesudah triwulan berakhir', en: "Time for a member agency's part after the quarter ends" } },
  { key: 'provinceReportWorkingDays', min: 2, max: 90, unit: 'working_days', label: { id: 'Batas waktu laporan provinsi sesudah triwulan berakhir', en: 'Time for the province report after the quarter ends' } },
  { key: 'nationalReportWorkingDays', min: 3, max: 120, unit: 'working_days', label: { id: 'Batas waktu laporan nasional sesudah triwulan berakhir', en: 'Time for the national report after the quarter ends' } },
  { key: 'reviewWorkingDays', min: 1, max: 30, unit: 'working_days', label: { id: 'Batas waktu menelaah laporan (menerima atau mengembalikan)', en: 'Time to review a report (accept or return)' } },
  { key: 'revisionWorkingDays', min: 1, max: 30, unit: 'working_days', label: { id: 'Batas waktu memperbaiki laporan yang dikembalikan', en: 'Time to revise a returned report' } },
  { key: 'taskReminderWorkingDays', min: 1, max: 30, unit: 'working_days', label: { id: 'Pengingat tugas sebelum jatuh tempo', en: 'Task reminder before the due date' } },
  { key: 'escalationWorkingDays', min: 1, max: 30, unit: 'working_days', label: { id: 'Eskalasi setelah jatuh tempo', en: 'Escalation after the due date' } },
] as const satisfies readonly DurationField[];

const PERIODIC_REPORT_ROLES = [
  { key: 'report', label: { id: 'Menyusun dan mengirim laporan (titik fokus gugus tugas)', en: 'Compiling and submitting the report (the task force focal point)' } },
  { key: 'agencyPart', label: { id: 'Mengirim bagian laporan instansi anggota kepada titik fokus', en: "Sending a member agency's part to the focal point" } },
  { key: 'review', label: { id: 'Menelaah laporan kabupaten/kota (provinsi)', en: 'Reviewing regency/city reports (province)' } },
  { key: 'escalation', label: { id: 'Menerima eskalasi', en: 'Receiving escalations' } },
] as const satisfies readonly RoleField[];

export const periodicReportSettingsSchema = settingsSchema(PERIODIC_REPORT_DURATIONS, PERIODIC_REPORT_ROLES);

/** Settings of the periodic (quarterly) report cycle; a province's apply to it and its regencies, the nation's to the national steps. */
export type PeriodicReportSettings = z.infer<typeof periodicReportSettingsSchema>;

/** National defaults: member agencies send their parts within 5 working days of the quarter's end, regencies/cities report within 10, provinces within 20, the nation within 30. */
export const PERIODIC_REPORT_DEFAULTS: PeriodicReportSettings = {
  regencyReportWorkingDays: 10,
  agencyPartWorkingDays: 5,
  provinceReportWorkingDays: 20,
  nationalReportWorkingDays: 30,
  reviewWorkingDays: 5,
  revisionWorkingDays: 5,
  taskReminderWorkingDays: 2,
  escalationWorkingDays: 2,
  roles: { report: Role.SECRETARIAT, agencyPart: Role.AGENCY_OFFICER, review: Role.SECRETARIAT, escalation: Role.CHAIR },
};

export const PERIODIC_REPORT_PROCESS: ProcessSettingsDefinition<PeriodicReportSettings> = {
  key: 'periodic-report',
  title: { id: 'Laporan berkala', en: 'Periodic reports' },
  schema: periodicReportSettingsSchema,
  defaults: PERIODIC_REPORT_DEFAULTS,
  durations: PERIODIC_REPORT_DURATIONS,
  roles: PERIODIC_REPORT_ROLES,
};

/** The settings of any process with settings. */
export type ProcessSettingsValue = CoordinationMeetingSettings | PlanOfActionSettings | CaseManagementSettings | PeriodicReportSettings;

/** Every process with settings, by key. */
export const PROCESS_SETTINGS_DEFINITIONS = { 'coordination-meeting': COORDINATION_MEETING_PROCESS, 'plan-of-action': PLAN_OF_ACTION_PROCESS, 'case-management': CASE_MANAGEMENT_PROCESS, 'periodic-report': PERIODIC_REPORT_PROCESS } as const;
export type ProcessKey = keyof typeof PROCESS_SETTINGS_DEFINITIONS;
export const PROCESS_KEYS = Object.keys(PROCESS_SETTINGS_DEFINITIONS) as ProcessKey[];

export function isProcessKey(key: string): key is ProcessKey {
  return Object.prototype.hasOwnProperty.call(PROCESS_SETTINGS_DEFINITIONS, key);
}

/** A settings problem, keyed by a dotted path inside the settings (`plenaryIntervalMonths`, `roles.agenda`). */
export interface SettingsFieldError {
  field: string;
  message: Text;
}

export type SettingsCheck<T> = { ok: true; settings: T } | { ok: false; errors: SettingsFieldError[] };

/**
 * Validates settings against a process's schema. Every message names the field by its label, in
 * Bahasa Indonesia and English, with the allowed range or choices; one message per field.
 */
export function checkProcessSettings<T>(definition: ProcessSettingsDefinition<T>, value: unknown): SettingsCheck<T> {
  const parsed = definition.schema.safeParse(value);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors = new Map<string, Text>();
  const durations = new Map(definition.durations.map((f) => [f.key, f]));
  const roles = new Map(definition.roles.map((f) => [f.key, f]));
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.set([...path, key].join('.'), { id: `«${key}» bukan pengaturan yang dikenal.`, en: `“${key}” is not a known setting.` });
      continue;
    }
    const field = path.join('.');
    if (errors.has(field)) continue;
    const duration = path.length === 1 ? durations.get(path[0]) : undefined;
    const role = path.length === 2 && path[0] === 'roles' ? roles.get(path[1]) : undefined;
    if (duration) {
      const unit = UNITS[duration.unit];
      errors.set(field, {
        id: `${duration.label.id} harus bilangan bulat dari ${duration.min} sampai ${duration.max} ${unit.id}.`,
        en: `${duration.label.en} must be a whole number from ${duration.min} to ${duration.max} ${unit.en}.`,
      });
    } else if (role) {
      errors.set(field, {
        id: `Peran untuk «${role.label.id}» harus salah satu dari: ${STEP_ROLES.join(', ')}.`,
        en: `The role for “${role.label.en}” must be one of: ${STEP_ROLES.join(', ')}.`,
      });
    } else {
      errors.set(field, { id: `Pengaturan ${field || 'ini'} harus berupa objek dengan isian yang lengkap.`, en: `Setting ${field || 'value'} must be an object with every field.` });
    }
  }
  return { ok: false, errors: [...errors].map(([field, message]) => ({ field, message })) };
}

/**
 * Stored settings read with today's defaults beneath them, so a version saved before a setting existed
 * still yields a complete object (versions themselves are never rewritten).
 */
export function withDefaults<T>(definition: ProcessSettingsDefinition<T>, stored: unknown): T {
  const defaults = definition.defaults as Record<string, unknown>;
  const saved = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...defaults, ...saved };
  for (const [key, value] of Object.entries(defaults)) {
    if (value && typeof value === 'object' && saved[key] && typeof saved[key] === 'object') merged[key] = { ...value, ...(saved[key] as object) };
  }
  return merged as T;
}

/** Where effective settings come from: the code's national defaults, or a saved version at some level. */
export type ProcessSettingsSource = 'default' | 'national' | 'province' | 'regency';

/** The settings a new process in a jurisdiction starts with. */
export interface EffectiveProcessSettings<T = CoordinationMeetingSettings> {
  processKey: string;
  /** Where the settings were defined (the asked jurisdiction, its province, or `00`). */
  jurisdictionCode: string;
  /** 0 for the code defaults. */
  version: number;
  /** null for the code defaults. */
  settingsId: string | null;
  settings: T;
}

/** One saved (immutable) version. */
export interface ProcessSettingsVersionView<T = CoordinationMeetingSettings> {
  id: string;
  processKey: string;
  jurisdictionCode: string;
  version: number;
  settings: T;
  note: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
}

/** `GET /process-settings/{processKey}?jurisdictionCode=…`: what applies there, from where, and its own history. */
export interface ProcessSettingsOverview<T = CoordinationMeetingSettings> {
  processKey: string;
  jurisdictionCode: string;
  effective: EffectiveProcessSettings<T>;
  source: ProcessSettingsSource;
  defaults: T;
  /** Versions saved for exactly this jurisdiction, newest first. */
  history: ProcessSettingsVersionView<T>[];
}

/** Body of `POST /process-settings/{processKey}/{jurisdictionCode}`. */
export interface NewProcessSettingsVersion<T = CoordinationMeetingSettings> {
  settings: T;
  note?: string;
}
