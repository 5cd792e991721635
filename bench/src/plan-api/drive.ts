import { Pool } from 'pg';
import type { PlanView } from '@gugus/contracts';
import type { PoaActivityAnswers, PoaSectionAnswers } from '@gugus/plan';
import { generator, planActivity, revisedActivity } from '../support/plan-data';
import { nowMs, progress, until } from '../support/process';
import { login, type Api } from '../support/services';

/** Sections of the West Java plan (its task force has all six Sub-TFs) and activities in each. */
export const SECTIONS = 6;
export const ACTIVITIES_PER_SECTION = 80;

const SECRETARIAT = 'sekretariat.jabar@gugus.test';
const LEGAL = 'hukum.jabar@gugus.test';
const DP3AKB = 'DP3AKB Provinsi Jawa Barat';
const DINSOS = 'Dinas Sosial Provinsi Jawa Barat';
const LEGAL_BUREAU = 'Biro Hukum Setda Provinsi Jawa Barat';

type Task = { id: string; step: string };

/** One compile: the last section decision of a round until its version is there, ms after the POST was sent. */
export interface CompileSample {
  round: number;
  seq: number;
  /** Date.now() when the last POST was sent: history event times are on the same (wall) clock. */
  wallStart: number;
  /** POST /tasks/:id/decision → its 200. */
  ack: number;
  /** → the version's row committed (PostgreSQL polled every {@link ROW_POLL_MS} ms). */
  committed: number;
  /** → a GET /plans/:id sent once the row is there returns the version. */
  visible: number;
}

/** How often the version table is looked at while waiting for a compile (a cheap indexed query). */
export const ROW_POLL_MS = 2;

/**
 * The West Java plan of the benchmark, driven through the API as its people would: the secretariat
 * starts it and drafts all six sections (no Sub-TF has a staffed lead in the demo data), closes the
 * member comment period, and the legal department returns each round with comments — one on the whole
 * plan, so all six sections are revised, and three on activities — until the rounds wanted are done.
 * Every section has 80 activities with 3 budget lines each; each revision changes ~10% of them.
 */
export class PlanDriver {
  planId = '';
  /** The form data each section was last submitted with. */
  private readonly submitted = new Map<string, PoaSectionAnswers>();
  private kinds: string[] = [];

  private constructor(
    private readonly db: Pool,
    private readonly secretariat: Api,
    private readonly legal: Api,
    private readonly agencies: Map<string, string>,
  ) {}

  static async start(apiUrl: string, databaseUrl: string): Promise<PlanDriver> {
    const db = new Pool({ connectionString: databaseUrl, max: 2 });
    const rows = (await db.query<{ id: string; name: string }>(`SELECT id, name FROM agencies WHERE jurisdiction_code = '32' ORDER BY name`)).rows;
    return new PlanDriver(db, await login(apiUrl, SECRETARIAT), await login(apiUrl, LEGAL), new Map(rows.map((r) => [r.name, r.id])));
  }

  close(): Promise<void> {
    return this.db.end();
  }

  get secretariatApi(): Api {
    return this.secretariat;
  }

  private agency(name: string): string {
    const id = this.agencies.get(name);
    if (!id) throw new Error(`demo agency ${name} not found`);
    return id;
  }

