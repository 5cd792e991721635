import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementList, AgreementStatus, AgreementView, RecordAgreementRequest } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useAgreements, useRecordAgreement, useTerminateAgreement } from '@gugus/web-data-access';
import { formatDate, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, CheckboxGroup, Loading, PageHeader, Tag, TextAreaField, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import '../Cases.css';

const TONE: Record<AgreementStatus, 'primary' | 'accent' | 'neutral'> = { active: 'primary', pending: 'neutral', expired: 'neutral', terminated: 'accent' };
/** Who may enter agreements: the secretariat and administrators (the API checks the parties). */
const KEEPERS = new Set(['secretariat', 'provincial_admin', 'system_admin']);

/**
 * `/perjanjian-kerja-sama`: the register of cooperation agreements (MoU / PKS) between task forces
 * (PRODUCT §3.2 step 9) — parties, the data categories in scope, duration and termination. The
 * secretariat or administrators of a party enter and terminate them; case teams and chairs read them.
 */
export function AgreementsPage() {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const { me } = useAuth();
  const list = useAgreements();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const keeper = me?.grants.some((g) => KEEPERS.has(g.role)) ?? false;
  return (
    <div className="gu-cases" data-testid="agreements-page">
      <PageHeader title={t('agreements.title')} intro={t('agreements.intro')} />
      {saved && (
        <Alert tone="success" data-testid="agreement-saved">
          {t('agreements.saved', { reference: saved })}
        </Alert>
      )}
      {keeper && !open && list.data && (
        <p>
          <Button onClick={() => { setSaved(null); setOpen(true); }} data-testid="agreement-new">
            {t('agreements.new')}
          </Button>
        </p>
      )}
      {open && list.data && (
        <AgreementForm
          categories={list.data.allCategories}
          grantCode={me?.grants.find((g) => KEEPERS.has(g.role))?.jurisdictionCode ?? ''}
          onSaved={(a) => {
            setOpen(false);
            setSaved(a.reference);
            list.reload();
          }}
          onCancel={() => setOpen(false)}
        />
      )}
      {list.error && <ApiErrorAlert error={list.error} />}
      {list.isLoading && !list.data && <Loading label={tc('loading')} />}
      {list.data && !list.data.items.length && <Card data-testid="agreements-none">{t('agreements.none')}</Card>}
      {list.data && list.data.items.length > 0 && (
        <ul className="gu-cases__packet-lists" data-testid="agreement-list">
          {list.data.items.map((a) => (
            <AgreementRow key={a.id} agreement={a} categories={list.data?.allCategories ?? []} onChanged={list.reload} />
          ))}
        </ul>
      )}
    </div>
  );
}

function AgreementRow({ agreement: a, categories, onChanged }: { agreement: AgreementView; categories: AgreementList['allCategories']; onChanged: () => void }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const terminate = useTerminateAgreement();
  const [ending, setEnding] = useState(false);
  const [terminatedOn, setOn] = useState('');
  const [reason, setReason] = useState('');
  const label = (code: string) => categories.find((c) => c.code === code)?.label[language] ?? code;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await terminate.submit({ id: a.id, terminatedOn, reason })) {
      setEnding(false);
      onChanged();
    }
  };
  return (
    <li className="gu-cases__packet-list" data-testid="agreement-row" data-status={a.status}>
      <Card>
        <div className="gu-cases__consent-head">
          <h2 className="gu-cases__section-title">{a.reference}</h2>
          <Tag tone={TONE[a.status]}>{t(`agreements.status.${a.status}`)}</Tag>
        </div>
        <p>{a.title}</p>
        <dl className="gu-cases__facts">
          <div>
            <dt>{t('agreements.parties')}</dt>
            <dd data-testid="agreement-parties">{a.parties.map((p) => `${p.name ?? p.code} (${p.code})`).join(' · ')}</dd>
          </div>
          <div>
            <dt>{t('agreements.period')}</dt>
            <dd>
              {formatDate(a.validFrom, language)} – {formatDate(a.validUntil, language)}
            </dd>
          </div>
        </dl>
        <p data-testid="agreement-scope">
          {t('agreements.scope')}:{' '}
          {a.dataCategories.map((c) => (
            <Tag key={c} tone="primary">
              {label(c)}
            </Tag>
          ))}
        </p>
        {a.terminatedOn && <p className="gu-cases__muted">{t('agreements.terminatedOn', { date: formatDate(a.terminatedOn, language), reason: a.terminationReason ?? '' })}</p>}
        {a.canTerminate && !ending && (
          <Button variant="secondary" onClick={() => setEnding(true)} data-testid="agreement-terminate">
            {t('agreements.terminate')}
          </Button>
        )}
        {ending && (
          <form className="gu-cases__form" onSubmit={(e) => void submit(e)} noValidate>
            <TextField label={t('agreements.terminateOn')} type="date" value={terminatedOn} onChange={(e) => setOn(e.target.value)} error={terminate.fieldErrors['terminatedOn']} required />
            <TextAreaField label={t('agreements.terminateReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={terminate.fieldErrors['reason']} required maxLength={1000} />
            {terminate.error && !Object.keys(terminate.fieldErrors).length && <ApiErrorAlert error={terminate.error} />}
            <div className="gu-cases__consent-actions">
              <Button type="submit" disabled={terminate.isSubmitting}>
                {terminate.isSubmitting ? t('agreements.terminating') : t('agreements.confirmTerminate')}
              </Button>
              <Button variant="secondary" onClick={() => setEnding(false)} disabled={terminate.isSubmitting}>
                {t('agreements.cancel')}
              </Button>
            </div>
          </form>
        )}
      </Card>
    </li>
  );
}

function AgreementForm({ categories, grantCode, onSaved, onCancel }: { categories: AgreementList['allCategories']; grantCode: string; onSaved: (a: AgreementView) => void; onCancel: () => void }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const record = useRecordAgreement();
  const [values, setValues] = useState<RecordAgreementRequest>({ reference: '', title: '', partyA: grantCode === '00' ? '' : grantCode, partyB: '', dataCategories: [], signedOn: '', validFrom: '', validUntil: '' });
  const set = (field: keyof RecordAgreementRequest, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const errors = record.fieldErrors;
  const categoryError = Object.entries(errors).find(([field]) => field.startsWith('dataCategories'))?.[1];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await record.submit(values);
    if (made) onSaved(made);
  };
  return (
    <Card data-testid="agreement-form">
      <h2 className="gu-cases__section-title">{t('agreements.new')}</h2>
      <form className="gu-cases__form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="gu-cases__grid">
          <TextField label={t('agreements.reference')} value={values.reference} onChange={(e) => set('reference', e.target.value)} error={errors['reference']} required maxLength={120} data-testid="agreement-reference" />
          <TextField label={t('agreements.titleField')} value={values.title} onChange={(e) => set('title', e.target.value)} error={errors['title']} required maxLength={300} data-testid="agreement-title" />
          <TextField label={t('agreements.partyA')} hint={t('agreements.partyHint')} value={values.partyA} onChange={(e) => set('partyA', e.target.value.trim())} error={errors['partyA']} required maxLength={5} data-testid="agreement-party-a" />
          <TextField label={t('agreements.partyB')} hint={t('agreements.partyHint')} value={values.partyB} onChange={(e) => set('partyB', e.target.value.trim())} error={errors['partyB']} required maxLength={5} data-testid="agreement-party-b" />
          <TextField label={t('agreements.signedOn')} type="date" value={values.signedOn} onChange={(e) => set('signedOn', e.target.value)} error={errors['signedOn']} required data-testid="agreement-signed" />
          <TextField label={t('agreements.validFrom')} type="date" value={values.validFrom} onChange={(e) => set('validFrom', e.target.value)} error={errors['validFrom']} required data-testid="agreement-from" />
          <TextField label={t('agreements.validUntil')} type="date" value={values.validUntil} onChange={(e) => set('validUntil', e.target.value)} error={errors['validUntil']} required data-testid="agreement-until" />
        </div>
        <CheckboxGroup
          legend={t('agreements.scope')}
          options={categories.map((c) => ({ value: c.code, label: c.label[language] }))}
          value={values.dataCategories}
          onChange={(dataCategories) => setValues((v) => ({ ...v, dataCategories }))}
          error={categoryError}
          name="agreement-scope"
        />
        {record.error && !Object.keys(errors).length && <ApiErrorAlert error={record.error} />}
        <div className="gu-cases__consent-actions">
          <Button type="submit" disabled={record.isSubmitting} data-testid="agreement-save">
            {record.isSubmitting ? t('agreements.saving') : t('agreements.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={record.isSubmitting}>
            {t('agreements.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
