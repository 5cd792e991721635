import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the specs leave the files they made, to open or render (`tools/render-pdf.sh`); tmp/ is not committed. */
export const EXPORTS_DIR = join(__dirname, '..', '..', '..', '..', '..', '..', 'tmp', 'plan-exports');

export function keep(name: string, file: Buffer): void {
  mkdirSync(EXPORTS_DIR, { recursive: true });
  writeFileSync(join(EXPORTS_DIR, name), file);
}
