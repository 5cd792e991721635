import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
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

/** The largest chunk the web app may ship, minified (issue 13): a larger one fails the build. */
const MAX_CHUNK_KB = 300;

/** Fails the build, naming the chunk, when a chunk passes MAX_CHUNK_KB (Vite itself would only warn). */
function chunkSizeLimit(): Plugin {
  return {
    name: 'gugus-chunk-size-limit',
    apply: 'build',
    generateBundle(_options, bundle) {
      const over = Object.values(bundle).flatMap((file) => {
        const kB = file.type === 'chunk' ? Buffer.byteLength(file.code) / 1000 : 0;
        return kB > MAX_CHUNK_KB ? [`${file.fileName} (${Math.round(kB)} kB)`] : [];
      });
      if (over.length) this.error(`chunks over ${MAX_CHUNK_KB} kB minified: ${over.join(', ')} — split them (CHUNK_GROUPS, a lazy import)`);
    },
  };
}

const nm = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);
// Large libraries each in a chunk of their own, loaded with the first screen that needs them (the routes
// are lazy). `maxSize` (bytes before minifying) cuts groups of data modules that alone pass, or nearly pass,
// the limit (the translations grow with every screen); it is safe only where modules do not import each
// other. Higher priority wins.
const CHUNK_GROUPS = [
  { name: 'react', test: nm('react|react-dom|scheduler'), priority: 30 },
  { name: 'router', test: nm('react-router|react-router-dom'), priority: 30 },
  { name: 'i18n', test: /[\\/]libs[\\/]web[\\/]i18n[\\/]|[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 30, maxSize: 200 * 1024 },
  // ECharts in two along its dependency direction (the charts and components use the core, never the
  // other way), as `maxSize` would cut it anywhere and chunks importing each other run in the wrong order.
  { name: 'zrender', test: nm('zrender'), priority: 22 },
  { name: 'echarts', test: /[\\/]node_modules[\\/]echarts[\\/](?!lib[\\/](chart|component)[\\/])/, priority: 21 },
  { name: 'echarts-charts', test: /[\\/]node_modules[\\/]echarts[\\/]lib[\\/](chart|component)[\\/]/, priority: 20 },
  { name: 'ajv', test: nm('ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse'), priority: 20 },
  { name: 'rjsf', test: nm('@rjsf|@x0k|markdown-to-jsx|ret'), priority: 20 },
  // The national form library (schemas, option lists) as data.
  { name: 'form-library', test: /[\\/]forms[\\/](library|options)[\\/]/, priority: 10, maxSize: 250 * 1024 },
];

const port = (fallback: number) => (process.env.WEB_PORT ? Number(process.env.WEB_PORT) : fallback);

export default defineConfig({
  root: appRoot,
  // Keep the dependency cache with the other node_modules, not inside the app folder.
  cacheDir: resolve(repoRoot, 'node_modules/.vite/web'),
  plugins: [react(), chunkSizeLimit()],
  resolve: { alias: aliasesFromTsconfig(repoRoot) },
  build: {
    outDir: resolve(repoRoot, 'dist/apps/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: MAX_CHUNK_KB,
    rolldownOptions: { output: { codeSplitting: { groups: CHUNK_GROUPS } } },
  },
  // The built app is served with the production headers (nginx sends the same); the dev server needs a looser CSP.
  server: { host: '127.0.0.1', port: port(5173), strictPort: true, proxy: apiProxy, headers: { ...WEB_SECURITY_HEADERS, 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
  preview: { host: '127.0.0.1', port: port(4173), strictPort: true, proxy: apiProxy, headers: WEB_SECURITY_HEADERS },
});
