import type { ApiError, FormVersionView, SubmissionErrorDetails } from '@gugus/web-data-access';
import { SchemaForm, type FormData } from '@gugus/web-forms';
import { Alert, Button } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';

interface CaseFormPanelProps {
  /** `consent`, `referral` …: the form's id prefix and the start of its test ids. */
  name: string;
  form: FormVersionView;
  jurisdictionCode: string;
  /** The jurisdictions whose agencies the form's agency pickers offer (the case's `agencyJurisdictions`). */
  agencyJurisdictions: readonly string[];
  answers: FormData;
  onChange: (data: FormData) => void;
  onSubmit: (data: FormData) => void;
  onCancel: () => void;
  error: ApiError | undefined;
  submitting: boolean;
  labels: { submit: string; submitting: string; cancel: string; rejected: string };
}

/**
 * A form filled in on the case page (consent, a referral): the form in effect for the case's region, its
 * agency pickers offering the case team's agencies (and those of partners under agreements in force), the API's refusal shown at the fields, and the
 * submit and cancel buttons.
 */
export function CaseFormPanel({ name, form, jurisdictionCode, agencyJurisdictions, answers, onChange, onSubmit, onCancel, error, submitting, labels }: CaseFormPanelProps) {
  const rejection = error?.code === 'VALIDATION_FAILED' ? (error.details as SubmissionErrorDetails).extraErrors : undefined;
  return (
    <div className="gu-cases__consent-form">
      <h3 className="gu-cases__consent-subtitle">{form.title}</h3>
      <SchemaForm
        key={form.id}
        schema={form.schema}
        uiSchema={form.uiSchema}
        formData={answers}
        onChange={onChange}
        onSubmit={onSubmit}
        extraErrors={rejection}
        jurisdictionCode={jurisdictionCode}
        agencyJurisdictions={agencyJurisdictions}
        idPrefix={name}
        data-testid={`${name}-form`}
      >
        {error && (rejection ? <Alert tone="error" data-testid={`${name}-rejected`}>{labels.rejected}</Alert> : <ApiErrorAlert error={error} />)}
        <div className="gu-cases__consent-actions">
          <Button type="submit" disabled={submitting} data-testid={`${name}-submit`}>
            {submitting ? labels.submitting : labels.submit}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={submitting}>
            {labels.cancel}
          </Button>
        </div>
      </SchemaForm>
    </div>
  );
}
