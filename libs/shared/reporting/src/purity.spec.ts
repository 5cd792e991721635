import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

// The API, workflow code (which Temporal replays) and the browser compute the same publication with this
// library: the same inputs must give the same suppression everywhere, on every replay. So no clock, no randomness, no I/O and
// nothing of Node's — only plain computation and the shared contracts.
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

describe('@gugus/reporting is pure and deterministic', () => {
  const files = sources(__dirname);

  it.each(files.map((file) => [relative(__dirname, file), file]))('%s imports only its own files and @gugus/contracts', (_name, file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]);
    expect(imports.filter((spec) => !spec?.startsWith('./') && !spec?.startsWith('../') && spec !== '@gugus/contracts')).toEqual([]);
  });

  it.each(files.map((file) => [relative(__dirname, file), file]))('%s uses no clock, randomness, host globals or locale', (_name, file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(FORBIDDEN.filter(([pattern]) => pattern.test(code)).map(([, what]) => what)).toEqual([]);
  });
});
