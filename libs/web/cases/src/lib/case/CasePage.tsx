import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { CASE_CODE_PATTERN, type CaseReadPurpose, type CaseView } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useCase } from '@gugus/web-data-access';
import { formatDateTime, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { CaseStageTag, IdentificationTag, JurisdictionName } from '../CaseBadges';
import { casePaths } from '../paths';
import { useIntakeChannels } from '../useIntakeChannels';
import { ConsentCard } from './ConsentCard';
import { ProtectionCard } from './ProtectionCard';
import { ReferralsCard } from './ReferralsCard';
import { PlanCard } from './PlanCard';
import { SharesCard } from './SharesCard';
import { ReturnCard } from './ReturnCard';
import { ClosureCard } from './ClosureCard';
import { IdentificationCard, JusticeCard } from './DecisionCards';
import { TimelineCard } from './TimelineCard';
import { PurposeChoice } from './PurposeChoice';
import '../Cases.css';

/**
 * `/kasus/:code`: the case page. The reader first says why they open it; the purpose is kept for this visit
 * of the page only (component state: never stored, never in the address) and sent with the read, which
 * the API writes to the audit trail.
 */
export function CasePage() {
  const { code = '' } = useParams();
  // A new case is a new visit: its purpose is asked again.
  return <CaseVisit key={code} code={code} />;
}

function CaseVisit({ code }: { code: string }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const [purpose, setPurpose] = useState<CaseReadPurpose>();
  const wellFormed = CASE_CODE_PATTERN.test(code);
  const found = useCase(wellFormed ? code : undefined, purpose);
  // The API answers an unknown case and one the reader may not see alike, on purpose: so does this page.
  const notFound = !wellFormed || found.error?.code === 'NOT_FOUND';

  return (
    <div className="gu-cases" data-testid="case-page">
      <PageHeader title={t('page.title', { code })} breadcrumbs={[{ label: t('page.crumb'), to: casePaths.list }, { label: code }]} breadcrumbsLabel={tc('breadcrumbs')} />
      {notFound ? (
        <Card data-testid="case-not-found">
          <h2 className="gu-cases__section-title">{t('page.notFoundTitle')}</h2>
          <p>{t('page.notFound', { code })}</p>
          <p>
            <Link to={casePaths.list}>{t('page.backToList')}</Link>
          </p>
        </Card>
      ) : !purpose ? (
        <PurposeChoice code={code} onChoose={setPurpose} />
      ) : (
        <>
          {found.error && <ApiErrorAlert error={found.error} />}
          {found.isLoading && !found.data && <Loading label={tc('loading')} />}
          {found.data && <CaseRecord view={found.data} purpose={purpose} onChangePurpose={() => setPurpose(undefined)} onChanged={found.reload} />}
        </>
      )}
    </div>
  );
}

function CaseRecord({ view, purpose, onChangePurpose, onChanged }: { view: CaseView; purpose: CaseReadPurpose; onChangePurpose: () => void; onChanged: () => void }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const { me } = useAuth();
  const channels = useIntakeChannels(view.jurisdictionCode);
  const [offer, setOffer] = useState<{ serviceType: string; at: number }>();
  return (
    <>
      <Alert tone="info" data-testid="case-read-recorded">
        <p>{t('page.recorded', { purpose: t(`purposes.${purpose}.label`) })}</p>
        <Button variant="secondary" className="gu-cases__change-purpose" onClick={onChangePurpose}>
          {t('page.changePurpose')}
        </Button>
      </Alert>
      <Card data-testid="case-record">
        <h2 className="gu-cases__section-title">{t('page.record')}</h2>
        <dl className="gu-cases__facts">
          <div>
            <dt>{t('page.code')}</dt>
            <dd className="gu-cases__case-code" data-testid="case-code">
              {view.code}
            </dd>
          </div>
          <div>
            <dt>{t('page.jurisdiction')}</dt>
            <dd data-testid="case-jurisdiction">
              <JurisdictionName code={view.jurisdictionCode} />
            </dd>
          </div>
          <div>
            <dt>{t('page.stage')}</dt>
            <dd>
              <CaseStageTag stage={view.stage} />
            </dd>
          </div>
          <div>
            <dt>{t('page.identification')}</dt>
            <dd>
              <IdentificationTag status={view.identificationStatus} />
            </dd>
          </div>
          <div>
            <dt>{t('page.agency')}</dt>
            <dd data-testid="case-agency">{view.intakeAgency.name ?? view.intakeAgency.id}</dd>
          </div>
          <div>
            <dt>{t('page.channel')}</dt>
            <dd data-testid="case-channel">{channels.label(view.intakeChannel)}</dd>
          </div>
          <div>
            <dt>{t('page.openedAt')}</dt>
            <dd>{formatDateTime(view.openedAt, language, { seconds: false })}</dd>
          </div>
          <div>
            <dt>{t('page.openedBy')}</dt>
            <dd>{view.openedBy === me?.personId ? t('page.openedByYou') : t('page.openedByStaff', { id: view.openedBy.slice(0, 8) })}</dd>
          </div>
          {view.reunifiedAt && (
            <div>
              <dt>{t('page.reunifiedAt')}</dt>
              <dd data-testid="case-reunified">{formatDateTime(view.reunifiedAt, language, { seconds: false })}</dd>
            </div>
          )}
          {view.closedAt && (
            <div>
              <dt>{t('page.closedAt')}</dt>
              <dd>{formatDateTime(view.closedAt, language, { seconds: false })}</dd>
            </div>
          )}
        </dl>
      </Card>
      {view.access === 'team' ? (
        <>
          <ProtectionCard view={view} />
          <ConsentCard view={view} purpose={purpose} />
          <PlanCard view={view} purpose={purpose} />
          <ReferralsCard view={view} purpose={purpose} offer={offer} />
          <ReturnCard view={view} purpose={purpose} onOffer={(serviceType) => setOffer({ serviceType, at: Date.now() })} />
          <IdentificationCard view={view} purpose={purpose} onChanged={onChanged} />
          <JusticeCard view={view} purpose={purpose} />
        </>
      ) : (
        <Alert tone="info" data-testid="case-partner-notice">
          <p>{t('shares.partnerNotice')}</p>
        </Alert>
      )}
      {view.access === 'partner' && <PlanCard view={view} purpose={purpose} />}
      <SharesCard view={view} purpose={purpose} />
      {view.access === 'team' && <ClosureCard view={view} onChanged={onChanged} />}
      <TimelineCard view={view} purpose={purpose} />
    </>
  );
}
