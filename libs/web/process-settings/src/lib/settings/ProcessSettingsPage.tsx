import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isProcessKey, PROCESS_KEYS, PROCESS_SETTINGS_DEFINITIONS, type ProcessSettingsDefinition, type ProcessSettingsValue, type ProcessSettingsVersionView } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useJurisdiction, useProcessSettings } from '@gugus/web-data-access';
import { useLanguage } from '@gugus/web-i18n';
import { Alert, Card, Loading, PageHeader, SelectField, Tag } from '@gugus/web-ui';
import { ApiErrorAlert, JurisdictionSelect } from '@gugus/web-shared';
import { canEditSettings, mayView, settingsJurisdictions } from '../grants';
import { SettingsEditor } from './SettingsEditor';
import { SettingsHistory } from './SettingsHistory';
import '../ProcessSettings.css';

/**
 * `/pengaturan-proses?proses=case-management&wilayah=32.04`: for one process (coordination meetings by
 * default, the plan of action, case management), what applies in a jurisdiction, where from, a form for a
 * new version, and its history.
 */
export function ProcessSettingsPage() {
  const { t } = useTranslation('processSettings');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const askedProcess = params.get('proses') ?? '';
  const processKey = isProcessKey(askedProcess) ? askedProcess : 'coordination-meeting';
  const definition = PROCESS_SETTINGS_DEFINITIONS[processKey] as unknown as ProcessSettingsDefinition<ProcessSettingsValue>;
  const grantCodes = me ? settingsJurisdictions(me.grants) : [];
  const asked = params.get('wilayah') ?? '';
  const code = asked && mayView(grantCodes, asked) ? asked : (grantCodes[0] ?? '');
  const jurisdiction = useJurisdiction(code || undefined);
  const overview = useProcessSettings(code ? definition.key : undefined, code || undefined);
  const source = useJurisdiction(overview.data && overview.data.effective.version > 0 ? overview.data.effective.jurisdictionCode : undefined);
  const [lastSaved, setLastSaved] = useState<ProcessSettingsVersionView | undefined>();
  const name = jurisdiction.data?.name ?? code;
  const canEdit = me ? canEditSettings(me.grants, code) : false;

  const choose = (next: string) => {
    setLastSaved(undefined);
    setParams({ ...(processKey !== 'coordination-meeting' ? { proses: processKey } : {}), wilayah: next }, { replace: true });
  };
  const chooseProcess = (next: string) => {
    setLastSaved(undefined);
    setParams({ ...(next !== 'coordination-meeting' ? { proses: next } : {}), ...(code ? { wilayah: code } : {}) }, { replace: true });
  };
  const saved = (version: ProcessSettingsVersionView) => {
    setLastSaved(version);
    overview.reload();
  };

  const data = overview.data;
  const fromHere = data && data.effective.jurisdictionCode === code && data.effective.version > 0;
  return (
    <div className="gu-ps" data-testid="process-settings-page">
      <PageHeader title={t('settings.title')} intro={t('settings.intro')} aside={<Tag tone="primary">{definition.title[language]}</Tag>} />
      {!grantCodes.length && <Alert tone="info">{t('settings.noAccess')}</Alert>}
      <p className="gu-ps__muted">
        <Link to="/pengaturan-proses/paket-rujukan" data-testid="packet-lists-link">
          {t('settings.packetLists')}
        </Link>{' '}
        <Link to="/perjanjian-kerja-sama" data-testid="agreements-link">
          {t('settings.agreements')}
        </Link>{' '}
        <Link to="/direktori-layanan" data-testid="directory-link">
          {t('settings.directory')}
        </Link>
      </p>
      {code && (
        <Card>
          <SelectField label={t('settings.process')} value={processKey} onChange={(e) => chooseProcess(e.target.value)} data-testid="settings-process">
            {PROCESS_KEYS.map((key) => (
              <option key={key} value={key}>
                {PROCESS_SETTINGS_DEFINITIONS[key].title[language]}
              </option>
            ))}
          </SelectField>
          <JurisdictionSelect label={t('settings.jurisdiction')} hint={t('settings.jurisdictionHint')} data-testid="settings-jurisdiction" grantCodes={grantCodes} value={code} onChange={choose} />
          {data && (
            <div className="gu-ps__source" data-testid="settings-source">
              <p className="gu-ps__source-label">{t('settings.inEffect', { name })}</p>
              <p className="gu-ps__source-value">{t(`settings.source.${data.source}`, { version: data.effective.version, name: source.data?.name ?? (data.effective.jurisdictionCode === code ? name : data.effective.jurisdictionCode) })}</p>
              {canEdit && !fromHere && <p className="gu-ps__muted">{t('settings.inherits', { name })}</p>}
            </div>
          )}
          {!canEdit && data && <p className="gu-ps__muted">{t('settings.readOnly')}</p>}
        </Card>
      )}
      {lastSaved && lastSaved.jurisdictionCode === code && (
        <Alert tone="success" data-testid="settings-saved">
          {t('settings.saved', { version: lastSaved.version, name })}
        </Alert>
      )}
      {overview.isLoading && !data && <Loading label={tc('loading')} />}
      {overview.error && <ApiErrorAlert error={overview.error} />}
      {data && (
        <div className="gu-ps__columns">
          <SettingsEditor
            key={`${processKey}:${code}:${data.effective.settingsId ?? 'defaults'}`}
            definition={definition}
            current={data.effective.settings}
            jurisdictionCode={code}
            jurisdictionName={name}
            canEdit={canEdit}
            onSaved={saved}
          />
          <SettingsHistory definition={definition} history={data.history} jurisdictionName={name} />
        </div>
      )}
    </div>
  );
}
