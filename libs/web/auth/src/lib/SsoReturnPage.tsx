import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi, toApiError } from '@gugus/web-data-access';
import { Alert, Card, Loading } from '@gugus/web-ui';
import { useAuth } from './AuthContext';
import { HOME_PATH, LOGIN_PATH } from './paths';
import './LoginPage.css';

const SSO_ERRORS = ['sso_expired', 'sso_failed', 'sso_no_account', 'sso_browser_mismatch'] as const;
type SsoError = (typeof SSO_ERRORS)[number];
const isSsoError = (value: string | null): value is SsoError => (SSO_ERRORS as readonly (string | null)[]).includes(value);

/** Where single sign-on comes back: exchanges the one-time hand-off code for a session, or says what failed. */
export function SsoReturnPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { adopt } = useAuth();
  const handoff = params.get('handoff');
  const problem = params.get('error');
  const [failure, setFailure] = useState<string | undefined>(undefined);
  // The code works once: do not send it twice (React may mount effects twice in development).
  const sent = useRef(false);

  useEffect(() => {
    if (!handoff || sent.current) return;
    sent.current = true;
    void (async () => {
      try {
        await adopt(await authApi.exchangeHandoff(handoff));
        void navigate(HOME_PATH, { replace: true });
      } catch (err) {
        setFailure(toApiError(err).message);
      }
    })();
  }, [adopt, handoff, navigate]);

  const message = failure ?? (isSsoError(problem) ? t(`sso.errors.${problem}`) : handoff ? undefined : t('sso.errors.sso_failed'));
  return (
    <div className="gu-login">
      <Card className="gu-login__card">
        <h1 className="gu-login__title">{t('login.title')}</h1>
        {message ? (
          <>
            <Alert tone="error">{message}</Alert>
            <Link to={LOGIN_PATH}>{t('login.submit')}</Link>
          </>
        ) : (
          <Loading label={t('sso.finishing')} />
        )}
      </Card>
    </div>
  );
}
