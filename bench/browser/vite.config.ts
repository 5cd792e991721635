import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { aliasesFromTsconfig } from '../../tools/vite-aliases';

const harnessRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(harnessRoot, '../..');

const alias = aliasesFromTsconfig(repoRoot);

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
