import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { ErrorCode, systemCheckWorkflowId, type SystemCheckView } from '@gugus/contracts';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { DomainError } from '@gugus/server-http';
import { systemCheck } from '@gugus/workflows';
import { toSystemCheckView } from './system-check.mapper';
import { SystemCheckRepository } from './system-check.repository';

const notFound = (id: string) =>
  new DomainError(ErrorCode.NOT_FOUND, { id: `Pemeriksaan sistem ${id} tidak ditemukan.`, en: `System check ${id} was not found.` });

const engineDown = () =>
  new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, {
    id: 'Mesin proses (Temporal) tidak dapat dihubungi. Coba lagi sebentar lagi.',
    en: 'The process engine (Temporal) cannot be reached. Try again shortly.',
  });

// The hold rehearses a worker restart in tests and drills; in production it would only tie up worker slots.
const holdRefused = () =>
  new DomainError(
    ErrorCode.VALIDATION_FAILED,
    { id: 'holdMs tidak tersedia di produksi.', en: 'holdMs is not available in production.' },
    { fields: [{ field: 'holdMs', message: { id: 'harus 0 atau tidak diisi di produksi', en: 'must be 0 or absent in production' } }] },
  );

@Injectable()
export class SystemCheckService {
  constructor(
    private readonly temporal: Client,
    private readonly repository: SystemCheckRepository,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  async start(holdMs = 0): Promise<SystemCheckView> {
    if (holdMs > 0 && this.config.NODE_ENV === 'production') throw holdRefused();
    const id = randomUUID();
    const workflowId = systemCheckWorkflowId(id);
    try {
      await this.temporal.workflow.start(systemCheck, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [{ checkId: id, holdMs }],
      });
    } catch {
      throw engineDown();
    }
    return { id, workflowId, status: 'requested', stage: null, attempts: 0, databaseVersion: null, requestedAt: null, completedAt: null };
  }

  /** The read model when the worker has written it; until then, whether Temporal knows the run. */
  async get(id: string): Promise<SystemCheckView> {
    const row = await this.repository.findById(id);
    if (row) return toSystemCheckView(row);
    const workflowId = systemCheckWorkflowId(id);
    try {
      const description = await this.temporal.workflow.getHandle(workflowId).describe();
      const status = description.status.name === 'RUNNING' ? 'requested' : 'failed';
      return { id, workflowId, status, stage: null, attempts: 0, databaseVersion: null, requestedAt: description.startTime.toISOString(), completedAt: null };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound(id);
      throw engineDown();
    }
  }
}
