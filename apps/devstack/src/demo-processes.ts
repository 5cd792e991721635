import { FORM_LIBRARY } from '@gugus/forms';
import { previousQuarter } from '@gugus/reporting';
import { isWorkingDay, jakartaDate } from '@gugus/server-calendar';
import { DEMO_PASSWORD } from '@gugus/server-orgs';
import { StartupError } from './stack';

/**
 * The demo's processes in flight (issue 13, item 5): so that a newcomer sees what Gugus does on the first
 * day, `npm start` drives, through the real API and workflows, West Java's plan of action into legal
 * review, a plenary meeting whose invitations are out, cases at different stages in Kabupaten Bandung
 * and Kota Batam, and last quarter's report cycle, late — every demo login then has an open task. Every record is fictional and says so
 * ("contoh fiktif" / "demo"). Runs once: a West Java plan already there means it ran (or the system is in
 * use), and nothing is added.
 */

type Json = Record<string, unknown>;
interface Task {
  id: string;
  step: string;
  processId: string;
  title: { id: string; en: string };
  assignee: { agencyId: string | null; role: string };
}

const DAY = 24 * 3600 * 1000;
/** Jakarta's date `days` from now. */
const dayAhead = (days = 0) => jakartaDate(new Date(Date.now() + days * DAY));
const FICTIONAL = '(contoh fiktif / demo)';

/** A valid example of a national form from the form library (a fresh copy). */
function example(formKey: string, name: string): Json {
  const form = FORM_LIBRARY.find((f) => f.definition.key === formKey);
  const data = form?.valid[name];
  if (!data) throw new StartupError(`Contoh formulir ${formKey}/${name} tidak ada / Form example ${formKey}/${name} is missing.`);
  return structuredClone(data) as Json;
}

/** Asks `probe` until it answers (what the workflows do lands a moment after the API answered), or gives up after a minute saying `what`. */
async function until<T>(probe: () => Promise<T | undefined>, what: { id: string; en: string }): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new StartupError(`Data demo: ${what.id} / Demo data: ${what.en}`);
    await new Promise((r) => setTimeout(r, 300)); // poll interval: ask again
  }
}

