import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Path aliases are declared once, in tsconfig.base.json; every Vite build (the web app, the browser
 * test harness, the keystroke benchmark page) reads them from there.
 */
export function aliasesFromTsconfig(repoRoot: string): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(resolve(repoRoot, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  // Vite matches an alias as a prefix too (`@gugus/web-cases` would take `@gugus/web-cases/nav`): longest first.
  const entries = Object.entries(tsconfig.compilerOptions.paths).sort(([a], [b]) => b.length - a.length);
  return Object.fromEntries(entries.map(([alias, [target]]) => [alias, resolve(repoRoot, target ?? '')]));
}
