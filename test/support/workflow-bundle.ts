import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot } from './engines';
import { startService } from './services';

/**
 * Bundles a test workflow entry (which re-exports the production workflows) with the worker's own
 * bundler script, as the production image does, and returns the file to give the built worker as
 * WORKFLOW_BUNDLE_PATH. A child process: webpack does not run inside Jest's module system.
 */
export async function buildTestWorkflowBundle(entry: string): Promise<string> {
  const dir = join(repoRoot, 'tmp', 'test-bundles');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${basename(entry).replace(/\.ts$/, '')}.js`);
  const run = startService('dist/apps/worker/src/bundle-workflows.js', {}, [file, entry]);
  const code = await new Promise<number | null>((resolve) => run.child.once('exit', resolve));
  if (code !== 0) throw new Error(`bundling ${entry} failed (${code}):\n${run.output()}`);
  return file;
}
