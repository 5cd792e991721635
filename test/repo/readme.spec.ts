import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support';

/** The README's two commands are the contract with a newcomer and with CI. */
describe('README quick start', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const quickStart = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
  const commands = (/```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? '')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
  const scripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts as Record<string, string>;

  it('has exactly two commands: start and test', () => {
    expect(commands).toEqual(['npm start', 'npm test']);
  });

  it('is what CI runs', () => {
    const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8');
    expect(ci.split('\n').map((l) => l.trim())).toContain('npm test');
  });

  it('installs what is missing before starting or testing', () => {
    expect(scripts.start).toMatch(/^bash tools\/ensure\.sh start && /);
    expect(scripts.test).toMatch(/^bash tools\/ensure\.sh test && /);
  });
});
