/*
 * What encrypting personal data costs per record, in the same process: storing and reading a submission
 * the Gugus way (split by x-sensitivity, seal the restricted and identifying answers with AES-256-GCM
 * under the record's data key, merge them back on read) against plain JSON of the same data; and the
 * Temporal payload codec against no codec. Figures are ratios (baseline / gugus time per operation).
 * Database round trips (the data key's row) are not in it: they are measured by the API benchmarks.
 * Run: npx nx run bench:personal-data
 */
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { defaultPayloadConverter } from '@temporalio/common';
import { FORM_LIBRARY, mergeAnswers, splitBySensitivity, type FormSchema, type PlacedAnswer } from '@gugus/forms';
import { open, PayloadEncryptionCodec, seal } from '@gugus/server-crypto';

const DURATION_MS = 1500;

async function opsPerSecond(work: () => unknown): Promise<number> {
  for (let i = 0; i < 200; i++) await work(); // warm-up
  let ops = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(DURATION_MS) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 50; i++) await work();
    ops += 50;
  }
  return ops / (Number(process.hrtime.bigint() - start) / 1e9);
}

function row(label: string, plain: number, gugus: number): string {
  return `${label.padEnd(52)} ${Math.round(plain).toString().padStart(9)} ${Math.round(gugus).toString().padStart(9)}   ${(gugus / plain).toFixed(2)}`;
}

async function main(): Promise<void> {
  const key = randomBytes(32);
  const codec = new PayloadEncryptionCodec(`bench:${randomBytes(32).toString('base64')}`);
  const out: string[] = [];
  out.push(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  out.push(`${'operations per second'.padEnd(52)} ${'plain'.padStart(9)} ${'gugus'.padStart(9)}   ratio`);

  for (const formKey of ['case-intake', 'referral', 'case-conference']) {
    const form = FORM_LIBRARY.find((f) => f.definition.key === formKey);
    if (!form) throw new Error(`${formKey} is not in the library`);
    const schema = form.definition.schema as FormSchema;
    const data = Object.values(form.valid)[0] as Record<string, unknown>;

    // Storing: plain JSON text of the whole record vs split + seal + JSON of what stays plain.
    const plainStore = await opsPerSecond(() => JSON.stringify(data));
    const gugusStore = await opsPerSecond(() => {
      const { below, atOrAbove } = splitBySensitivity(schema, data, 'restricted');
      return [JSON.stringify(below), seal(key, Buffer.from(JSON.stringify(atOrAbove), 'utf8'), 'bench:form_submissions.sealed')];
    });
    out.push(row(`${formKey}: store a submission`, plainStore, gugusStore));

    // Reading it back for someone who may see everything.
    const text = JSON.stringify(data);
    const { below, atOrAbove } = splitBySensitivity(schema, data, 'restricted');
    const belowText = JSON.stringify(below);
    const sealed = seal(key, Buffer.from(JSON.stringify(atOrAbove), 'utf8'), 'bench:form_submissions.sealed');
    const plainRead = await opsPerSecond(() => JSON.parse(text));
    const gugusRead = await opsPerSecond(() => mergeAnswers(JSON.parse(belowText), JSON.parse(open(key, sealed, 'bench:form_submissions.sealed').toString('utf8')) as PlacedAnswer[]));
    out.push(row(`${formKey}: read it back in full`, plainRead, gugusRead));

    // A workflow input or Update argument of that size through Temporal's converter, with and without the codec.
    const plainPayload = await opsPerSecond(() => defaultPayloadConverter.fromPayload(defaultPayloadConverter.toPayload(data)));
    const gugusPayload = await opsPerSecond(async () => defaultPayloadConverter.fromPayload((await codec.decode(await codec.encode([defaultPayloadConverter.toPayload(data)])))[0]));
    out.push(row(`${formKey}: Temporal payload round trip`, plainPayload, gugusPayload));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
