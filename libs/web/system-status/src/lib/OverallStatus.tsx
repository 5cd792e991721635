import { useTranslation } from 'react-i18next';
import type { ApiError } from '@gugus/web-data-access';
import { ApiErrorMessage } from './ApiErrorMessage';
import type { OverallState } from './healthView';

export interface OverallStatusProps {
  state: OverallState;
  error: ApiError | undefined;
}

export function OverallStatus({ state, error }: OverallStatusProps) {
  const { t } = useTranslation('systemStatus');
  return (
    <div className={`gu-overall gu-overall--${state}`} data-testid="overall-status" data-status={state}>
      <p className="gu-overall__text">{t(`overall.${state}`)}</p>
      {state === 'unreachable' && error && (
        <p className="gu-overall__detail">
          <ApiErrorMessage error={error} />
        </p>
      )}
    </div>
  );
}
