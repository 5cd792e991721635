import { Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { DataKeysRepository } from './data-keys.repository';
import { RecordCipher } from './record-cipher';

/**
 * Says at boot, in words, when stored data was wrapped by a key that is no longer configured (a key
 * removed before `data-keys rewrap` ran): those records would fail to open one by one otherwise.
 */
@Injectable()
class KeyCoverageCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('RecordCipher');
  constructor(
    private readonly cipher: RecordCipher,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const missing = await this.cipher.missingKeys();
      if (!missing.length) return;
      const list = missing.map((m) => `${m.kekId} (${m.count})`).join(', ');
      const message = `Kunci enkripsi yang membungkus data tersimpan tidak ada di DATA_ENCRYPTION_KEYS / stored data keys are wrapped by keys missing from DATA_ENCRYPTION_KEYS: ${list}`;
      if (this.config.NODE_ENV === 'production') throw new Error(message);
      this.logger.error(message);
    } catch (err) {
      // The database may still be coming up (health reports it); a missing key in production stops the boot.
      if ((err as Error).message.includes('DATA_ENCRYPTION_KEYS')) throw err;
      this.logger.warn(`Key coverage not checked: ${(err as Error).name}`);
    }
  }
}

/** Envelope encryption of personal data at rest, for every module that stores it. */
@Global()
@Module({
  providers: [DataKeysRepository, RecordCipher, KeyCoverageCheck],
  exports: [RecordCipher],
})
export class CryptoModule {}
