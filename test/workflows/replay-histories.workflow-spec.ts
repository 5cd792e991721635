import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DEV_TEMPORAL_PAYLOAD_KEYS } from '@gugus/server-config';
import { encryptedDataConverter } from '@gugus/server-crypto';
import { workflowSource } from '@gugus/server-temporal';

/**
 * Processes run for months: a worker upgraded while they run replays their histories with the new code,
 * and a change to what a process does next that is not behind `patched()` fails that replay (Temporal's
 * non-determinism error) and stops the process. These histories were recorded by an earlier release
 * (fixtures/histories/README.md says which and how) with today's workflow code; each must replay.
 */
const dir = join(__dirname, 'fixtures/histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

// Bundling the workflow code takes a while on two cores.
jest.setTimeout(300_000);

describe('histories of an earlier release replay with today’s workflow code', () => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  });

  it('has histories of each kind of process changed since', () => {
    const kinds = new Set(files.map((f) => f.split('--')[0]));
    expect([...kinds].sort()).toEqual(['meeting-cancel', 'report-cycle']);
    // A province's cycle with regencies and reviews, and meetings moved, cancelled and left without a plenary.
    expect(files.some((f) => f.includes('report-2027-Q1-32.json'))).toBe(true);
    expect(files.filter((f) => f.startsWith('meeting-cancel--')).length).toBeGreaterThanOrEqual(2);
  });

  it('replays every history without a non-determinism error', async () => {
    const histories = files.map((file) => ({ workflowId: file.slice(file.indexOf('--') + 2, -'.json'.length), history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(dir, file), 'utf8'))) }));
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ ...workflowSource(), dataConverter: encryptedDataConverter(DEV_TEMPORAL_PAYLOAD_KEYS) }, histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  });
});
