import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { ErrorCode } from '@gugus/contracts';
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import type { SystemCheckRepository } from './system-check.repository';
import { SystemCheckService } from './system-check.service';

describe('SystemCheckService.start', () => {
  const started: unknown[] = [];
  const temporal = { workflow: { start: async (_wf: unknown, options: unknown) => void started.push(options) } } as unknown as Client;
  // Production refuses development keys: these are throwaway ones, made for the test.
  const keys = {
    DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    TEMPORAL_PAYLOAD_KEYS: `p1:${randomBytes(32).toString('base64')}`,
    AUDIT_HMAC_KEY: `a1:${randomBytes(32).toString('base64')}`,
    AUDIT_CHECKPOINT_DIR: '/tmp/gugus-test-checkpoints',
  };
  const service = (NODE_ENV: string) =>
    new SystemCheckService(temporal, {} as SystemCheckRepository, loadConfig(serverConfigSchema, { NODE_ENV, DATABASE_URL: 'postgres://u:p@h:5432/d', TEMPORAL_ADDRESS: 'h:7233', ...keys }));

  beforeEach(() => (started.length = 0));

  it('refuses a hold in production, naming holdMs, and starts nothing', async () => {
    await expect(service('production').start(4000)).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: { fields: [{ field: 'holdMs' }] } });
    expect(started).toEqual([]);
  });

  it.each([
    ['production without a hold', 'production', 0],
    ['a hold outside production (the worker-restart test)', 'test', 4000],
  ])('starts %s', async (_what, env, holdMs) => {
    await expect(service(env).start(holdMs)).resolves.toMatchObject({ status: 'requested' });
    expect(started).toEqual([expect.objectContaining({ args: [expect.objectContaining({ holdMs })] })]);
  });
});
