import { useTranslation } from 'react-i18next';
import type { ApiError } from '@gugus/web-data-access';

/** The error in words: our own text when the API could not answer, the API's translated message otherwise. */
export function ApiErrorMessage({ error }: { error: ApiError }) {
  const { t } = useTranslation('common');
  if (error.isUnreachable) return <>{t('errors.unreachable')}</>;
  if (error.code === 'INVALID_RESPONSE') return <>{t('errors.unexpected')}</>;
  return <>{error.message}</>;
}
