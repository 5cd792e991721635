import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../support';

/** Proves the architecture rules are active: each fixture would be an accepted import without them. */
describe('module boundaries (lint)', () => {
  // The ESLint CLI, exactly as the lint targets run it, on source passed through stdin.
  async function ruleIds(file: string, code: string): Promise<string[]> {
    const run = spawnSync(join(repoRoot, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: repoRoot, input: code, encoding: 'utf8' });
    if (!run.stdout) throw new Error(`eslint failed: ${run.stderr}`);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
  }

  it.each([
    ['a Node built-in', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
    ['NestJS', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n", 'no-restricted-imports'],
    ['TypeORM', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n", 'no-restricted-imports'],
    ['the Temporal client', "import { Client } from '@temporalio/client';\nexport const x = Client;\n", 'no-restricted-imports'],
    ['a server lib', "import { DatabaseModule } from '@gugus/server-database';\nexport const x = DatabaseModule;\n", '@nx/enforce-module-boundaries'],
  ])('workflows/ may not import %s', async (_what, code, rule) => {
    expect((await ruleIds('workflows/src/system-check/fixture.ts', code)).join('\n')).toContain(rule);
  });

  it('web code may not import server code', async () => {
    const messages = await ruleIds('libs/web/data-access/src/fixture.ts', "import { DatabaseModule } from '@gugus/server-database';\nexport const x = DatabaseModule;\n");
    expect(messages.join('\n')).toMatch(/enforce-module-boundaries|no-restricted-imports/);
  });

  it('a shared lib may not depend on a server lib', async () => {
    const messages = await ruleIds('libs/shared/contracts/src/fixture.ts', "import { loadConfig } from '@gugus/server-config';\nexport const x = loadConfig;\n");
    expect(messages.join('\n')).toContain('@nx/enforce-module-boundaries');
  });

  it('accepts what the rules allow (workflow importing @temporalio/workflow and shared contracts)', async () => {
    const code = "import { sleep } from '@temporalio/workflow';\nimport { DEFAULT_TASK_QUEUE } from '@gugus/contracts';\nexport const x = [sleep, DEFAULT_TASK_QUEUE];\n";
    expect(await ruleIds('workflows/src/system-check/fixture.ts', code)).toEqual([]);
  });
});
