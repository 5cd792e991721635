import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, CheckboxField, TextField } from '@gugus/web-ui';
import { EMPTY_DRAFT, type AuditFilterDraft } from './auditFilter';

export interface AuditFiltersProps {
  value: AuditFilterDraft;
  onApply: (draft: AuditFilterDraft) => void;
  /** Problems the API reported per filter field. */
  fieldErrors: Readonly<Record<string, string>>;
}

/** Action, target type, jurisdiction, date range and "reads only"; applied together. */
export function AuditFilters({ value, onApply, fieldErrors }: AuditFiltersProps) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilterDraft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <Card aria-labelledby="audit-filters-title">
      <form className="gu-form" onSubmit={onSubmit} data-testid="audit-filters">
        <h2 id="audit-filters-title" className="gu-admin__section-title">
          {t('filters.heading')}
        </h2>
        <div className="gu-audit__filters">
          <TextField label={t('filters.action')} hint={t('filters.actionHint')} name="action" value={draft.action} onChange={set('action')} error={fieldErrors['action']} />
          <TextField label={t('filters.targetType')} hint={t('filters.targetTypeHint')} name="targetType" value={draft.targetType} onChange={set('targetType')} error={fieldErrors['targetType']} />
          <TextField
            label={t('filters.jurisdictionCode')}
            hint={t('filters.jurisdictionCodeHint')}
            name="jurisdictionCode"
            inputMode="decimal"
            value={draft.jurisdictionCode}
            onChange={set('jurisdictionCode')}
            error={fieldErrors['jurisdictionCode']}
          />
          <TextField label={t('filters.from')} name="from" type="date" value={draft.from} onChange={set('from')} error={fieldErrors['from']} />
          <TextField label={t('filters.to')} name="to" type="date" min={draft.from || undefined} value={draft.to} onChange={set('to')} error={fieldErrors['to']} />
        </div>
        <CheckboxField
          label={t('filters.readsOnly')}
          name="kind"
          checked={draft.kind === 'read'}
          onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.checked ? 'read' : '' }))}
          data-testid="audit-reads-only"
        />
        <div className="gu-form__actions">
          <Button type="submit">{t('filters.apply')}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(EMPTY_DRAFT);
              onApply(EMPTY_DRAFT);
            }}
          >
            {t('filters.clear')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
