import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LOGIN_PATH, useAuth, type FromState } from '@gugus/web-auth';
import { isSystemCheckFinished, useStartSystemCheck, useSystemCheck } from '@gugus/web-data-access';
import { Button, Card } from '@gugus/web-ui';
import { ApiErrorMessage } from './ApiErrorMessage';
import { SystemCheckResult } from './SystemCheckResult';

// After logging in from here, the browser comes back to this page.
const BACK_HERE: FromState = { from: { pathname: '/status' } };

/** Starts the system check workflow and follows it until it completes or fails. Needs a login: each check runs a workflow. */
export function SystemCheckPanel() {
  const { t } = useTranslation('systemStatus');
  const { status } = useAuth();
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
        {status === 'signedIn' ? (
          <Button data-testid="run-system-check" onClick={() => void start()} disabled={inProgress}>
            {t('systemCheck.run')}
          </Button>
        ) : (
          <p className="gu-muted" data-testid="system-check-login">
            {t('systemCheck.loginNeeded')}{' '}
            <Link to={LOGIN_PATH} state={BACK_HERE}>
              {t('systemCheck.login')}
            </Link>
          </p>
        )}
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
