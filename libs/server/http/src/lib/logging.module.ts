import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import { serializeError } from './safe-error';

const REQUEST_ID = /^[\w-]{8,64}$/;

/** Reuses a well-formed incoming X-Request-Id (e.g. from nginx) or mints one, and echoes it back. */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * The serializers of every Gugus logger: errors (under `err` or `error`) through {@link serializeError},
 * which keeps no values; requests as method and path; responses as their status.
 */
export const logSerializers = {
  err: serializeError,
  error: serializeError,
  req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/**
 * Structured JSON logs (pino) with the request ID on every line. Only the path is logged, never the
 * query string, bodies, cookies or authorization headers, and errors only through the `err`
 * serializer: identifying data must not reach logs. A 503 (a dependency is down) is a warning: the
 * exception filter has said which one, and an outage must not bury real errors.
 */
export function createLoggingModule(level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      genReqId: requestIdFor,
      quietReqLogger: true,
      serializers: logSerializers,
      redact: { paths: ['req.headers', 'res.headers'], remove: true },
      customLogLevel: (_req, res, err) => (res.statusCode === 503 ? 'warn' : err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // For a 5xx pino-http invents an Error("failed with status code …") whose stack points into
      // pino-http; the exception filter has already logged the real cause with the request ID.
      customErrorObject: (_req, res, error, line: Record<string, unknown>) => {
        if (error.message !== `failed with status code ${res.statusCode}`) return line;
        const { err: _synthetic, ...rest } = line;
        return rest;
      },
    },
  });
}
