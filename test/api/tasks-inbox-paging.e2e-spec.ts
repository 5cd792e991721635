import { client, databaseOfItsOwn, login, serviceEnv, sql, startApi, type OwnDatabase, type RunningApi } from '../support';
import { seedInboxTasks } from '../support/inbox-seed';

/**
 * Issue 13: the inbox at national scale — keyset paging (`cursor` / `nextCursor`) and counts that stop
 * at a cap — through the built API on a database of the test's own, as national oversight (the system
 * administrator, jurisdiction 00) and narrowed to a province.
 *
 * Tasks are written straight into the read model: 157 in process `paging-check` whose due and creation
 * times fall on a few values a microsecond apart (so ties and the database's precision are what the
 * cursor must get right), and 1,005 open overdue ones in `bulk-check` for the cap.
 */
const PAGED = 157;
const BULK = 1_005;
const CAP = 1_000;

type Api = ReturnType<typeof client>;
type Item = { id: string; status: string };

describe('task inbox: keyset paging and capped counts', () => {
  let own: OwnDatabase;
  let api: RunningApi;
  let admin: Api;

  beforeAll(async () => {
    own = await databaseOfItsOwn('inbox_paging');
    // Half the paged tasks open, the rest done; spread over West, Central and East Java.
    const seed = (processKey: string, count: number, status: string, due: string, created: string) => seedInboxTasks(own.ownerUrl, processKey, count, { status, due, created });
    await seed(
      'paging-check',
      PAGED,
      `CASE WHEN i % 2 = 0 THEN 'open' ELSE 'completed' END`,
      `timestamptz '2030-01-01 00:00:00+00' + (i % 4) * interval '1 microsecond'`,
      `timestamptz '2026-01-01 00:00:00+00' + (i % 3) * interval '1 microsecond'`,
    );
    await seed('bulk-check', BULK, `'open'`, `now() - interval '2 days'`, 'now()');
    api = await startApi(serviceEnv({ DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir }));
    admin = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await own?.drop();
  });

  /** The view's ids in the database's own order (the test's statement, not the API's). */
  async function expected(where: string, order: string): Promise<string[]> {
    return (await sql(own.ownerUrl, `SELECT id FROM tasks WHERE process_key = 'paging-check'${where} ORDER BY ${order}`)).map((r) => r['id'] as string);
  }

  /** Every page of a view, following nextCursor, `limit` rows at a time. */
  async function walk(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await admin.get(`/tasks?scope=jurisdiction&processKey=paging-check&limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      ids.push(...(res.body.items as Item[]).map((t) => t.id));
      cursor = res.body.nextCursor as string | null;
      pages += 1;
      expect(pages).toBeLessThan(200);
    } while (cursor);
    return { ids, pages };
  }

  it.each([
    ['open tasks by due date', '&status=open', ` AND status = 'open'`, 'due_at, id'],
    ['done tasks by due date', '&status=done', ` AND status <> 'open'`, 'due_at, id'],
    ['all tasks, open first', '&status=all', '', `(status = 'open') DESC, due_at, id`],
    ['open tasks, newest first', '&status=open&sort=created', ` AND status = 'open'`, 'created_at DESC, id DESC'],
    ['all tasks, newest first', '&status=all&sort=created', '', 'created_at DESC, id DESC'],
  ])('pages through %s with the cursor: each task once, in order, the last page saying there is no next', async (_what, query, where, order) => {
    const want = await expected(where, order);
    const { ids, pages } = await walk(query, 10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(want);
    expect(pages).toBe(Math.max(1, Math.ceil(want.length / 10)));
  });

  it('gives the same pages by cursor as by offset (old callers keep working)', async () => {
    const byOffset: string[] = [];
    for (let offset = 0; offset < PAGED; offset += 25) {
      const res = await admin.get(`/tasks?scope=jurisdiction&processKey=paging-check&status=all&limit=25&offset=${offset}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(PAGED);
      byOffset.push(...(res.body.items as Item[]).map((t) => t.id));
    }
    expect(byOffset).toEqual((await walk('&status=all', 25)).ids);
  });

  it('counts exactly under the cap, narrowed to a province too', async () => {
    const res = await admin.get(`/tasks?scope=jurisdiction&jurisdictionCode=32&processKey=paging-check&status=open&limit=5`);
    expect(res.status).toBe(200);
    const [row] = await sql(
      own.ownerUrl,
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status <> 'open')::int AS done FROM tasks WHERE process_key = 'paging-check' AND jurisdiction_code LIKE '32%'`,
    );
    expect(res.body).toMatchObject({ total: row['open'], counts: { open: row['open'], overdue: 0, dueSoon: 0, done: row['done'] }, countCap: CAP });
    expect(res.body.capped).toEqual({ total: false, open: false, overdue: false, dueSoon: false, done: false });
    expect((res.body.items as { jurisdictionCode: string }[]).every((t) => t.jurisdictionCode === '32' || t.jurisdictionCode.startsWith('32.'))).toBe(true);
  });

  it('stops counting at the cap and says so, while the overdue view still pages to its end', async () => {
    const res = await admin.get(`/tasks?scope=jurisdiction&processKey=bulk-check&due=overdue&limit=100`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: CAP, counts: { open: CAP, overdue: CAP, dueSoon: 0, done: 0 }, countCap: CAP });
    expect(res.body.capped).toEqual({ total: true, open: true, overdue: true, dueSoon: false, done: false });
    expect(res.body.items).toHaveLength(100);
    expect(typeof res.body.nextCursor).toBe('string');
    // The unfiltered national view counts every open task only up to the cap as well.
    const national = await admin.get(`/tasks?scope=jurisdiction&limit=1`);
    expect(national.body).toMatchObject({ total: CAP, capped: { total: true, open: true } });
    // Its last page, reached by offset, has no next cursor.
    const last = await admin.get(`/tasks?scope=jurisdiction&processKey=bulk-check&due=overdue&limit=100&offset=${BULK - 5}`);
    expect(last.status).toBe(200);
    expect(last.body.items).toHaveLength(5);
    expect(last.body.nextCursor).toBeNull();
  });

  describe('a cursor it did not make is a 400 naming the field, never a 500', () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const good = { s: 'due', o: 1, a: '2030-01-01T00:00:00.000001Z', i: '6f1c2f0e-4a4b-4c1d-9a53-1b2c3d4e5f60' };

    it.each([
      ['characters no cursor has', 'a+b=c', 'cursor'],
      ['not base64 JSON', 'bm90IGpzb24', 'cursor'],
      ['a JSON value of the wrong shape', b64([1, 2]), 'cursor'],
      ['an impossible date', b64({ ...good, a: '2030-02-30T00:00:00.000000Z' }), 'cursor'],
      ['a year the database refuses', b64({ ...good, a: '0000-01-01T00:00:00.000000Z' }), 'cursor'],
      ['an id that is not a UUID', b64({ ...good, i: "x' OR '1'='1" }), 'cursor'],
      ['a cursor of another sort order', `${b64({ ...good, s: 'created' })}&sort=due`, 'cursor'],
      ['far too long', 'a'.repeat(500), 'cursor'],
      ['a cursor together with an offset', `${b64(good)}&offset=25`, 'offset'],
    ])('%s', async (_what, cursor, field) => {
      const res = await admin.get(`/tasks?scope=jurisdiction&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('a well-formed cursor pages on from where it points', async () => {
      const res = await admin.get(`/tasks?scope=jurisdiction&processKey=paging-check&status=open&limit=100&cursor=${b64(good)}`);
      expect(res.status).toBe(200);
      expect((res.body.items as Item[]).map((t) => t.id)).toEqual(
        (await sql(own.ownerUrl, `SELECT id FROM tasks WHERE process_key = 'paging-check' AND status = 'open' AND (due_at, id) > ($1::timestamptz, $2::uuid) ORDER BY due_at, id`, [good.a, good.i])).map((r) => r['id']),
      );
    });
  });
});
