import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { configureHttpApp } from '@gugus/server-http';
import { APP_VERSION } from '@gugus/server-health';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(serverConfigSchema);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), { bodyParser: false, bufferLogs: true });
  // Only the listed proxies may name the client (X-Forwarded-For); nobody else can pick their own address.
  app.set('trust proxy', config.API_TRUST_PROXY ? config.API_TRUST_PROXY.split(',').map((a) => a.trim()) : false);
  configureHttpApp(app, { bodyLimit: config.API_BODY_LIMIT, version: APP_VERSION });
  await app.listen(config.API_PORT, config.API_HOST);
}

bootstrap().catch((err: NodeJS.ErrnoException) => {
  const message =
    err.name === 'ConfigError'
      ? err.message
      : err.code === 'EADDRINUSE'
        ? `Port API sudah dipakai proses lain; atur API_PORT. / The API port is already in use; set API_PORT.`
        : `API gagal dijalankan / The API failed to start: ${err.message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
