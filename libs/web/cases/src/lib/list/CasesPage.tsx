import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { CASE_RISK_LEVELS, CASE_STAGES, NATIONAL_CODE, type CaseSummary, type CaseView } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useCases } from '@gugus/web-data-access';
import { formatDate, formatNumber, formatShortDateTime, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, PageHeader, SelectField } from '@gugus/web-ui';
import { ApiErrorAlert, JurisdictionSelect } from '@gugus/web-shared';
import { CaseStageTag, IdentificationTag, JurisdictionLabel, useProvinceNames } from '../CaseBadges';
import { caseJurisdictions, isCaseJurisdiction, mayWorkCasesIn } from '../grants';
import { casePaths, isCaseRisk, isCaseStage, type CaseListParams } from '../paths';
import { useIntakeChannels, type IntakeChannels } from '../useIntakeChannels';
import { OpenCaseForm } from './OpenCaseForm';
import '../Cases.css';

/** Cases per page of the list. */
export const CASE_PAGE_SIZE = 20;

/**
 * `/kasus?wilayah=32&tahap=intake&hal=2`: the cases of a jurisdiction and those below it, newest first, by
 * coded id and process data only; opening a new case. Filters and page live in the address.
 */
export function CasesPage() {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const grants = me?.grants ?? [];
  const grantCodes = caseJurisdictions(grants);
  const asked = params.get('wilayah') ?? '';
  const code = asked && mayWorkCasesIn(grants, asked) ? asked : (grantCodes[0] ?? '');
  const stageParam = params.get('tahap');
  const stage = isCaseStage(stageParam) ? stageParam : undefined;
  const riskParam = params.get('risiko');
  const risk = isCaseRisk(riskParam) ? riskParam : undefined;
  const page = Math.max(1, Number(params.get('hal')) || 1);
  const cases = useCases(code ? { jurisdictionCode: code === NATIONAL_CODE ? undefined : code, stage, risk, limit: CASE_PAGE_SIZE, offset: (page - 1) * CASE_PAGE_SIZE } : undefined);
  const [opening, setOpening] = useState(false);
  // Labels for the rows, kept by the page across filter changes. Channels come from the case-intake form
  // of the list's region (under the nation: of the first row's).
  const labelCode = isCaseJurisdiction(code) ? code : cases.data?.items[0]?.jurisdictionCode;
  const channels = useIntakeChannels(labelCode);
  const regionNames = useProvinceNames(labelCode);
  const mayOpen = code !== '';

  const go = (next: CaseListParams) => setParams(casePaths.listQuery({ jurisdictionCode: code, stage, risk, page, ...next }), { replace: true });
  const opened = (view: CaseView) => void navigate(casePaths.case(view.code));

  const list = cases.data;
  const from = list && list.total ? list.offset + 1 : 0;
  const to = list ? list.offset + list.items.length : 0;

  return (
    <div className="gu-cases" data-testid="cases-page">
      <PageHeader title={t('list.title')} intro={t('list.intro')} />
      {!grantCodes.length && <Alert tone="info">{t('list.noAccess')}</Alert>}
      {code && (
        <Card className="gu-cases__bar">
          <div className="gu-cases__filters" data-testid="cases-filters">
            <JurisdictionSelect
              label={t('list.jurisdiction')}
              hint={t('list.jurisdictionHint')}
              data-testid="cases-jurisdiction"
              grantCodes={grantCodes}
              value={code}
              onChange={(next) => go({ jurisdictionCode: next, page: 1 })}
            />
            <SelectField label={t('list.stage')} data-testid="cases-stage" value={stage ?? ''} onChange={(e) => go({ stage: isCaseStage(e.target.value) ? e.target.value : undefined, page: 1 })}>
              <option value="">{t('list.allStages')}</option>
              {CASE_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`stages.${s}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('list.risk')} data-testid="cases-risk" value={risk ?? ''} onChange={(e) => go({ risk: isCaseRisk(e.target.value) ? e.target.value : undefined, page: 1 })}>
              <option value="">{t('list.allRisks')}</option>
              {CASE_RISK_LEVELS.map((r) => (
                <option key={r} value={r}>
                  {t(`risks.${r}`)}
                </option>
              ))}
            </SelectField>
          </div>
          {mayOpen && !opening && (
            <div className="gu-cases__actions">
              <Button onClick={() => setOpening(true)} data-testid="open-case-start">
                {t('open.button')}
              </Button>
            </div>
          )}
        </Card>
      )}
      {opening && code && <OpenCaseForm grantCodes={grantCodes} jurisdictionCode={isCaseJurisdiction(code) ? code : ''} onOpened={opened} onCancel={() => setOpening(false)} />}
      {cases.error && <ApiErrorAlert error={cases.error} />}
      {cases.isLoading && !list && <Loading label={tc('loading')} />}
      {list && (
        <Card data-testid="cases-list">
          <h2 className="gu-cases__section-title">
            {t('list.cases')} <span className="gu-cases__count">({t('list.total', { count: list.total })})</span>
          </h2>
          {list.items.length === 0 ? (
            <div className="gu-cases__empty" data-testid="cases-empty">
              <p className="gu-cases__strong">{stage || risk ? t('list.emptyFiltered') : t('list.empty')}</p>
              <p className="gu-cases__muted">{mayOpen ? t('list.emptyAction') : t('list.emptyNoStart')}</p>
            </div>
          ) : (
            <CaseTable cases={list.items} channels={channels} regionNames={regionNames} />
          )}
          {list.total > CASE_PAGE_SIZE && (
            <nav className="gu-cases__pager" aria-label={t('list.pages')} data-testid="cases-pager">
              <Button variant="secondary" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
                {t('list.previous')}
              </Button>
              <span className="gu-cases__muted">{t('list.range', { from: formatNumber(from, language), to: formatNumber(to, language), total: formatNumber(list.total, language) })}</span>
              <Button variant="secondary" disabled={to >= list.total} onClick={() => go({ page: page + 1 })}>
                {t('list.next')}
              </Button>
            </nav>
          )}
        </Card>
      )}
    </div>
  );
}

function CaseTable({ cases: rows, channels, regionNames }: { cases: readonly CaseSummary[]; channels: IntakeChannels; regionNames: Record<string, string> }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  return (
    <table className="gu-cases__table gu-cases__table--stack">
      <thead>
        <tr>
          <th scope="col">{t('list.columns.code')}</th>
          <th scope="col">{t('list.columns.stage')}</th>
          <th scope="col">{t('list.columns.identification')}</th>
          <th scope="col">{t('list.columns.channel')}</th>
          <th scope="col">{t('list.columns.jurisdiction')}</th>
          <th scope="col">{t('list.columns.openedAt')}</th>
          <th scope="col">{t('list.columns.risk')}</th>
          <th scope="col">{t('list.columns.nextDue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.code} data-testid="case-row" data-case-code={c.code} data-stage={c.stage}>
            <td>
              <Link to={casePaths.case(c.code)} className="gu-cases__case-code">
                {c.code}
              </Link>
            </td>
            <td data-label={t('list.columns.stage')}>
              <CaseStageTag stage={c.stage} />
            </td>
            <td data-label={t('list.columns.identification')}>
              <IdentificationTag status={c.identificationStatus} />
            </td>
            <td data-label={t('list.columns.channel')}>{channels.label(c.intakeChannel)}</td>
            <td data-label={t('list.columns.jurisdiction')}>
              <JurisdictionLabel code={c.jurisdictionCode} name={regionNames[c.jurisdictionCode]} />
            </td>
            <td data-label={t('list.columns.openedAt')}>
              <span className="gu-cases__nowrap">{formatShortDateTime(c.openedAt, language)}</span>
              {c.closedAt && <span className="gu-cases__meta">{t('list.closedAt', { date: formatDate(c.closedAt, language) })}</span>}
            </td>
            <td data-label={t('list.columns.risk')} data-testid="case-risk" data-risk={c.riskLevel ?? ''}>
              {c.riskLevel ? <span className={c.riskLevel === 'high' ? 'gu-cases__overdue' : undefined}>{t(`risks.${c.riskLevel}`)}</span> : <span className="gu-cases__meta">—</span>}
            </td>
            <td data-label={t('list.columns.nextDue')} data-testid="case-next-due">
              {c.nextDueAt ? <span className={`gu-cases__nowrap${Date.parse(c.nextDueAt) < Date.now() ? ' gu-cases__overdue' : ''}`}>{formatShortDateTime(c.nextDueAt, language)}</span> : <span className="gu-cases__meta">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
