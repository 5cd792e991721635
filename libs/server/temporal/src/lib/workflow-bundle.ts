import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

function repositoryRoot(): string {
  // Works from the TypeScript sources (tests) and from dist/ (built apps): walk up to nx.json.
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  throw new Error('Cannot find the repository root (nx.json) from ' + __dirname);
}

/**
 * Where the worker gets its workflow code: a prebuilt bundle in production (WORKFLOW_BUNDLE_PATH), or a
 * bundle made at start from `workflows/` — the compiled copy in dist/ when running from dist, the
 * TypeScript sources otherwise. Path aliases of `scope:shared` libs are resolved for the bundler.
 */
export function workflowSource(bundlePath?: string): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  if (bundlePath) return { workflowBundle: { codePath: resolve(bundlePath) } };
  const root = repositoryRoot();
  const fromDist = __dirname.includes(`${join(root, 'dist')}`);
  const workflowsPath = fromDist ? join(root, 'dist/workflows/src/index.js') : join(root, 'workflows/src/index.ts');
  const paths = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths as Record<string, string[]>;
  const alias = Object.fromEntries(Object.entries(paths).map(([name, [target]]) => [name, join(root, target)]));
  return {
    workflowsPath,
    bundlerOptions: {
      webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } } }),
    },
  };
}
