import { Role, type SessionTokens, type SystemCheckView } from '@gugus/contracts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@gugus/server-orgs';
import { StartupError } from './stack';

/**
 * One completed system-check run, so the Temporal UI shows a real workflow history and the status page
 * has something to show. The processes in flight are `demo-processes.ts`'s.
 */
export async function seedDemoData(apiUrl: string): Promise<SystemCheckView> {
  // Starting a check needs a login: the demo system administrator's.
  const admin = DEMO_LOGINS.find((l) => l.role === Role.SYSTEM_ADMIN)?.email ?? 'admin@gugus.test';
  const login = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin, password: DEMO_PASSWORD }) });
  if (login.status !== 200) throw new StartupError(`Login demo ${admin} gagal / The demo login ${admin} failed (HTTP ${login.status}).`);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${((await login.json()) as SessionTokens).accessToken}` };
  const started = await fetch(`${apiUrl}/system-checks`, { method: 'POST', headers, body: '{}' });
  if (started.status !== 202) throw new StartupError(`Pemeriksaan sistem gagal dimulai / The system check failed to start (HTTP ${started.status}).`);
  const { id } = (await started.json()) as SystemCheckView;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${apiUrl}/system-checks/${id}`, { headers });
    const view = (await res.json()) as SystemCheckView;
    if (view.status === 'completed') return view;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new StartupError(`Pemeriksaan sistem ${id} tidak selesai dalam 120 detik; lihat log worker. / System check ${id} did not complete within 120 s; see the worker log.`);
}

export interface Summary {
  apiUrl: string;
  webUrl: string;
  temporalUi: string | null;
  temporalAddress: string;
  databaseUrl: string;
  logDir: string;
  check: SystemCheckView;
  /** What the demo processes did (or why not). */
  demo: string;
}

export function printSummary(print: (line: string) => void, s: Summary): void {
  const row = (label: string, value: string) => print(`  ${label.padEnd(34)} ${value}`);
  print('');
  print('Gugus berjalan / Gugus is running');
  row('Aplikasi web / Web app', s.webUrl);
  row('API', s.apiUrl);
  row('Dokumentasi API / API docs', `${s.apiUrl}/docs`);
  row('Kesehatan / Health', `${s.apiUrl}/health`);
  row('Temporal UI', s.temporalUi ? `${s.temporalUi}/namespaces/default/workflows` : `(eksternal / external: ${s.temporalAddress})`);
  row('PostgreSQL', s.databaseUrl.replace(/:[^:@/]+@/, ':****@'));
  row('Log / Logs', s.logDir);
  row('Data demo / Demo data', `workflow ${s.check.workflowId} (${s.check.status})`);
  row('Proses demo / Demo processes', s.demo);
  print('');
  print(`Login demo (kata sandi / password: ${DEMO_PASSWORD})`);
  for (const login of DEMO_LOGINS) row(login.email, `${login.role} — ${login.description}`);
  print('');
  print('Tekan Ctrl-C untuk berhenti / Press Ctrl-C to stop.');
}
