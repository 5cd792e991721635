import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { COORDINATION_MEETING_DEFAULTS, PLAN_OF_ACTION_DEFAULTS } from '@gugus/contracts';
import { emptyFigures } from '@gugus/reporting';
import { client, DEMO_CALLERS, eventually, login, serviceEnv, startApi, testEnv, type DemoCaller, type RunningApi } from '../support';

/**
 * Every route × every demo role (and the anonymous public), inside and outside the caller's
 * jurisdiction and agency, against the real API. Allowed calls succeed; all others get 403 (401 when
 * not logged in). The route list comes from the API's own OpenAPI document, so a new route without a
 * row here fails this test.
 */
const CALLERS = DEMO_CALLERS;
type Caller = DemoCaller;
const ALL = Object.keys(CALLERS) as Caller[];
const LOGGED_IN = ALL.filter((c) => c !== 'anon');
const JABAR_PROVINCE: Caller[] = ['jabarAdmin', 'jabarSecretariat', 'jabarLegal', 'jabarCoordinator', 'jabarCaseWorker', 'jabarChair'];

/** Expected statuses: `ok` for the listed callers, 401 for the anonymous public, 403 for everyone else. */
function only(callers: Caller[], ok: number): Record<Caller, number> {
  return Object.fromEntries(ALL.map((c) => [c, callers.includes(c) ? ok : c === 'anon' ? 401 : 403])) as Record<Caller, number>;
}
/** People who may read plans, but not West Java's: they are told it does not exist. */
const FOREIGN_PLAN_READERS: Partial<Record<Caller, number>> = { bandungOfficer: 404, bandungSecretariat: 404, kepriAdmin: 404, batamOfficer: 404 };
/** Case records are need-to-know: the case roles of the jurisdiction (a province's cover its regencies), and the system administrator. */
const JABAR_CASE_ROLES: Caller[] = ['sysAdmin', 'jabarCoordinator', 'jabarCaseWorker'];
/** Who reads the register of cooperation agreements: secretariats, administrators, chairs and case teams (of either party). */
const AGREEMENT_READERS: Caller[] = ['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'jabarCoordinator', 'jabarCaseWorker', 'bandungSecretariat', 'kepriAdmin'];
/** Who may enter and terminate agreements (of their own task forces: the service checks the parties). */
const AGREEMENT_KEEPERS: Caller[] = ['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'bandungSecretariat', 'kepriAdmin'];
/** An agreement of West Java with `partyB`, under a number of its own; long expired, so it never widens what anyone may do in the tests that follow. */
const agreement = (partyB: string) => ({ reference: `MATRIKS/${unique()}`, title: 'Perjanjian uji matriks', partyA: '32', partyB, dataCategories: ['profile'], signedOn: '2020-01-01', validFrom: '2020-01-01', validUntil: '2020-12-31' });
/** Who reads periodic reports (each what it covers): administrators, secretariats and chairs of task forces, and the national analyst. */
const PERIODIC_READERS: Caller[] = ['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungSecretariat', 'kepriAdmin'];
const everyone = (status: number) => Object.fromEntries(ALL.map((c) => [c, status])) as Record<Caller, number>;

interface Ids {
  bandungAgency: string;
  bandungPosition: string;
  bandungPerson: string;
  sparePosition: string;
  /** Throwaway records the edit and deactivate rows change (issue 13), so no other row sees a deactivated record. */
  editAgency: string;
  editPosition: string;
  editPerson: string;
  batamEditAgency: string;
  batamEditPosition: string;
  batamEditPerson: string;
  batamAgency: string;
  batamPosition: string;
  batamPerson: string;
  nationalScreening: string;
  bandungSubmission: string;
  /** A West Java plan of action (inserted as a row: the matrix runs without a worker). */
  jabarPlan: string;
  /** UPTD PPA Provinsi Jawa Barat, where the province's case roles work. */
  jabarCaseAgency: string;
  /** The coded id of a case opened in West Java (province level: Kabupaten Bandung's numbering is test/cases' own). */
  jabarCase: string;
  /** Accepted 2019-Q2 reports of Kabupaten Bandung and Kota Batam (inserted as rows: no process behind them). */
  bandungReport: string;
  batamReport: string;
  sysExport: string;
}

interface Row {
  route: string; // "METHOD /openapi/path"
  what: string;
  request: (ids: Ids, caller: Caller) => { path: string; body?: unknown };
  expect: Record<Caller, number>;
}

const unique = () => randomUUID().slice(0, 8);
/** A consent form's answers: the person agrees to assistance. */
const CONSENT = {
  recordedOn: '2026-01-05',
  givenBy: 'person',
  explanationLanguage: 'Bahasa Indonesia',
  explainedInUnderstoodLanguage: true,
  decisions: [{ purpose: 'assistance', status: 'granted', decidedOn: '2026-01-05', method: 'verbal_recorded', interpreterUsed: false }],
};

const ROWS: Row[] = [
  { route: 'GET /health', what: 'health', request: () => ({ path: '/health' }), expect: everyone(200) },
  // Any logged-in person may run a system check (throttled per person); the public may not (issue 9).
  { route: 'POST /system-checks', what: 'start a system check', request: () => ({ path: '/system-checks', body: {} }), expect: only(LOGGED_IN, 202) },
  { route: 'GET /system-checks/{id}', what: 'an unknown system check', request: () => ({ path: `/system-checks/${randomUUID()}` }), expect: only(LOGGED_IN, 404) },
  { route: 'POST /auth/login', what: 'login with a wrong password', request: (_i, c) => ({ path: '/auth/login', body: { email: CALLERS[c] ?? 'nobody@gugus.test', password: 'wrong-wrong' } }), expect: everyone(401) },
  { route: 'POST /auth/refresh', what: 'refresh with an unknown token', request: () => ({ path: '/auth/refresh', body: { refreshToken: 'unknown-refresh-token' } }), expect: everyone(401) },
  { route: 'GET /auth/oidc', what: 'is single sign-on enabled', request: () => ({ path: '/auth/oidc' }), expect: everyone(200) },
  { route: 'GET /auth/oidc/login', what: 'start SSO where it is not configured', request: () => ({ path: '/auth/oidc/login' }), expect: everyone(404) },
  { route: 'GET /auth/oidc/callback', what: 'SSO callback where it is not configured', request: () => ({ path: '/auth/oidc/callback?state=x&code=y' }), expect: everyone(404) },
  { route: 'POST /auth/oidc/exchange', what: 'exchange a bogus hand-off code', request: () => ({ path: '/auth/oidc/exchange', body: { handoff: 'bogus-handoff-code' } }), expect: everyone(401) },
  { route: 'GET /auth/me', what: 'who am I', request: () => ({ path: '/auth/me' }), expect: only(LOGGED_IN, 200) },
  { route: 'POST /auth/logout', what: 'logout (own throwaway session)', request: () => ({ path: '/auth/logout', body: {} }), expect: only(LOGGED_IN, 204) },
  { route: 'GET /jurisdictions', what: 'list provinces', request: () => ({ path: '/jurisdictions?level=province' }), expect: only(LOGGED_IN, 200) },
  { route: 'GET /jurisdictions/{code}', what: 'Riau Islands reference data', request: () => ({ path: '/jurisdictions/21' }), expect: only(LOGGED_IN, 200) },

  { route: 'GET /task-forces/{jurisdictionCode}', what: 'West Java task force', request: () => ({ path: '/task-forces/32' }), expect: only(['sysAdmin', 'analyst', ...JABAR_PROVINCE], 200) },
  { route: 'GET /task-forces/{jurisdictionCode}', what: 'Kabupaten Bandung task force', request: () => ({ path: '/task-forces/32.04' }), expect: only(['sysAdmin', 'analyst', ...JABAR_PROVINCE, 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /task-forces/{jurisdictionCode}', what: 'Riau Islands task force', request: () => ({ path: '/task-forces/21' }), expect: only(['sysAdmin', 'analyst', 'kepriAdmin'], 200) },
  { route: 'PUT /task-forces/{jurisdictionCode}', what: 'form the Kota Bandung task force', request: () => ({ path: '/task-forces/32.73' }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  { route: 'PUT /task-forces/{jurisdictionCode}', what: 'form the Kota Tanjungpinang task force (Riau Islands)', request: () => ({ path: '/task-forces/21.72' }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },

  { route: 'GET /agencies', what: 'West Java agencies', request: () => ({ path: '/agencies?jurisdictionCode=32' }), expect: only(['sysAdmin', ...JABAR_PROVINCE], 200) },
  { route: 'GET /agencies', what: 'Kabupaten Bandung agencies (members pick them in forms)', request: () => ({ path: '/agencies?jurisdictionCode=32.04' }), expect: only(['sysAdmin', ...JABAR_PROVINCE, 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /agencies', what: 'Riau Islands agencies', request: () => ({ path: '/agencies?jurisdictionCode=21' }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'POST /agencies', what: 'add an agency in Kabupaten Bandung', request: () => ({ path: '/agencies', body: { jurisdictionCode: '32.04', name: `LSM Uji ${unique()}`, kind: 'ngo' } }), expect: only(['sysAdmin', 'jabarAdmin'], 201) },
  { route: 'POST /agencies', what: 'add an agency in Kota Batam', request: () => ({ path: '/agencies', body: { jurisdictionCode: '21.71', name: `LSM Uji ${unique()}`, kind: 'ngo' } }), expect: only(['sysAdmin', 'kepriAdmin'], 201) },
  { route: 'GET /agencies/{id}', what: 'a Kabupaten Bandung agency', request: (i) => ({ path: `/agencies/${i.bandungAgency}` }), expect: only(['sysAdmin', ...JABAR_PROVINCE, 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /agencies/{id}', what: 'a Kota Batam agency', request: (i) => ({ path: `/agencies/${i.batamAgency}` }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },
  { route: 'GET /agencies/{id}/positions', what: 'positions of a Kabupaten Bandung agency', request: (i) => ({ path: `/agencies/${i.bandungAgency}/positions` }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /agencies/{id}/positions', what: 'positions of a Kota Batam agency', request: (i) => ({ path: `/agencies/${i.batamAgency}/positions` }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },
  { route: 'POST /agencies/{id}/positions', what: 'add a position in a Kabupaten Bandung agency', request: (i) => ({ path: `/agencies/${i.bandungAgency}/positions`, body: { title: `Staf ${unique()}`, roles: ['agency_officer'] } }), expect: only(['sysAdmin', 'jabarAdmin'], 201) },
  { route: 'POST /agencies/{id}/positions', what: 'add a position in a Kota Batam agency', request: (i) => ({ path: `/agencies/${i.batamAgency}/positions`, body: { title: `Staf ${unique()}`, roles: ['agency_officer'] } }), expect: only(['sysAdmin', 'kepriAdmin'], 201) },

  { route: 'PATCH /agencies/{id}', what: 'rename a Kabupaten Bandung agency', request: (i) => ({ path: `/agencies/${i.editAgency}`, body: { name: `LSM Matriks ${unique()}` } }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  { route: 'PATCH /agencies/{id}', what: 'rename a Kota Batam agency', request: (i) => ({ path: `/agencies/${i.batamEditAgency}`, body: { name: `LSM Matriks ${unique()}` } }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'PUT /agencies/{id}/active', what: 'deactivate a Kabupaten Bandung agency', request: (i) => ({ path: `/agencies/${i.editAgency}/active`, body: { active: false, reason: 'Uji matriks' } }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  { route: 'PUT /agencies/{id}/active', what: 'deactivate a Kota Batam agency', request: (i) => ({ path: `/agencies/${i.batamEditAgency}/active`, body: { active: false, reason: 'Uji matriks' } }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'GET /agencies/{id}/changes', what: 'change history of a Kabupaten Bandung agency', request: (i) => ({ path: `/agencies/${i.bandungAgency}/changes` }), expect: only(['sysAdmin', ...JABAR_PROVINCE, 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /agencies/{id}/changes', what: 'change history of a Kota Batam agency', request: (i) => ({ path: `/agencies/${i.batamAgency}/changes` }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },

  { route: 'GET /positions/{id}', what: 'a Kabupaten Bandung position', request: (i) => ({ path: `/positions/${i.bandungPosition}` }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /positions/{id}', what: 'a Kota Batam position', request: (i) => ({ path: `/positions/${i.batamPosition}` }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },
  { route: 'PUT /positions/{id}/holder', what: 'leave a Kabupaten Bandung position vacant', request: (i) => ({ path: `/positions/${i.sparePosition}/holder`, body: { personId: null, handoverNote: 'Serah terima uji' } }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  { route: 'PUT /positions/{id}/holder', what: 'reassign a Kota Batam position', request: (i) => ({ path: `/positions/${i.batamPosition}/holder`, body: { personId: i.batamPerson, handoverNote: 'x' } }), expect: only(['sysAdmin', 'kepriAdmin'], 409) },
  { route: 'POST /positions/{id}/delegations', what: 'appoint a Plt. in Kabupaten Bandung', request: (i) => ({ path: `/positions/${i.sparePosition}/delegations`, body: { personId: i.bandungPerson, startsOn: '2027-01-01', endsOn: '2027-01-31' } }), expect: only(['sysAdmin', 'jabarAdmin'], 201) },
  { route: 'POST /positions/{id}/delegations', what: 'appoint a Plt. in Kota Batam', request: (i) => ({ path: `/positions/${i.batamPosition}/delegations`, body: { personId: i.batamPerson, startsOn: '2027-01-01', endsOn: '2027-01-31' } }), expect: only(['sysAdmin', 'kepriAdmin'], 201) },

  { route: 'PATCH /positions/{id}', what: 'retitle a Kabupaten Bandung position', request: (i) => ({ path: `/positions/${i.editPosition}`, body: { title: `Staf Matriks ${unique()}` } }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  { route: 'PATCH /positions/{id}', what: 'retitle a Kota Batam position', request: (i) => ({ path: `/positions/${i.batamEditPosition}`, body: { title: `Staf Matriks ${unique()}` } }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'PUT /positions/{id}/active', what: 'deactivate a Kabupaten Bandung position', request: (i) => ({ path: `/positions/${i.editPosition}/active`, body: { active: false, reason: 'Uji matriks' } }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  { route: 'PUT /positions/{id}/active', what: 'deactivate a Kota Batam position', request: (i) => ({ path: `/positions/${i.batamEditPosition}/active`, body: { active: false, reason: 'Uji matriks' } }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'GET /positions/{id}/changes', what: 'change history of a Kabupaten Bandung position', request: (i) => ({ path: `/positions/${i.bandungPosition}/changes` }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /positions/{id}/changes', what: 'change history of a Kota Batam position', request: (i) => ({ path: `/positions/${i.batamPosition}/changes` }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },

  { route: 'GET /people', what: 'people of a Kabupaten Bandung agency', request: (i) => ({ path: `/people?agencyId=${i.bandungAgency}` }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /people', what: 'people of a Kota Batam agency', request: (i) => ({ path: `/people?agencyId=${i.batamAgency}` }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },
  { route: 'POST /people', what: 'add a person to a Kabupaten Bandung agency', request: (i) => ({ path: '/people', body: { agencyId: i.bandungAgency, fullName: 'Orang Uji', email: `uji.${unique()}@gugus.test` } }), expect: only(['sysAdmin', 'jabarAdmin'], 201) },
  { route: 'POST /people', what: 'add a person to a Kota Batam agency', request: (i) => ({ path: '/people', body: { agencyId: i.batamAgency, fullName: 'Orang Uji', email: `uji.${unique()}@gugus.test` } }), expect: only(['sysAdmin', 'kepriAdmin'], 201) },
  { route: 'GET /people/{id}', what: 'a Kabupaten Bandung person', request: (i) => ({ path: `/people/${i.bandungPerson}` }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /people/{id}', what: 'a Kota Batam person', request: (i) => ({ path: `/people/${i.batamPerson}` }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },

  { route: 'PATCH /people/{id}', what: 'rename a Kabupaten Bandung person', request: (i) => ({ path: `/people/${i.editPerson}`, body: { fullName: `Orang Matriks ${unique()}` } }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  { route: 'PATCH /people/{id}', what: 'rename a Kota Batam person', request: (i) => ({ path: `/people/${i.batamEditPerson}`, body: { fullName: `Orang Matriks ${unique()}` } }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'PUT /people/{id}/active', what: 'deactivate a Kabupaten Bandung person', request: (i) => ({ path: `/people/${i.editPerson}/active`, body: { active: false, reason: 'Uji matriks' } }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  { route: 'PUT /people/{id}/active', what: 'deactivate a Kota Batam person', request: (i) => ({ path: `/people/${i.batamEditPerson}/active`, body: { active: false, reason: 'Uji matriks' } }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'GET /people/{id}/changes', what: 'change history of a Kabupaten Bandung person', request: (i) => ({ path: `/people/${i.bandungPerson}/changes` }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /people/{id}/changes', what: 'change history of a Kota Batam person', request: (i) => ({ path: `/people/${i.batamPerson}/changes` }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },

  { route: 'GET /audit', what: 'the audit trail (scoped to the caller’s jurisdictions)', request: () => ({ path: '/audit?limit=5' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'bandungSecretariat', 'kepriAdmin'], 200) },
  { route: 'GET /audit', what: 'the West Java audit trail', request: () => ({ path: '/audit?jurisdictionCode=32&limit=5' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'bandungSecretariat'], 200) },
  { route: 'GET /audit', what: 'the Riau Islands audit trail', request: () => ({ path: '/audit?jurisdictionCode=21&limit=5' }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'GET /forms/{key}/effective', what: 'the screening form in effect in Kabupaten Bandung', request: () => ({ path: '/forms/victim-screening/effective?jurisdictionCode=32.04' }), expect: only(LOGGED_IN, 200) },
  { route: 'GET /forms/{key}/versions', what: 'West Java versions of the screening form', request: () => ({ path: '/forms/victim-screening/versions?jurisdictionCode=32' }), expect: only(LOGGED_IN, 200) },
  { route: 'POST /forms/{key}/variants/{jurisdictionCode}/draft', what: 'open a West Java variant draft', request: () => ({ path: '/forms/victim-screening/variants/32/draft', body: {} }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  { route: 'POST /forms/{key}/variants/{jurisdictionCode}/draft', what: 'open a Riau Islands variant draft', request: () => ({ path: '/forms/victim-screening/variants/21/draft', body: {} }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'GET /form-versions/{id}', what: 'the national screening version', request: (i) => ({ path: `/form-versions/${i.nationalScreening}` }), expect: only(LOGGED_IN, 200) },
  { route: 'PUT /form-versions/{id}/overlay', what: 'change the published national version', request: (i) => ({ path: `/form-versions/${i.nationalScreening}/overlay`, body: { overlay: {} } }), expect: only(['sysAdmin'], 409) },
  { route: 'POST /form-versions/{id}/publish', what: 'publish the published national version', request: (i) => ({ path: `/form-versions/${i.nationalScreening}/publish`, body: {} }), expect: only(['sysAdmin'], 409) },
  { route: 'POST /forms/{key}/submissions', what: 'save a screening draft in Kabupaten Bandung', request: () => ({ path: '/forms/victim-screening/submissions', body: { jurisdictionCode: '32.04', data: {}, status: 'draft' } }), expect: only(['sysAdmin', 'jabarSecretariat', 'jabarLegal', 'jabarCoordinator', 'jabarCaseWorker', 'bandungOfficer', 'bandungSecretariat'], 201) },
  { route: 'GET /form-submissions/{id}', what: 'a Kabupaten Bandung screening draft', request: (i) => ({ path: `/form-submissions/${i.bandungSubmission}` }), expect: { ...only(['sysAdmin', 'jabarSecretariat', 'jabarLegal', 'jabarCoordinator', 'jabarCaseWorker', 'bandungOfficer', 'bandungSecretariat'], 200), batamOfficer: 404 } },
  { route: 'GET /audit/verify', what: 'verify the audit chain', request: () => ({ path: '/audit/verify' }), expect: only(['sysAdmin'], 200) },
  { route: 'GET /holidays', what: 'holidays of 2026', request: () => ({ path: '/holidays?year=2026' }), expect: only(LOGGED_IN, 200) },
  { route: 'PUT /holidays/{date}', what: 'add a holiday in 2099', request: () => ({ path: '/holidays/2099-12-30', body: { kind: 'cuti_bersama', nameId: 'Cuti bersama uji matriks', nameEn: 'Matrix test collective leave' } }), expect: only(['sysAdmin'], 200) },
  { route: 'DELETE /holidays/{date}', what: 'remove a date that is not a holiday', request: () => ({ path: '/holidays/2099-12-29' }), expect: only(['sysAdmin'], 404) },
  { route: 'GET /process-settings/{processKey}', what: 'West Java meeting settings', request: () => ({ path: '/process-settings/coordination-meeting?jurisdictionCode=32' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair'], 200) },
  { route: 'GET /process-settings/{processKey}', what: 'Kabupaten Bandung meeting settings', request: () => ({ path: '/process-settings/coordination-meeting?jurisdictionCode=32.04' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungSecretariat'], 200) },
  { route: 'GET /process-settings/{processKey}', what: 'Riau Islands meeting settings', request: () => ({ path: '/process-settings/coordination-meeting?jurisdictionCode=21' }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'POST /process-settings/{processKey}/{jurisdictionCode}', what: 'save Kota Bandung meeting settings (national values)', request: () => ({ path: '/process-settings/coordination-meeting/32.73', body: { settings: COORDINATION_MEETING_DEFAULTS, note: 'uji matriks' } }), expect: only(['sysAdmin', 'jabarAdmin'], 201) },
  { route: 'POST /process-settings/{processKey}/{jurisdictionCode}', what: 'save Kota Tanjungpinang meeting settings (national values)', request: () => ({ path: '/process-settings/coordination-meeting/21.72', body: { settings: COORDINATION_MEETING_DEFAULTS, note: 'uji matriks' } }), expect: only(['sysAdmin', 'kepriAdmin'], 201) },
  { route: 'GET /notifications', what: 'my notifications', request: () => ({ path: '/notifications?unread=true' }), expect: only(LOGGED_IN, 200) },
  { route: 'POST /notifications/{id}/read', what: 'mark an unknown notification read', request: () => ({ path: `/notifications/${randomUUID()}/read` }), expect: only(LOGGED_IN, 404) },
  { route: 'POST /notifications/read-all', what: 'mark all my notifications read', request: () => ({ path: '/notifications/read-all' }), expect: only(LOGGED_IN, 200) },

  // Acting on a task is decided by assignment (tasks.service); the matrix checks the gates and that an unknown task does not leak.
  { route: 'GET /tasks', what: 'my task inbox', request: () => ({ path: '/tasks' }), expect: only(LOGGED_IN, 200) },
  { route: 'GET /tasks', what: 'my agency’s tasks', request: () => ({ path: '/tasks?scope=agency&status=all' }), expect: only(LOGGED_IN, 200) },
  { route: 'GET /tasks', what: 'West Java tasks (oversight)', request: () => ({ path: '/tasks?scope=jurisdiction&jurisdictionCode=32' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair'], 200) },
  { route: 'GET /tasks', what: 'Kabupaten Bandung tasks (oversight)', request: () => ({ path: '/tasks?scope=jurisdiction&jurisdictionCode=32.04' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungSecretariat'], 200) },
  { route: 'GET /tasks', what: 'Riau Islands tasks (oversight)', request: () => ({ path: '/tasks?scope=jurisdiction&jurisdictionCode=21' }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'GET /tasks/{id}', what: 'an unknown task', request: () => ({ path: `/tasks/${randomUUID()}` }), expect: only(LOGGED_IN, 404) },
  { route: 'POST /tasks/{id}/claim', what: 'claim an unknown task', request: () => ({ path: `/tasks/${randomUUID()}/claim` }), expect: only(LOGGED_IN, 404) },
  { route: 'POST /tasks/{id}/unclaim', what: 'release an unknown task', request: () => ({ path: `/tasks/${randomUUID()}/unclaim` }), expect: only(LOGGED_IN, 404) },
  { route: 'PUT /tasks/{id}/draft', what: 'save a draft of an unknown task', request: () => ({ path: `/tasks/${randomUUID()}/draft`, body: { data: {} } }), expect: only(LOGGED_IN, 404) },
  { route: 'POST /tasks/{id}/decision', what: 'complete an unknown task', request: () => ({ path: `/tasks/${randomUUID()}/decision`, body: { outcome: 'completed', data: {} } }), expect: only(LOGGED_IN, 404) },
  { route: 'POST /tasks/{id}/delegate', what: 'delegate an unknown task', request: (i) => ({ path: `/tasks/${randomUUID()}/delegate`, body: { positionId: i.bandungPosition, note: 'cuti' } }), expect: only(LOGGED_IN, 404) },
  { route: 'POST /tasks/{id}/reassign', what: 'reassign an unknown task', request: (i) => ({ path: `/tasks/${randomUUID()}/reassign`, body: { agencyId: i.bandungAgency, role: 'agency_officer', note: 'pindah tugas' } }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'bandungSecretariat', 'kepriAdmin'], 404) },
  { route: 'GET /meetings', what: 'West Java meeting calendar', request: () => ({ path: '/meetings?jurisdictionCode=32' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair'], 200) },
  { route: 'GET /meetings', what: 'Kabupaten Bandung meeting calendar', request: () => ({ path: '/meetings?jurisdictionCode=32.04' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /meetings', what: 'Kota Batam meeting calendar', request: () => ({ path: '/meetings?jurisdictionCode=21.71' }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },
  { route: 'GET /meetings/{id}', what: 'an unknown meeting', request: () => ({ path: `/meetings/${randomUUID()}` }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungOfficer', 'bandungSecretariat', 'kepriAdmin', 'batamOfficer'], 404) },
  { route: 'POST /meetings/{id}/reschedule', what: 'reschedule an unknown meeting', request: () => ({ path: `/meetings/${randomUUID()}/reschedule`, body: { scheduledAt: new Date(Date.now() + 20 * 86_400_000).toISOString() } }), expect: only(['sysAdmin', 'jabarSecretariat', 'bandungSecretariat'], 404) },
  { route: 'POST /meetings/{id}/cancel', what: 'cancel an unknown meeting', request: () => ({ path: `/meetings/${randomUUID()}/cancel`, body: { reason: 'uji matriks' } }), expect: only(['sysAdmin', 'jabarSecretariat', 'bandungSecretariat'], 404) },
  // Kabupaten Bandung has a secretariat but no chair yet: whoever may schedule there is told so (409); nobody else gets that far.
  { route: 'POST /meetings', what: 'schedule a Kabupaten Bandung plenary', request: () => ({ path: '/meetings', body: { jurisdictionCode: '32.04', kind: 'plenary', scheduledAt: new Date(Date.now() + 20 * 86_400_000).toISOString() } }), expect: only(['sysAdmin', 'jabarSecretariat', 'bandungSecretariat'], 409) },
  // Who chairs a task force and who leads its Sub-TFs: the jurisdiction's administrators and secretariat (issue 10, shape).
  { route: 'PUT /task-forces/{jurisdictionCode}/chair', what: 'name no chair for Riau Islands (as it is)', request: () => ({ path: '/task-forces/21/chair', body: { positionId: null } }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  { route: 'PUT /task-forces/{jurisdictionCode}/chair', what: 'name a Riau Islands position as West Java chair', request: (i) => ({ path: '/task-forces/32/chair', body: { positionId: i.batamPosition } }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat'], 400) },
  {
    route: 'PUT /task-forces/{jurisdictionCode}/sub-task-forces/{kind}/lead',
    what: 'leave the Riau Islands prevention Sub-TF without a lead (as it is)',
    request: () => ({ path: '/task-forces/21/sub-task-forces/prevention_child_participation/lead', body: { agencyId: null } }),
    expect: only(['sysAdmin', 'kepriAdmin'], 200),
  },
  {
    route: 'PUT /task-forces/{jurisdictionCode}/sub-task-forces/{kind}/lead',
    what: 'make a Kota Batam agency lead a West Java Sub-TF',
    request: (i) => ({ path: '/task-forces/32/sub-task-forces/prevention_child_participation/lead', body: { agencyId: i.batamAgency } }),
    expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat'], 400),
  },
  { route: 'POST /meetings', what: 'schedule a Riau Islands plenary', request: () => ({ path: '/meetings', body: { jurisdictionCode: '21', kind: 'plenary', scheduledAt: new Date(Date.now() + 20 * 86_400_000).toISOString() } }), expect: only(['sysAdmin'], 409) },
  // Plans of action (issue 10): West Java's plan is read in West Java; another province's people get 404.
  { route: 'GET /plans', what: 'West Java plans', request: () => ({ path: '/plans?jurisdictionCode=32' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarLegal', 'jabarChair'], 200) },
  { route: 'GET /plans/analytics', what: 'West Java review analytics', request: () => ({ path: '/plans/analytics?jurisdictionCode=32' }), expect: only(['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'jabarChair'], 200) },
  { route: 'GET /plans/{id}', what: 'the West Java plan', request: (i) => ({ path: `/plans/${i.jabarPlan}` }), expect: { ...only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarLegal', 'jabarChair'], 200), ...FOREIGN_PLAN_READERS } },
  { route: 'GET /plans/{id}/versions/{seq}', what: 'a version the plan does not have', request: (i) => ({ path: `/plans/${i.jabarPlan}/versions/7` }), expect: { ...only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarLegal', 'jabarChair'], 404), ...FOREIGN_PLAN_READERS } },
  { route: 'GET /plans/{id}/diff', what: 'a diff from a version the plan does not have', request: (i) => ({ path: `/plans/${i.jabarPlan}/diff?from=1&to=2` }), expect: { ...only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarLegal', 'jabarChair'], 400), ...FOREIGN_PLAN_READERS } },
  { route: 'GET /plans/{id}/analytics', what: "the West Java plan's analytics", request: (i) => ({ path: `/plans/${i.jabarPlan}/analytics` }), expect: { ...only(['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'jabarChair'], 200), bandungSecretariat: 404, kepriAdmin: 404 } },
  { route: 'GET /plans/{id}/export.pdf', what: 'the PDF of a plan without a version yet', request: (i) => ({ path: `/plans/${i.jabarPlan}/export.pdf` }), expect: { ...only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarLegal', 'jabarChair'], 404), ...FOREIGN_PLAN_READERS } },
  { route: 'GET /plans/{id}/export.xlsx', what: 'the XLSX of a plan without a version yet', request: (i) => ({ path: `/plans/${i.jabarPlan}/export.xlsx` }), expect: { ...only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarLegal', 'jabarChair'], 404), ...FOREIGN_PLAN_READERS } },
  { route: 'POST /plans', what: 'start a Riau Islands plan with an unknown agency', request: () => ({ path: '/plans', body: { jurisdictionCode: '21', periodStart: new Date().getUTCFullYear() + 1, periodYears: 5, workingGroup: [{ agencyId: randomUUID(), positionTitle: 'Sekretaris', part: 'facilitator' }] } }), expect: only(['sysAdmin'], 400) },
  { route: 'POST /plans/{id}/allocations', what: 'a budget on the unendorsed West Java plan', request: (i) => ({ path: `/plans/${i.jabarPlan}/allocations`, body: { activityId: 'a1', fiscalYear: 2027, amount: 1000, budgetSource: 'apbd_province', approvedByParliament: true } }), expect: { ...only(['sysAdmin', 'jabarSecretariat'], 409), bandungSecretariat: 404 } },
  { route: 'POST /plans/{id}/outside-steps', what: 'an outside step on a plan not in legal review', request: (i) => ({ path: `/plans/${i.jabarPlan}/outside-steps`, body: { body: 'regulation_harmonisation', referenceNumber: '180/1/Hukham', date: '2027-03-02' } }), expect: { ...only(['sysAdmin', 'jabarSecretariat', 'jabarLegal'], 409), bandungSecretariat: 404 } },
  { route: 'POST /plans/{id}/outside-steps/{stepId}/end', what: 'end an outside step that is not open', request: (i) => ({ path: `/plans/${i.jabarPlan}/outside-steps/${randomUUID()}/end`, body: {} }), expect: { ...only(['sysAdmin', 'jabarSecretariat', 'jabarLegal'], 409), bandungSecretariat: 404 } },
  { route: 'POST /plans/{id}/revision', what: 'a revision of a plan not yet monitored', request: (i) => ({ path: `/plans/${i.jabarPlan}/revision`, body: { reason: 'Evaluasi tahunan meminta perubahan target.' } }), expect: { ...only(['sysAdmin', 'jabarSecretariat'], 409), bandungSecretariat: 404 } },
  { route: 'POST /plans/{id}/close-comments', what: 'close comments of a plan not in member comments', request: (i) => ({ path: `/plans/${i.jabarPlan}/close-comments`, body: {} }), expect: { ...only(['sysAdmin', 'jabarSecretariat'], 409), bandungSecretariat: 404 } },
  // Cases (issue 11, step 1): only case roles; the national analyst gets aggregates only (403 here).
  { route: 'POST /cases', what: 'open a West Java case', request: (i) => ({ path: '/cases', body: { jurisdictionCode: '32', intakeAgencyId: i.jabarCaseAgency, intakeChannel: 'hotline' } }), expect: only(JABAR_CASE_ROLES, 201) },
  { route: 'POST /cases', what: 'open a Kota Batam case', request: (i) => ({ path: '/cases', body: { jurisdictionCode: '21.71', intakeAgencyId: i.batamAgency, intakeChannel: 'border_post' } }), expect: only(['sysAdmin'], 201) },
  { route: 'GET /cases', what: 'the cases the caller may see', request: () => ({ path: '/cases?limit=5' }), expect: only(JABAR_CASE_ROLES, 200) },
  { route: 'GET /cases', what: 'West Java cases', request: () => ({ path: '/cases?jurisdictionCode=32&limit=5' }), expect: only(JABAR_CASE_ROLES, 200) },
  { route: 'GET /cases', what: 'Riau Islands cases', request: () => ({ path: '/cases?jurisdictionCode=21&limit=5' }), expect: only(['sysAdmin'], 200) },
  { route: 'GET /cases/{code}', what: 'a West Java case page (supervision)', request: (i) => ({ path: `/cases/${i.jabarCase}?purpose=supervision` }), expect: only(JABAR_CASE_ROLES, 200) },
  { route: 'GET /cases/{code}', what: 'an unknown case page', request: () => ({ path: '/cases/21.71-2020-0099?purpose=case_management' }), expect: only(JABAR_CASE_ROLES, 404) },
  {
    route: 'POST /cases/{code}/consents',
    what: 'record consent on a West Java case',
    request: (i) => ({ path: `/cases/${i.jabarCase}/consents`, body: { data: CONSENT } }),
    expect: only(JABAR_CASE_ROLES, 201),
  },
  { route: 'POST /cases/{code}/consents', what: 'record consent on an unknown case', request: () => ({ path: '/cases/21.71-2020-0099/consents', body: { data: CONSENT } }), expect: only(JABAR_CASE_ROLES, 404) },
  { route: 'GET /cases/{code}/consents', what: 'consent of a West Java case (case management)', request: (i) => ({ path: `/cases/${i.jabarCase}/consents?purpose=case_management` }), expect: only(JABAR_CASE_ROLES, 200) },
  // A conference action is read by the holder of its task (or the case team): test/cases/case-conference proves the holders; here nobody holds a task that is not one.
  {
    route: 'GET /cases/{code}/conference-actions/{taskId}',
    what: 'a task that is no conference action of this case',
    request: (i) => ({ path: `/cases/${i.jabarCase}/conference-actions/00000000-0000-4000-8000-000000000000` }),
    expect: { ...everyone(404), anon: 401 },
  },
  { route: 'POST /cases/{code}/referrals', what: 'send an empty referral on a West Java case (refused as invalid)', request: (i) => ({ path: `/cases/${i.jabarCase}/referrals`, body: { data: {} } }), expect: only(JABAR_CASE_ROLES, 400) },
  { route: 'POST /cases/{code}/referrals', what: 'send a referral on an unknown case', request: () => ({ path: '/cases/21.71-2020-0099/referrals', body: { data: {} } }), expect: only(JABAR_CASE_ROLES, 404) },
  { route: 'GET /case-packet-lists/{province}', what: "West Java's referral packet lists", request: () => ({ path: '/case-packet-lists/32' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'jabarCoordinator', 'jabarCaseWorker'], 200) },
  { route: 'GET /case-packet-lists/{province}', what: "the Riau Islands' referral packet lists", request: () => ({ path: '/case-packet-lists/21' }), expect: only(['sysAdmin', 'kepriAdmin'], 200) },
  // Back to the national default (null): changes nothing that was not adjusted, so every row may run it.
  { route: 'PUT /case-packet-lists/{province}/{serviceType}', what: "reset West Java's shelter list", request: () => ({ path: '/case-packet-lists/32/shelter', body: { categories: null } }), expect: only(['sysAdmin', 'jabarAdmin'], 200) },
  // Case figures of a quarter (issue 12): aggregates for the task force's administrators, secretariat and chair, and the national analyst.
  { route: 'GET /reports/case-figures', what: "West Java's case figures of a quarter", request: () => ({ path: '/reports/case-figures?jurisdictionCode=32&year=2026&quarter=1' }), expect: only(['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'jabarChair'], 200) },
  { route: 'GET /reports/case-figures', what: 'the national case figures of a quarter', request: () => ({ path: '/reports/case-figures?jurisdictionCode=00&year=2026&quarter=1' }), expect: only(['sysAdmin', 'analyst'], 200) },
  { route: 'GET /reports/case-figures.csv', what: "West Java's case figures as CSV", request: () => ({ path: '/reports/case-figures.csv?jurisdictionCode=32&year=2026&quarter=1' }), expect: only(['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'jabarChair'], 200) },
  { route: 'GET /reports/case-figures', what: "Kabupaten Bandung's case figures", request: () => ({ path: '/reports/case-figures?jurisdictionCode=32.04&year=2026&quarter=1' }), expect: only(['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungSecretariat'], 200) },
  // Periodic reports (issue 12): the task forces' administrators, secretariats and chairs read what they cover, the national analyst all;
  // the national level opens a cycle; the reporting task force or the level above asks for a correction (test/reports/report-cycle proves the process).
  { route: 'GET /reports/dashboard', what: 'the national dashboard', request: () => ({ path: '/reports/dashboard?from=2019-Q1&to=2019-Q4' }), expect: only(['sysAdmin', 'analyst'], 200) },
  { route: 'GET /reports/dashboard', what: "West Java's dashboard", request: () => ({ path: '/reports/dashboard?jurisdictionCode=32&from=2019-Q1&to=2019-Q4' }), expect: only(['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'jabarChair'], 200) },
  { route: 'GET /reports/dashboard', what: "West Java's dashboard for a quarter that does not exist", request: () => ({ path: '/reports/dashboard?jurisdictionCode=32&from=2019-Q7' }), expect: only(['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'jabarChair'], 400) },
  { route: 'POST /reports/exports', what: 'a national export of a range that ends before it starts', request: () => ({ path: '/reports/exports', body: { from: '2019-Q4', to: '2019-Q1' } }), expect: only(['sysAdmin', 'analyst'], 400) },
  { route: 'POST /reports/exports', what: "an export of Riau Islands' reports", request: () => ({ path: '/reports/exports', body: { jurisdictionCode: '21', from: '2019-Q1', to: '2019-Q4' } }), expect: only(['sysAdmin', 'analyst', 'kepriAdmin'], 202) },
  { route: 'POST /reports/exports', what: 'a case-level (HTCDS) export of West Java: analysts only', request: () => ({ path: '/reports/exports', body: { kind: 'case-records', jurisdictionCode: '32', from: '2019-Q1', to: '2019-Q4' } }), expect: only(['sysAdmin', 'analyst'], 202) },
  { route: 'GET /reports/exports/{id}', what: "the system administrator's export (nobody else's)", request: (i) => ({ path: `/reports/exports/${i.sysExport}` }), expect: { ...only(PERIODIC_READERS, 404), sysAdmin: 200 } },
  { route: 'GET /reports/exports/{id}/file', what: "the system administrator's export file (nobody else's)", request: (i) => ({ path: `/reports/exports/${i.sysExport}/file` }), expect: { ...only(PERIODIC_READERS, 404), sysAdmin: 200 } },
  { route: 'GET /public/figures', what: 'the public annual figures', request: () => ({ path: '/public/figures' }), expect: everyone(200) },
  { route: 'GET /public/annual-report/{year}', what: 'the annual figures of 2019, not final (one quarter closed), so not published', request: () => ({ path: '/public/annual-report/2019' }), expect: everyone(404) },
  { route: 'GET /public/annual-report/{year}', what: 'the annual report of a year that is not a year', request: () => ({ path: '/public/annual-report/19x9' }), expect: everyone(400) },
  { route: 'GET /public/figures.csv', what: 'the public annual figures as CSV', request: () => ({ path: '/public/figures.csv' }), expect: everyone(200) },
  { route: 'GET /reports/cycles', what: 'the report cycles', request: () => ({ path: '/reports/cycles' }), expect: only(PERIODIC_READERS, 200) },
  { route: 'POST /reports/cycles', what: 'open a cycle for a quarter that does not exist', request: () => ({ path: '/reports/cycles', body: { period: '2027-Q9' } }), expect: only(['sysAdmin', 'analyst'], 400) },
  { route: 'GET /reports/cycles/{period}', what: 'the 2019-Q2 cycle (each sees the reports it covers)', request: () => ({ path: '/reports/cycles/2019-Q2' }), expect: only(PERIODIC_READERS, 200) },
  { route: 'GET /reports/periodic/{id}', what: "Kabupaten Bandung's 2019-Q2 report", request: (i) => ({ path: `/reports/periodic/${i.bandungReport}` }), expect: { ...only(['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'bandungSecretariat'], 200), kepriAdmin: 404 } },
  { route: 'GET /reports/periodic/{id}', what: "Kota Batam's 2019-Q2 report", request: (i) => ({ path: `/reports/periodic/${i.batamReport}` }), expect: { ...only(['sysAdmin', 'analyst', 'kepriAdmin'], 200), jabarAdmin: 404, jabarSecretariat: 404, jabarChair: 404, bandungSecretariat: 404 } },
  { route: 'POST /reports/periodic/{id}/corrections', what: "correct Kabupaten Bandung's report without a reason", request: (i) => ({ path: `/reports/periodic/${i.bandungReport}/corrections`, body: { reason: '   ' } }), expect: { ...only(['sysAdmin', 'analyst', 'jabarAdmin', 'jabarSecretariat', 'bandungSecretariat'], 400), kepriAdmin: 404 } },
  // The directory of service providers (issue 11, step 10): the province's task forces read it, a regency's too; its administrators and secretariats keep it, each agency officer its own entry.
  { route: 'GET /service-directory/{province}', what: "West Java's directory of service providers", request: () => ({ path: '/service-directory/32' }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'jabarChair', 'jabarCoordinator', 'jabarCaseWorker', 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'GET /service-directory/{province}', what: "the Riau Islands' shelters", request: () => ({ path: '/service-directory/21?serviceType=shelter' }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },
  { route: 'PUT /service-directory/{province}/agencies/{agencyId}', what: "restate what Kabupaten Bandung's health office offers", request: (i) => ({ path: `/service-directory/32/agencies/${i.bandungAgency}`, body: { services: ['health_rehabilitation'], targetGroups: ['children', 'adults', 'women', 'men'], capacity: null, contactPoint: 'Seksi Pelayanan Kesehatan (contoh fiktif)', referralProtocol: null } }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat', 'bandungOfficer', 'bandungSecretariat'], 200) },
  { route: 'PUT /service-directory/{province}/agencies/{agencyId}', what: "change a Kota Batam agency's entry", request: (i) => ({ path: `/service-directory/21/agencies/${i.batamAgency}`, body: { services: ['social_rehabilitation', 'repatriation', 'family_tracing'], targetGroups: ['children', 'adults'], capacity: null, contactPoint: 'Bidang Rehabilitasi Sosial (contoh fiktif)', referralProtocol: null } }), expect: only(['sysAdmin', 'kepriAdmin', 'batamOfficer'], 200) },
  // An unknown need: refused as invalid once the caller may act on the case (test/cases/case-process opens real ones).
  { route: 'POST /cases/{code}/immediate-protection', what: 'an unknown need on a West Java case', request: (i) => ({ path: `/cases/${i.jabarCase}/immediate-protection`, body: { needs: ['spa_day'] } }), expect: only(JABAR_CASE_ROLES, 400) },
  { route: 'GET /cases/{code}/timeline', what: 'the steps of a West Java case', request: (i) => ({ path: `/cases/${i.jabarCase}/timeline?purpose=supervision` }), expect: only(JABAR_CASE_ROLES, 200) },
  { route: 'GET /cases/{code}/timeline', what: 'the steps of an unknown case', request: () => ({ path: '/cases/21.71-2020-0099/timeline?purpose=supervision' }), expect: only(JABAR_CASE_ROLES, 404) },
  { route: 'GET /cases/{code}/referrals', what: 'the referrals of a West Java case', request: (i) => ({ path: `/cases/${i.jabarCase}/referrals?purpose=case_management` }), expect: only(JABAR_CASE_ROLES, 200) },
  // The packet is the receiving agency's and the case team's (test/cases/case-referral proves both); a referral nobody sent is nobody's.
  { route: 'GET /cases/{code}/referrals/{number}/packet', what: 'the packet of a referral never sent', request: (i) => ({ path: `/cases/${i.jabarCase}/referrals/1/packet?purpose=referral_follow_up` }), expect: { ...everyone(404), anon: 401 } },
  { route: 'GET /cases/{code}/consents', what: 'consent of an unknown case', request: () => ({ path: '/cases/21.71-2020-0099/consents?purpose=case_management' }), expect: only(JABAR_CASE_ROLES, 404) },  // The register of cooperation agreements: each party's secretariat and administrators enter and terminate; case teams and chairs read.
  { route: 'GET /agreements', what: 'the agreements of the caller\'s task forces', request: () => ({ path: '/agreements' }), expect: only(AGREEMENT_READERS, 200) },
  { route: 'POST /agreements', what: 'enter an agreement of West Java with Central Java', request: () => ({ path: '/agreements', body: agreement('33') }), expect: only(['sysAdmin', 'jabarAdmin', 'jabarSecretariat'], 201) },
  { route: 'POST /agreements', what: 'enter an agreement of West Java with its own regency (refused as invalid)', request: () => ({ path: '/agreements', body: agreement('32.04') }), expect: only(AGREEMENT_KEEPERS, 400) },
  { route: 'POST /agreements/{id}/termination', what: 'terminate an unknown agreement', request: () => ({ path: '/agreements/00000000-0000-4000-8000-000000000000/termination', body: { terminatedOn: '2027-01-01', reason: 'uji' } }), expect: only(AGREEMENT_KEEPERS, 404) },
  // The assessment before a return (test/cases/case-foreign-national proves the rule).
  { route: 'POST /cases/{code}/return-assessments', what: 'an empty assessment on a West Java case (refused as invalid)', request: (i) => ({ path: `/cases/${i.jabarCase}/return-assessments`, body: { data: {} } }), expect: only(JABAR_CASE_ROLES, 400) },
  { route: 'POST /cases/{code}/return-assessments', what: 'an assessment on an unknown case', request: () => ({ path: '/cases/21.71-2020-0099/return-assessments', body: { data: {} } }), expect: only(JABAR_CASE_ROLES, 404) },
  { route: 'GET /cases/{code}/return-assessments', what: 'the assessments of a West Java case', request: (i) => ({ path: `/cases/${i.jabarCase}/return-assessments?purpose=case_management` }), expect: only(JABAR_CASE_ROLES, 200) },
  // Closure at any time and reopening (test/cases/case-closure proves both).
  { route: 'POST /cases/{code}/closure', what: 'close a West Java case with an empty form (refused as invalid)', request: (i) => ({ path: `/cases/${i.jabarCase}/closure`, body: { data: {} } }), expect: only(JABAR_CASE_ROLES, 400) },
  { route: 'POST /cases/{code}/reopening', what: 'reopen a West Java case that is not closed', request: (i) => ({ path: `/cases/${i.jabarCase}/reopening`, body: { reason: 'new_needs' } }), expect: only(JABAR_CASE_ROLES, 409) },
  // Identification decisions and the justice track (test/cases/case-decisions proves them).
  { route: 'POST /cases/{code}/identification-decisions', what: 'an empty decision on a West Java case (refused as invalid)', request: (i) => ({ path: `/cases/${i.jabarCase}/identification-decisions`, body: { data: {} } }), expect: only(JABAR_CASE_ROLES, 400) },
  { route: 'GET /cases/{code}/identification-decisions', what: 'the identification decisions of a West Java case', request: (i) => ({ path: `/cases/${i.jabarCase}/identification-decisions?purpose=case_management` }), expect: only(JABAR_CASE_ROLES, 200) },
  { route: 'POST /cases/{code}/justice-records', what: 'an empty justice record on a West Java case (refused as invalid)', request: (i) => ({ path: `/cases/${i.jabarCase}/justice-records`, body: { data: {} } }), expect: only(JABAR_CASE_ROLES, 400) },
  { route: 'GET /cases/{code}/justice-records', what: 'the justice records of a West Java case', request: (i) => ({ path: `/cases/${i.jabarCase}/justice-records?purpose=case_management` }), expect: only(JABAR_CASE_ROLES, 200) },
  // Sharing a case across regions (test/cases/case-cross-region proves the partner's side).
  { route: 'POST /cases/{code}/shares', what: 'share a West Java case under an unknown agreement (refused as invalid)', request: (i) => ({ path: `/cases/${i.jabarCase}/shares`, body: { agreementId: '00000000-0000-4000-8000-000000000000', partnerAgencyId: i.batamAgency, leadsReintegration: false } }), expect: only(JABAR_CASE_ROLES, 400) },
  { route: 'POST /cases/{code}/shares', what: 'share an unknown case', request: (i) => ({ path: '/cases/21.71-2020-0099/shares', body: { agreementId: '00000000-0000-4000-8000-000000000000', partnerAgencyId: i.batamAgency, leadsReintegration: false } }), expect: only(JABAR_CASE_ROLES, 404) },
  { route: 'GET /cases/{code}/plan', what: 'the plan of a West Java case', request: (i) => ({ path: `/cases/${i.jabarCase}/plan?purpose=case_management` }), expect: only(JABAR_CASE_ROLES, 200) },
  { route: 'POST /cases/{code}/plan/items', what: 'add an empty service to a West Java case plan (refused as invalid)', request: (i) => ({ path: `/cases/${i.jabarCase}/plan/items`, body: { expectedVersion: 0, item: {} } }), expect: only(JABAR_CASE_ROLES, 400) },
  { route: 'PUT /cases/{code}/plan/items/{itemId}', what: 'change a planned service that does not exist', request: (i) => ({ path: `/cases/${i.jabarCase}/plan/items/00000000-0000-4000-8000-000000000000`, body: { expectedVersion: 0, item: {} } }), expect: only(JABAR_CASE_ROLES, 404) },
  { route: 'GET /cases/{code}/shares', what: 'the shares of a West Java case', request: (i) => ({ path: `/cases/${i.jabarCase}/shares?purpose=case_management` }), expect: only(JABAR_CASE_ROLES, 200) },
  { route: 'POST /cases/{code}/shares/{shareId}/end', what: 'end a share that does not exist', request: (i) => ({ path: `/cases/${i.jabarCase}/shares/00000000-0000-4000-8000-000000000000/end` }), expect: only(JABAR_CASE_ROLES, 404) },
  { route: 'GET /cases/{code}/shares/{shareId}/record', what: 'the shared record of a share that does not exist', request: (i) => ({ path: `/cases/${i.jabarCase}/shares/00000000-0000-4000-8000-000000000000/record?purpose=case_management` }), expect: only(JABAR_CASE_ROLES, 404) },
];

describe('authorization matrix', () => {
  let api: RunningApi;
  let ids: Ids;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    for (const caller of LOGGED_IN) tokens.set(caller, (await login(api.url, CALLERS[caller] as string)).accessToken);
    const sys = client(api.url, tokens.get('sysAdmin'));
    const agencyNamed = async (code: string, name: string) => ((await sys.get(`/agencies?jurisdictionCode=${code}`)).body as { id: string; name: string }[]).find((a) => a.name === name)!.id;
    const bandungAgency = await agencyNamed('32.04', 'Dinas Kesehatan Kabupaten Bandung');
    const jabarCaseAgency = await agencyNamed('32', 'UPTD PPA Provinsi Jawa Barat');
    const batamAgency = await agencyNamed('21.71', 'Dinas Sosial Kota Batam');
    const firstPosition = async (agency: string) => (await sys.get(`/agencies/${agency}/positions`)).body[0];
    const firstPerson = async (agency: string) => (await sys.get(`/people?agencyId=${agency}`)).body[0].id as string;
    const spare = await sys.post(`/agencies/${bandungAgency}/positions`, { title: `Posisi cadangan ${unique()}`, roles: ['agency_officer'] });
    const batamPosition = await firstPosition(batamAgency);
    /** An agency with one position and one person, in `code`, for the rows that edit and deactivate. */
    const editable = async (code: string) => {
      const agency = (await sys.post('/agencies', { jurisdictionCode: code, name: `LSM Sunting Matriks ${unique()}`, kind: 'ngo' })).body.id as string;
      const position = (await sys.post(`/agencies/${agency}/positions`, { title: `Staf Sunting ${unique()}`, roles: ['agency_officer'] })).body.id as string;
      const person = (await sys.post('/people', { agencyId: agency, fullName: 'Orang Sunting', email: `sunting.${unique()}@gugus.test` })).body.id as string;
      return { agency, position, person };
    };
    const [bandungEdit, batamEdit] = [await editable('32.04'), await editable('21.71')];
    ids = {
      bandungAgency,
      bandungPosition: (await firstPosition(bandungAgency)).id,
      bandungPerson: await firstPerson(bandungAgency),
      sparePosition: spare.body.id,
      editAgency: bandungEdit.agency,
      editPosition: bandungEdit.position,
      editPerson: bandungEdit.person,
      batamEditAgency: batamEdit.agency,
      batamEditPosition: batamEdit.position,
      batamEditPerson: batamEdit.person,
      batamAgency,
      batamPosition: batamPosition.id,
      batamPerson: batamPosition.holder.id,
      nationalScreening: (await sys.get('/forms/victim-screening/effective?jurisdictionCode=21.71')).body.id,
      bandungSubmission: (await sys.post('/forms/victim-screening/submissions', { jurisdictionCode: '32.04', data: {}, status: 'draft' })).body.id,
      jabarPlan: await insertPlan('32'),
      jabarCaseAgency,
      jabarCase: (await sys.post('/cases', { jurisdictionCode: '32', intakeAgencyId: jabarCaseAgency, intakeChannel: 'ngo' })).body.code,
      ...(await insertReports()),
      sysExport: await finishedExport(sys),
    };
  });
  afterAll(async () => {
    await api?.stop();
  });

  /** A national export of 2019 started by the system administrator, waited for until its file is ready. */
  async function finishedExport(sys: ReturnType<typeof client>): Promise<string> {
    const started = await sys.post('/reports/exports', { from: '2019-Q1', to: '2019-Q4' });
    expect(started.status).toBe(202);
    const done = await eventually(async () => {
      const now = await sys.get(`/reports/exports/${started.body.id}`);
      return now.body.status === 'running' ? undefined : (now.body.status as string);
    }, 20_000, 'the export to finish');
    expect(done).toBe('done');
    return started.body.id as string;
  }

  /** A 2019-Q2 cycle with an accepted report of Kabupaten Bandung and one of Kota Batam (the same rows on every run). */
  async function insertReports(): Promise<{ bandungReport: string; batamReport: string }> {
    const db = new Pool({ connectionString: testEnv().databaseUrl, max: 1 });
    try {
      await db.query(`INSERT INTO report_cycles (id, period, period_from, period_until, workflow_id, status, opened_at) VALUES ($1, '2019-Q2', '2019-04-01', '2019-07-01', 'report-cycle-2019-Q2', 'closed', now()) ON CONFLICT (period) DO NOTHING`, [randomUUID()]);
      const cycle = (await db.query(`SELECT id FROM report_cycles WHERE period = '2019-Q2'`)).rows[0].id as string;
      const report = async (code: string) => {
        await db.query(
          `INSERT INTO periodic_reports (id, cycle_id, jurisdiction_code, level, version, status, due_date, computed, figures, first_submitted_at, submitted_at, accepted_at, created_at)
           VALUES ($1, $2, $3, 'regency', 1, 'accepted', '2019-07-15', $4, $4, '2019-07-10', '2019-07-10', '2019-07-12', now()) ON CONFLICT (cycle_id, jurisdiction_code, version) DO NOTHING`,
          [randomUUID(), cycle, code, JSON.stringify(emptyFigures())],
        );
        return (await db.query(`SELECT id FROM periodic_reports WHERE cycle_id = $1 AND jurisdiction_code = $2 AND version = 1`, [cycle, code])).rows[0].id as string;
      };
      return { bandungReport: await report('32.04'), batamReport: await report('21.71') };
    } finally {
      await db.end();
    }
  }

  /** A plan row in drafting, with no process behind it (updates to it are refused as not in that stage). */
  async function insertPlan(jurisdictionCode: string): Promise<string> {
    const db = new Pool({ connectionString: testEnv().databaseUrl, max: 1 });
    const id = randomUUID();
    try {
      await db.query(
        `INSERT INTO plans (id, jurisdiction_code, title, period_start, period_years, section_kinds, working_group, stage, status, workflow_id, settings, settings_version)
         VALUES ($1, $2, 'RAD uji matriks', 2027, 5, $3, '[]', 'drafting', 'draft', $4, $5, 0)`,
        [id, jurisdictionCode, ['prevention_child_participation'], `plan-${id}`, JSON.stringify(PLAN_OF_ACTION_DEFAULTS)],
      );
    } finally {
      await db.end();
    }
    return id;
  }

  it('has a row for every route the API serves, and every route declares who may call it', async () => {
    const doc = (await (await fetch(`${api.url}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const served = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect([...new Set(ROWS.map((r) => r.route))].sort()).toEqual(served.sort());
    const undeclared = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => !op['x-gugus-access']).map(([m]) => `${m} ${path}`));
    expect(undeclared).toEqual([]);
  });

  const cases = ROWS.flatMap((row) => ALL.map((caller) => ({ ...row, caller, status: row.expect[caller] })));
  it.each(cases)('$route ($what) as $caller → $status', async ({ route, request, caller, status }) => {
    const method = route.split(' ')[0];
    let token = caller === 'anon' ? undefined : tokens.get(caller);
    // Logging out ends a session: use a throwaway one so the matrix keeps its tokens.
    if (route === 'POST /auth/logout' && caller !== 'anon') token = (await login(api.url, CALLERS[caller] as string)).accessToken;
    const { path, body } = request(ids, caller);
    const res = await client(api.url, token).call(method, path, method === 'GET' ? undefined : (body ?? {}));
    expect({ route, caller, status: res.status }).toEqual({ route, caller, status });
    if (status === 403) expect(res.body.code).toBe('FORBIDDEN');
    if (status === 401 && route !== 'POST /auth/login') expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
