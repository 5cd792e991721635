// @ts-check
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'timers', 'tls', 'url', 'util', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['**/*.cjs', '**/node_modules/**', '**/dist/**', '.data/**', '.tools/**', 'tmp/**', '.nx/**', '**/vite.config.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // A lazily loaded feature library's `/nav` entry (who may open it, its paths) is what the app shell
          // imports statically; its screens stay in their own chunk.
          checkDynamicDependenciesExceptions: ['^@gugus/web-[a-z-]+/nav$'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:workflows', onlyDependOnLibsWithTags: ['scope:shared', 'scope:workflows'] },
            { sourceTag: 'scope:forms', onlyDependOnLibsWithTags: ['scope:shared', 'scope:forms'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:workflows', 'scope:forms'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web', 'scope:forms'] },
            { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:workflows', 'scope:forms', 'scope:test'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },
  {
    // Workflow code is replayed deterministically inside Temporal's sandbox: no I/O, no Node, no servers.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts', 'workflows/**/*.workflow-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.flatMap((m) => [
            { name: m, message: 'Workflow code must be deterministic: no Node built-ins.' },
            { name: `node:${m}`, message: 'Workflow code must be deterministic: no Node built-ins.' },
          ]),
          patterns: [
            { group: ['@nestjs/*'], message: 'Workflows may not import NestJS.' },
            { group: ['typeorm', 'typeorm/*', 'pg', 'pg/*'], message: 'Workflows may not touch the database; use an activity.' },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'], message: 'Workflows may import only @temporalio/workflow and @temporalio/common.' },
          ],
        },
      ],
    },
  },
  {
    // The web bundle runs in the browser: nothing from the server side, no Node built-ins.
    files: ['apps/web/**/*.{ts,tsx}', 'libs/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@gugus/server-*', '@nestjs/*', 'typeorm', 'pg', '@temporalio/*'], message: 'Web code never imports server code.' },
          ],
        },
      ],
    },
  },
);
