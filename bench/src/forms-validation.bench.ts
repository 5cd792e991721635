/*
 * Server-side form validation throughput: Gugus's path (shared ajv configuration, clearing hidden
 * answers, bilingual field errors) against plain ajv on the same schema, in the same process.
 * Run: npx nx run bench:forms-validation
 */
import { cpus, totalmem } from 'node:os';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { clearInapplicable, createFormAjv, validateForm } from '@gugus/forms';
import { generatedForm, largestLibraryForm } from './cases';

const DURATION_MS = 1500;

function opsPerSecond(work: () => void): number {
  for (let i = 0; i < 200; i++) work(); // warm-up
  let ops = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(DURATION_MS) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 50; i++) work();
    ops += 50;
  }
  return ops / (Number(process.hrtime.bigint() - start) / 1e9);
}

function row(label: string, plain: number, gugus: number): string {
  return `${label.padEnd(44)} ${Math.round(plain).toString().padStart(9)} ${Math.round(gugus).toString().padStart(9)}   ${(gugus / plain).toFixed(2)}`;
}

function main(): void {
  const largest = largestLibraryForm();
  const generated = generatedForm(300);
  const cases = [
    { label: `${largest.key} (${largest.fieldCount} fields), valid`, schema: largest.schema, data: largest.valid },
    { label: `${largest.key}, invalid`, schema: largest.schema, data: largest.invalid.data },
    { label: 'generated 300 fields, valid', schema: generated.schema, data: generated.valid },
    { label: 'generated 300 fields, invalid (75 errors)', schema: generated.schema, data: generated.invalid },
  ];

  const out: string[] = [];
  out.push(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  out.push(`${'validations per second'.padEnd(44)} ${'plain ajv'.padStart(9)} ${'gugus'.padStart(9)}   ratio`);
  for (const c of cases) {
    const plainAjv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(plainAjv);
    const plain = plainAjv.compile(c.schema);
    const gugusAjv = createFormAjv();
    const gugus = gugusAjv.compile(c.schema);
    const plainOps = opsPerSecond(() => void plain(c.data));
    const gugusOps = opsPerSecond(() => void validateForm(gugus, clearInapplicable(gugusAjv, c.schema, c.data).data));
    out.push(row(c.label, plainOps, gugusOps));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
