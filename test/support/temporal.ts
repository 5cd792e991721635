import { Client, type Connection } from '@temporalio/client';
import { DEV_TEMPORAL_PAYLOAD_KEYS } from '@gugus/server-config';
import { encryptedDataConverter } from '@gugus/server-crypto';

/**
 * A Temporal client that reads what the API and worker write: their payloads are encrypted (with the
 * development keys unless a test sets TEMPORAL_PAYLOAD_KEYS), so a client without the codec sees only
 * ciphertext and a worker cannot read what it sends.
 */
export function temporalClient(connection: Connection, payloadKeys = DEV_TEMPORAL_PAYLOAD_KEYS): Client {
  return new Client({ connection, dataConverter: encryptedDataConverter(payloadKeys) });
}
