import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkProcessSettings, STEP_ROLES, type Role, type ProcessSettingsValue, type ProcessSettingsDefinition, type ProcessSettingsVersionView } from '@gugus/contracts';
import { useSaveProcessSettings } from '@gugus/web-data-access';
import { useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, SelectField, TextAreaField, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { draftOf, settingsOf, type SettingsDraft } from './settingsForm';

type Text = { id: string; en: string };

export interface SettingsEditorProps {
  definition: ProcessSettingsDefinition<ProcessSettingsValue>;
  /** What applies now: the form starts from it. */
  current: ProcessSettingsValue;
  jurisdictionCode: string;
  jurisdictionName: string;
  canEdit: boolean;
  onSaved: (version: ProcessSettingsVersionView) => void;
}

/**
 * The settings of one process in one jurisdiction as a form. Checked in the browser with the same schema
 * the API uses (same messages); whatever the API still refuses is shown at its field.
 */
export function SettingsEditor({ definition, current, jurisdictionCode, jurisdictionName, canEdit, onSaved }: SettingsEditorProps) {
  const { t } = useTranslation('processSettings');
  const { t: to } = useTranslation('orgs');
  const { language } = useLanguage();
  const durationsId = useId();
  const rolesId = useId();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(definition, current));
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, Text> | null>(null);
  const save = useSaveProcessSettings();

  const validate = (next: SettingsDraft) => {
    const result = checkProcessSettings(definition, settingsOf(definition, next));
    return result.ok ? { settings: result.settings, errors: {} } : { settings: undefined, errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message])) };
  };
  const update = (next: SettingsDraft) => {
    setDraft(next);
    // Once the person has tried to save, every change re-checks at once.
    if (clientErrors) setClientErrors(validate(next).errors);
  };
  const serverErrors = Object.fromEntries(Object.entries(save.fieldErrors).map(([field, message]) => [field.replace(/^settings\.?/, ''), message]));
  const errorAt = (field: string): string | undefined => clientErrors?.[field]?.[language] ?? serverErrors[field];
  const hasClientErrors = !!clientErrors && Object.keys(clientErrors).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { settings, errors } = validate(draft);
    setClientErrors(errors);
    if (!settings) return;
    const saved = await save.submit({ processKey: definition.key, jurisdictionCode, settings, note: note.trim() });
    if (saved) {
      setNote('');
      onSaved(saved);
    }
  };

  const fallback = definition.defaults as unknown as Record<string, unknown>;
  return (
    <form className="gu-ps__form" onSubmit={submit} noValidate data-testid="settings-form">
      <Card aria-labelledby={durationsId}>
        <h2 id={durationsId} className="gu-ps__section-title">
          {t('settings.durations')}
        </h2>
        <p className="gu-ps__muted">{t('settings.durationsHint')}</p>
        <div className="gu-ps__grid">
          {definition.durations.map((f) => (
            <TextField
              key={f.key}
              label={f.label[language]}
              hint={t('settings.range', { min: f.min, max: f.max, unit: t(`settings.units.${f.unit}`), fallback: String(fallback[f.key]) })}
              error={errorAt(f.key)}
              type="number"
              inputMode="numeric"
              min={f.min}
              max={f.max}
              step={1}
              value={draft.durations[f.key] ?? ''}
              disabled={!canEdit}
              onChange={(e) => update({ ...draft, durations: { ...draft.durations, [f.key]: e.target.value } })}
              data-testid={`setting-${f.key}`}
            />
          ))}
        </div>
      </Card>
      <Card aria-labelledby={rolesId}>
        <h2 id={rolesId} className="gu-ps__section-title">
          {t('settings.roles')}
        </h2>
        <p className="gu-ps__muted">{t('settings.rolesHint')}</p>
        <div className="gu-ps__grid">
          {definition.roles.map((f) => (
            <SelectField
              key={f.key}
              label={f.label[language]}
              hint={t('settings.roleDefault', { role: to(`roles.${(definition.defaults.roles as Record<string, Role>)[f.key]}`) })}
              error={errorAt(`roles.${f.key}`)}
              value={draft.roles[f.key] ?? ''}
              disabled={!canEdit}
              onChange={(e) => update({ ...draft, roles: { ...draft.roles, [f.key]: e.target.value } })}
              data-testid={`setting-roles-${f.key}`}
            >
              {STEP_ROLES.map((role) => (
                <option key={role} value={role}>
                  {to(`roles.${role}`)}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </Card>
      {canEdit && (
        <Card className="gu-ps__save">
          <TextAreaField label={t('settings.note')} hint={t('settings.noteHint')} value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} data-testid="settings-note" />
          {hasClientErrors && (
            <Alert tone="error" data-testid="settings-invalid">
              {t('settings.invalid')}
            </Alert>
          )}
          {save.error && <ApiErrorAlert error={save.error} />}
          <div className="gu-ps__actions">
            <Button type="submit" disabled={save.isSubmitting} data-testid="settings-save">
              {save.isSubmitting ? t('settings.saving') : t('settings.save')}
            </Button>
            <Button variant="secondary" onClick={() => update(draftOf(definition, definition.defaults))} data-testid="settings-defaults">
              {t('settings.resetDefaults')}
            </Button>
          </div>
          <p className="gu-ps__muted">{t('settings.savesFor', { name: jurisdictionName })}</p>
        </Card>
      )}
    </form>
  );
}
