import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import type { HealthReport } from '@gugus/contracts';
import { freePort, serviceEnv, startApi, testEnv } from '../support';

describe('GET /health', () => {
  it('reports PostgreSQL and Temporal as up', async () => {
    const api = await startApi(serviceEnv());
    try {
      const res = await fetch(`${api.url}/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const report = (await res.json()) as HealthReport;
      expect(report).toMatchObject({
        status: 'up',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        components: { database: { status: 'up', latencyMs: expect.any(Number) }, temporal: { status: 'up', latencyMs: expect.any(Number) } },
      });
    } finally {
      await api.stop();
    }
  });

  it('reports Temporal as down (503) when it cannot be reached, without leaking the address', async () => {
    const deadPort = await freePort();
    const api = await startApi(serviceEnv({ TEMPORAL_ADDRESS: `127.0.0.1:${deadPort}` }));
    try {
      const res = await fetch(`${api.url}/health`);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(text).not.toContain(String(deadPort));
      expect(JSON.parse(text)).toMatchObject({ status: 'down', components: { database: { status: 'up' }, temporal: { status: 'down', reason: expect.any(String) } } });
    } finally {
      await api.stop();
    }
  });

  it('reports PostgreSQL as down when the database becomes unreachable while the API runs', async () => {
    // The API reaches PostgreSQL through a TCP relay that the test cuts, like a network partition.
    const target = new URL(testEnv().databaseUrl);
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const relayPort = (relay.address() as AddressInfo).port;
    const viaRelay = new URL(testEnv().databaseUrl);
    viaRelay.port = String(relayPort);

    const api = await startApi(serviceEnv({ DATABASE_URL: viaRelay.toString() }));
    try {
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
      await new Promise<void>((r) => {
        relay.close(() => r());
        sockets.forEach((s) => s.destroy());
      });
      const res = await fetch(`${api.url}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ components: { database: { status: 'down' }, temporal: { status: 'up' } } });
    } finally {
      await api.stop();
      relay.close();
    }
  });
});
