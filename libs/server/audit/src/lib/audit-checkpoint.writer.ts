import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CHECKPOINT_LOG_MARKER, checkCheckpoint, signCheckpoint, writeCheckpointFile, type AuditCheckpoint } from './audit-checkpoint';
import { AUDIT_OPTIONS, type AuditOptions } from './audit-options';
import { AuditRepository, type ChainPoint } from './audit.repository';

/** At most one checkpoint per interval, however many entries are appended in it. */
const FLUSH_DELAY_MS = 500;
/** Flushes that may find this process's newest entry not yet committed (a long transaction, or one rolled back) before giving up on it. */
const MAX_WAITS = 20;

/**
 * Writes signed checkpoints of the chain's head outside the database: a file of this process's own
 * (atomically replaced, so the API and worker never clobber each other) and a log line. Debounced after
 * appends, and flushed on shutdown. Reads the head from the table, so a checkpoint only ever names
 * committed entries, whoever wrote them. Each process also checkpoints the head it finds at boot.
 *
 * A checkpoint file is never replaced by one that contradicts it: when the entry the last checkpoint
 * saw is gone or different, the writer says so in the log and continues in a new file, keeping the old
 * one as evidence for verification.
 */
@Injectable()
export class AuditCheckpointWriter implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditCheckpoint');
  private readonly writer = `${hostname()}:${process.pid}`;
  private readonly baseName = `${hostname().replace(/[^\w.-]/g, '_')}-${process.pid}`;
  private fileName = `${this.baseName}.json`;
  private noted = 0;
  private waits = 0;
  private written: AuditCheckpoint | null | undefined;
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: AuditRepository,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {}

  /** An entry `seq` was appended (its transaction may not have committed yet). */
  noteAppend(seq: number): void {
    this.noted = Math.max(this.noted, seq);
    this.waits = 0;
    this.schedule();
  }

  /** Signs the head as committed now and writes it, unless it has not moved. Returns what was written. */
  flush(): Promise<AuditCheckpoint | null> {
    const run = this.queue.then(() => this.writeHead());
    this.queue = run.catch(() => undefined);
    return run;
  }

  onApplicationBootstrap(): void {
    this.flush().catch((err: Error) => this.logger.warn(`Titik periksa audit tidak tertulis / Audit checkpoint not written: ${err.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.noted) return;
    try {
      await this.flush();
    } catch (err) {
      this.logger.warn(`Titik periksa audit terakhir tidak tertulis / The last audit checkpoint was not written: ${(err as Error).message}`);
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((err: Error) => this.logger.warn(`Titik periksa audit tidak tertulis / Audit checkpoint not written: ${err.message}`));
    }, FLUSH_DELAY_MS);
    this.timer.unref();
  }

  private async writeHead(): Promise<AuditCheckpoint | null> {
    if (this.written === undefined) this.written = await this.previousFile();
    const head = await this.repo.head();
    if ((head?.seq ?? 0) < this.noted && this.waits++ < MAX_WAITS) this.schedule();
    if (!head || (this.written && head.seq === this.written.seq && head.hash === this.written.hash)) return null;
    if (this.written && !(await this.stillThere(this.written))) {
      this.logger.error(
        `Rantai audit ditulis ulang: entri #${this.written.seq} yang dilihat titik periksa ${this.written.at} hilang atau berubah; titik periksa itu disimpan, yang baru ditulis ke berkas lain / ` +
          `Audit chain rewritten: entry #${this.written.seq} seen by the checkpoint of ${this.written.at} is gone or different; that checkpoint is kept and new ones go to another file`,
      );
      this.fileName = `${this.baseName}-since-${Date.now()}.json`;
    }
    const checkpoint = signCheckpoint(this.options.keyring.current, head, new Date(), this.writer);
    if (this.options.checkpointDir) await writeCheckpointFile(this.options.checkpointDir, this.fileName, checkpoint);
    this.logger.log(`${CHECKPOINT_LOG_MARKER}${JSON.stringify(checkpoint)}`);
    this.written = checkpoint;
    return checkpoint;
  }

  private async stillThere(point: ChainPoint): Promise<boolean> {
    const [entry] = await this.repo.entriesAt([point.seq]);
    return entry?.hash === point.hash;
  }

  /** This process's file from an earlier run (same host and PID, as in a restarted container), if it is genuine. */
  private async previousFile(): Promise<AuditCheckpoint | null> {
    if (!this.options.checkpointDir) return null;
    const text = await readFile(join(this.options.checkpointDir, this.fileName), 'utf8').catch(() => null);
    if (text === null) return null;
    try {
      const check = checkCheckpoint(this.options.keyring, JSON.parse(text));
      return check.ok ? check.checkpoint : null;
    } catch {
      return null;
    }
  }
}
