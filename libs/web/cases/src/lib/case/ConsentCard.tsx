import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyConsentView, CaseReadPurpose, CaseView, ConsentStatus, PurposeConsentView } from '@gugus/contracts';
import { useCaseConsents, useEffectiveForm, useRecordConsent } from '@gugus/web-data-access';
import type { FormData } from '@gugus/web-forms';
import { formatDate, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, Tag } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { CaseFormPanel } from './CaseFormPanel';

const CONSENT_FORM = 'consent';
type Names = Record<string, string>;

/** A choice's label as the consent form in effect gives it (its option lists, in the reader's language). */
function useConsentLabels(uiSchema: Record<string, unknown> | undefined) {
  const items = ((uiSchema?.['decisions'] as Record<string, unknown> | undefined)?.['items'] ?? {}) as Record<string, { 'ui:enumNames'?: Names }>;
  const names = (field: string): Names => items[field]?.['ui:enumNames'] ?? {};
  const givers = ((uiSchema?.['givenBy'] as { 'ui:enumNames'?: Names } | undefined)?.['ui:enumNames'] ?? {}) as Names;
  const of = (list: Names) => (code: string | null | undefined) => (code ? (list[code] ?? code) : '');
  return { purpose: of(names('purpose')), method: of(names('method')), category: of(names('dataCategories')), giver: of(givers) };
}

const TONE: Record<ConsentStatus, 'primary' | 'accent' | 'neutral'> = { granted: 'primary', declined: 'neutral', withdrawn: 'accent', expired: 'neutral', none: 'neutral' };

/**
 * The case's consent per purpose (issue 11, step 4): what stands today, data sharing per named agency
 * with its categories, withdrawals clearly marked with their date, and "Catat persetujuan", which opens
 * the consent form in effect for the case's jurisdiction. A withdrawal is recorded the same way (a new
 * decision with status "withdrawn") and applies to the next read at once.
 */
export function ConsentCard({ view, purpose }: { view: CaseView; purpose: CaseReadPurpose }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const consents = useCaseConsents(view.code, purpose);
  const form = useEffectiveForm(CONSENT_FORM, view.jurisdictionCode);
  const record = useRecordConsent();
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<FormData>({});
  const [saved, setSaved] = useState(false);
  const label = useConsentLabels(form.data?.uiSchema as Record<string, unknown> | undefined);
  const day = (iso: string | null) => (iso ? formatDate(iso, language) : '');

  const store = async (data: FormData) => {
    setSaved(false);
    const done = await record.submit({ code: view.code, data: data as Record<string, unknown> });
    if (done) {
      setOpen(false);
      setAnswers({});
      setSaved(true);
      consents.reload();
    }
  };

  const decided = (consents.data?.purposes ?? []).filter((p) => p.status !== 'none' || (p.agencies?.length ?? 0) > 0);
  return (
    <Card className="gu-cases__consent" data-testid="case-consent">
      <div className="gu-cases__consent-head">
        <h2 className="gu-cases__section-title">{t('consent.title')}</h2>
        {!open && (
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              record.reset();
              setOpen(true);
            }}
            disabled={!form.data}
            data-testid="consent-record"
          >
            {t('consent.record')}
          </Button>
        )}
      </div>
      <p className="gu-cases__muted">{t('consent.intro')}</p>
      {saved && (
        <Alert tone="success" data-testid="consent-saved">
          {t('consent.saved')}
        </Alert>
      )}
      {consents.error && <ApiErrorAlert error={consents.error} />}
      {(consents.isLoading || form.isLoading) && !consents.data && <Loading label={tc('loading')} />}
      {consents.data && !decided.length && <p data-testid="consent-none">{t('consent.none')}</p>}
      {decided.length > 0 && (
        <ul className="gu-cases__consent-list" data-testid="consent-state">
          {decided.map((p) => (
            <PurposeRow key={p.purpose} p={p} label={label} day={day} />
          ))}
        </ul>
      )}
      {open && form.data && (
        <CaseFormPanel
          name="consent"
          form={form.data}
          jurisdictionCode={view.jurisdictionCode}
          agencyJurisdictions={view.agencyJurisdictions}
          answers={answers}
          onChange={setAnswers}
          onSubmit={(valid) => void store(valid)}
          onCancel={() => setOpen(false)}
          error={record.error}
          submitting={record.isSubmitting}
          labels={{ submit: t('consent.save'), submitting: t('consent.saving'), cancel: t('consent.cancel'), rejected: t('consent.rejected') }}
        />
      )}
    </Card>
  );
}

type Labels = ReturnType<typeof useConsentLabels>;

function PurposeRow({ p, label, day }: { p: PurposeConsentView; label: Labels; day: (iso: string | null) => string }) {
  const { t } = useTranslation('cases');
  return (
    <li className="gu-cases__consent-item" data-testid={`consent-purpose-${p.purpose}`}>
      <div className="gu-cases__consent-line">
        <strong>{label.purpose(p.purpose)}</strong> <Tag tone={TONE[p.status]}>{t(`consent.status.${p.status}`)}</Tag>
      </div>
      {p.status !== 'none' && p.purpose !== 'data_sharing' && (
        <p className="gu-cases__muted">{t('consent.given', { since: day(p.since), giver: label.giver(p.givenBy), method: label.method(p.method) })}</p>
      )}
      {p.agencies && p.agencies.length > 0 && (
        <ul className="gu-cases__consent-agencies">
          {p.agencies.map((a) => (
            <AgencyRow key={a.agencyId} a={a} label={label} day={day} />
          ))}
        </ul>
      )}
    </li>
  );
}

function AgencyRow({ a, label, day }: { a: AgencyConsentView; label: Labels; day: (iso: string | null) => string }) {
  const { t } = useTranslation('cases');
  const withdrawn = a.status === 'withdrawn';
  return (
    <li className={`gu-cases__consent-agency${withdrawn ? ' gu-cases__consent-agency--withdrawn' : ''}`} data-testid="consent-agency" data-status={a.status}>
      <div className="gu-cases__consent-line">
        <span>{a.agencyName ?? a.agencyId}</span> <Tag tone={TONE[a.status]}>{t(`consent.status.${a.status}`)}</Tag>
      </div>
      {withdrawn ? (
        <p className="gu-cases__consent-withdrawn">{t('consent.withdrawnOn', { date: day(a.withdrawnOn) })}</p>
      ) : (
        <p className="gu-cases__muted">{t('consent.given', { since: day(a.decidedOn), giver: label.giver(a.givenBy), method: label.method(a.method) })}</p>
      )}
      {a.categories.length > 0 && (
        <p>
          {t('consent.categories')}: {a.categories.map((c) => label.category(c)).join('; ')}
        </p>
      )}
    </li>
  );
}
