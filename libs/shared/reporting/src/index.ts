/**
 * De-identified publishing (issue 12, item 4; acceptance 2): small-cell suppression with k ≥ 11 on a set of
 * linked published tables, the attacker's audit of the result, and its rendering. Pure functions of their
 * inputs (see test/repo/pure-libraries.spec.ts), so the API, a workflow and the browser compute the same publication.
 *
 * Use: build the model of everything that will be published — `crossTabulate` over the dimensions
 * (province nation → provinces, period year → quarters, and the breakdowns, each with its total), or
 * `table2d` / `defineModel` — then `suppress(model)`; publish `publicCells(model, result)` only (it refuses
 * when `result.ok` is false), with `suppressionLegend()`. Everything published together must be in ONE
 * model: suppressing tables one by one lets one table give away another's hidden cell.
 *
 * Limits, stated honestly:
 * - The attacker is the linear-programming one, over the reals (the standard model). For two-way tables
 *   with margins the bounds are also the integer bounds; for linked three-way and deeper tables an attacker
 *   who uses that counts are whole numbers may, in rare cases, get a narrower interval than the LP. Each
 *   interval comes with witnesses; `integral` says whether they are whole numbers (then the interval holds
 *   for that attacker too).
 * - The attacker is not credited with knowing the complementary-suppression heuristic step by step (who
 *   could replay it to tell which hidden cells were the small ones) — again the standard model.
 * - A published zero reveals that nobody in a group has a trait; see suppress.ts for why that is accepted.
 * - Cost: a dense simplex, two linear programmes per suppressed cell plus one per complement search. The
 *   generated 3-way hierarchies of the tests take well under a second each; a 4-way model of 6 provinces ×
 *   5 periods × 3 × 3 (315 cells) took about 200 s with Bland's rule alone (Dantzig's rule, added since, is
 *   not yet measured at that size). A whole country (38 provinces) is NOT yet practical: it needs a sparse
 *   solver or a decomposition before the public page uses it. Store results; never compute per page view.
 */
// The model of linked tables: cells, "total = Σ parts" relations, builders from tables and hierarchies.
export * from './lib/model';
// The attacker's view: bounds on each suppressed cell, the protection rule, checked witnesses.
export { audit, isConsistent, AuditError, type AuditReport, type CellInterval } from './lib/audit';
// Primary and complementary suppression until the audit passes.
export * from './lib/suppress';
// "< 11" and the legend; the public cells.
export * from './lib/render';
// The case figures of a period from the cases' statistical facts (issue 12, item 1).
export * from './lib/case-tally';
// Periodic reports up the hierarchy: periods, the pre-filled figures, the sum a level above reports (issue 12, item 1).
export * from './lib/periodic-report';
// The public annual figures: provinces and national breakdowns of each year, suppressed as one model per year (issue 12, item 4).
export * from './lib/publication';
// Case-level, de-identified rows in the fields of IOM's Human Trafficking Case Data Standard (issue 12, item 5).
export * from './lib/htcds';
// Plan-of-action progress for the dashboard: status, indicator against target, spending (issue 12, item 2).
export * from './lib/plan-progress';
