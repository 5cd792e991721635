import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SystemCheckEntity } from './system-check.entity';

@Injectable()
export class SystemCheckRepository {
  constructor(@InjectRepository(SystemCheckEntity) private readonly rows: Repository<SystemCheckEntity>) {}

  findById(id: string): Promise<SystemCheckEntity | null> {
    return this.rows.findOneBy({ id });
  }

  /** Inserts the row once; a retried activity finds it there and changes nothing. */
  async recordStarted(id: string, workflowId: string, holdMs: number): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .insert()
      .values({ id, workflowId, status: 'running', stage: 'started', holdMs, requestedAt: () => 'now()' })
      .orIgnore()
      .execute();
  }

  async recordProbeAttempt(id: string, attempt: number): Promise<void> {
    await this.rows.update({ id, status: 'running' }, { stage: 'probing', attempts: attempt });
  }

  async recordCompleted(id: string, databaseVersion: string): Promise<void> {
    await this.rows.update({ id, status: 'running' }, { status: 'completed', stage: 'done', databaseVersion, completedAt: () => 'now()' });
  }

  /** `SELECT version()` through the pool the worker uses for everything else. */
  async databaseVersion(): Promise<string> {
    const [row] = await this.rows.query('SELECT version() AS version');
    return String(row.version);
  }
}
