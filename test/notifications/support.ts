import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';

/** Jakarta date `days` from today, as PostgreSQL `date` text. */
export function jakartaDay(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Writes an agency with people, positions and delegations straight into the organisation tables. */
export class OrgFixture {
  constructor(private readonly db: DataSource) {}

  async agency(jurisdictionCode = '32.04'): Promise<string> {
    const id = randomUUID();
    await this.db.query(`INSERT INTO agencies (id, jurisdiction_code, name, kind) VALUES ($1, $2, $3, 'government_office')`, [id, jurisdictionCode, `Instansi Uji ${id.slice(0, 8)}`]);
    return id;
  }

  async person(agencyId: string, options: { active?: boolean } = {}): Promise<{ id: string; email: string }> {
    const id = randomUUID();
    const email = `uji.${id.slice(0, 8)}@gugus.test`;
    await this.db.query('INSERT INTO people (id, agency_id, full_name, email, active) VALUES ($1, $2, $3, $4, $5)', [id, agencyId, `Orang Uji ${id.slice(0, 4)}`, email, options.active ?? true]);
    return { id, email };
  }

  async position(agencyId: string, roles: string[], holderId: string | null): Promise<string> {
    const id = randomUUID();
    await this.db.query('INSERT INTO positions (id, agency_id, title, roles, holder_id) VALUES ($1, $2, $3, $4, $5)', [id, agencyId, `Jabatan ${id.slice(0, 4)}`, roles, holderId]);
    return id;
  }

  async delegation(positionId: string, delegateId: string, startsOn: string, endsOn: string): Promise<void> {
    await this.db.query('INSERT INTO delegations (id, position_id, delegate_id, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)', [randomUUID(), positionId, delegateId, startsOn, endsOn]);
  }
}

export interface CaughtMail {
  from: string;
  to: string[];
  /** The whole message as received (headers and body). */
  raw: string;
  subject: string;
  /** The plain-text body, decoded. */
  text: string;
}

export interface SmtpCatcher {
  url: string;
  mails: CaughtMail[];
  close(): Promise<void>;
}

function decodeBody(headers: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
  );
}

/** A real SMTP server (the `smtp-server` package) on loopback that keeps what it receives. */
export async function startSmtpCatcher(options: { rejectRecipient?: (address: string) => boolean } = {}): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const err = Object.assign(new Error(`<${address.address}>: mailbox unavailable`), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const split = raw.indexOf('\r\n\r\n');
        const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
        const body = raw.slice(split + 4);
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: decodeHeader(/^subject:\s*(.*)$/im.exec(headers)?.[1] ?? ''),
          text: decodeBody(headers, body).replace(/\r\n/g, '\n'),
        });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
