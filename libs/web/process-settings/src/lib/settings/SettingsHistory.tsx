import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessSettingsValue, ProcessSettingsDefinition, ProcessSettingsVersionView } from '@gugus/contracts';
import { formatDateTime, useLanguage } from '@gugus/web-i18n';
import { Card } from '@gugus/web-ui';
import { changedFields } from './settingsForm';

export interface SettingsHistoryProps {
  definition: ProcessSettingsDefinition<ProcessSettingsValue>;
  history: readonly ProcessSettingsVersionView[];
  jurisdictionName: string;
}

/** The versions saved for one jurisdiction, newest first, each with what it changed against the one before (the first: against the national defaults). */
export function SettingsHistory({ definition, history, jurisdictionName }: SettingsHistoryProps) {
  const { t } = useTranslation('processSettings');
  const { t: to } = useTranslation('orgs');
  const { language } = useLanguage();
  const headingId = useId();
  const labels = new Map<string, string>([...definition.durations.map((f) => [f.key, f.label[language]] as const), ...definition.roles.map((f) => [`roles.${f.key}`, f.label[language]] as const)]);
  const show = (field: string, value: string) => (field.startsWith('roles.') ? to(`roles.${value}` as 'roles.chair') : value);
  return (
    <Card aria-labelledby={headingId}>
      <h2 id={headingId} className="gu-ps__section-title">
        {t('settings.history', { name: jurisdictionName })}
      </h2>
      {history.length === 0 ? (
        <p className="gu-ps__muted">{t('settings.historyEmpty')}</p>
      ) : (
        <ol className="gu-ps__rows" data-testid="settings-history">
          {history.map((v, i) => {
            const changes = changedFields(definition, history[i + 1]?.settings ?? definition.defaults, v.settings);
            return (
              <li key={v.id} className="gu-ps__row" data-testid="settings-version">
                <p className="gu-ps__row-title">{t('settings.version', { version: v.version })}</p>
                <p className="gu-ps__muted">{t('settings.savedBy', { name: v.createdBy?.name ?? '—', date: formatDateTime(v.createdAt, language, { seconds: false }) })}</p>
                {v.note && <p className="gu-ps__note">{v.note}</p>}
                <p className="gu-ps__changes">
                  {changes.length
                    ? t('settings.changes', { list: changes.map((c) => t('settings.change', { field: labels.get(c.field) ?? c.field, from: show(c.field, c.from), to: show(c.field, c.to) })).join('; ') })
                    : t('settings.noChanges')}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
