import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseReadPurpose, CaseShareView, CaseView } from '@gugus/contracts';
import { useAgenciesIn, useCaseShares, useEndShare, useShareCase, useSharedRecord } from '@gugus/web-data-access';
import { formatDate, formatDateTime, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, CheckboxField, Loading, SelectField, Tag } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { casePaths } from '../paths';

/**
 * Cross-region sharing (issue 11, step 9). For the case's own team: the shares, "Bagikan kasus" under an
 * agreement in force with a member agency of the other party (which may lead the return and
 * reintegration), and ending a share. For a partner: its own share. Either side opens the shared record
 * — only what both the agreement and the person's consent for the partner agency cover.
 */
export function SharesCard({ view, purpose }: { view: CaseView; purpose: CaseReadPurpose }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const shares = useCaseShares(view.code, purpose);
  const end = useEndShare();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const team = view.access === 'team';
  const items = shares.data?.items ?? [];

  const endShare = async (share: CaseShareView) => {
    if (await end.submit({ code: view.code, shareId: share.id })) shares.reload();
  };

  return (
    <Card className="gu-cases__shares" data-testid="case-shares">
      <div className="gu-cases__consent-head">
        <h2 className="gu-cases__section-title">{t('shares.title')}</h2>
        {team && !open && view.stage !== 'closed' && (
          <Button variant="secondary" onClick={() => { setDone(null); setOpen(true); }} disabled={!shares.data} data-testid="share-new">
            {t('shares.new')}
          </Button>
        )}
      </div>
      <p className="gu-cases__muted">{t('shares.intro')}</p>
      {done && (
        <Alert tone="success" data-testid="share-done">
          {t('shares.shared', { agency: done })}
        </Alert>
      )}
      {shares.error && <ApiErrorAlert error={shares.error} />}
      {end.error && <ApiErrorAlert error={end.error} />}
      {shares.isLoading && !shares.data && <Loading label={tc('loading')} />}
      {shares.data && !items.length && <p data-testid="shares-none">{t('shares.none')}</p>}
      {items.length > 0 && (
        <ul className="gu-cases__consent-list" data-testid="share-list">
          {items.map((s) => (
            <ShareRow key={s.id} share={s} team={team} purpose={purpose} shown={shown === s.id} onToggle={() => setShown(shown === s.id ? null : s.id)} onEnd={() => void endShare(s)} ending={end.isSubmitting} />
          ))}
        </ul>
      )}
      {open && shares.data && (
        <ShareForm
          view={view}
          agreements={shares.data.agreements}
          onShared={(share) => {
            setOpen(false);
            setDone(share.partnerAgency.name ?? share.partnerAgency.id);
            shares.reload();
          }}
          onCancel={() => setOpen(false)}
        />
      )}
      <p>
        <Link to={casePaths.agreements} data-testid="agreements-link">
          {t('shares.register')}
        </Link>
      </p>
    </Card>
  );
}

function ShareRow({ share, team, purpose, shown, onToggle, onEnd, ending }: { share: CaseShareView; team: boolean; purpose: CaseReadPurpose; shown: boolean; onToggle: () => void; onEnd: () => void; ending: boolean }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const state = share.endedAt ? 'ended' : share.active ? 'active' : 'inactive';
  return (
    <li className="gu-cases__consent-item" data-testid="share-row" data-state={state}>
      <div className="gu-cases__consent-line">
        <strong>{share.partnerAgency.name ?? share.partnerAgency.id}</strong> <Tag tone={state === 'active' ? 'primary' : 'neutral'}>{t(`shares.${state}`)}</Tag>
        {share.leadsReintegration && <Tag tone="accent">{t('shares.leads')}</Tag>}
      </div>
      <p className="gu-cases__muted">
        {share.agreement.reference} · {t('shares.since', { at: formatDateTime(share.sharedAt, language, { seconds: false }) })}
      </p>
      <div className="gu-cases__consent-actions">
        {share.active && (
          <Button variant="secondary" onClick={onToggle} data-testid="share-record-toggle">
            {shown ? t('shares.hide') : t('shares.show')}
          </Button>
        )}
        {team && !share.endedAt && (
          <Button variant="secondary" onClick={onEnd} disabled={ending} data-testid="share-end">
            {t('shares.end')}
          </Button>
        )}
      </div>
      {shown && <SharedRecord code={share.caseCode} share={share} purpose={purpose} />}
    </li>
  );
}