class DemoApi {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    readonly who: string,
  ) {}

  static async login(apiUrl: string, email: string): Promise<DemoApi> {
    const res = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    if (res.status !== 200) throw new StartupError(`Login demo ${email} gagal / The demo login ${email} failed (HTTP ${res.status}).`);
    return new DemoApi(apiUrl, ((await res.json()) as { accessToken: string }).accessToken, email);
  }

  async call<T = Json>(method: string, path: string, body?: unknown, expect: number[] = [200, 201]): Promise<T> {
    const res = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new StartupError(`Data demo: ${method} ${path} sebagai ${this.who} → HTTP ${res.status} / Demo data: ${method} ${path} as ${this.who} → HTTP ${res.status}: ${text.slice(0, 600)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get = <T = Json>(path: string) => this.call<T>('GET', path);
  post = <T = Json>(path: string, body: unknown = {}) => this.call<T>('POST', path, body);

  /**
   * Waits until this person has an open task of `step` — in process `processId` when given, or for case
   * `caseCode` (a case's task titles carry its coded id; its process id is not shown to the API's readers).
   */
  task(step: string, of?: { processId?: string; caseCode?: string }): Promise<Task> {
    const query = `status=open&limit=100${of?.processId ? `&processId=${of.processId}` : ''}`;
    return until(
      async () => (await this.get<{ items: Task[] }>(`/tasks?${query}`)).items.find((t) => t.step === step && (!of?.caseCode || t.title.id.includes(of.caseCode))),
      { id: `tugas ${step} tidak muncul untuk ${this.who}`, en: `no ${step} task reached ${this.who}` },
    );
  }

  async complete(task: Task, data?: Json, outcome = 'completed'): Promise<void> {
    await this.post(`/tasks/${task.id}/decision`, data === undefined ? { outcome } : { outcome, data });
  }
}

/** Runs the demo processes unless West Java already has a plan; returns what it did, for the summary. */
export async function seedDemoProcesses(apiUrl: string): Promise<string> {
  const emails = {
    admin: 'admin@gugus.test',
    analyst: 'analis@gugus.test',
    secretariat: 'sekretariat.jabar@gugus.test',
    legal: 'hukum.jabar@gugus.test',
    worker: 'pekerja.jabar@gugus.test',
    coordinator: 'koordinator.jabar@gugus.test',
    bandungSecretariat: 'sekretariat.bandung@gugus.test',
    bandungHealth: 'dinkes.bandung@gugus.test',
    batamWorker: 'pekerja.batam@gugus.test',
    batamCoordinator: 'koordinator.batam@gugus.test',
  };
  const as = Object.fromEntries(await Promise.all(Object.entries(emails).map(async ([k, email]) => [k, await DemoApi.login(apiUrl, email)] as const))) as Record<keyof typeof emails, DemoApi>;
  const plans = await as.secretariat.get<{ items?: unknown[] } | unknown[]>('/plans?jurisdictionCode=32');
  if ((Array.isArray(plans) ? plans : (plans.items ?? [])).length > 0) return 'sudah ada / already there';

  const agency: Record<string, string> = {};
  for (const code of ['32', '32.04', '21.71']) {
    for (const a of await as.admin.get<{ id: string; name: string }[]>(`/agencies?jurisdictionCode=${code}`)) agency[a.name] = a.id;
  }
  const id = (name: string) => {
    if (!agency[name]) throw new StartupError(`Data demo: instansi ${name} tidak ada / Demo data: agency ${name} is missing.`);
    return agency[name];
  };
  const dp3akb = id('DP3AKB Provinsi Jawa Barat');
  const dinsos = id('Dinas Sosial Provinsi Jawa Barat');
  const uptd = id('UPTD PPA Provinsi Jawa Barat');
  const dinkes = id('Dinas Kesehatan Kabupaten Bandung');
  const batamUptd = id('UPTD PPA Kota Batam');
  const batamDinsos = id('Dinas Sosial Kota Batam');

  // Meeting dates on a working day of the calendar (no weekend, no holiday), the first from `days` ahead.
  const year = new Date().getUTCFullYear();
  const holidays = new Set<string>();
  for (const y of [year, year + 1]) {
    const list = await as.admin.get<{ items?: { date: string }[] } | { date: string }[]>(`/holidays?year=${y}`);
    for (const h of Array.isArray(list) ? list : (list.items ?? [])) holidays.add(h.date);
  }
  const workingDayAhead = (days: number) => {
    while (!isWorkingDay(dayAhead(days), holidays)) days += 1;
    return dayAhead(days);
  };

  await planInLegalReview(as, { dp3akb, dinsos });
  await meetingsUnderWay(as, { dp3akb, dinsos, uptd, workingDayAhead });
  await casesAtStages(as, { uptd, dinsos, dinkes, batamUptd, batamDinsos });
  await lateReportCycle(as);
  return 'RAD dalam telaah hukum, rapat pleno diundang, 5 kasus, laporan triwulan terlambat / plan in legal review, plenary invited, 5 cases, a late report cycle';
}

/** West Java's 2027–2031 plan: six sections drafted by the secretariat, comments closed, now with the legal bureau. */
async function planInLegalReview(as: Record<string, DemoApi>, a: { dp3akb: string; dinsos: string }): Promise<void> {
  const plan = await as.secretariat.post<{ id: string; sectionKinds: string[] }>('/plans', {
    jurisdictionCode: '32',
    periodStart: new Date().getUTCFullYear() + 1,
    periodYears: 5,
    workingGroup: [{ agencyId: a.dp3akb, positionTitle: 'Sekretaris Gugus Tugas', part: 'facilitator' }],
  });
  const base = example('poa-section', 'west-java-prevention') as { activities: Json[] } & Json;
  const firstYear = new Date().getUTCFullYear() + 1;
  for (let i = 0; i < plan.sectionKinds.length; i++) {
    const task = await as.secretariat.task('section', { processId: plan.id });
    const kind = (await as.secretariat.get<{ context: { subTaskForce: string } }>(`/tasks/${task.id}`)).context.subTaskForce;
    const index = plan.sectionKinds.indexOf(kind);
    await as.secretariat.complete(task, {
      subTaskForce: kind,
      leadAgencyId: a.dp3akb,
      problemStatement: `Masalah utama bagian ${index + 1} berdasarkan data agregat ${FICTIONAL}.`,
      activities: [1, 2].map((n) => ({
        ...base.activities[0],
        code: `${index + 1}.${n}`,
        activity: `Kegiatan ${index + 1}.${n} ${FICTIONAL}`,
        target: 100 * n,
        baseline: 0,
        startQuarter: `${firstYear}-Q1`,
        endQuarter: `${firstYear + 4}-Q4`,
        responsibleAgencyId: n === 1 ? a.dp3akb : a.dinsos,
        implementingAgencyIds: [a.dinsos],
        budgetLines: [{ description: 'Honorarium narasumber', units: 10 * n, unitName: 'orang', unitCost: 500_000, budgetSource: 'apbd_province', costCategory: 'operational', fiscalYear: firstYear }],
      })),
    });
  }
  await waitForStage(as.secretariat, plan.id, ['member_comments', 'legal_review']);
  const now = await as.secretariat.get<{ stage: string }>(`/plans/${plan.id}`);
  if (now.stage === 'member_comments') await as.secretariat.post(`/plans/${plan.id}/close-comments`);
  await as.legal.task('legal-review', { processId: plan.id });
}

async function waitForStage(as: DemoApi, planId: string, stages: string[]): Promise<void> {
  await until(async () => (stages.includes((await as.get<{ stage: string }>(`/plans/${planId}`)).stage) ? true : undefined), {
    id: `RAD tidak sampai ke tahap ${stages.join('/')}`,
    en: `the plan did not reach ${stages.join('/')}`,
  });
}

/** A West Java plenary about ten days ahead (a working day) with its agenda done: the invitations are out, each member agency has an RSVP task. */
async function meetingsUnderWay(as: Record<string, DemoApi>, a: { dp3akb: string; dinsos: string; uptd: string; workingDayAhead: (days: number) => string }): Promise<void> {
  const meetingDate = a.workingDayAhead(10);
  const venue = `Aula DP3AKB Provinsi Jawa Barat ${FICTIONAL}`;
  const meeting = await as.secretariat.post<{ id: string }>('/meetings', { jurisdictionCode: '32', kind: 'plenary', scheduledAt: `${meetingDate}T09:00:00+07:00`, venue });
  const agenda = await as.secretariat.task('agenda', { processId: meeting.id });
  const data = example('meeting-agenda', 'plenary-2027-01');
  Object.assign(data, {
    meetingType: 'plenary',
    meetingDate,
    startTime: '09:00',
    meetingMode: 'in_person',
    venue,
    chairAgencyId: a.dp3akb,
    agendaItems: [
      { topic: `Tindak lanjut rapat pleno sebelumnya ${FICTIONAL}`, presenterAgencyId: a.dp3akb, durationMinutes: 30, purpose: 'discussion' },
      { topic: `Rancangan RAD 2027–2031 dalam telaah hukum ${FICTIONAL}`, presenterAgencyId: a.dp3akb, durationMinutes: 45, purpose: 'information' },
      { topic: `Layanan rehabilitasi sosial korban ${FICTIONAL}`, presenterAgencyId: a.dinsos, durationMinutes: 30, purpose: 'discussion' },
    ],
    notes: `Rapat demo ${FICTIONAL}.`,
  });
  delete data['onlineLink'];
  delete data['subTaskForce'];
  await as.secretariat.complete(agenda, data);
  // The invitations go out at once (the meeting is less than 14 days ahead): each member agency gets an RSVP task.
  await as.legal.task('rsvp', { processId: meeting.id });

}

/** An intake with the identity of a fictional person, in the region where she or he was identified. */
function intake(regency: string): Json {
  const data = example('case-intake', 'indonesian-adult');
  Object.assign(data, { intakeDate: dayAhead(), identifiedInRegency: regency });
  return data;
}

/** Opens a case; returns its coded id. */
async function openCase(worker: DemoApi, jurisdictionCode: string, intakeAgencyId: string, intakeChannel: string): Promise<string> {
  return (await worker.post<{ code: string }>('/cases', { jurisdictionCode, intakeAgencyId, intakeChannel })).code;
}

/** Through intake and screening (a child presumed a victim): the case team's conference is next. */
async function screened(worker: DemoApi, caseCode: string, regency: string): Promise<void> {
  await worker.complete(await worker.task('intake', { caseCode }), intake(regency));
  await worker.complete(await worker.task('screening', { caseCode }), example('victim-screening', 'child-sexual-no-means'));
}

/** Cases at different stages: an intake waiting, a conference to hold, conference actions at three agencies. */
async function casesAtStages(as: Record<string, DemoApi>, a: { uptd: string; dinsos: string; dinkes: string; batamUptd: string; batamDinsos: string }): Promise<void> {
  // Kabupaten Bandung (the province's case team works them).
  await as.worker.task('intake', { caseCode: await openCase(as.worker, '32.04', a.dinkes, 'police') });
  const toConference = await openCase(as.worker, '32.04', a.dinkes, 'hotline');
  await screened(as.worker, toConference, '32.04');
  await as.coordinator.task('conference', { caseCode: toConference });
  const withActions = await openCase(as.worker, '32.04', a.dinkes, 'police');
  await screened(as.worker, withActions, '32.04');
  await conference(as.coordinator, withActions, a.uptd, [
    { agencyId: a.dinsos, service: 'child_protection', description: `Asesmen kepentingan terbaik anak ${FICTIONAL}.`, days: 5 },
    { agencyId: a.dinkes, service: null, description: `Pemeriksaan kesehatan lanjutan ${FICTIONAL}.`, days: 4 },
  ]);
  // Kota Batam: an intake waiting, and a case whose conference asked Dinas Sosial Kota Batam to act.
  await as.batamWorker.task('intake', { caseCode: await openCase(as.batamWorker, '21.71', a.batamUptd, 'border_post') });
  const batam = await openCase(as.batamWorker, '21.71', a.batamUptd, 'border_post');
  await screened(as.batamWorker, batam, '21.71');
  await conference(as.batamCoordinator, batam, a.batamUptd, [{ agencyId: a.batamDinsos, service: 'repatriation', description: `Pemulangan ke daerah asal ${FICTIONAL}.`, days: 7 }]);
}

async function conference(coordinator: DemoApi, caseCode: string, chair: string, actions: { agencyId: string; service: string | null; description: string; days: number }[]): Promise<void> {
  const task = await coordinator.task('conference', { caseCode });
  const data = example('case-conference', 'child-no-follow-up');
  Object.assign(data, {
    conferenceDate: dayAhead(),
    chairAgencyId: chair,
    attendingAgencyIds: [...new Set([chair, ...actions.map((x) => x.agencyId)])],
    actions: actions.map((x) => ({ description: x.description, agencyId: x.agencyId, dueDate: dayAhead(x.days), ...(x.service ? { service: x.service } : {}) })),
  });
  await coordinator.complete(task, data);
}

/**
 * Last quarter's report cycle, opened late (its due dates have passed): Kabupaten Bandung's, West Java's
 * and the national report wait, overdue, in their focal points' inboxes — the timeliness list has names.
 * Kabupaten Bandung's health office has sent its part, which its focal point sees on its task.
 */
async function lateReportCycle(as: Record<string, DemoApi>): Promise<void> {
  await as.analyst.post('/reports/cycles', { period: previousQuarter(Date.now()) });
  const part = await as.bandungHealth.task('regency-report-part');
  await as.bandungHealth.complete(part, { ...example('agency-report-part', 'health-office'), obstacles: `Layanan visum terbatas pada akhir pekan ${FICTIONAL}.` });
  await as.bandungSecretariat.task('regency-report');
  await as.secretariat.task('province-report');
  await as.analyst.task('national-report');
}
