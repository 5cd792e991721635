import { useTranslation } from 'react-i18next';
import type { ReturnBlock } from '@gugus/cases';
import type { CaseReadPurpose, CaseView } from '@gugus/contracts';
import { useRecordReturnAssessment, useReturnAssessments, type MutationState } from '@gugus/web-data-access';
import { formatDate, useLanguage } from '@gugus/web-i18n';
import { Alert, Button } from '@gugus/web-ui';
import { RecordedFormsCard } from './RecordedFormsCard';

/**
 * The foreign national path's return (issue 11, step 8): the latest assessment before return and what it
 * allows — a voluntary and safe return, or not and why — and, when the person fears return, risks serious
 * harm or may be stateless, the offer of an international protection referral instead (`onOffer` opens
 * the referral form for it). "Catat penilaian" opens the assessment form in effect.
 */
export function ReturnCard({ view, purpose, onOffer }: { view: CaseView; purpose: CaseReadPurpose; onOffer: (serviceType: string) => void }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const list = useReturnAssessments(view.code, purpose);
  const record = useRecordReturnAssessment();
  const items = list.data?.items ?? [];
  const latest = items.at(-1);
  return (
    <RecordedFormsCard
      view={view}
      name="return"
      formKey="return-assessment"
      title={t('returns.title')}
      intro={t('returns.intro')}
      none={t('returns.none')}
      count={list.data ? items.length : undefined}
      loading={list.isLoading && !list.data}
      error={list.error}
      record={record as MutationState<{ code: string; data: Record<string, unknown> }, unknown>}
      onSaved={list.reload}
      canRecord={view.stage !== 'closed'}
      labels={{ record: t('returns.record'), submit: t('returns.save'), submitting: t('returns.saving'), cancel: t('returns.cancel'), rejected: t('returns.rejected'), saved: t('returns.saved') }}
    >
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
    </RecordedFormsCard>
  );
}
