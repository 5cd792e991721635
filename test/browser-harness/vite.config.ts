import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { aliasesFromTsconfig } from '../../tools/vite-aliases';

const harnessRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(harnessRoot, '../..');

const alias = aliasesFromTsconfig(repoRoot);

/**
 * The browser's own form checking (`checkFormData` from `@gugus/web-forms`, the code `<SchemaForm>` runs)
 * as one script that browser tests load into a blank page: `window.gugusHarness.checkFormData(...)`.
 */
export default defineConfig({
  root: harnessRoot,
  cacheDir: resolve(repoRoot, 'node_modules/.vite/test-browser-harness'),
  resolve: { alias },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: resolve(repoRoot, 'dist/test/browser-harness'),
    emptyOutDir: true,
    lib: { entry: resolve(harnessRoot, 'src/harness.ts'), name: 'gugusHarness', formats: ['iife'], fileName: () => 'harness.js' },
  },
});
