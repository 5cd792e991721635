import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { DEV_DATA_ENCRYPTION_KEYS } from '@gugus/server-config';
import { DataKeysRepository, RecordCipher } from '@gugus/server-crypto';
import { createDataSourceOptions } from '@gugus/server-database';
import { TASK_ENTITIES, TaskEntity, TasksRepository, type InboxCursor, type InboxFilter, type InboxScope } from '@gugus/server-tasks';
import { nowMs, progress, stats, type Stats } from '../support/process';

export interface InboxCase {
  label: string;
  /** Result size: rows on the page / total matching ("1,000+" when the count stopped at the cap). */
  shape: string;
  stats: Stats;
  /** The same view through the inbox's queries before issue 13 (exact total and counts, offset paging), when measured. */
  before?: Stats;
  /** One of issue 13's views (national and provincial all open / overdue: p95 ≤ 20 ms). */
  goal?: boolean;
  /** One line per SQL statement the call ran, from EXPLAIN (ANALYZE, BUFFERS). */
  plans: string[];
}

export interface InboxResult {
  baseline: InboxCase;
  cases: InboxCase[];
  warmUp: number;
}

/** Records the SQL (with parameters) a DataSource runs while armed. */
class CapturingLogger implements TypeOrmLogger {
  armed = false;
  readonly queries: { sql: string; parameters: unknown[] }[] = [];
  logQuery(sql: string, parameters?: unknown[]): void {
    if (this.armed) this.queries.push({ sql, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

async function timeRuns(work: () => Promise<unknown>, warmUp: number, runs: number): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = nowMs();
    await work();
    samples.push(nowMs() - start);
  }
  return samples;
}

/**
 * "Limit ← Sort ← Bitmap Heap Scan on tasks ← Bitmap Index Scan using tasks_jurisdiction_idx | rows 25 |
 * shared hit=57 | 0.227 ms" from an EXPLAIN (ANALYZE, BUFFERS) text plan: the plan's nodes from the root
 * down (branches flattened), the root's actual rows and buffers, and the execution time.
 */
function planSummary(lines: string[]): string {
  const nodes = lines
    .map((line, i) => (i === 0 ? line.trim() : /->\s+(.*)$/.exec(line)?.[1]))
    .filter((n): n is string => !!n)
    .map((n) => n.replace(/\s+\(cost=.*$/, '').replace(/ on (\S+) \S+$/, ' on $1').replace(/ using (\S+) on \S+( \S+)?$/, ' using $1'));
  const rows = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(lines[0])?.[1] ?? '?';
  const buffers = lines.find((l) => /^\s*Buffers:/.test(l))?.trim().replace(/^Buffers:\s*/, '') ?? '';
  const execution = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
  return `${nodes.filter((n, i) => n !== nodes[i - 1]).join(' ← ')} | rows ${rows} | ${buffers} | ${execution}`;
}

/**
 * Inbox latency through the real `TasksRepository.inbox` (its page and capped counts queries in
 * parallel on a pool of 4), as an agency officer, a provincial coordinator and national oversight see
 * it, against a trivial primary-key lookup on the same table and connection pool and against the
 * inbox's queries before issue 13; a deep national page by cursor and by offset.
 */
export async function measureInbox(databaseUrl: string, options: { runs: number; warmUp: number }): Promise<InboxResult> {
  const dataSource = await new DataSource({ ...createDataSourceOptions(databaseUrl, 4), entities: TASK_ENTITIES }).initialize();
  const logger = new CapturingLogger();
  const explainSource = await new DataSource({ ...createDataSourceOptions(databaseUrl, 4), entities: TASK_ENTITIES, logger }).initialize();
  try {
    // The inbox reads no sealed data; the cipher is there because the repository also writes it.
    const cipherFor = (source: DataSource) => new RecordCipher(new DataKeysRepository(source), { DATA_ENCRYPTION_KEYS: DEV_DATA_ENCRYPTION_KEYS });
    const repo = new TasksRepository(dataSource, cipherFor(dataSource));
    const [officer] = (await dataSource.query(
      `SELECT p.id AS "positionId", p.agency_id AS "agencyId", p.roles[1] AS role, a.name AS agency
       FROM people pe JOIN positions p ON p.holder_id = pe.id JOIN agencies a ON a.id = p.agency_id WHERE pe.email = 'dinsos.jabar@gugus.test'`,
    )) as { positionId: string; agencyId: string; role: string; agency: string }[];
    if (!officer) throw new Error('demo agency officer dinsos.jabar@gugus.test not found');

    const open: InboxFilter = { status: 'open', sort: 'due', limit: 25, offset: 0 };
    const overdue: InboxFilter = { ...open, due: 'overdue' };
    const nation: InboxScope = { jurisdictionCodes: ['00'] };
    const province: InboxScope = { jurisdictionCodes: ['32'] };
    // The 41st page of the national open view, reached by the cursor of the 40th (keyset) — next to offset 1,000.
    const deep = await pageCursor(repo, nation, open, 40);
    const fewer = Math.max(20, Math.round(options.runs / 4));
    const scenarios: { label: string; scope: InboxScope; filter: InboxFilter; runs?: number; before?: boolean; goal?: boolean }[] = [
      { label: `agency officer, my tasks (dinsos.jabar)`, scope: { assignments: [{ agencyId: officer.agencyId, role: officer.role, positionId: officer.positionId }] }, filter: open },
      { label: `agency officer, my agency's tasks`, scope: { agencyIds: [officer.agencyId] }, filter: open },
      { label: `provincial coordinator, 32, all open`, scope: province, filter: open, before: true, goal: true },
      { label: `provincial coordinator, 32, overdue`, scope: province, filter: overdue, before: true, goal: true },
      // The national oversight scope (system administrator, jurisdiction 00) covers every task.
      { label: `national oversight, 00, all open`, scope: nation, filter: open, before: true, goal: true },
      { label: `national oversight, 00, overdue`, scope: nation, filter: overdue, before: true, goal: true },
      { label: `national, 00, open, page 41 by cursor`, scope: nation, filter: { ...open, after: deep }, runs: fewer },
      { label: `national, 00, open, page 41 by offset`, scope: nation, filter: { ...open, offset: 1000 }, runs: fewer },
    ];

    const ids = ((await dataSource.query(`SELECT id FROM tasks TABLESAMPLE SYSTEM (1) LIMIT 1000`)) as { id: string }[]).map((r) => r.id);
    let next = 0;
    const lookup = (source: DataSource) => source.query(`SELECT id, status, due_at FROM tasks WHERE id = $1`, [ids[next++ % ids.length]]);
    progress(`inbox: baseline primary-key lookup, ${options.runs} runs`);
    const baseline: InboxCase = {
      label: 'baseline: SELECT … FROM tasks WHERE id = $1',
      shape: '1 / 1',
      stats: stats(await timeRuns(() => lookup(dataSource), options.warmUp, options.runs)),
      plans: await explain(explainSource, logger, () => lookup(explainSource)),
    };

    const cases: InboxCase[] = [];
    for (const s of scenarios) {
      const runs = s.runs ?? options.runs;
      progress(`inbox: ${s.label}, ${runs} runs`);
      const result = await repo.inbox(s.scope, s.filter);
      const samples = await timeRuns(() => repo.inbox(s.scope, s.filter), options.warmUp, runs);
      let before: Stats | undefined;
      if (s.before) {
        progress(`inbox: ${s.label}, the queries before issue 13, ${fewer} runs`);
        before = stats(await timeRuns(() => inboxBefore(dataSource, s.scope, s.filter), Math.min(options.warmUp, 5), fewer));
      }
      const plans = await explain(explainSource, logger, () => new TasksRepository(explainSource, cipherFor(explainSource)).inbox(s.scope, s.filter));
      const total = `${result.total.toLocaleString('en')}${result.capped.total ? '+' : ''}`;
      cases.push({ label: s.label, shape: `${result.items.length} / ${total}`, stats: stats(samples), before, goal: s.goal, plans });
    }
    return { baseline, cases, warmUp: options.warmUp };
  } finally {
    await explainSource.destroy();
    await dataSource.destroy();
  }
}

/** The cursor after page `pages` of a view (each `filter.limit` rows), walked page by page. */
async function pageCursor(repo: TasksRepository, scope: InboxScope, filter: InboxFilter, pages: number): Promise<InboxCursor> {
  let after: InboxCursor | undefined;
  for (let i = 0; i < pages; i++) {
    const { next } = await repo.inbox(scope, { ...filter, after });
    if (!next) throw new Error(`the view has fewer than ${pages + 1} pages`);
    after = next;
  }
  return after as InboxCursor;
}

/**
 * The inbox's statements as they were before issue 13 (for the side-by-side figures): the page with the
 * open-first flag in its order and OFFSET, an exact total, and exact counts in one pass over the scope.
 * Run on the same database, so with the new partial indexes present — which the old total may use too.
 */
async function inboxBefore(source: DataSource, scope: InboxScope, filter: InboxFilter): Promise<void> {
  const params: unknown[] = [];
  const parts: string[] = [];
  for (const code of scope.jurisdictionCodes ?? []) {
    if (code === '00') parts.push('TRUE');
    else {
      params.push(`${code}%`);
      parts.push(`t.jurisdiction_code LIKE $${params.length}`);
    }
  }
  const where = parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  const countParams = [...params];
  const dueSql = filter.due === 'overdue' ? ` AND t.status = 'open' AND t.due_at < now()` : '';
  params.push(filter.limit, filter.offset);
  const [rows] = await Promise.all([
    source.query(`SELECT t.id FROM tasks t WHERE ${where} AND t.status = 'open'${dueSql} ORDER BY (t.status = 'open') DESC, t.due_at ASC, t.id LIMIT $${params.length - 1} OFFSET $${params.length}`, params),
    source.query(`SELECT count(*)::int AS n FROM tasks t WHERE ${where} AND t.status = 'open'${dueSql}`, countParams),
    source.query(
      `SELECT count(*) FILTER (WHERE t.status = 'open')::int AS open,
              count(*) FILTER (WHERE t.status = 'open' AND t.due_at < now())::int AS overdue,
              count(*) FILTER (WHERE t.status = 'open' AND t.due_at >= now() AND t.due_at < now() + interval '72 hours')::int AS "dueSoon",
              count(*) FILTER (WHERE t.status <> 'open')::int AS done
       FROM tasks t WHERE ${where}`,
      countParams,
    ),
  ]);
  const ids = (rows as { id: string }[]).map((r) => r.id);
  if (ids.length) await source.manager.createQueryBuilder(TaskEntity, 't').where('t.id IN (:...ids)', { ids }).getMany();
}

/** Which of the inbox's statements this is (they run in parallel, so the order they start in varies). */
function statementName(sql: string): string {
  if (/count\(\*\)/.test(sql)) return 'counts';
  if (/^\s*SELECT t\.\*, to_char/.test(sql)) return 'page';
  if (/WHERE id = \$1/.test(sql)) return 'lookup';
  return 'rows';
}

/** Runs `work` once while capturing its SQL, then EXPLAIN (ANALYZE, BUFFERS) of each statement, summarised. */
async function explain(source: DataSource, logger: CapturingLogger, work: () => Promise<unknown>): Promise<string[]> {
  logger.queries.length = 0;
  logger.armed = true;
  try {
    await work();
  } finally {
    logger.armed = false;
  }
  const order = ['lookup', 'page', 'counts', 'rows'];
  const statements = logger.queries
    .filter((q) => /^\s*SELECT/i.test(q.sql))
    .map((q) => ({ ...q, name: statementName(q.sql) }))
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const out: string[] = [];
  for (const q of statements) {
    const plan = (await source.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters)) as { 'QUERY PLAN': string }[];
    out.push(`${q.name.padEnd(6)} ${planSummary(plan.map((r) => r['QUERY PLAN']))}`);
  }
  return out;
}
