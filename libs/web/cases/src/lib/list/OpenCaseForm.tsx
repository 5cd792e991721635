import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, OpenCaseRequest } from '@gugus/contracts';
import { useAgencies, useOpenCase } from '@gugus/web-data-access';
import { Alert, Button, Card, SelectField } from '@gugus/web-ui';
import { ApiErrorAlert, JurisdictionSelect } from '@gugus/web-shared';
import { isCaseJurisdiction } from '../grants';
import { useIntakeChannels } from '../useIntakeChannels';

export interface OpenCaseFormProps {
  /** The jurisdictions of the person's case grants (a province brings its regencies). */
  grantCodes: readonly string[];
  /** Where the form starts: the list's jurisdiction. */
  jurisdictionCode: string;
  onOpened: (opened: CaseView) => void;
  onCancel: () => void;
}

type Field = keyof OpenCaseRequest;
const FIELDS: readonly Field[] = ['jurisdictionCode', 'intakeAgencyId', 'intakeChannel'];

/**
 * Jurisdiction, intake agency and channel → `POST /cases`. Nothing about the person is asked: the case is
 * known by the coded id it gets here. The API's field errors are shown at their fields.
 */
export function OpenCaseForm({ grantCodes, jurisdictionCode: initial, onOpened, onCancel }: OpenCaseFormProps) {
  const { t } = useTranslation('cases');
  const open = useOpenCase();
  const [values, setValues] = useState<OpenCaseRequest>({ jurisdictionCode: initial, intakeAgencyId: '', intakeChannel: '' });
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const regionChosen = isCaseJurisdiction(values.jurisdictionCode);
  const agencies = useAgencies(regionChosen ? values.jurisdictionCode : undefined);
  const channels = useIntakeChannels(regionChosen ? values.jurisdictionCode : undefined);
  const server = open.fieldErrors;

  const change = (field: Field, value: string) => {
    // Another jurisdiction has other member agencies: the one chosen no longer applies.
    setValues((v) => ({ ...v, [field]: value, ...(field === 'jurisdictionCode' ? { intakeAgencyId: '' } : {}) }));
    setMissing((m) => ({ ...m, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const gaps: Partial<Record<Field, string>> = {
      jurisdictionCode: regionChosen ? undefined : t('open.chooseRegion'),
      intakeAgencyId: values.intakeAgencyId ? undefined : t('open.required'),
      intakeChannel: values.intakeChannel ? undefined : t('open.required'),
    };
    setMissing(gaps);
    if (Object.values(gaps).some(Boolean)) return;
    const opened = await open.submit(values);
    if (opened) onOpened(opened);
  };

  const errorOf = (field: Field) => missing[field] ?? server[field];
  const shownByField = FIELDS.some((f) => server[f]);
  const noAgencies = agencies.data?.length === 0;

  return (
    <Card data-testid="open-case">
      <h2 className="gu-cases__section-title">{t('open.title')}</h2>
      <p className="gu-cases__muted">{t('open.intro')}</p>
      <form className="gu-cases__form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="gu-cases__grid">
          <div className="gu-cases__field-wrap" data-testid="open-case-jurisdiction">
            <JurisdictionSelect label={t('open.jurisdiction')} grantCodes={grantCodes} value={values.jurisdictionCode} onChange={(code) => change('jurisdictionCode', code)} />
            {errorOf('jurisdictionCode') && (
              <p className="gu-field__error" data-testid="field-error">
                {errorOf('jurisdictionCode')}
              </p>
            )}
          </div>
          <SelectField
            label={t('open.agency')}
            hint={t('open.agencyHint')}
            value={values.intakeAgencyId}
            required
            disabled={!regionChosen || noAgencies}
            onChange={(e) => change('intakeAgencyId', e.target.value)}
            error={errorOf('intakeAgencyId')}
          >
            <option value="">{t('open.choose')}</option>
            {agencies.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('open.channel')}
            hint={t('open.channelHint')}
            value={values.intakeChannel}
            required
            disabled={!regionChosen}
            onChange={(e) => change('intakeChannel', e.target.value)}
            error={errorOf('intakeChannel')}
          >
            <option value="">{t('open.choose')}</option>
            {channels.choices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </SelectField>
        </div>
        {noAgencies && <Alert tone="info">{t('open.noAgencies')}</Alert>}
        {agencies.error && <ApiErrorAlert error={agencies.error} />}
        {channels.error && <ApiErrorAlert error={channels.error} />}
        {open.error && !shownByField && <ApiErrorAlert error={open.error} title={t('open.failed')} />}
        <div className="gu-cases__actions">
          <Button type="submit" disabled={open.isSubmitting} data-testid="open-case-submit">
            {open.isSubmitting ? t('open.submitting') : t('open.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('open.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
