import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function readVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && existsSync(join(dir, 'nx.json'))) return String(JSON.parse(readFileSync(file, 'utf8')).version);
  }
  return 'unknown';
}

/** Version of the deployed Gugus, from the root package.json. */
export const APP_VERSION = readVersion();
