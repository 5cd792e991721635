import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '@gugus/contracts';
import { useEffectiveForm, type MutationState } from '@gugus/web-data-access';
import type { FormData } from '@gugus/web-forms';
import { Alert, Button, Card, Loading } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { CaseFormPanel } from './CaseFormPanel';

/**
 * A card of forms recorded on the case page (an assessment, a decision, a justice record): the list, "Catat" opening the
 * form in effect, the API's refusals at their fields, and a reload once saved.
 */
export function RecordedFormsCard({ view, name, formKey, title, intro, none, count, loading, error, children, record, onSaved, canRecord = true, labels }: {
  view: CaseView;
  name: string;
  formKey: string;
  title: string;
  intro: string;
  /** Said when the list (`count`) is empty; a card without a list leaves both out. */
  none?: string;
  count?: number;
  loading?: boolean;
  error?: Parameters<typeof ApiErrorAlert>[0]['error'];
  children: ReactNode;
  record: MutationState<{ code: string; data: Record<string, unknown> }, unknown>;
  onSaved: () => void;
  /** Whether "Catat" is offered (e.g. not on a closed case); default yes. */
  canRecord?: boolean;
  /** The form's buttons and messages; default the generic "Simpan" ones. */
  labels?: { record: string; submit: string; submitting: string; cancel: string; rejected: string; saved: string };
}) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const form = useEffectiveForm(formKey, view.jurisdictionCode);
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<FormData>({});
  const [saved, setSaved] = useState(false);
  const words = labels ?? { record: t('decisions.record'), submit: t('decisions.save'), submitting: t('decisions.saving'), cancel: t('decisions.cancel'), rejected: t('decisions.rejected'), saved: t('decisions.saved') };
  const store = async (data: FormData) => {
    setSaved(false);
    if (await record.submit({ code: view.code, data: data as Record<string, unknown> })) {
      setOpen(false);
      setAnswers({});
      setSaved(true);
      onSaved();
    }
  };
  return (
    <Card className="gu-cases__decisions" data-testid={`case-${name}`}>
      <div className="gu-cases__consent-head">
        <h2 className="gu-cases__section-title">{title}</h2>
        {!open && canRecord && (
          <Button variant="secondary" onClick={() => { setSaved(false); record.reset(); setOpen(true); }} disabled={!form.data} data-testid={`${name}-record`}>
            {words.record}
          </Button>
        )}
      </div>
      <p className="gu-cases__muted">{intro}</p>
      {saved && (
        <Alert tone="success" data-testid={`${name}-saved`}>
          {words.saved}
        </Alert>
      )}
      {error && <ApiErrorAlert error={error} />}
      {loading && <Loading label={tc('loading')} />}
      {count === 0 && <p data-testid={`${name}-none`}>{none}</p>}
      {children}
      {open && form.data && (
        <CaseFormPanel
          name={name}
          form={form.data}
          jurisdictionCode={view.jurisdictionCode}
          agencyJurisdictions={view.agencyJurisdictions}
          answers={answers}
          onChange={setAnswers}
          onSubmit={(valid) => void store(valid)}
          onCancel={() => setOpen(false)}
          error={record.error}
          submitting={record.isSubmitting}
          labels={words}
        />
      )}
    </Card>
  );
}
