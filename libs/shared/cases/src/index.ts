/**
 * The rules of case management and referral (issue 11) that the API, the workflows and the browser share:
 * pure functions of their inputs (see test/repo/pure-libraries.spec.ts), so a workflow replays them identically.
 */
// Screening and identification status (issue 11, step 2).
export * from './lib/screening';
export * from './lib/identification';
// What a recorded screening moves the case to (issue 11, steps 2–3).
export * from './lib/case-progress';
// Minimal disclosure: the referral packet holds the service's list ∩ the consent (issue 11, step 6).
export * from './lib/disclosure';
// Consent per purpose, revocable (issue 11, step 4).
export * from './lib/consent';
// Calendar days on integers (no clock object): a Jakarta day, days ↔ civil dates.
export * from './lib/civil-calendar';
// Follow-up months from reunification and a child's two years before closure (issue 11, step 10).
export * from './lib/reintegration';
// Consent a service needs before a referral to it may go (issue 11, steps 4 and 8).
export * from './lib/referral-rules';
// Cooperation agreements between task forces and the cases shared under them (issue 11, step 9).
export * from './lib/agreements';
// The case-management plan and the directory of service providers it draws on (issue 11, step 10).
export * from './lib/case-plan';
// The codes reports count, taken from the sealed intake and screening (issue 12 groundwork).
export * from './lib/case-facts';
