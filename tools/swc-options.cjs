// One SWC configuration for the Node side (build and jest), derived from tsconfig.base.json so that
// path aliases are declared exactly once. Decorator metadata is required by NestJS dependency injection.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));

/** Aliases as `{ "@gugus/x": "libs/x/src/index.ts" }`, relative to the repository root. */
function aliases() {
  const out = {};
  for (const [name, targets] of Object.entries(tsconfig.compilerOptions.paths)) out[name] = targets[0];
  return out;
}

/** @param {{ rewritePaths?: boolean }} [opts] */
function swcOptions(opts = {}) {
  const jsc = {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, tsx: false },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  };
  if (opts.rewritePaths) {
    jsc.baseUrl = root;
    jsc.paths = tsconfig.compilerOptions.paths;
  }
  return {
    jsc,
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: true,
  };
}

module.exports = { root, aliases, swcOptions };