function ShareForm({ view, agreements, onShared, onCancel }: { view: CaseView; agreements: { id: string; reference: string; title: string; parties: { code: string; name: string | null }[] }[]; onShared: (share: CaseShareView) => void; onCancel: () => void }) {
  const { t } = useTranslation('cases');
  const share = useShareCase();
  const [agreementId, setAgreementId] = useState(agreements.length === 1 ? agreements[0].id : '');
  const [partnerAgencyId, setPartnerAgencyId] = useState('');
  const [leadsReintegration, setLeads] = useState(false);
  const chosen = agreements.find((a) => a.id === agreementId);
  // The other party: the one that is not the case's task force (nor covers it).
  const partner = chosen?.parties.find((p) => !(view.jurisdictionCode === p.code || view.jurisdictionCode.startsWith(`${p.code}.`)));
  const agencies = useAgenciesIn(partner ? [partner.code] : []);
  const errors = share.fieldErrors;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await share.submit({ code: view.code, agreementId, partnerAgencyId, leadsReintegration });
    if (made) onShared(made);
  };

  if (!agreements.length) {
    return (
      <Alert tone="info" data-testid="share-no-agreement">
        {t('shares.noAgreement')}
      </Alert>
    );
  }
  return (
    <form className="gu-cases__form" onSubmit={(e) => void submit(e)} noValidate data-testid="share-form">
      <SelectField label={t('shares.agreement')} value={agreementId} required onChange={(e) => { setAgreementId(e.target.value); setPartnerAgencyId(''); }} error={errors['agreementId']} data-testid="share-agreement">
        <option value="">{t('shares.chooseAgreement')}</option>
        {agreements.map((a) => (
          <option key={a.id} value={a.id}>
            {a.reference} — {a.parties.map((p) => p.name ?? p.code).join(' · ')}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('shares.partnerAgency')} value={partnerAgencyId} required disabled={!partner} onChange={(e) => setPartnerAgencyId(e.target.value)} error={errors['partnerAgencyId']} data-testid="share-agency">
        <option value="">{t('shares.chooseAgency')}</option>
        {agencies.data?.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <CheckboxField label={t('shares.leadsReintegration')} checked={leadsReintegration} onChange={(e) => setLeads(e.target.checked)} data-testid="share-leads" />
      {errors['leadsReintegration'] && <p className="gu-field__error">{errors['leadsReintegration']}</p>}
      {share.error && !Object.keys(errors).length && <ApiErrorAlert error={share.error} />}
      <div className="gu-cases__consent-actions">
        <Button type="submit" disabled={share.isSubmitting || !agreementId || !partnerAgencyId} data-testid="share-submit">
          {share.isSubmitting ? t('shares.sharing') : t('shares.share')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={share.isSubmitting}>
          {t('shares.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** What the share lets the partner read: the agreement's scope ∩ the consent for the partner agency, by form. */
function SharedRecord({ code, share, purpose }: { code: string; share: CaseShareView; purpose: CaseReadPurpose }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const record = useSharedRecord(code, share.id, purpose);
  if (record.isLoading && !record.data) return <Loading label={tc('loading')} />;
  if (record.error || !record.data) return record.error ? <ApiErrorAlert error={record.error} /> : null;
  const r = record.data;
  return (
    <section className="gu-cases__shared-record" data-testid="shared-record" aria-label={t('shares.recordTitle', { agency: share.partnerAgency.name ?? '' })}>
      <h3 className="gu-cases__consent-subtitle">{t('shares.recordTitle', { agency: share.partnerAgency.name ?? share.partnerAgency.id })}</h3>
      {r.notice && r.consent.status !== 'granted' && (
        <Alert tone={r.consent.status === 'withdrawn' ? 'error' : 'info'} data-testid="shared-record-notice">
          {r.notice[language]}
        </Alert>
      )}
      {r.categories.length > 0 && (
        <p data-testid="shared-record-categories">
          {t('shares.recordShared')}{' '}
          {r.categories.map((c) => (
            <Tag key={c} tone="primary">
              {r.categoryLabels[c]?.[language] ?? c}
            </Tag>
          ))}
        </p>
      )}
      {r.withheld.length > 0 && (
        <p className="gu-cases__muted" data-testid="shared-record-withheld">
          {t('shares.recordWithheld')} {r.withheld.map((c) => r.categoryLabels[c]?.[language] ?? c).join(', ')}
        </p>
      )}
      {r.documents.map((d, i) => (
        <div key={`${d.formKey}-${i}`} className="gu-cases__shared-doc" data-testid="shared-record-document" data-form={d.formKey}>
          <h4>{d.title[language]}</h4>
          <dl className="gu-cases__facts">
            {d.fields.map((f) => (
              <div key={f.pointer} data-testid="shared-record-field" data-pointer={f.pointer}>
                <dt>{f.label[language]}</dt>
                <dd>{f.valueLabel ? f.valueLabel[language] : typeof f.value === 'boolean' ? t(f.value ? 'shares.yes' : 'shares.no') : /^\d{4}-\d{2}-\d{2}$/.test(String(f.value)) ? formatDate(String(f.value), language) : String(f.value ?? '')}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      {!r.documents.length && <p className="gu-cases__muted" data-testid="shared-record-empty">{t('shares.recordEmpty')}</p>}
    </section>
  );
}
