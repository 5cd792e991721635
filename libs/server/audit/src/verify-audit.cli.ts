/* Verifies the audit hash chain in DATABASE_URL. Exit 0: intact; 1: broken (the line names the entry); 2: could not check. */
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { describeVerification, verifyAuditChain } from './lib/verify-audit-chain';

async function main(): Promise<void> {
  const config = loadConfig(serverConfigSchema);
  const result = await verifyAuditChain(config.DATABASE_URL);
  process.stdout.write(`${describeVerification(result)}\n`);
  process.exitCode = result.ok ? 0 : 1;
}

main().catch((err: Error) => {
  process.stderr.write(`${err.name === 'ConfigError' ? err.message : `Verifikasi audit gagal / Audit verification failed: ${err.message}`}\n`);
  process.exit(2);
});
