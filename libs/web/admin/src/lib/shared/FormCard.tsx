import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '@gugus/web-data-access';
import { Alert, Button, Card } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';

export interface FormCardProps {
  title: string;
  intro?: string;
  submitLabel: string;
  isSubmitting: boolean;
  /** The last failure; field problems are shown at their fields, the summary here. */
  error: ApiError | undefined;
  /** Shown after a successful submit. */
  success?: string;
  onSubmit: () => void;
  children: ReactNode;
  'data-testid'?: string;
}

/** A titled form in a card with one submit button, the API's error summary and a success note. */
export function FormCard({ title, intro, submitLabel, isSubmitting, error, success, onSubmit, children, ...rest }: FormCardProps) {
  const { t } = useTranslation('common');
  const headingId = useId();
  const handle = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Card className="gu-form-card" aria-labelledby={headingId}>
      <form className="gu-form" onSubmit={handle} data-testid={rest['data-testid']}>
        <h2 id={headingId} className="gu-admin__section-title">
          {title}
        </h2>
        {intro && <p className="gu-muted">{intro}</p>}
        {children}
        {error && <ApiErrorAlert error={error} />}
        {success && !error && (
          <Alert tone="success" data-testid="form-success">
            {success}
          </Alert>
        )}
        <div className="gu-form__actions">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t('saving') : submitLabel}
          </Button>
        </div>
      </form>
    </Card>
  );
}
