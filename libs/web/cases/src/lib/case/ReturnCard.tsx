import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnBlock } from '@gugus/cases';
import type { CaseReadPurpose, CaseView } from '@gugus/contracts';
import { useEffectiveForm, useRecordReturnAssessment, useReturnAssessments } from '@gugus/web-data-access';
import type { FormData } from '@gugus/web-forms';
import { formatDate, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { CaseFormPanel } from './CaseFormPanel';

const RETURN_FORM = 'return-assessment';

/**
 * The foreign national path's return (issue 11, step 8): the latest assessment before return and what it
 * allows — a voluntary and safe return, or not and why — and, when the person fears return, risks serious
 * harm or may be stateless, the offer of an international protection referral instead (`onOffer` opens
 * the referral form for it). "Catat penilaian" opens the assessment form in effect.
 */
export function ReturnCard({ view, purpose, onOffer }: { view: CaseView; purpose: CaseReadPurpose; onOffer: (serviceType: string) => void }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const list = useReturnAssessments(view.code, purpose);
  const form = useEffectiveForm(RETURN_FORM, view.jurisdictionCode);
  const record = useRecordReturnAssessment();
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<FormData>({});
  const [saved, setSaved] = useState(false);
  const items = list.data?.items ?? [];
  const latest = items.at(-1);

  const store = async (data: FormData) => {
    setSaved(false);
    if (await record.submit({ code: view.code, data: data as Record<string, unknown> })) {
      setOpen(false);
      setAnswers({});
      setSaved(true);
      list.reload();
    }
  };

  return (
    <Card className="gu-cases__returns" data-testid="case-return">
      <div className="gu-cases__consent-head">
        <h2 className="gu-cases__section-title">{t('returns.title')}</h2>
        {!open && view.stage !== 'closed' && (
          <Button variant="secondary" onClick={() => { setSaved(false); record.reset(); setOpen(true); }} disabled={!form.data} data-testid="return-record">
            {t('returns.record')}
          </Button>
        )}
      </div>
      <p className="gu-cases__muted">{t('returns.intro')}</p>
      {saved && (
        <Alert tone="success" data-testid="return-saved">
          {t('returns.saved')}
        </Alert>
      )}
      {list.error && <ApiErrorAlert error={list.error} />}
      {list.isLoading && !list.data && <Loading label={tc('loading')} />}
      {list.data && !latest && <p data-testid="return-none">{t('returns.none')}</p>}
      {latest && (
        <div data-testid="return-latest" data-allowed={latest.outcome.returnAllowed}>
          <h3 className="gu-cases__consent-subtitle">{t('returns.latest', { date: latest.assessmentDate ? formatDate(latest.assessmentDate, language) : '' })}</h3>
          {latest.outcome.returnAllowed ? (
            <Alert tone="success">{t('returns.allowed')}</Alert>
          ) : (
            <Alert tone="info">
              <p>{t('returns.blocked')}</p>
              <ul data-testid="return-blocks">
                {latest.outcome.blocks.map((b) => (
                  <li key={b}>{t(`returns.blocks.${b as ReturnBlock}`)}</li>
                ))}
              </ul>
              {latest.outcome.offer && (
                <>
                  <p>{t('returns.offer')}</p>
                  <Button onClick={() => onOffer(latest.outcome.offer as string)} data-testid="return-offer">
                    {t('returns.offerButton')}
                  </Button>
                </>
              )}
            </Alert>
          )}
          <p className="gu-cases__muted">{t('returns.history', { count: items.length })}</p>
        </div>
      )}
      {open && form.data && (
        <CaseFormPanel
          name="return"
          form={form.data}
          jurisdictionCode={view.jurisdictionCode}
          agencyJurisdictions={view.agencyJurisdictions}
          answers={answers}
          onChange={setAnswers}
          onSubmit={(valid) => void store(valid)}
          onCancel={() => setOpen(false)}
          error={record.error}
          submitting={record.isSubmitting}
          labels={{ submit: t('returns.save'), submitting: t('returns.saving'), cancel: t('returns.cancel'), rejected: t('returns.rejected') }}
        />
      )}
    </Card>
  );
}
