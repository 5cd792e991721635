import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { FORM_LIBRARY } from '@gugus/forms';
import { useAuth } from '@gugus/web-auth';
import { useEffectiveForm, useSubmitForm, type SubmissionErrorDetails, type SubmissionReceipt } from '@gugus/web-data-access';
import { useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, PageHeader, Tag } from '@gugus/web-ui';
import { SchemaForm } from '../schema-form/SchemaForm';
import type { FormData } from '../schema-form/validator';
import { ApiErrorAlert, JurisdictionSelect } from '@gugus/web-shared';
import { canSubmitIn, grantJurisdictions } from '../shared/grants';
import { formPaths } from '../shared/paths';
import { useVersionLabel } from '../shared/useVersionLabel';
import './FormPages.css';

/**
 * Fill in a form for a jurisdiction of one's grants (default: the first grant's), with the version in
 * effect there. "Simpan draf" stores as it is; "Kirim" validates here and on the server.
 */
export function FillFormPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation('forms');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const grants = me?.grants ?? [];
  const codes = grantJurisdictions(grants);
  const code = params.get('wilayah') ?? codes[0];
  const effective = useEffectiveForm(key, code);
  const versionLabel = useVersionLabel(effective.data);
  const submit = useSubmitForm();
  // Answers belong to the version they were given for: another version (jurisdiction) starts empty.
  const [answers, setAnswers] = useState<{ versionId?: string; data: FormData }>({ data: {} });
  const data = answers.versionId === effective.data?.id ? answers.data : {};
  const setData = (next: FormData) => setAnswers({ versionId: effective.data?.id, data: next });
  const [saved, setSaved] = useState<SubmissionReceipt | undefined>();
  const [pending, setPending] = useState<'draft' | 'submitted'>('submitted');
  const mayStore = code ? canSubmitIn(grants, code) : false;
  const library = FORM_LIBRARY.find((f) => f.definition.key === key)?.definition;
  const title = effective.data?.title ?? library?.title[language] ?? key;
  const rejection = submit.error?.code === 'VALIDATION_FAILED' ? (submit.error.details as SubmissionErrorDetails).extraErrors : undefined;

  const store = async (formData: FormData, status: 'draft' | 'submitted') => {
    if (!code) return;
    setSaved(undefined);
    setPending(status);
    const receipt = await submit.submit({ formKey: key, jurisdictionCode: code, data: formData, status });
    if (receipt) setSaved(receipt);
  };

  const startOver = () => {
    setData({});
    setSaved(undefined);
    submit.reset();
  };

  const isSubmitted = saved?.status === 'submitted';
  return (
    <div className="gu-forms" data-testid="fill-form-page">
      <PageHeader
        title={title}
        intro={effective.data?.description ?? library?.description?.[language]}
        breadcrumbs={[{ label: t('list.title'), to: formPaths.list }, { label: title }]}
        breadcrumbsLabel={tc('breadcrumbs')}
        aside={versionLabel ? <Tag tone="primary">{versionLabel}</Tag> : undefined}
      />
      {!code ? (
        <Alert tone="info">{t('fill.noGrant')}</Alert>
      ) : (
        <Card>
          <JurisdictionSelect label={t('fill.jurisdiction')} hint={t('fill.jurisdictionHint')} data-testid="jurisdiction-select" grantCodes={codes} value={code} onChange={(next) => {
              submit.reset();
              setSaved(undefined);
              setParams({ wilayah: next }, { replace: true });
            }} />
          {effective.data && (
            <p className="gu-forms__version" data-testid="form-version">
              {t('fill.inEffect', { version: versionLabel })}
            </p>
          )}
        </Card>
      )}
      {effective.isLoading && <Loading label={tc('loading')} />}
      {effective.error && <ApiErrorAlert error={effective.error} />}
      {saved && (
        <Alert tone="success" data-testid="submission-saved">
          <p>{isSubmitted ? t('fill.submitted') : t('fill.savedDraft')}</p>
          {saved.cleared.length > 0 && <p>{t('fill.cleared', { fields: saved.cleared.join(', ') })}</p>}
          <p className="gu-forms__links">
            <Link to={formPaths.submission(saved.id)} data-testid="submission-link">
              {t('fill.viewSubmission')}
            </Link>
            {isSubmitted && (
              <button type="button" className="gu-forms__link-button" onClick={startOver}>
                {t('fill.startOver')}
              </button>
            )}
          </p>
        </Alert>
      )}
      {effective.data && code && !isSubmitted && (
        <Card>
          {!mayStore && (
            <div className="gu-forms__notice">
              <Alert tone="info">{t('fill.cannotSubmit')}</Alert>
            </div>
          )}
          <SchemaForm
            key={effective.data.id}
            schema={effective.data.schema}
            uiSchema={effective.data.uiSchema}
            formData={data}
            onChange={setData}
            onSubmit={(valid) => void store(valid, 'submitted')}
            extraErrors={rejection}
            jurisdictionCode={code}
            data-testid="schema-form"
          >
            {submit.error &&
              (rejection ? (
                <Alert tone="error" data-testid="submission-rejected">
                  {t('fill.rejected')}
                </Alert>
              ) : (
                <ApiErrorAlert error={submit.error} title={t('fill.failed')} />
              ))}
            <div className="gu-forms__actions">
              <Button type="submit" disabled={!mayStore || submit.isSubmitting}>
                {submit.isSubmitting && pending === 'submitted' ? t('fill.submitting') : t('fill.submit')}
              </Button>
              <Button variant="secondary" disabled={!mayStore || submit.isSubmitting} onClick={() => void store(data, 'draft')}>
                {submit.isSubmitting && pending === 'draft' ? t('fill.savingDraft') : t('fill.saveDraft')}
              </Button>
            </div>
          </SchemaForm>
        </Card>
      )}
    </div>
  );
}
