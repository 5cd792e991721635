import { Client, type Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { DEV_TEMPORAL_PAYLOAD_KEYS } from '@gugus/server-config';
import { encryptedDataConverter } from '@gugus/server-crypto';
import { eventually } from './services';

/**
 * A Temporal client that reads what the API and worker write: their payloads are encrypted (with the
 * development keys unless a test sets TEMPORAL_PAYLOAD_KEYS), so a client without the codec sees only
 * ciphertext and a worker cannot read what it sends.
 */
export function temporalClient(connection: Connection, payloadKeys = DEV_TEMPORAL_PAYLOAD_KEYS): Client {
  return new Client({ connection, dataConverter: encryptedDataConverter(payloadKeys) });
}

/**
 * A workflow's history with every payload decoded, as one text: what `temporal workflow show` would print
 * with the keys. Tests search it for what must never be there (names, answers).
 */
export async function decodedHistory(client: Client, workflowId: string, payloadKeys = DEV_TEMPORAL_PAYLOAD_KEYS): Promise<string> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const payloads: Payload[] = [];
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if ('metadata' in value && 'data' in value) payloads.push(value as Payload);
    else Object.values(value).forEach(visit);
  };
  visit(history);
  const decoded = await encryptedDataConverter(payloadKeys).payloadCodecs[0].decode(payloads);
  return `${JSON.stringify(history)}\n${decoded.map((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8')).join('\n')}`;
}

/**
 * Waits until a running workflow waits only on people or timers: no activity pending and no workflow task
 * to run. A replayed or restarted worker has then done whatever it was going to do, twice or not, so a
 * test can count what it wrote without sleeping "long enough".
 */
export async function workflowIdle(client: Client, workflowId: string, timeoutMs = 120_000): Promise<void> {
  await eventually(
    async () => {
      const d = await client.workflow.getHandle(workflowId).describe();
      return d.status.name === 'RUNNING' && !d.raw.pendingActivities?.length && !d.raw.pendingWorkflowTask ? true : undefined;
    },
    timeoutMs,
    `${workflowId} to wait only on people`,
  );
}
