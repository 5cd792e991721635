import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { ComponentHealth, HealthReport } from '@gugus/contracts';
import { TEMPORAL_CONNECTION } from '@gugus/server-temporal';

const PROBE_TIMEOUT_MS = 2000;

async function probe(run: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    // Only a coarse reason: connection strings and hostnames stay in the server logs.
    const reason = (err as Error).message === 'timeout' ? 'timeout' : 'unreachable';
    return { status: 'down', reason };
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
  ) {}

  async report(version: string): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.temporal.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () => this.temporal.workflowService.getSystemInfo({}))),
    ]);
    return {
      status: database.status === 'up' && temporal.status === 'up' ? 'up' : 'down',
      checkedAt: new Date().toISOString(),
      version,
      components: { database, temporal },
    };
  }
}
