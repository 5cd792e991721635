import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormOverlay, Language } from '@gugus/forms';
import { Button, CheckboxField, SelectField, TextField } from '@gugus/web-ui';
import type { FieldRow } from '../model/fieldRows';
import { extendOptions, newFieldType, relabel, removeAddedField, removeExtraOption, retypeAddedField, setHidden, setRequired, type NewFieldType } from '../model/overlayOps';

/** An option list a new or retyped choice field can use: one the national form already uses. */
export interface ListChoice {
  key: string;
  /** A field that uses it, to say which list it is. */
  label: string;
}

const OPTION_CODE = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const NEW_TYPES: readonly NewFieldType[] = ['text', 'number', 'date', 'choice'];

export interface FieldEditPanelProps {
  row: FieldRow;
  overlay: FormOverlay;
  language: Language;
  listChoices: readonly ListChoice[];
  onChange: (overlay: FormOverlay) => void;
}

function LabelEditor({ row, overlay, language, onChange }: Omit<FieldEditPanelProps, 'listChoices'>) {
  const { t } = useTranslation('formEditor');
  const [labelId, setLabelId] = useState(row.label.id);
  const [labelEn, setLabelEn] = useState(row.label.en);
  const [error, setError] = useState<string>();
  const apply = () => {
    if (!labelId.trim() || !labelEn.trim()) return setError(t('edit.errors.labels'));
    setError(undefined);
    onChange(relabel(overlay, row.path, { id: labelId.trim(), en: labelEn.trim() }));
  };
  return (
    <div className="gu-fe__panel-part">
      <div className="gu-fe__pair">
        <TextField label={t('edit.labelId')} value={labelId} onChange={(e) => setLabelId(e.target.value)} error={error} />
        <TextField label={t('edit.labelEn')} value={labelEn} onChange={(e) => setLabelEn(e.target.value)} />
      </div>
      {row.nationalLabel && row.relabelled && <p className="gu-fe__muted">{t('edit.nationalLabel', { label: row.nationalLabel[language] })}</p>}
      <div className="gu-fe__actions">
        <Button variant="secondary" onClick={apply}>
          {t('edit.applyLabel')}
        </Button>
        {row.relabelled && (
          <Button
            variant="secondary"
            onClick={() => {
              onChange(relabel(overlay, row.path, undefined));
              if (row.nationalLabel) {
                setLabelId(row.nationalLabel.id);
                setLabelEn(row.nationalLabel.en);
              }
            }}
          >
            {t('edit.resetLabel')}
          </Button>
        )}
      </div>
    </div>
  );
}

function TypeControl({ row, overlay, listChoices, onChange }: Omit<FieldEditPanelProps, 'language'>) {
  const { t } = useTranslation('formEditor');
  const added = overlay.addFields?.find((f) => `${f.parent}/${f.name}` === row.path);
  const current = added ? newFieldType(added.schema) : undefined;
  const editable = Boolean(added && current);
  const optionsKey = added?.schema['x-options'];
  return (
    <div className="gu-fe__panel-part gu-fe__pair">
      <SelectField
        label={t('edit.type')}
        hint={editable ? undefined : row.core ? t('edit.typeLockedCore') : t('edit.typeLocked')}
        value={current ?? row.kind}
        disabled={!editable}
        data-testid="type-select"
        onChange={(e) => {
          const type = e.target.value as NewFieldType;
          onChange(retypeAddedField(overlay, row.path, type, type === 'choice' ? (optionsKey ?? listChoices[0]?.key) : undefined));
        }}
      >
        {editable ? (
          NEW_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`add.types.${type}`)}
            </option>
          ))
        ) : (
          <option value={row.kind}>{t(`fields.kinds.${row.kind}`)}</option>
        )}
      </SelectField>
      {editable && current === 'choice' && (
        <SelectField label={t('add.list')} value={optionsKey ?? ''} onChange={(e) => onChange(retypeAddedField(overlay, row.path, 'choice', e.target.value))}>
          {listChoices.map((l) => (
            <option key={l.key} value={l.key}>
              {l.label}
            </option>
          ))}
        </SelectField>
      )}
    </div>
  );
}

