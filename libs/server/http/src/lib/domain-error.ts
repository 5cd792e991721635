import type { ErrorCode } from '@gugus/contracts';

import type { BilingualText } from '@gugus/contracts';
export type { BilingualText };

/** A field-level problem before translation; the exception filter picks the reader's language. */
export interface BilingualFieldError {
  field: string;
  message: BilingualText;
}

export interface DomainErrorDetails {
  fields?: BilingualFieldError[];
  [key: string]: unknown;
}

/**
 * The one error type services throw. It carries a code (mapped to an HTTP status by the exception
 * filter, and to a non-retryable ApplicationFailure in activities) and a message in both languages.
 * Never put victim data in a message or in details.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: BilingualText,
    readonly details: DomainErrorDetails = {},
  ) {
    super(text.en);
    this.name = 'DomainError';
  }
}
