import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isSystemCheckFinished, useStartSystemCheck, useSystemCheck } from '@gugus/web-data-access';
import { Button, Card } from '@gugus/web-ui';
import { ApiErrorMessage } from './ApiErrorMessage';
import { SystemCheckResult } from './SystemCheckResult';

/** Starts the system check workflow and follows it until it completes or fails. */
export function SystemCheckPanel() {
  const { t } = useTranslation('systemStatus');
  const headingId = useId();
  const { started, error: startError, isStarting, start } = useStartSystemCheck();
  const { check: polled, error: pollError } = useSystemCheck(started?.id);
  const check = polled ?? started;
  const inProgress = isStarting || (check !== undefined && !isSystemCheckFinished(check) && !pollError?.isClientError);
  return (
    <Card className="gu-check-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="gu-section-title">
        {t('systemCheck.heading')}
      </h2>
      <p className="gu-muted">{t('systemCheck.description')}</p>
      <div className="gu-check-panel__actions">
        <Button data-testid="run-system-check" onClick={() => void start()} disabled={inProgress}>
          {t('systemCheck.run')}
        </Button>
      </div>
      <div className="gu-check-panel__result" data-testid="system-check-result" aria-live="polite">
        {isStarting && <p>{t('systemCheck.starting')}</p>}
        {startError && (
          <p className="gu-error">
            {t('systemCheck.startFailed')} <ApiErrorMessage error={startError} />
          </p>
        )}
        {check && <SystemCheckResult check={check} />}
        {pollError && (
          <p className="gu-error">
            {t('systemCheck.pollFailed')} <ApiErrorMessage error={pollError} />
          </p>
        )}
      </div>
    </Card>
  );
}
