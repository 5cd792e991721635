import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { aliasesFromTsconfig } from '../../tools/vite-aliases';
// The config is bundled on its own, without the path aliases: the contracts lib by its entry file.
import { DEV_CONTENT_SECURITY_POLICY, WEB_SECURITY_HEADERS } from '../../libs/shared/contracts/src/index';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(appRoot, '../..');

// The browser calls /api/...; the API itself serves from its root, as it does behind nginx.
const apiProxy: Record<string, ProxyOptions> = {
  '/api': {
    target: process.env.API_URL ?? 'http://127.0.0.1:3000',
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/api/, ''),
  },
};

const port = (fallback: number) => (process.env.WEB_PORT ? Number(process.env.WEB_PORT) : fallback);

export default defineConfig({
  root: appRoot,
  // Keep the dependency cache with the other node_modules, not inside the app folder.
  cacheDir: resolve(repoRoot, 'node_modules/.vite/web'),
  plugins: [react()],
  resolve: { alias: aliasesFromTsconfig(repoRoot) },
  build: {
    outDir: resolve(repoRoot, 'dist/apps/web'),
    emptyOutDir: true,
  },
  // The built app is served with the production headers (nginx sends the same); the dev server needs a looser CSP.
  server: { host: '127.0.0.1', port: port(5173), strictPort: true, proxy: apiProxy, headers: { ...WEB_SECURITY_HEADERS, 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
  preview: { host: '127.0.0.1', port: port(4173), strictPort: true, proxy: apiProxy, headers: WEB_SECURITY_HEADERS },
});
