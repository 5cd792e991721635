import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode, type ErrorBody } from '@gugus/contracts';
import { domainErrorForDatabase } from './database-errors';
import { DomainError, type DomainErrorDetails } from './domain-error';
import { statusForCode } from './error-status';
import { requestIdFor } from './logging.module';
import { summarizeError } from './safe-error';

type Language = 'id' | 'en';

/** Bahasa Indonesia unless the caller prefers English. */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'id';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

/** A path is named back to its caller only this long: URLs carry no data, but a client may still err. */
const MAX_PATH_IN_MESSAGE = 120;

/**
 * The one exception filter: every failure leaves the API as `{ code, message, details }` with a
 * status chosen by {@link statusForCode}. Stack traces and internal messages are logged (through the
 * `err` serializer, which keeps no values), never sent. Database failures a person can act on —
 * duplicates, stale references, malformed values, an unreachable database — get their own code.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const lang = preferredLanguage(req.headers['accept-language']);
    // Requests rejected by the body parser never reached the logging middleware that assigns an ID.
    req.id ??= requestIdFor(req, res);
    const fromDatabase = exception instanceof DomainError ? null : domainErrorForDatabase(exception);
    const error = fromDatabase ?? this.toDomainError(exception, req);
    const status = statusForCode(error.code);

    if (error.code === ErrorCode.INTERNAL) {
      this.logger.error({ err: exception, requestId: req.id }, 'Unhandled error');
    } else if (fromDatabase) {
      // Expected under load or during an outage, so a warning without a stack; the PostgreSQL code and
      // constraint say which check a service is missing (a duplicate should have been caught earlier).
      this.logger.warn({ code: error.code, cause: summarizeError(exception), requestId: req.id }, error.text.en);
    } else if (status >= 500) {
      this.logger.warn({ code: error.code, requestId: req.id }, error.text.en);
    }
    const body: ErrorBody = {
      code: error.code,
      message: error.text[lang],
      details: { ...translateDetails(error.details, lang), requestId: req.id },
    };
    if (!res.headersSent) res.status(status).json(body);
  }

  private toDomainError(exception: unknown, req: Request): DomainError {
    if (exception instanceof DomainError) return exception;
    const fromParser = bodyParserError(exception);
    if (fromParser) return fromParser;
    if (exception instanceof HttpException) {
      switch (exception.getStatus()) {
        case 404: {
          const path = req.path.length > MAX_PATH_IN_MESSAGE ? `${req.path.slice(0, MAX_PATH_IN_MESSAGE)}…` : req.path;
          return new DomainError(ErrorCode.ROUTE_NOT_FOUND, { id: `Rute tidak ditemukan: ${req.method} ${path}`, en: `No route for ${req.method} ${path}` });
        }
        case 413:
          return bodyParserError({ type: 'entity.too.large' }) as DomainError;
        case 415:
          return bodyParserError({ type: 'encoding.unsupported' }) as DomainError;
      }
      if (exception.getStatus() < 500) {
        // Any other framework 4xx: keep the status class, never leak internals.
        return new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Permintaan tidak valid.', en: 'The request is not valid.' });
      }
    }
    return new DomainError(ErrorCode.INTERNAL, {
      id: 'Terjadi kesalahan internal. Sebutkan ID permintaan ini saat melapor.',
      en: 'An internal error occurred. Quote this request ID when reporting it.',
    });
  }
}

/** Errors raised by body-parser before any route runs carry a `type`; null for anything else. */
export function bodyParserError(error: unknown): DomainError | null {
  switch ((error as { type?: string } | null)?.type) {
    case 'entity.parse.failed':
      return new DomainError(ErrorCode.MALFORMED_JSON, { id: 'Isi permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' });
    case 'entity.too.large':
      return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, { id: 'Isi permintaan terlalu besar.', en: 'The request body is too large.' });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, {
        id: 'Pengodean isi permintaan tidak didukung.',
        en: 'The request body encoding is not supported.',
      });
  }
  // Any other client error raised while reading the body (e.g. a corrupt compressed stream).
  const httpError = error as { status?: number; expose?: boolean } | null;
  if (httpError?.expose && typeof httpError.status === 'number' && httpError.status >= 400 && httpError.status < 500) {
    return new DomainError(ErrorCode.MALFORMED_JSON, { id: 'Isi permintaan tidak dapat dibaca.', en: 'The request body cannot be read.' });
  }
  return null;
}

/** Field messages travel in both languages until here; pick the reader's. */
function translateDetails(details: DomainErrorDetails, lang: Language): ErrorBody['details'] {
  const { fields, ...rest } = details;
  if (!fields) return rest;
  return { ...rest, fields: fields.map((f) => ({ field: f.field, message: f.message[lang] })) };
}
