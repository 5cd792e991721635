import { FORM_LIBRARY, SENSITIVITY_RANK, fieldsOf, type FormSchema, type Sensitivity } from '@gugus/forms';
import { client, DEMO_CALLERS, login, serviceEnv, startApi, type DemoCaller, type RunningApi } from '../support';

/**
 * The authorization matrix, field by field: what each demo role receives of a restricted record — a case
 * worker's case intake in West Java, every field answered — as the live API returns it. Rows are
 * generated from the answers (which fields came back, and the most sensitive of them) and compared with
 * need to know: the author sees everything; a case coordinator the case's facts but not who it is;
 * everyone else who may read it only internal fields; regency staff, other provinces and roles without
 * the permission nothing. Every read of the record is in the audit trail.
 */
const CALLERS = DEMO_CALLERS;
type Caller = DemoCaller;

/** One generated row: the status, and for a 200 the most sensitive level received. */
interface FieldRow {
  status: number;
  receives: Sensitivity | null;
}

const EXPECTED: Record<Caller, FieldRow> = {
  anon: { status: 401, receives: null },
  // Runs the system, not cases.
  sysAdmin: { status: 200, receives: 'internal' },
  analyst: { status: 403, receives: null },
  jabarAdmin: { status: 403, receives: null },
  jabarSecretariat: { status: 200, receives: 'internal' },
  jabarLegal: { status: 200, receives: 'internal' },
  jabarCoordinator: { status: 200, receives: 'restricted' },
  // The author works on the record.
  jabarCaseWorker: { status: 200, receives: 'identifying' },
  jabarChair: { status: 403, receives: null },
  // A regency grant does not reach a province record; its existence does not leak.
  bandungOfficer: { status: 404, receives: null },
  bandungSecretariat: { status: 404, receives: null },
  kepriAdmin: { status: 403, receives: null },
  batamOfficer: { status: 404, receives: null },
};

const intake = FORM_LIBRARY.find((f) => f.definition.key === 'case-intake')!;

/** Sensitivity of each field path (`/identity/contact/phone`), as strict as its most sensitive group. */
function sensitivityByPath(schema: FormSchema): Map<string, Sensitivity> {
  const out = new Map<string, Sensitivity>();
  for (const { path, node } of fieldsOf(schema)) {
    const parent = out.get(path.slice(0, path.lastIndexOf('/'))) ?? 'public';
    const own = node['x-sensitivity'] ?? 'identifying';
    out.set(path, SENSITIVITY_RANK[own] > SENSITIVITY_RANK[parent] ? own : parent);
  }
  return out;
}

/** Leaf answers present in `data`, as schema paths. */
function answeredPaths(data: unknown, prefix = ''): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [prefix];
  return Object.entries(data as Record<string, unknown>).flatMap(([k, v]) => answeredPaths(v, `${prefix}/${k}`));
}

describe('authorization matrix: field-level rows (a case worker’s case intake)', () => {
  let api: RunningApi;
  let submissionId = '';
  const rows = {} as Record<Caller, FieldRow & { fields: string[] }>;
  const levels = sensitivityByPath(intake.definition.schema);

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    const author = client(api.url, (await login(api.url, CALLERS.jabarCaseWorker)).accessToken);
    const res = await author.post('/forms/case-intake/submissions', { jurisdictionCode: '32', data: intake.valid['indonesian-adult'], status: 'submitted' });
    expect(res.status).toBe(201);
    submissionId = res.body.id;
    for (const caller of Object.keys(CALLERS) as Caller[]) {
      const email = CALLERS[caller];
      const reader = client(api.url, email ? (await login(api.url, email)).accessToken : undefined);
      const got = await reader.get(`/form-submissions/${submissionId}`);
      const fields = got.status === 200 ? answeredPaths(got.body.data).sort() : [];
      const receives = fields.reduce<Sensitivity | null>((top, path) => {
        const level = levels.get(path) ?? 'identifying';
        return !top || SENSITIVITY_RANK[level] > SENSITIVITY_RANK[top] ? level : top;
      }, null);
      rows[caller] = { status: got.status, receives, fields };
    }
  });
  afterAll(async () => {
    await api?.stop();
  });

  it.each(Object.keys(CALLERS) as Caller[])('%s receives what need to know allows', (caller) => {
    const { status, receives } = rows[caller];
    expect({ caller, status, receives }).toEqual({ caller, ...EXPECTED[caller] });
  });

  it('withholds exactly the fields above each reader’s level, and says so', async () => {
    const secretariat = client(api.url, (await login(api.url, CALLERS.jabarSecretariat)).accessToken);
    const res = await secretariat.get(`/form-submissions/${submissionId}`);
    expect(res.body.withheld.sort()).toEqual(['/ageGroup', '/identifiedInRegency', '/identity', '/nationalityGroup', '/originRegency', '/sex', '/traffickingScope']);
    expect(rows.jabarCoordinator.fields).toEqual(expect.arrayContaining(['/sex', '/ageGroup', '/traffickingScope']));
    expect(rows.jabarCoordinator.fields.filter((f) => f.startsWith('/identity'))).toEqual([]);
    expect(rows.jabarCaseWorker.fields).toEqual(expect.arrayContaining(['/identity/fullName', '/identity/idDocument/number', '/identity/contact/phone']));
  });

  it('puts every read of the record in the audit trail, with who and why', async () => {
    const admin = client(api.url, (await login(api.url, CALLERS.sysAdmin)).accessToken);
    const entries = (await admin.get(`/audit?action=form_submission.read&targetId=${submissionId}&limit=100`)).body as { actorId: string; purpose?: string }[];
    const readers = (Object.keys(CALLERS) as Caller[]).filter((c) => rows[c].status === 200);
    // The secretariat's second read above counts too.
    expect(entries).toHaveLength(readers.length + 1);
  });
});
