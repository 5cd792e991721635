import { useTranslation } from 'react-i18next';
import type { CaseReadPurpose, CaseView } from '@gugus/contracts';
import { useDecideIdentification, useEffectiveForm, useIdentificationDecisions, useJusticeRecords, useRecordJustice, type MutationState } from '@gugus/web-data-access';
import { RecordedFormsCard } from './RecordedFormsCard';
import { formatDate, formatNumber, useLanguage } from '@gugus/web-i18n';
import { Tag } from '@gugus/web-ui';

type Names = Record<string, string>;
/** A coded answer's label as the form in effect gives it (its option lists, in the reader's language). */
const namesOf = (uiSchema: Record<string, unknown> | undefined, field: string): Names => ((uiSchema?.[field] as { 'ui:enumNames'?: Names } | undefined)?.['ui:enumNames'] ?? {}) as Names;

/** Identification after screening (issue 11, step 2): verified, confirmed, or not confirmed with support adjusted. */
export function IdentificationCard({ view, purpose, onChanged }: { view: CaseView; purpose: CaseReadPurpose; onChanged: () => void }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const list = useIdentificationDecisions(view.code, purpose);
  const record = useDecideIdentification();
  const form = useEffectiveForm('identification-decision', view.jurisdictionCode);
  const status = namesOf(form.data?.uiSchema as Record<string, unknown> | undefined, 'status');
  const adjustment = namesOf(form.data?.uiSchema as Record<string, unknown> | undefined, 'supportAdjustment');
  const items = list.data?.items ?? [];
  return (
    <RecordedFormsCard
      view={view}
      name="decision"
      formKey="identification-decision"
      title={t('decisions.identificationTitle')}
      intro={t('decisions.identificationIntro')}
      none={t('decisions.identificationNone')}
      count={list.data ? items.length : undefined}
      loading={list.isLoading && !list.data}
      error={list.error}
      record={record as MutationState<{ code: string; data: Record<string, unknown> }, unknown>}
      onSaved={() => {
        list.reload();
        onChanged();
      }}
    >
      {items.length > 0 && (
        <ul className="gu-cases__consent-list" data-testid="identification-list">
          {items.map((d) => (
            <li key={d.submissionId} className="gu-cases__consent-item" data-status={d.status}>
              <strong>{d.decidedOn ? formatDate(d.decidedOn, language) : ''}</strong> <Tag tone={d.status === 'not_confirmed' ? 'accent' : 'primary'}>{status[d.status ?? ''] ?? d.status}</Tag>
              {d.supportAdjustment && <p className="gu-cases__muted">{t('decisions.supportAdjustment', { value: adjustment[d.supportAdjustment] ?? d.supportAdjustment })}</p>}
            </li>
          ))}
        </ul>
      )}
    </RecordedFormsCard>
  );
}

/** The justice track (issue 11, step 11): stage, verdict, sentence and restitution, in codes and figures. */
export function JusticeCard({ view, purpose }: { view: CaseView; purpose: CaseReadPurpose }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const list = useJusticeRecords(view.code, purpose);
  const record = useRecordJustice();
  const form = useEffectiveForm('justice-record', view.jurisdictionCode);
  const ui = form.data?.uiSchema as Record<string, unknown> | undefined;
  const stage = namesOf(ui, 'stage');
  const verdict = namesOf(ui, 'verdict');
  const rupiah = (n: number) => `Rp ${formatNumber(n, language)}`;
  const items = list.data?.items ?? [];
  return (
    <RecordedFormsCard
      view={view}
      name="justice"
      formKey="justice-record"
      title={t('decisions.justiceTitle')}
      intro={t('decisions.justiceIntro')}
      none={t('decisions.justiceNone')}
      count={list.data ? items.length : undefined}
      loading={list.isLoading && !list.data}
      error={list.error}
      record={record as MutationState<{ code: string; data: Record<string, unknown> }, unknown>}
      onSaved={list.reload}
    >
      {items.length > 0 && (
        <ul className="gu-cases__consent-list" data-testid="justice-list">
          {items.map((r) => (
            <li key={r.submissionId} className="gu-cases__consent-item" data-stage={r.stage}>
              <strong>{r.recordedOn ? formatDate(r.recordedOn, language) : ''}</strong> <Tag>{stage[r.stage ?? ''] ?? r.stage}</Tag>
              <p className="gu-cases__muted">
                {[
                  r.verdict ? t('decisions.verdict', { value: verdict[r.verdict] ?? r.verdict }) : null,
                  r.sentenceMonths !== null ? t('decisions.sentence', { months: r.sentenceMonths }) : null,
                  r.restitutionOrderedIdr !== null ? t('decisions.restitution', { paid: rupiah(r.restitutionPaidIdr ?? 0), ordered: rupiah(r.restitutionOrderedIdr) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </RecordedFormsCard>
  );
}
