import { useTranslation } from 'react-i18next';
import type { ApiError } from '@gugus/web-data-access';
import { Alert } from '@gugus/web-ui';
import './shared.css';

export interface ApiErrorAlertProps {
  error: ApiError;
  /** What failed, e.g. "The task force could not be formed."; defaults to a title by error kind. */
  title?: string;
  'data-testid'?: string;
}

/** A failed API call in words: the API's own (translated) message, ours when it could not answer. */
export function ApiErrorAlert({ error, title, ...rest }: ApiErrorAlertProps) {
  const { t } = useTranslation('common');
  const message = error.isUnreachable ? t('errors.unreachable') : error.code === 'INVALID_RESPONSE' ? t('errors.unexpected') : error.message;
  const heading =
    title ?? (error.isForbidden ? t('errors.forbiddenTitle') : error.code === 'NOT_FOUND' || error.code === 'ROUTE_NOT_FOUND' ? t('errors.notFoundTitle') : t('errors.failedTitle'));
  const requestId = typeof error.details.requestId === 'string' ? error.details.requestId : undefined;
  return (
    <Alert tone="error" title={heading} data-testid={rest['data-testid'] ?? (error.isForbidden ? 'forbidden' : 'api-error')}>
      <p>{message}</p>
      {requestId && <p className="gu-shared__request-id">{t('errors.requestId', { requestId })}</p>}
    </Alert>
  );
}
