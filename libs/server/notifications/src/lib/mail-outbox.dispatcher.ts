import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { NotificationsRepository } from './notifications.repository';

/** Attempts per e-mail before it is marked failed. */
export const MAX_MAIL_ATTEMPTS = 8;
/** A claimed e-mail is skipped by other dispatchers this long, longer than one SMTP exchange can take. */
const LEASE_SECONDS = 300;
const BATCH = 20;

/** Seconds before the next try after failed attempt number `attempts` (30 s, 1 min, 2 min … at most 1 h); null: give up. */
export function retryDelaySeconds(attempts: number): number | null {
  if (attempts >= MAX_MAIL_ATTEMPTS) return null;
  return Math.min(30 * 2 ** (attempts - 1), 3600);
}

/** An SMTP error as far as it may be stored: its codes and text with any e-mail address blanked out. */
export function describeMailError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [typeof e?.code === 'string' ? e.code : null, typeof e?.responseCode === 'number' ? String(e.responseCode) : null, typeof e?.message === 'string' ? e.message : String(err)];
  return parts
    .filter(Boolean)
    .join(' ')
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>')
    .slice(0, 500);
}

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the e-mail waiting in the notification outbox over SMTP (SMTP_URL). Any number of processes may
 * run it: rows are claimed with FOR UPDATE SKIP LOCKED and a lease. Failed sends are retried with
 * backoff. Logs counts only, never addresses or contents.
 */
@Injectable()
export class MailOutboxDispatcher {
  private readonly logger = new Logger('MailOutbox');
  private transport: Transporter | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<unknown> | null = null;
  private running = false;
  private stopping = false;
  private saidOff = false;

  constructor(
    private readonly repo: NotificationsRepository,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  /** Whether e-mail is configured at all. */
  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  /** Drains the outbox every `intervalMs` until {@link stop}. Without SMTP_URL, says so once and does nothing. */
  start(intervalMs = 5000): void {
    if (this.running) return;
    if (!this.enabled) {
      if (this.saidOff) return;
      this.saidOff = true;
      this.logger.log('E-mail mati (SMTP_URL kosong); notifikasi tetap di aplikasi / E-mail is off (SMTP_URL unset); mail stays pending in the outbox');
      return;
    }
    this.running = true;
    this.stopping = false;
    const tick = () => {
      this.inFlight = this.dispatchOnce()
        .catch((err: unknown) => this.logger.warn(`Outbox run failed: ${describeMailError(err)}`))
        .finally(() => {
          this.inFlight = null;
          if (this.running) this.timer = setTimeout(tick, intervalMs);
        });
    };
    tick();
  }

  /** Stops the loop and waits for a batch in progress. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    clearTimeout(this.timer);
    await this.inFlight;
    this.transport?.close();
    this.transport = null;
  }

  /** Sends what is due now, one batch at a time until none is left. */
  async dispatchOnce(): Promise<DispatchResult> {
    const total: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
    if (!this.enabled) return total;
    for (;;) {
      const batch = await this.repo.claimDueMail(BATCH, LEASE_SECONDS);
      for (const mail of batch) {
        try {
          await this.smtp().sendMail({ from: this.config.MAIL_FROM, to: mail.toEmail, subject: mail.subject, text: mail.bodyText });
          await this.repo.markMailSent(mail.id);
          total.sent++;
        } catch (err) {
          const retryIn = retryDelaySeconds(mail.attempts);
          await this.repo.markMailAttemptFailed(mail.id, describeMailError(err), retryIn);
          if (retryIn === null) total.failed++;
          else total.retrying++;
        }
      }
      if (batch.length < BATCH || this.stopping) break;
    }
    if (total.sent || total.retrying || total.failed) {
      this.logger.log(`E-mail: ${total.sent} terkirim / sent, ${total.retrying} dicoba lagi / to retry, ${total.failed} gagal / failed`);
    }
    return total;
  }

  private smtp(): Transporter {
    this.transport ??= createTransport({ url: this.config.SMTP_URL, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
    return this.transport;
  }
}
