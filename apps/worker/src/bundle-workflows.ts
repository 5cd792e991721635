/* Writes the prebuilt workflow bundle the production worker loads (WORKFLOW_BUNDLE_PATH). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowSource } from '@gugus/server-temporal';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const { workflowsPath, bundlerOptions } = workflowSource();
  if (!workflowsPath) throw new Error('no workflows path');
  const { code } = await bundleWorkflowCode({ workflowsPath, ...bundlerOptions });
  writeFileSync(out, code);
  process.stdout.write(`workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
