import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@gugus/contracts';
import { DomainError } from './domain-error';
import { bodyParserError, HttpExceptionFilter } from './http-exception.filter';
import { createValidationPipe } from './validation';

export interface HttpAppOptions {
  bodyLimit: string;
  version: string;
}

/** A body the API would otherwise ignore silently (form posts, plain text) is refused instead. */
function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) {
    next(
      new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, {
        id: 'Isi permintaan harus JSON (Content-Type: application/json).',
        en: 'The request body must be JSON (Content-Type: application/json).',
      }),
    );
    return;
  }
  next();
}

/**
 * Everything cross-cutting about the HTTP surface, applied once by apps/api: logging, security
 * headers, body size limit, validation, the error filter and the OpenAPI document at /docs.
 * The app must be created with `{ bodyParser: false, bufferLogs: true }`.
 */
export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions): void {
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.use(requireJsonBodies);
  app.useBodyParser('json', { limit: options.bodyLimit });
  // Nest turns parser errors into a bare BadRequestException; keep their meaning for the error filter.
  app.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => next(bodyParserError(err) ?? err));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gugus API')
      .setDescription('API platform alur kerja dan formulir Gugus Tugas PP-TPPO / Workflow-and-form platform API for the anti-trafficking task forces')
      .setVersion(options.version)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
