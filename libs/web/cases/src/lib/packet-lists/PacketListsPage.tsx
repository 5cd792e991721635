import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePacketListView } from '@gugus/contracts';
import { usePacketLists, useUpdatePacketList } from '@gugus/web-data-access';
import { formatShortDateTime, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, PageHeader, Tag } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { useProvince } from '../useProvince';
import '../Cases.css';

type Item = CasePacketListView['items'][number];

/**
 * `/pengaturan-proses/paket-rujukan`: what each service's referral packet carries in the province
 * (PRODUCT §3.2 step 6) — the national default or the province's adjusted list — for the case team to
 * see and the province's administrators to adjust. The person's consent always narrows it further.
 */
export function PacketListsPage() {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const province = useProvince();
  const lists = usePacketLists(province);
  return (
    <div className="gu-cases" data-testid="packet-lists-page">
      <PageHeader title={t('packetLists.title')} intro={t('packetLists.intro')} />
      {!province && <Alert tone="info">{t('packetLists.noProvince')}</Alert>}
      {lists.error && <ApiErrorAlert error={lists.error} />}
      {lists.isLoading && !lists.data && <Loading label={tc('loading')} />}
      {lists.data && (
        <ul className="gu-cases__packet-lists" data-testid="packet-lists">
          {lists.data.items.map((item) => (
            <ServiceRow key={item.serviceType} item={item} view={lists.data as CasePacketListView} onSaved={lists.reload} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ServiceRow({ item, view, onSaved }: { item: Item; view: CasePacketListView; onSaved: () => void }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const update = useUpdatePacketList();
  const [editing, setEditing] = useState<string[] | null>(null);
  const label = (code: string) => view.allCategories.find((c) => c.code === code)?.label[language] ?? code;
  const save = async (categories: string[] | null) => {
    if (await update.submit({ province: view.jurisdictionCode, serviceType: item.serviceType, categories })) {
      setEditing(null);
      onSaved();
    }
  };
  return (
    <li className="gu-cases__packet-list" data-testid="packet-list" data-service={item.serviceType} data-adjusted={item.adjusted}>
      <Card>
        <div className="gu-cases__consent-head">
          <h2 className="gu-cases__section-title">{item.serviceLabel[language]}</h2>
          {item.adjusted ? <Tag tone="accent">{t('packetLists.adjusted')}</Tag> : <Tag>{t('packetLists.default')}</Tag>}
        </div>
        {editing === null ? (
          <>
            <p data-testid="packet-list-categories">
              {item.categories.length ? item.categories.map((c) => <Tag key={c} tone="primary">{label(c)}</Tag>) : <span className="gu-cases__muted">{t('packetLists.codeOnly')}</span>}
            </p>
            {item.adjusted && item.updatedAt && <p className="gu-cases__muted">{t('packetLists.updatedAt', { at: formatShortDateTime(item.updatedAt, language) })}</p>}
            {view.canEdit && (
              <div className="gu-cases__consent-actions">
                <Button variant="secondary" onClick={() => setEditing([...item.categories])} data-testid="packet-list-edit">
                  {t('packetLists.edit')}
                </Button>
                {item.adjusted && (
                  <Button variant="secondary" onClick={() => void save(null)} disabled={update.isSubmitting} data-testid="packet-list-reset">
                    {t('packetLists.reset')}
                  </Button>
                )}
              </div>
            )}
          </>
        ) : (
          <fieldset className="gu-cases__packet-edit">
            <legend>{t('packetLists.choose')}</legend>
            {view.allCategories.map((c) => (
              <label key={c.code} className="gu-cases__packet-choice">
                <input
                  type="checkbox"
                  checked={editing.includes(c.code)}
                  onChange={(e) => setEditing(e.target.checked ? [...editing, c.code] : editing.filter((x) => x !== c.code))}
                />{' '}
                {c.label[language]}
                {item.defaults.includes(c.code) && <span className="gu-cases__muted"> · {t('packetLists.inDefault')}</span>}
              </label>
            ))}
            {update.error && <ApiErrorAlert error={update.error} />}
            <div className="gu-cases__consent-actions">
              <Button onClick={() => void save(editing)} disabled={update.isSubmitting} data-testid="packet-list-save">
                {t('packetLists.save')}
              </Button>
              <Button variant="secondary" onClick={() => setEditing(null)} disabled={update.isSubmitting}>
                {t('packetLists.cancel')}
              </Button>
            </div>
          </fieldset>
        )}
      </Card>
    </li>
  );
}
