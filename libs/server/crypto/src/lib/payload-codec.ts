import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { keyById, parseKeyring, type Keyring } from '@gugus/server-config';
import { open, seal } from './aead';

const ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const CONTEXT = 'temporal-payload';
const SETTING = 'TEMPORAL_PAYLOAD_KEYS';
const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));
const read = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : '');

/**
 * Encrypts every Temporal payload (workflow and activity inputs and results, update arguments, query
 * answers) with AES-256-GCM before it leaves the process, so the Temporal server, its database and its
 * UI hold ciphertext and ids. There is deliberately no codec endpoint for the UI: people read data
 * through the API, where need-to-know and read logging apply. Client and worker must use the same keys.
 */
export class PayloadEncryptionCodec implements PayloadCodec {
  private readonly ring: Keyring;

  constructor(keys: string) {
    this.ring = parseKeyring(keys);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.ring.primary;
    return payloads.map((payload) => ({
      metadata: { [METADATA_ENCODING_KEY]: text(ENCODING), [KEY_ID]: text(id) },
      data: new Uint8Array(seal(key, Buffer.from(temporal.api.common.v1.Payload.encode(payload).finish()), CONTEXT)),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (read(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCODING || !payload.data) return payload;
      const key = keyById(this.ring, read(payload.metadata?.[KEY_ID]), SETTING).key;
      return temporal.api.common.v1.Payload.decode(open(key, Buffer.from(payload.data), CONTEXT)) as Payload;
    });
  }
}

/** The data converter option for Temporal clients and workers: payloads encrypted with `keys`. */
export function encryptedDataConverter(keys: string): { payloadCodecs: PayloadCodec[] } {
  return { payloadCodecs: [new PayloadEncryptionCodec(keys)] };
}
