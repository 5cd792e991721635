/*
 * Server-side form validation time: the API's whole path for a submission (the server's ajv with RE2,
 * compiled once per form version; answers that do not apply cleared; bilingual messages for the fields in
 * error — `runSubmissionCheck` in @gugus/server-forms, what FormsService runs) against plain ajv
 * (`allErrors`, formats, no options of ours) validating the same data against the same schema, in the same
 * process. Timed in alternating rounds (plain, Gugus, Gugus, plain, …); the figure is the median time per
 * validation, and the aim (issue 13) reads directly as the ratio "Gugus path / plain ajv" ≤ 3.
 * Run: npx nx run bench:forms-validation
 */
import { cpus, loadavg, totalmem } from 'node:os';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { compileSubmissionCheck, createServerFormAjv, runSubmissionCheck } from '@gugus/server-forms';
import { generatedForm, largestLibraryForm } from './cases';

/** Length of one timed round, and rounds per implementation (alternated ABBA). */
const ROUND_MS = 250;
const ROUNDS = 8;
/** The aim of issue 13: the Gugus path takes at most this many times plain ajv's time. */
const AIM = 3;

/** Microseconds per call of `work`, over one round of about ROUND_MS. */
function microsPerCall(work: () => void): number {
  let calls = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ROUND_MS) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 20; i++) work();
    calls += 20;
  }
  return Number(process.hrtime.bigint() - start) / 1e3 / calls;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median µs per validation of each, timed in alternating rounds so neither always runs first or later. */
function timeBoth(plain: () => void, gugus: () => void): { plain: number; gugus: number } {
  for (let i = 0; i < 500; i++) {
    plain();
    gugus();
  }
  const times = { plain: [] as number[], gugus: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? (['gugus', 'plain'] as const) : (['plain', 'gugus'] as const);
    for (const impl of order) times[impl].push(microsPerCall(impl === 'plain' ? plain : gugus));
  }
  return { plain: median(times.plain), gugus: median(times.gugus) };
}

function main(): void {
  const largest = largestLibraryForm();
  const generated = generatedForm(300);
  const cases = [
    { label: `${largest.key} (${largest.fieldCount} fields), valid`, schema: largest.schema, data: largest.valid, aim: false },
    { label: `${largest.key}, invalid`, schema: largest.schema, data: largest.invalid.data, aim: false },
    { label: 'generated 300 fields, valid', schema: generated.schema, data: generated.valid, aim: true },
    { label: 'generated 300 fields, invalid (75 errors)', schema: generated.schema, data: generated.invalid, aim: true },
  ];

  const us = (v: number) => v.toFixed(1).padStart(9);
  const out: string[] = [];
  const verdicts: string[] = [];
  out.push('Validasi formulir di server / server form validation, µs per validation (median of alternating rounds)');
  out.push(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out.push(`${''.padEnd(44)} ${'plain ajv'.padStart(9)} ${'gugus'.padStart(9)}   gugus/plain   errors (plain, gugus)`);
  for (const c of cases) {
    const plainAjv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(plainAjv);
    const plain = plainAjv.compile(c.schema);
    // As FormsService: one compiled check per form version (the bench's schemas are resolved already).
    const check = compileSubmissionCheck(createServerFormAjv(), c.schema, c.schema);
    // Both sides must see the same verdict, or the bench compares different work.
    plain(c.data);
    const plainErrors = plain.errors?.length ?? 0;
    const gugusErrors = runSubmissionCheck(check, c.data).errors.length;
    if (!plainErrors !== !gugusErrors) throw new Error(`${c.label}: plain ajv finds ${plainErrors} errors, the Gugus path ${gugusErrors}`);
    const { plain: plainUs, gugus: gugusUs } = timeBoth(
      () => void plain(c.data),
      () => void runSubmissionCheck(check, c.data),
    );
    const ratio = gugusUs / plainUs;
    out.push(`${c.label.padEnd(44)} ${us(plainUs)} ${us(gugusUs)}   ${ratio.toFixed(2).padStart(11)}   ${plainErrors}, ${gugusErrors}`);
    if (c.aim) verdicts.push(`${c.label}: ${ratio.toFixed(2)} × ${ratio <= AIM ? 'met' : 'not met'}`);
  }
  out.push(`aim (issue 13), Gugus path / plain ajv ≤ ${AIM} × at 300 fields (time per validation): ${verdicts.join('; ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
