import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SENSITIVITIES, type FormOverlay, type Language, type Sensitivity } from '@gugus/forms';
import { Alert, Button, Card, CheckboxField, SelectField, TextField } from '@gugus/web-ui';
import type { FieldRow } from '../model/fieldRows';
import { addField, type NewField, type NewFieldType } from '../model/overlayOps';
import type { ListChoice } from './FieldEditPanel';

const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
const TYPES: readonly NewFieldType[] = ['text', 'number', 'date', 'choice'];
// What a condition can compare: fields with one plain value.
const CONDITION_KINDS = new Set(['choice', 'boolean', 'text', 'number', 'integer', 'date']);

export interface AddFieldFormProps {
  rows: readonly FieldRow[];
  overlay: FormOverlay;
  language: Language;
  listChoices: readonly ListChoice[];
  onChange: (overlay: FormOverlay) => void;
}

interface Draft {
  name: string;
  labelId: string;
  labelEn: string;
  type: NewFieldType;
  optionsKey: string;
  sensitivity: Sensitivity;
  required: boolean;
  whenField: string;
  whenValue: string;
}

const EMPTY: Draft = { name: '', labelId: '', labelEn: '', type: 'text', optionsKey: '', sensitivity: 'internal', required: false, whenField: '', whenValue: '' };

/** Adds a top-level field: name, labels in both languages, type, sensitivity, required, optional condition. */
export function AddFieldForm({ rows, overlay, language, listChoices, onChange }: AddFieldFormProps) {
  const { t } = useTranslation('formEditor');
  const headingId = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<'name' | 'labels' | 'list' | 'value', string>>>({});
  const [done, setDone] = useState<string>();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const conditionFields = rows.filter((r) => r.parent === '' && !r.hidden && CONDITION_KINDS.has(r.kind));
  const whenRow = conditionFields.find((r) => r.name === draft.whenField);

  const conditionValue = (): string | number | boolean => {
    if (whenRow?.kind === 'boolean') return draft.whenValue === 'true';
    if (whenRow?.kind === 'number' || whenRow?.kind === 'integer') return Number(draft.whenValue);
    return draft.whenValue;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.name.trim();
    const next = {
      name: !FIELD_NAME.test(name) ? t('add.errors.name') : rows.some((r) => r.parent === '' && r.name === name) ? t('add.errors.nameTaken') : undefined,
      labels: !draft.labelId.trim() || !draft.labelEn.trim() ? t('add.errors.labels') : undefined,
      list: draft.type === 'choice' && !draft.optionsKey ? t('add.errors.list') : undefined,
      value: draft.whenField && draft.whenValue.trim() === '' ? t('add.errors.value') : undefined,
    };
    setErrors(next);
    setDone(undefined);
    if (Object.values(next).some(Boolean)) return;
    const field: NewField = {
      name,
      label: { id: draft.labelId.trim(), en: draft.labelEn.trim() },
      type: draft.type,
      optionsKey: draft.type === 'choice' ? draft.optionsKey : undefined,
      sensitivity: draft.sensitivity,
      required: draft.required,
      when: draft.whenField ? { field: draft.whenField, equals: conditionValue() } : undefined,
    };
    onChange(addField(overlay, field));
    setDone(t('add.done', { label: field.label[language] }));
    setDraft(EMPTY);
  };

  return (
    <Card aria-labelledby={headingId}>
      <form className="gu-fe__form" onSubmit={submit} data-testid="add-field-form" noValidate>
        <h2 id={headingId} className="gu-fe__title">
          {t('add.heading')}
        </h2>
        <p className="gu-fe__muted">{t('add.intro')}</p>
        <TextField label={t('add.name')} hint={t('add.nameHint')} value={draft.name} onChange={(e) => set('name', e.target.value)} error={errors.name} autoCapitalize="none" spellCheck={false} required />
        <div className="gu-fe__pair">
          <TextField label={t('add.labelId')} value={draft.labelId} onChange={(e) => set('labelId', e.target.value)} error={errors.labels} required />
          <TextField label={t('add.labelEn')} value={draft.labelEn} onChange={(e) => set('labelEn', e.target.value)} required />
        </div>
        <div className="gu-fe__pair">
          <SelectField label={t('add.type')} value={draft.type} onChange={(e) => set('type', e.target.value as NewFieldType)}>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`add.types.${type}`)}
              </option>
            ))}
          </SelectField>
          {draft.type === 'choice' && (
            <SelectField label={t('add.list')} hint={t('add.listHint')} value={draft.optionsKey} onChange={(e) => set('optionsKey', e.target.value)} error={errors.list}>
              <option value="">{t('add.chooseList')}</option>
              {listChoices.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.label}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <SelectField label={t('add.sensitivity')} hint={t('add.sensitivityHint')} value={draft.sensitivity} onChange={(e) => set('sensitivity', e.target.value as Sensitivity)}>
          {SENSITIVITIES.map((s) => (
            <option key={s} value={s}>
              {t(`fields.sensitivity.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className="gu-fe__pair">
          <SelectField label={t('add.conditionField')} hint={t('add.conditionHint')} value={draft.whenField} onChange={(e) => setDraft((d) => ({ ...d, whenField: e.target.value, whenValue: '' }))}>
            <option value="">{t('add.conditionNone')}</option>
            {conditionFields.map((r) => (
              <option key={r.name} value={r.name}>
                {r.label[language]}
              </option>
            ))}
          </SelectField>
          {whenRow &&
            (whenRow.kind === 'choice' || whenRow.kind === 'boolean' ? (
              <SelectField label={t('add.conditionValue')} value={draft.whenValue} onChange={(e) => set('whenValue', e.target.value)} error={errors.value}>
                <option value="">{t('add.choose')}</option>
                {whenRow.kind === 'boolean' ? (
                  <>
                    <option value="true">{t('add.yes')}</option>
                    <option value="false">{t('add.no')}</option>
                  </>
                ) : (
                  whenRow.options?.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.label}
                    </option>
                  ))
                )}
              </SelectField>
            ) : (
              <TextField
                label={t('add.conditionValue')}
                type={whenRow.kind === 'number' || whenRow.kind === 'integer' ? 'number' : whenRow.kind === 'date' ? 'date' : 'text'}
                value={draft.whenValue}
                onChange={(e) => set('whenValue', e.target.value)}
                error={errors.value}
              />
            ))}
        </div>
        {!draft.whenField && <CheckboxField label={t('add.required')} checked={draft.required} onChange={(e) => set('required', e.target.checked)} />}
        {done && (
          <Alert tone="success" data-testid="field-added">
            {done}
          </Alert>
        )}
        <div className="gu-fe__actions">
          <Button type="submit">{t('add.submit')}</Button>
        </div>
      </form>
    </Card>
  );
}
