import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReadPurpose, CaseView, ReferralStatus } from '@gugus/contracts';
import { useCaseConsents, useCaseReferrals, useEffectiveForm, useSendReferral } from '@gugus/web-data-access';
import type { FormData } from '@gugus/web-forms';
import { formatDateTime, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, Tag } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { CaseFormPanel } from './CaseFormPanel';

const REFERRAL_FORM = 'referral';
const teams = new Map<string, readonly string[]>();
/** A referral goes to an agency of the case's own task forces (its regency and province): a partner is reached through a share. The same array for the same code. */
function ownTeam(code: string): readonly string[] {
  let found = teams.get(code);
  if (!found) teams.set(code, (found = code.includes('.') ? [code, code.split('.')[0]] : [code]));
  return found;
}
const TONE: Record<ReferralStatus, 'primary' | 'accent' | 'neutral'> = { sent: 'neutral', accepted: 'primary', declined: 'accent', completed: 'primary', cancelled: 'neutral' };

/**
 * The case's referrals (issue 11, step 6): each with its service, the receiving agency and where it
 * stands (a re-referral names the declined one it replaces), and "Kirim rujukan", which opens the
 * referral form in effect. The API refuses a data category the person's consent for that agency does
 * not cover, at the field; the packet the agency reads is built from consent, never from this form alone.
 */
export function ReferralsCard({ view, purpose, offer }: { view: CaseView; purpose: CaseReadPurpose; offer?: { serviceType: string; at: number } }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const referrals = useCaseReferrals(view.code, purpose);
  const consents = useCaseConsents(view.code, purpose);
  const form = useEffectiveForm(REFERRAL_FORM, view.jurisdictionCode);
  const send = useSendReferral();
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<FormData>({});
  const [sent, setSent] = useState<number | null>(null);
  const services = ((form.data?.uiSchema['serviceType'] as { 'ui:enumNames'?: Record<string, string> } | undefined)?.['ui:enumNames'] ?? {}) as Record<string, string>;

  // "Covered by consent" is not the coordinator's to tick: it follows the consent recorded for the agency chosen.
  const covered = (agencyId: unknown): string[] => {
    const sharing = consents.data?.purposes.find((p) => p.purpose === 'data_sharing');
    return [...(sharing?.agencies?.find((a) => a.agencyId === agencyId && a.status === 'granted')?.categories ?? [])];
  };
  // Another card offers a referral (international protection instead of a return): open the form for it.
  useEffect(() => {
    if (!offer) return;
    setSent(null);
    send.reset();
    setAnswers({ serviceType: offer.serviceType, consentedCategories: [] });
    setOpen(true);
    document.querySelector('[data-testid="case-referrals"]')?.scrollIntoView({ block: 'start' });
    // Only a new offer opens the form; the mutation's reset is stable.
  }, [offer]);
  const change = (next: FormData) => setAnswers({ ...next, consentedCategories: covered((next as Record<string, unknown>)['receivingAgencyId']) });

  const submit = async (data: FormData) => {
    setSent(null);
    const done = await send.submit({ code: view.code, data: data as Record<string, unknown> });
    if (done) {
      setOpen(false);
      setAnswers({});
      setSent(done.number);
      referrals.reload();
    }
  };

  const items = referrals.data?.items ?? [];
  return (
    <Card className="gu-cases__referrals" data-testid="case-referrals">
      <div className="gu-cases__consent-head">
        <h2 className="gu-cases__section-title">{t('referrals.title')}</h2>
        {!open && view.stage !== 'closed' && (
          <Button
            variant="secondary"
            onClick={() => {
              setSent(null);
              send.reset();
              setAnswers({ consentedCategories: [] });
              setOpen(true);
            }}
            disabled={!form.data}
            data-testid="referral-new"
          >
            {t('referrals.new')}
          </Button>
        )}
      </div>
      <p className="gu-cases__muted">{t('referrals.intro')}</p>
      {sent !== null && (
        <Alert tone="success" data-testid="referral-sent">
          {t('referrals.sent', { number: sent })}
        </Alert>
      )}
      {referrals.error && <ApiErrorAlert error={referrals.error} />}
      {referrals.isLoading && !referrals.data && <Loading label={tc('loading')} />}
      {referrals.data && !items.length && <p data-testid="referrals-none">{t('referrals.none')}</p>}
      {items.length > 0 && (
        <ul className="gu-cases__consent-list" data-testid="referral-list">
          {items.map((r) => (
            <li key={r.number} className="gu-cases__consent-item" data-testid="referral-row" data-number={r.number} data-status={r.status}>
              <div className="gu-cases__consent-line">
                <strong>
                  #{r.number} {services[r.serviceType] ?? r.serviceType}
                </strong>{' '}
                <Tag tone={TONE[r.status]}>{t(`referrals.status.${r.status}`)}</Tag>
              </div>
              <p className="gu-cases__muted">
                {r.receivingAgency.name ?? r.receivingAgency.id} · {t('referrals.sentAt', { at: formatDateTime(r.sentAt, language, { seconds: false }) })}
                {r.replacesNumber ? ` · ${t('referrals.replaces', { number: r.replacesNumber })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {open && form.data && (
        <CaseFormPanel
          name="referral"
          form={form.data}
          jurisdictionCode={view.jurisdictionCode}
          agencyJurisdictions={ownTeam(view.jurisdictionCode)}
          answers={answers}
          onChange={change}
          onSubmit={(valid) => void submit(valid)}
          onCancel={() => setOpen(false)}
          error={send.error}
          submitting={send.isSubmitting}
          labels={{ submit: t('referrals.send'), submitting: t('referrals.sending'), cancel: t('referrals.cancel'), rejected: t('referrals.rejected') }}
        />
      )}
    </Card>
  );
}
