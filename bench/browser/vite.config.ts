import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const harnessRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(harnessRoot, '../..');

// Path aliases are declared once, in tsconfig.base.json (as for the web app).
const tsconfig = JSON.parse(readFileSync(resolve(repoRoot, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
const alias = Object.fromEntries(Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [name, resolve(repoRoot, target ?? '')]));

/**
 * The page the keystroke bench (bench/src/forms-keystroke.bench.ts) drives: one form, Gugus's
 * `<SchemaForm>` or plain rjsf, production React, served from dist/bench/browser.
 */
export default defineConfig({
  root: harnessRoot,
  base: './',
  cacheDir: resolve(repoRoot, 'node_modules/.vite/bench-browser'),
  plugins: [react()],
  resolve: { alias },
  build: {
    outDir: resolve(repoRoot, 'dist/bench/browser'),
    emptyOutDir: true,
  },
});
