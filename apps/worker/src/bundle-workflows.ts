/*
 * Writes the prebuilt workflow bundle the production worker loads (WORKFLOW_BUNDLE_PATH).
 * Usage: bundle-workflows.js [out] [entry] — `entry` (default: workflows/) lets tests bundle a fixture
 * entry that re-exports the production workflows.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowSource } from '@gugus/server-temporal';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const source = workflowSource();
  const workflowsPath = process.argv[3] ? resolve(process.argv[3]) : source.workflowsPath;
  const { bundlerOptions } = source;
  if (!workflowsPath) throw new Error('no workflows path');
  const { code } = await bundleWorkflowCode({ workflowsPath, ...bundlerOptions });
  writeFileSync(out, code);
  process.stdout.write(`workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