  async plan(): Promise<PlanView> {
    const res = await this.secretariat('GET', `/plans/${this.planId}`);
    if (res.status !== 200) throw new Error(`GET /plans/${this.planId} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as PlanView;
  }

  private async openTasks(who: Api, step: string, n: number): Promise<Task[]> {
    return until(
      `${n} open ${step} task(s)`,
      async () => {
        const res = await who('GET', `/tasks?processId=${this.planId}&status=open&limit=100`);
        const tasks = (res.body.items as Task[]).filter((t) => t.step === step);
        return tasks.length === n ? tasks : undefined;
      },
      120_000,
      50,
    );
  }

  private async decide(who: Api, taskId: string, body: unknown): Promise<void> {
    const res = await who('POST', `/tasks/${taskId}/decision`, body);
    if (res.status !== 200) throw new Error(`POST /tasks/${taskId}/decision → ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`);
  }

  /** The secretariat starts a West Java 2027–2031 plan. */
  async create(): Promise<void> {
    const res = await this.secretariat('POST', '/plans', {
      jurisdictionCode: '32',
      periodStart: 2027,
      periodYears: 5,
      workingGroup: [
        { agencyId: this.agency(DP3AKB), positionTitle: 'Sekretaris Gugus Tugas', part: 'facilitator' },
        { agencyId: this.agency(DINSOS), positionTitle: 'Kepala Seksi Perlindungan Sosial', part: 'member' },
        { agencyId: this.agency(LEGAL_BUREAU), positionTitle: 'Analis Hukum', part: 'resource_person' },
      ],
    });
    if (res.status !== 201) throw new Error(`POST /plans → ${res.status} ${JSON.stringify(res.body)}`);
    this.planId = res.body.id as string;
    this.kinds = res.body.sectionKinds as string[];
    if (this.kinds.length !== SECTIONS) throw new Error(`the West Java plan has ${this.kinds.length} sections, expected ${SECTIONS}`);
  }

  /** Section `index` as first drafted: 80 generated activities, responsible and implementing agencies of West Java. */
  private firstDraft(kind: string, index: number): PoaSectionAnswers {
    const ids = [...this.agencies.values()];
    const random = generator(2027 + index);
    const activities = Array.from({ length: ACTIVITIES_PER_SECTION }, (_, i) => planActivity(`${index + 1}.${i + 1}`, random, (n) => ids[n % ids.length] as string, { start: 2027, end: 2029 }));
    return {
      subTaskForce: kind,
      leadAgencyId: this.agency(DP3AKB),
      problemStatement: `Masalah utama bagian ${index + 1}, berbasis data agregat Gugus Tugas 2021–2025.`,
      problemAnalysis: 'Penyebab, kesenjangan layanan dan kebijakan, sumber data. '.repeat(12).trim(),
      activities,
    } as PoaSectionAnswers;
  }

  /**
   * Round `round`'s revision of a section: of every ten activities the one at position `round` mod 10
   * changes — the first of them replaced by a new activity (a new code: removed + added in the diff), the
   * other seven revised (target and a unit cost): 9 of 80 differences per section, ~10% of the plan.
   */
  private revision(data: PoaSectionAnswers, index: number, round: number): PoaSectionAnswers {
    const ids = [...this.agencies.values()];
    const random = generator(round * 100 + index);
    const activities = (data.activities as PoaActivityAnswers[]).map((a, i) => {
      if (i % 10 !== round % 10) return a;
      if (i < 10) return planActivity(`${index + 1}.${100 + round}`, random, (n) => ids[n % ids.length] as string, { start: 2027, end: 2029 });
      return revisedActivity(a);
    });
    return { ...data, activities };
  }

  /** Submits the given section tasks, the last one timed until its version is compiled and readable. */
  private async submitSections(tasks: Task[], round: number, dataFor: (taskId: string, kind: string) => Promise<PoaSectionAnswers>): Promise<CompileSample> {
    const expectedSeq = round + 1;
    const prepared: { task: Task; data: PoaSectionAnswers }[] = [];
    for (const task of tasks) {
      const page = await this.secretariat('GET', `/tasks/${task.id}`);
      const kind = page.body.context.subTaskForce as string;
      const data = await dataFor(task.id, kind);
      this.submitted.set(kind, data);
      prepared.push({ task, data });
    }
    const last = prepared.pop() as { task: Task; data: PoaSectionAnswers };
    for (const { task, data } of prepared) await this.decide(this.secretariat, task.id, { outcome: 'completed', data });
    // Let the workflow take in the five decisions, so the sixth is what starts the compile.
    await until(
      'the other sections to be recorded',
      async () => ((await this.db.query(`SELECT count(*)::int AS n FROM tasks WHERE id = ANY($1) AND status <> 'open'`, [prepared.map((p) => p.task.id)])).rows[0].n === prepared.length ? true : undefined),
      60_000,
      20,
    );
    const wallStart = Date.now();
    const start = nowMs();
    await this.decide(this.secretariat, last.task.id, { outcome: 'completed', data: last.data });
    const ack = nowMs() - start;
    await until(
      `version ${expectedSeq}`,
      async () => ((await this.db.query(`SELECT max(seq) AS seq FROM plan_versions WHERE plan_id = $1`, [this.planId])).rows[0].seq === expectedSeq ? true : undefined),
      120_000,
      ROW_POLL_MS,
    );
    const committed = nowMs() - start;
    const plan = await this.plan();
    const visible = nowMs() - start;
    if (plan.current?.seq !== expectedSeq || plan.current.activityCount !== SECTIONS * ACTIVITIES_PER_SECTION) {
      throw new Error(`after round ${round}: current version ${plan.current?.seq} with ${plan.current?.activityCount} activities, expected ${expectedSeq} with ${SECTIONS * ACTIVITIES_PER_SECTION}`);
    }
    return { round, seq: expectedSeq, wallStart, ack, committed, visible };
  }

  /** All six sections drafted → version 1 (compiled from scratch: every activity gets a new id). */
  async draftAll(): Promise<CompileSample> {
    const tasks = await this.openTasks(this.secretariat, 'section', SECTIONS);
    return this.submitSections(tasks, 0, async (_, kind) => this.firstDraft(kind, this.kinds.indexOf(kind)));
  }

  /** The secretariat closes the member comment period once its tasks are open: no section goes back; legal review starts. */
  async closeComments(): Promise<void> {
    await until(
      'member comment tasks',
      async () => ((await this.db.query(`SELECT count(*)::int AS n FROM tasks WHERE process_id = $1 AND step = 'member-comment'`, [this.planId])).rows[0].n > 0 ? true : undefined),
      60_000,
      50,
    );
    const res = await this.secretariat('POST', `/plans/${this.planId}/close-comments`, {});
    if (res.status !== 200) throw new Error(`POST /plans/${this.planId}/close-comments → ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Legal review round `round` returned with comments; all six sections revised → version round + 1. */
  async legalRound(round: number): Promise<CompileSample> {
    const [review] = await this.openTasks(this.legal, 'legal-review', 1);
    const current = (await this.plan()).current;
    if (!current) throw new Error('no current version to review');
    const anchored = [0, 2, 4].map((s) => {
      const section = current.content.sections[s];
      const activity = section?.activities[(round * 7) % (section?.activities.length ?? 1)];
      return { field: `/sections/${section?.subTaskForce}/activities/${activity?.activityId}`, text: `Putaran ${round}: rinci satuan dan harga satuan kegiatan ini.` };
    });
    await this.decide(this.legal, (review as Task).id, { outcome: 'returned', comments: [{ field: '', text: `Putaran ${round}: lengkapi indikator dan target seluruh bagian.` }, ...anchored] });
    const tasks = await this.openTasks(this.secretariat, 'section-revision', SECTIONS);
    return this.submitSections(tasks, round, async (taskId, kind) => {
      const page = await this.secretariat('GET', `/tasks/${taskId}`);
      return this.revision(page.body.initialData as PoaSectionAnswers, this.kinds.indexOf(kind), round);
    });
  }

  /** Waits until the legal review of the latest version is open (the plan rests there between measurements). */
  async reviewOpen(): Promise<void> {
    await this.openTasks(this.legal, 'legal-review', 1);
    progress(`plan ${this.planId}: legal review of version ${(await this.plan()).current?.seq} open`);
  }
}
