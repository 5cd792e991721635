#!/usr/bin/env node
// Compiles one Node-side project (its TypeScript sources, not its specs) into dist/<same path>, with
// path aliases rewritten to relative imports so `node dist/apps/api/src/main.js` runs without a loader.
// Usage: node tools/build-node.cjs <projectRoot>
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const { root, swcOptions } = require('./swc-options.cjs');

const projectRoot = process.argv[2];
if (!projectRoot) {
  process.stderr.write('usage: build-node.cjs <projectRoot>\n');
  process.exit(2);
}
const srcDir = path.join(root, projectRoot);
const isSource = (f) => f.endsWith('.ts') && !/\.(spec|integration-spec|workflow-spec|e2e-spec)\.ts$/.test(f) && !f.endsWith('.d.ts');

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '__fixtures__') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

async function main() {
  let count = 0;
  for (const file of walk(srcDir)) {
    const rel = path.relative(root, file);
    const out = path.join(root, 'dist', rel);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (isSource(file)) {
      const result = await swc.transformFile(file, {
        ...swcOptions({ rewritePaths: true }),
        filename: file,
        outputPath: out.replace(/\.ts$/, '.js'),
        swcrc: false,
        configFile: false,
      });
      fs.writeFileSync(out.replace(/\.ts$/, '.js'), result.code + `\n//# sourceMappingURL=${path.basename(out, '.ts')}.js.map\n`);
      if (result.map) fs.writeFileSync(out.replace(/\.ts$/, '.js.map'), result.map);
      count++;
    } else if (file.endsWith('.json') && !file.endsWith('project.json') && !path.basename(file).startsWith('tsconfig')) {
      fs.copyFileSync(file, out);
    }
  }
  process.stdout.write(`built ${projectRoot}: ${count} files -> dist/${projectRoot}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
