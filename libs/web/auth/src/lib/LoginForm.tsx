import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, type ApiError } from '@gugus/web-data-access';
import { Alert, Button, TextField } from '@gugus/web-ui';
import { useAuth } from './AuthContext';

function useErrorText(): (error: ApiError) => string {
  const { t } = useTranslation('common');
  return (error) => (error.isUnreachable ? t('errors.unreachable') : error.code === 'INVALID_RESPONSE' ? t('errors.unexpected') : error.message);
}

/** E-mail and password; shows the API's own message (wrong password, too many attempts). */
export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submit, isSubmitting, error, fieldErrors } = useApiMutation(login);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit({ email: email.trim(), password })) onLoggedIn();
  };

  return (
    <form className="gu-login__form" onSubmit={(e) => void onSubmit(e)} data-testid="login-form">
      {error && !error.details.fields?.length && (
        <Alert tone="error" data-testid="login-error">
          {errorText(error)}
        </Alert>
      )}
      <TextField
        label={t('login.email')}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrors['email']}
      />
      <TextField
        label={t('login.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrors['password']}
      />
      <Button type="submit" disabled={isSubmitting} data-testid="login-submit">
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
