import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDirectoryView, ServiceProviderView } from '@gugus/contracts';
import { useServiceDirectory, useUpdateServiceProvider } from '@gugus/web-data-access';
import { formatNumber, formatShortDateTime, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, CheckboxGroup, Loading, PageHeader, SelectField, Tag, TextAreaField, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { useProvince } from '../useProvince';
import '../Cases.css';

/**
 * `/direktori-layanan`: the province's directory of service providers (issue 11, step 10; digest F21) —
 * what each member agency offers, whom it serves, its capacity and how to refer to it. Case plans pick
 * each service's responsible agency from it. The province's secretariat and administrators change any
 * entry, an agency's officers their own ("Ubah" shows only where the reader may).
 */
export function ServiceDirectoryPage() {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const province = useProvince();
  const [service, setService] = useState('');
  const directory = useServiceDirectory(province, service || undefined);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const data = directory.data;
  return (
    <div className="gu-cases" data-testid="service-directory-page">
      <PageHeader title={t('directory.title')} intro={t('directory.intro')} />
      {!province && <Alert tone="info">{t('directory.noProvince')}</Alert>}
      {directory.error && <ApiErrorAlert error={directory.error} />}
      {directory.isLoading && !data && <Loading label={tc('loading')} />}
      {saved && <Alert tone="success" data-testid="directory-saved">{t('directory.saved', { agency: saved })}</Alert>}
      {data && (
        <Card>
          <SelectField label={t('directory.filter')} value={service} onChange={(e) => setService(e.target.value)} data-testid="directory-filter">
            <option value="">{t('directory.all')}</option>
            {Object.entries(data.labels.services).map(([code, l]) => (
              <option key={code} value={code}>
                {l[language]}
              </option>
            ))}
          </SelectField>
          <table className="gu-cases__table gu-cases__table--words" data-testid="directory-table">
            <thead>
              <tr>
                <th scope="col">{t('directory.columns.agency')}</th>
                <th scope="col">{t('directory.columns.services')}</th>
                <th scope="col">{t('directory.columns.groups')}</th>
                <th scope="col">{t('directory.columns.capacity')}</th>
                <th scope="col">{t('directory.columns.contact')}</th>
                <th scope="col"><span className="gu-visually-hidden">{t('directory.edit')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) =>
                editing === p.agency.id ? (
                  <tr key={p.agency.id}>
                    <td colSpan={6}>
                      <ProviderForm
                        province={data.jurisdictionCode}
                        provider={p}
                        labels={data.labels}
                        onSaved={() => { setEditing(null); setSaved(p.agency.name ?? p.agency.id); directory.reload(); }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={p.agency.id} data-testid="directory-row" data-agency={p.agency.name ?? ''}>
                    <td className="gu-cases__directory-agency">
                      {p.agency.name}
                      <br />
                      <span className="gu-cases__muted">{p.agency.jurisdictionCode}</span>
                    </td>
                    <td data-label={t('directory.columns.services')} data-testid="directory-services">
                      {p.services.length ? p.services.map((s) => <Tag key={s} tone="primary">{data.labels.services[s]?.[language] ?? s}</Tag>) : <span className="gu-cases__muted">{t('directory.notListed')}</span>}
                    </td>
                    <td data-label={t('directory.columns.groups')}>{p.targetGroups.map((g) => data.labels.targetGroups[g]?.[language] ?? g).join(', ')}</td>
                    <td data-label={t('directory.columns.capacity')} data-testid="directory-capacity">{p.capacity === null ? '—' : formatNumber(p.capacity, language)}</td>
                    <td data-label={t('directory.columns.contact')}>
                      {p.contactPoint}
                      {p.referralProtocol && <div className="gu-cases__muted">{p.referralProtocol}</div>}
                      {p.updatedAt && <div className="gu-cases__muted">{t('directory.updatedAt', { at: formatShortDateTime(p.updatedAt, language) })}</div>}
                    </td>
                    <td>
                      {p.canEdit && (
                        <Button variant="secondary" onClick={() => { setSaved(null); setEditing(p.agency.id); }} disabled={editing !== null} data-testid="directory-edit">
                          {t('directory.edit')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}

function ProviderForm({ province, provider, labels, onSaved, onCancel }: { province: string; provider: ServiceProviderView; labels: ServiceDirectoryView['labels']; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const update = useUpdateServiceProvider();
  const [services, setServices] = useState<string[]>(provider.services);
  const [groups, setGroups] = useState<string[]>(provider.targetGroups);
  const [capacity, setCapacity] = useState(provider.capacity === null ? '' : String(provider.capacity));
  const [contact, setContact] = useState(provider.contactPoint ?? '');
  const [protocol, setProtocol] = useState(provider.referralProtocol ?? '');
  const choices = (l: Record<string, { id: string; en: string }>) => Object.entries(l).map(([value, label]) => ({ value, label: label[language] }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await update.submit({
      province,
      agencyId: provider.agency.id,
      services,
      targetGroups: groups,
      // "1.000" is a thousand; anything that is not a whole number goes as typed, and the API names the field.
      capacity: capacity.trim() === '' ? null : /^[\d.\s]+$/.test(capacity.trim()) ? Number(capacity.replace(/[.\s]/g, '')) : (capacity.trim() as unknown as number),
      contactPoint: contact.trim() || null,
      referralProtocol: protocol.trim() || null,
    });
    if (done) onSaved();
  };
  return (
    <form className="gu-cases__consent-form" onSubmit={(e) => void submit(e)} data-testid="directory-form" noValidate>
      <h2 className="gu-cases__consent-subtitle">{t('directory.editTitle', { agency: provider.agency.name ?? provider.agency.id })}</h2>
      <CheckboxGroup legend={t('directory.services')} options={choices(labels.services)} value={services} onChange={setServices} name="services" error={update.fieldErrors['services']} />
      <CheckboxGroup legend={t('directory.groups')} options={choices(labels.targetGroups)} value={groups} onChange={setGroups} name="targetGroups" error={update.fieldErrors['targetGroups']} />
      <TextField label={t('directory.capacity')} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} error={update.fieldErrors['capacity']} data-testid="directory-capacity-input" />
      <TextField label={t('directory.contact')} value={contact} maxLength={200} onChange={(e) => setContact(e.target.value)} error={update.fieldErrors['contactPoint']} />
      <TextAreaField label={t('directory.protocol')} value={protocol} maxLength={1000} onChange={(e) => setProtocol(e.target.value)} error={update.fieldErrors['referralProtocol']} />
      {update.error && <ApiErrorAlert error={update.error} />}
      <div className="gu-cases__consent-actions">
        <Button type="submit" disabled={update.isSubmitting} data-testid="directory-save">
          {update.isSubmitting ? t('directory.saving') : t('directory.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={update.isSubmitting}>
          {t('directory.cancel')}
        </Button>
      </div>
    </form>
  );
}
