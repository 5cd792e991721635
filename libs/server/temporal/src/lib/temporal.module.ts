import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { encryptedDataConverter } from '@gugus/server-crypto';

/** Injection token for the lazily connected Temporal {@link Connection}. */
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * The Temporal client for the API. The connection is lazy so the API starts (and /health can say so)
 * while Temporal is still coming up or unreachable.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [SERVER_CONFIG],
      useFactory: (config: ServerConfig) => Connection.lazy({ address: config.TEMPORAL_ADDRESS }),
    },
    {
      provide: Client,
      inject: [TEMPORAL_CONNECTION, SERVER_CONFIG],
      // Every payload is encrypted before it reaches Temporal (see PayloadEncryptionCodec).
      useFactory: (connection: Connection, config: ServerConfig) => new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter(config.TEMPORAL_PAYLOAD_KEYS) }),
    },
    TemporalConnectionCloser,
  ],
  exports: [TEMPORAL_CONNECTION, Client],
})
export class TemporalModule {}
