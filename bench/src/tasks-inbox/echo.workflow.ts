/*
 * The baseline of the round-trip benchmark: a workflow whose only work is an Update handler that
 * answers at once (no validator, no activity). Bundled by the benchmark's in-process Worker.
 */
import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const echoUpdate = defineUpdate<number, [number]>('echo');
export const stopSignal = defineSignal('stop');

export async function updateEcho(): Promise<void> {
  let stopped = false;
  setHandler(echoUpdate, (n) => n);
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
}
