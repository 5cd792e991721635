import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../support';

// The shared rule libraries are imported by workflow code, which Temporal replays, by the API and by the
// browser: the same inputs must give the same results everywhere, on every replay (a plan's checks, a
// case's rules, a publication's suppression). So no clock, no randomness, no I/O and nothing of Node's —
// only plain computation, their own files, the shared contracts and each other (each checked here).
const PURE_LIBRARIES = ['libs/shared/cases', 'libs/shared/plan', 'libs/shared/reporting'];
const ALLOWED_IMPORTS = new Set(['@gugus/contracts', '@gugus/cases', '@gugus/plan', '@gugus/reporting']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\b/, 'the clock'],
  [/\bMath\.random\b/, 'randomness'],
  [/\b(crypto|performance|process|globalThis|Buffer|require)\b/, 'a Node or host global'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask|fetch)\b/, 'timers or I/O'],
  [/\b(Intl|toLocaleString|localeCompare)\b/, 'locale data, which differs between hosts'],
];

describe.each(PURE_LIBRARIES)('%s is pure and deterministic', (library) => {
  const files = sources(join(repoRoot, library, 'src')).map((file) => [relative(repoRoot, file), file]);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s imports only its own files, @gugus/contracts and the other pure libraries', (_name, file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]);
    expect(imports.filter((spec) => !spec?.startsWith('./') && !spec?.startsWith('../') && !ALLOWED_IMPORTS.has(spec as string))).toEqual([]);
  });

  it.each(files)('%s uses no clock, randomness, host globals or locale', (_name, file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(FORBIDDEN.filter(([pattern]) => pattern.test(code)).map(([, what]) => what)).toEqual([]);
  });
});
