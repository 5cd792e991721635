import { useTranslation } from 'react-i18next';
import type { ApiError } from '@gugus/web-data-access';
import { Alert } from '@gugus/web-ui';

/** A failed API call in words: the API's own (translated) message, ours when it could not answer. */
export function ApiErrorAlert({ error, title }: { error: ApiError; title?: string }) {
  const { t } = useTranslation('common');
  const message = error.isUnreachable ? t('errors.unreachable') : error.code === 'INVALID_RESPONSE' ? t('errors.unexpected') : error.message;
  const heading = title ?? (error.isForbidden ? t('errors.forbiddenTitle') : error.code === 'NOT_FOUND' ? t('errors.notFoundTitle') : t('errors.failedTitle'));
  return (
    <Alert tone="error" title={heading} data-testid={error.isForbidden ? 'forbidden' : 'api-error'}>
      <p>{message}</p>
    </Alert>
  );
}
