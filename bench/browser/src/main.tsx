/*
 * Halaman bench ketikan formulir / keystroke bench page: renders one form (`?case=<name>` from
 * ./cases/<name>.json, written by the runner) with Gugus's <SchemaForm> (`impl=gugus`) or plain rjsf
 * (`impl=plain`), both controlled by the same state, and times every keystroke from keydown to the
 * frame that shows it. The runner (bench/src/forms-keystroke.bench.ts) reads `window.gugusBench`.
 */
import Form, { getDefaultRegistry } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import plainValidator from '@rjsf/validator-ajv8';
import { useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { FormSchema, UiSchema as GugusUiSchema } from '@gugus/forms';
import { SchemaForm, type FormData } from '@gugus/web-forms';
import { initI18n } from '@gugus/web-i18n';

interface BenchCase {
  schema: FormSchema;
  uiSchema: GugusUiSchema;
  formData: FormData;
}

/** One keystroke, in `performance.now()` milliseconds. */
interface KeystrokeSample {
  /** The keydown reached the page (first listener, capture phase). */
  keydown: number;
  /** The input event's listeners (React's included) and their microtasks are done: the script work. */
  handled: number;
  /** The next frame starts: its requestAnimationFrame callbacks run. */
  frameStart: number;
  /** The frame is rendered (style, layout, paint): a task posted from its requestAnimationFrame callback runs. */
  frame: number;
  /** Form data commits before the keydown and when the frame started: the frame must show the keystroke. */
  commitsBefore: number;
  commitsAtFrame: number;
  /** The form data the page holds has the field's text as it was after this keystroke (a commit, NaN until then). */
  dataAt: number;
}

interface BenchPage {
  ready: boolean;
  error?: string;
  samples: KeystrokeSample[];
  waitForSamples: (count: number) => Promise<void>;
  /** Ids of the form's enabled text inputs and text areas, in page order. */
  textInputs: () => string[];
  /** Focuses the field and puts the caret after its text; false when there is no such field. */
  focusAtEnd: (id: string) => boolean;
  /** The form data the harness holds now, at a path of property names / indexes. */
  valueAt: (path: readonly string[]) => unknown;
  /** Resolves once the form data holds every keystroke's text. */
  waitForData: () => Promise<void>;
}

declare global {
  interface Window {
    gugusBench: BenchPage;
  }
}

let commits = 0;
let latestData: FormData = {};
/** Keystrokes whose text the page's form data does not hold yet, with the field's path and text after each. */
const awaitingData: { sample: KeystrokeSample; path: string[]; text: string }[] = [];
const waiters: { count: number; resolve: () => void }[] = [];
const bench: BenchPage = {
  ready: false,
  samples: [],
  waitForSamples: (count) => (bench.samples.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
  textInputs: () =>
    Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('form input[type="text"], form textarea'))
      .filter((el) => el.id && !el.disabled && !el.readOnly)
      .map((el) => el.id),
  focusAtEnd: (id) => {
    const el = document.getElementById(id);
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return false;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    return true;
  },
  valueAt: (path) => path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), latestData),
  waitForData: () => (awaitingData.length ? new Promise((resolve) => dataWaiters.push(resolve)) : Promise.resolve()),
};
const dataWaiters: (() => void)[] = [];

/** After a commit of the form data: the keystrokes whose text it now holds (typed at the end of the field). */
function dataCommitted(): void {
  const now = performance.now();
  for (const waiting of [...awaitingData]) {
    const value = bench.valueAt(waiting.path);
    if (typeof value === 'string' && value.startsWith(waiting.text)) {
      waiting.sample.dataAt = now;
      awaitingData.splice(awaitingData.indexOf(waiting), 1);
    }
  }
  if (!awaitingData.length) for (const resolve of dataWaiters.splice(0)) resolve();
}
window.gugusBench = bench;

// After the frame's rendering steps a posted message runs: the frame is produced.
const afterFrame = new MessageChannel();
const framePending: KeystrokeSample[] = [];
afterFrame.port1.onmessage = () => {
  const sample = framePending.shift();
  if (!sample) return;
  sample.frame = performance.now();
  bench.samples.push(sample);
  for (const waiter of waiters.filter((w) => bench.samples.length >= w.count)) {
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve();
  }
};

let current: KeystrokeSample | undefined;
// Capture phase on window: the first listener the keydown reaches.
window.addEventListener(
  'keydown',
  () => {
    current = { keydown: performance.now(), handled: Number.NaN, frameStart: Number.NaN, frame: Number.NaN, commitsBefore: commits, commitsAtFrame: Number.NaN, dataAt: Number.NaN };
  },
  { capture: true },
);
// On window in the bubble phase: after React's listener on the root and the render it flushes. The frame
// that follows is the first that can show the keystroke.
window.addEventListener('input', (event) => {
  const sample = current;
  if (!sample || !Number.isNaN(sample.handled)) return;
  sample.handled = performance.now();
  const target = event.target as HTMLInputElement | HTMLTextAreaElement;
  awaitingData.push({ sample, path: target.id.split('_').slice(1), text: target.value });
  // A form that commits the data in its own input handler (plain rjsf, before this listener) holds it already.
  dataCommitted();
  requestAnimationFrame(() => {
    sample.frameStart = performance.now();
    sample.commitsAtFrame = commits;
    framePending.push(sample);
    afterFrame.port2.postMessage(null);
  });
});

/** The uiSchema without widgets plain rjsf does not have (Gugus's own, by name): those fields get rjsf's defaults. */
function withDefaultWidgetsOnly(node: unknown, known: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => withDefaultWidgetsOnly(item, known));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ui:widget' && typeof value === 'string' && !known.has(value)) continue;
    out[key] = withDefaultWidgetsOnly(value, known);
  }
  return out;
}

function Harness({ impl, benchCase }: { impl: 'gugus' | 'plain'; benchCase: BenchCase }) {
  const [data, setData] = useState<FormData>(benchCase.formData);
  const [plainUiSchema] = useState(() => withDefaultWidgetsOnly(benchCase.uiSchema, new Set(Object.keys(getDefaultRegistry().widgets))) as UiSchema);
  useLayoutEffect(() => {
    latestData = data;
    commits += 1;
    dataCommitted();
  }, [data]);
  if (impl === 'gugus') {
    return (
      <SchemaForm schema={benchCase.schema} uiSchema={benchCase.uiSchema} formData={data} onChange={setData}>
        <button type="submit">Kirim</button>
      </SchemaForm>
    );
  }
  return <Form schema={benchCase.schema as RJSFSchema} uiSchema={plainUiSchema} formData={data} validator={plainValidator} liveValidate onChange={(event) => setData(event.formData ?? {})} />;
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const impl = params.get('impl');
  const name = params.get('case');
  if ((impl !== 'gugus' && impl !== 'plain') || !name) throw new Error('usage: ?case=<name>&impl=gugus|plain');
  const response = await fetch(`./cases/${encodeURIComponent(name)}.json`);
  if (!response.ok) throw new Error(`case ${name}: HTTP ${response.status}`);
  const benchCase = (await response.json()) as BenchCase;
  initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(<Harness impl={impl} benchCase={benchCase} />);
  // Ready once the first render has been painted.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  bench.ready = true;
}

main().catch((error: unknown) => {
  bench.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
});
