/*
 * The data keys of personal data at rest (DATABASE_URL, DATA_ENCRYPTION_KEYS).
 *   status  – how many data keys each key-encryption key wraps; exit 1 when one is missing from the configuration
 *   rewrap  – wraps every data key with the first (primary) key; afterwards the others can be removed
 * Rotation: put a new key first in DATA_ENCRYPTION_KEYS (keep the old one after it), restart the API and
 * worker, run `rewrap`, then remove the old key and restart again.
 */
import { DataSource } from 'typeorm';
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { createDataSourceOptions } from '@gugus/server-database';
import { DataKeysRepository } from './lib/data-keys.repository';
import { RecordCipher } from './lib/record-cipher';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(command: string | undefined): Promise<number> {
  if (command !== 'status' && command !== 'rewrap') {
    say('Pemakaian / usage: data-keys.cli.js status | rewrap');
    return 2;
  }
  const config = loadConfig(serverConfigSchema);
  const db = await new DataSource(createDataSourceOptions(config.DATABASE_URL, 2)).initialize();
  try {
    const cipher = new RecordCipher(new DataKeysRepository(db), config);
    if (command === 'rewrap') {
      const moved = await cipher.rewrapAll((done) => say(`  … ${done}`));
      say(`Dibungkus ulang / re-wrapped: ${moved} kunci data / data keys`);
    }
    const { primary, wrapped } = await cipher.status();
    say(`Kunci utama / primary key: ${primary}`);
    for (const k of wrapped) say(`  ${k.kekId}: ${k.count} kunci data / data keys${k.configured ? '' : ' — TIDAK ADA di DATA_ENCRYPTION_KEYS / MISSING from DATA_ENCRYPTION_KEYS'}`);
    if (!wrapped.length) say('  (belum ada data terenkripsi / nothing encrypted yet)');
    return wrapped.some((k) => !k.configured) ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`${err.name === 'ConfigError' ? err.message : `Kunci data gagal / Data keys failed: ${err.message}`}\n`);
    process.exit(2);
  },
);
