import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { FormsService } from '@gugus/server-forms';
import { TasksRepository } from './tasks.repository';

const BATCH = 200;

/**
 * Seals personal data stored in plain columns before encryption at rest (submissions, task drafts,
 * staged data, comments, notes), a batch at a time, in the background when the worker starts. Every
 * step is guarded by its row's state, so several workers or a restart midway do no harm.
 */
@Injectable()
export class LegacyDataSealer implements OnApplicationBootstrap {
  private readonly logger = new Logger('LegacyDataSealer');

  constructor(
    private readonly forms: FormsService,
    private readonly tasks: TasksRepository,
  ) {}

  onApplicationBootstrap(): void {
    void this.run().catch((err: Error) => this.logger.warn(`Sealing older rows stopped; it resumes at the next start (${err.name})`));
  }

  /** Seals everything left; returns how many rows it sealed. */
  async run(): Promise<number> {
    let total = 0;
    for (const step of [(n: number) => this.forms.sealLegacySubmissions(n), (n: number) => this.tasks.sealLegacy(n)]) {
      for (let done = await step(BATCH); done > 0; done = await step(BATCH)) total += done;
    }
    if (total) this.logger.log(`Sealed ${total} rows stored before encryption at rest`);
    return total;
  }
}
