/**
 * Every demo account the access tests call the API as (see libs/server/orgs/src/lib/demo-data.ts), and
 * the anonymous public (`null`). One list, so the route matrix and the field matrix ask the same people.
 */
export const DEMO_CALLERS = {
  anon: null,
  sysAdmin: 'admin@gugus.test',
  analyst: 'analis@gugus.test',
  jabarAdmin: 'admin.jabar@gugus.test',
  jabarSecretariat: 'sekretariat.jabar@gugus.test',
  jabarLegal: 'hukum.jabar@gugus.test',
  jabarCoordinator: 'koordinator.jabar@gugus.test',
  jabarCaseWorker: 'pekerja.jabar@gugus.test',
  jabarChair: 'ketua.jabar@gugus.test',
  bandungOfficer: 'dinkes.bandung@gugus.test',
  bandungSecretariat: 'sekretariat.bandung@gugus.test',
  kepriAdmin: 'admin.kepri@gugus.test',
  batamOfficer: 'dinsos.batam@gugus.test',
} as const;
export type DemoCaller = keyof typeof DEMO_CALLERS;