function OptionsEditor({ row, overlay, onChange }: Omit<FieldEditPanelProps, 'listChoices' | 'language'>) {
  const { t } = useTranslation('formEditor');
  const [code, setCode] = useState('');
  const [labelId, setLabelId] = useState('');
  const [labelEn, setLabelEn] = useState('');
  const [errors, setErrors] = useState<{ code?: string; labels?: string }>({});
  const options = row.options ?? [];
  const add = () => {
    const next = {
      code: !OPTION_CODE.test(code.trim()) ? t('edit.errors.code') : options.some((o) => o.code === code.trim()) ? t('edit.errors.codeTaken') : undefined,
      labels: !labelId.trim() || !labelEn.trim() ? t('edit.errors.labels') : undefined,
    };
    setErrors(next);
    if (next.code || next.labels) return;
    onChange(extendOptions(overlay, row.path, { code: code.trim(), label: { id: labelId.trim(), en: labelEn.trim() } }));
    setCode('');
    setLabelId('');
    setLabelEn('');
  };
  return (
    <fieldset className="gu-fe__panel-part gu-fe__fieldset" data-testid="options-editor">
      <legend className="gu-fe__legend">{t('edit.options', { count: options.length })}</legend>
      <ul className="gu-fe__options">
        {options.map((o) => (
          <li key={o.code} className={o.added ? 'gu-fe__option gu-fe__option--added' : 'gu-fe__option'}>
            <span>
              {o.label} <code className="gu-fe__code">{o.code}</code>
              {o.added && <span className="gu-fe__option-tag"> · {t('edit.optionAdded')}</span>}
            </span>
            {o.added && (
              <button type="button" className="gu-fe__text-button gu-fe__text-button--danger" onClick={() => onChange(removeExtraOption(overlay, row.path, o.code))}>
                {t('edit.removeOption', { label: o.label })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <TextField label={t('edit.optionCode')} hint={t('edit.optionCodeHint')} value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} autoCapitalize="none" spellCheck={false} />
      <div className="gu-fe__pair">
        <TextField label={t('edit.optionLabelId')} value={labelId} onChange={(e) => setLabelId(e.target.value)} error={errors.labels} />
        <TextField label={t('edit.optionLabelEn')} value={labelEn} onChange={(e) => setLabelEn(e.target.value)} />
      </div>
      <div className="gu-fe__actions">
        <Button variant="secondary" onClick={add}>
          {t('edit.addOption')}
        </Button>
      </div>
    </fieldset>
  );
}

/** What a province may do to one field: relabel, retype (own fields only), hide, require, extend its options. */
export function FieldEditPanel({ row, overlay, language, listChoices, onChange }: FieldEditPanelProps) {
  const { t } = useTranslation('formEditor');
  const hideBlocked = row.core ? t('edit.hideCore') : row.requiredNationally ? t('edit.hideRequired') : undefined;
  return (
    <div className="gu-fe__panel" data-testid="field-edit-panel">
      <LabelEditor key={`${row.label.id}|${row.label.en}`} row={row} overlay={overlay} language={language} onChange={onChange} />
      <TypeControl row={row} overlay={overlay} listChoices={listChoices} onChange={onChange} />
      <div className="gu-fe__panel-part">
        {!row.added && (
          <div className="gu-fe__check">
            <CheckboxField label={t('edit.hide')} checked={row.hidden} disabled={Boolean(hideBlocked) && !row.hidden} onChange={(e) => onChange(setHidden(overlay, row.path, e.target.checked))} />
            {hideBlocked && <p className="gu-fe__muted">{hideBlocked}</p>}
          </div>
        )}
        {!row.when && (
          <div className="gu-fe__check">
            <CheckboxField
              label={t('edit.require')}
              checked={row.requiredNationally || row.requiredHere}
              disabled={row.requiredNationally || row.hidden}
              onChange={(e) => onChange(setRequired(overlay, row.path, e.target.checked))}
            />
            {row.requiredNationally && <p className="gu-fe__muted">{t('edit.requireNational')}</p>}
          </div>
        )}
      </div>
      {row.options && !row.hidden && <OptionsEditor row={row} overlay={overlay} onChange={onChange} />}
      {row.added && (
        <div className="gu-fe__actions">
          <Button variant="secondary" className="gu-fe__danger" onClick={() => onChange(removeAddedField(overlay, row.path))}>
            {t('edit.removeField')}
          </Button>
        </div>
      )}
    </div>
  );
}
