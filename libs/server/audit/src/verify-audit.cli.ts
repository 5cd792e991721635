/*
 * Verifies the audit hash chain in DATABASE_URL against the signed checkpoints in AUDIT_CHECKPOINT_DIR
 * and in any files given as arguments (log files of the API or worker, which carry every checkpoint, or
 * further checkpoint directories). Exit 0: intact; 1: broken (the line names what); 2: could not check.
 *
 *   node dist/libs/server/audit/src/verify-audit.cli.js [log-or-directory …]
 */
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { describeVerification, verifyAuditChain } from './lib/verify-audit-chain';

async function main(): Promise<void> {
  const config = loadConfig(serverConfigSchema);
  const result = await verifyAuditChain(config, process.argv.slice(2));
  process.stdout.write(`${describeVerification(result)}\n`);
  process.exitCode = result.ok ? 0 : 1;
}

main().catch((err: Error) => {
  process.stderr.write(`${err.name === 'ConfigError' ? err.message : `Verifikasi audit gagal / Audit verification failed: ${err.message}`}\n`);
  process.exit(2);
});
