import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { readEnvironment } from '@gugus/server-config';
import { isPortFree } from '@gugus/server-database';
import { DEMO_LOGINS } from '@gugus/server-orgs';
import { browserSession, eventually, freePort, repoRoot } from '../support';

interface Launch {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s launcher, exactly as the start command runs it, on ports and data of its own. */
function launch(env: Record<string, string>): Launch {
  const child = spawn(process.execPath, [join(repoRoot, 'dist/apps/devstack/src/main.js')], {
    cwd: repoRoot,
    env: { PATH: readEnvironment().PATH, HOME: readEnvironment().HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(l: Launch, pattern: RegExp, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(l.output())) {
    if (l.child.exitCode !== null) throw new Error(`launcher exited (${l.child.exitCode}):\n${l.output()}`);
    if (Date.now() > deadline) throw new Error(`launcher did not print ${pattern}:\n${l.output()}`);
    await new Promise((r) => setTimeout(r, 250)); // poll interval: read the launcher's output again
  }
}

/** Launches and waits until everything runs; a launch that does not get there is stopped before the error is rethrown. */
async function launchRunning(env: Record<string, string>): Promise<Launch> {
  const l = launch(env);
  try {
    await waitFor(l, /Tekan Ctrl-C untuk berhenti/);
    return l;
  } catch (err) {
    l.child.kill('SIGINT');
    await l.exited;
    throw err;
  }
}

async function portsEnv(dataDir: string): Promise<Record<string, string>> {
  return {
    GUGUS_DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    WEB_PORT: String(await freePort()),
    MAIL_CATCHER_PORT: String(await freePort()),
  };
}

const noStackTrace = /\n\s+at \S+.*\(.*:\d+:\d+\)/;

/** The PostgreSQL server of a data directory, as its postmaster.pid records it. */
function postgresPid(env: Record<string, string>): number {
  return Number(readFileSync(join(env.GUGUS_DATA_DIR, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** The Temporal dev server the launcher started: the process whose command line has its port. */
function temporalPid(env: Record<string, string>): number {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  for (const pid of pids) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.includes('start-dev') && args[args.indexOf('--port') + 1] === env.TEMPORAL_DEV_PORT) return Number(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error(`no Temporal dev server on port ${env.TEMPORAL_DEV_PORT}`);
}

describe('the start command (devstack)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gugus-devstack-'));
  // PostgreSQL runs as the postgres user when the tests run as root; it must reach its directory.
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts everything, prints every URL, stops cleanly on Ctrl-C and keeps workflow history across restarts', async () => {
    const env = await portsEnv(dataDir);
    const first = await launchRunning(env);
    const out = first.output();
    for (const url of [`http://localhost:${env.WEB_PORT}`, `http://localhost:${env.API_PORT}/docs`, `http://localhost:${env.API_PORT}/health`, `http://localhost:${env.TEMPORAL_UI_PORT}`]) {
      expect(out).toContain(url);
    }
    expect(out).toContain(`e-mail (dev) smtp://127.0.0.1:${env.MAIL_CATCHER_PORT}`);
    const workflowId = /workflow (system-check-[0-9a-f-]+) \(completed\)/.exec(out)?.[1];
    expect(workflowId).toBeDefined();

    const health = await (await fetch(`http://127.0.0.1:${env.API_PORT}/health`)).json();
    expect(health).toMatchObject({ status: 'up' });
    // The web dev server proxies /api to the API, as nginx does in production.
    expect(await (await fetch(`http://127.0.0.1:${env.WEB_PORT}/api/health`)).json()).toMatchObject({ status: 'up' });
    expect((await fetch(`http://127.0.0.1:${env.TEMPORAL_UI_PORT}/`)).status).toBe(200);

    // A first day that shows the product: the demo's processes ran, and every demo login's home page has an
    // open task — its own, or (for those who oversee an area without tasks of their own) the area's.
    expect(out).toMatch(/Proses demo \/ Demo processes\s+✓ RAD dalam telaah hukum/);
    const session = await browserSession();
    try {
      for (const login of DEMO_LOGINS) {
        const page = await session.open(`http://localhost:${env.WEB_PORT}`, { as: login.email });
        expect(new URL(page.url()).pathname).toBe('/');
        await page.getByTestId('home').waitFor();
        await page.getByTestId('task-row').first().waitFor();
        await session.shot(page, `devstack-home-${login.email.split('@')[0]}`);
        await page.context().close();
      }
    } finally {
      await session.close();
    }

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('PostgreSQL berhenti / stopped');
    for (const port of Object.entries(env).filter(([k]) => k.endsWith('PORT')).map(([, v]) => Number(v))) {
      expect({ port, free: await isPortFree(port) }).toEqual({ port, free: true });
    }
    expect(existsSync(join(dataDir, 'gugus.pid'))).toBe(false);

    // Second start on the same data: the first run's workflow is still in Temporal's history.
    const second = launch(env);
    try {
      await waitFor(second, /Tekan Ctrl-C untuk berhenti/);
      expect(second.output()).toContain('migrations: sudah terbaru / up to date');
      // The demo processes run once: on the same data they are not started again.
      expect(second.output()).toMatch(/Proses demo \/ Demo processes\s+✓ sudah ada \/ already there/);
      // The API and worker run as the app role, which may only read and append to the audit log.
      expect(second.output()).toContain(`app role postgres://gugus_service:gugus_service@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/gugus`);
      const connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_DEV_PORT}` });
      try {
        const description = await new Client({ connection }).workflow.getHandle(workflowId as string).describe();
        expect(description.status.name).toBe('COMPLETED');
      } finally {
        await connection.close();
      }
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  }, 600_000);

  it.each([
    ['PostgreSQL', postgresPid],
    ['Temporal', temporalPid],
  ])('notices when %s dies, says so and stops everything with exit code 1', async (engine, pidOf) => {
    const env = await portsEnv(dataDir);
    const l = await launchRunning(env);
    process.kill(pidOf(env), 'SIGKILL');
    expect(await l.exited).toBe(1);
    expect(l.output()).toContain(`[${engine}] berhenti tak terduga (SIGKILL); Gugus tidak dapat berjalan tanpanya, semua layanan dihentikan.`);
    expect(l.output()).toContain(`[${engine}] stopped unexpectedly (SIGKILL); Gugus cannot run without it, stopping everything.`);
    expect(l.output()).not.toMatch(noStackTrace);
    // Nothing is left running: every port is free again (a killed server's last connections may take a moment) and the lock is released.
    for (const port of Object.entries(env).filter(([k]) => k.endsWith('PORT')).map(([, v]) => Number(v))) {
      await eventually(async () => ((await isPortFree(port)) ? true : undefined), 15_000, `port ${port} to be free`);
    }
    expect(existsSync(join(dataDir, 'gugus.pid'))).toBe(false);
  });

  it('refuses a port already in use with a clear message and no stack trace', async () => {
    const env = await portsEnv(mkdtempSync(join(tmpdir(), 'gugus-devstack-port-')));
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(Number(env.API_PORT), '0.0.0.0', r));
    try {
      const l = launch(env);
      expect(await l.exited).toBe(1);
      expect(l.output()).toContain(`Port ${env.API_PORT} (API) sudah dipakai proses lain; atur API_PORT.`);
      expect(l.output()).toContain(`Port ${env.API_PORT} (API) is already in use; set API_PORT.`);
      expect(l.output()).not.toMatch(noStackTrace);
    } finally {
      blocker.close();
      rmSync(env.GUGUS_DATA_DIR, { recursive: true, force: true });
    }
  });

  it('refuses to start twice on the same data with a clear message', async () => {
    const env = await portsEnv(mkdtempSync(join(tmpdir(), 'gugus-devstack-twice-')));
    // A live process holds the lock, as a running launcher would.
    writeFileSync(join(env.GUGUS_DATA_DIR, 'gugus.pid'), String(process.pid));
    try {
      const l = launch(env);
      expect(await l.exited).toBe(1);
      expect(l.output()).toContain(`Gugus sudah berjalan dengan data di ${env.GUGUS_DATA_DIR} (PID ${process.pid})`);
      expect(l.output()).not.toMatch(noStackTrace);
      // The running instance's lock is left alone.
      expect(existsSync(join(env.GUGUS_DATA_DIR, 'gugus.pid'))).toBe(true);
    } finally {
      rmSync(env.GUGUS_DATA_DIR, { recursive: true, force: true });
    }
  });
});
