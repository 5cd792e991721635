import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@gugus/contracts';
import { useAgencies, useDelegateTask, usePositions, useReassignTask, type TaskView } from '@gugus/web-data-access';
import { ApiErrorAlert } from '@gugus/web-shared';
import { Alert, Button, Card, SelectField, TextAreaField } from '@gugus/web-ui';

export interface HandOverPanelProps {
  view: TaskView;
  onChanged: () => void;
}

/** Handing a task on: to an acting official in the same agency (the assignee), or elsewhere (coordinators). */
export function HandOverPanel({ view, onChanged }: HandOverPanelProps) {
  return (
    <Card className="gu-tasks__handover" data-testid="task-handover">
      {view.can.delegate && <DelegateForm view={view} onChanged={onChanged} />}
      {view.can.reassign && <ReassignForm view={view} onChanged={onChanged} />}
    </Card>
  );
}

function DelegateForm({ view, onChanged }: HandOverPanelProps) {
  const { t } = useTranslation('tasks');
  const positions = usePositions(view.assignee.agencyId);
  const delegate = useDelegateTask();
  const [positionId, setPositionId] = useState('');
  const [note, setNote] = useState('');
  // Another position of the same agency holding the task's role (the API refuses anything else).
  const choices = (positions.data ?? []).filter((p) => p.roles.includes(view.assignee.role) && p.id !== view.assignee.positionId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await delegate.submit({ taskId: view.id, positionId, note })) onChanged();
  };
  return (
    <details className="gu-tasks__details" data-testid="delegate">
      <summary>{t('task.delegate.title')}</summary>
      <form className="gu-tasks__handover-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="gu-tasks__muted">{t('task.delegate.intro')}</p>
        {positions.error && <ApiErrorAlert error={positions.error} />}
        {positions.data && choices.length === 0 ? (
          <p className="gu-tasks__muted">{t('task.delegate.none')}</p>
        ) : (
          <>
            <SelectField label={t('task.delegate.position')} value={positionId} required onChange={(e) => setPositionId(e.target.value)} error={delegate.fieldErrors['positionId']}>
              <option value="">{t('task.delegate.choose')}</option>
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.holder ? `${p.title} — ${p.holder.fullName}` : p.title}
                </option>
              ))}
            </SelectField>
            <TextAreaField label={t('task.delegate.note')} hint={t('task.delegate.noteHint')} value={note} rows={2} required maxLength={2000} onChange={(e) => setNote(e.target.value)} error={delegate.fieldErrors['note']} />
            {delegate.error && !Object.keys(delegate.fieldErrors).length && <ApiErrorAlert error={delegate.error} />}
            {delegate.result && <Alert tone="success">{t('task.delegate.done')}</Alert>}
            <Button type="submit" variant="secondary" disabled={delegate.isSubmitting || !positionId}>
              {delegate.isSubmitting ? t('task.delegate.submitting') : t('task.delegate.submit')}
            </Button>
          </>
        )}
      </form>
    </details>
  );
}

function ReassignForm({ view, onChanged }: HandOverPanelProps) {
  const { t } = useTranslation('tasks');
  const { t: to } = useTranslation('orgs');
  const agencies = useAgencies(view.jurisdictionCode);
  const reassign = useReassignTask();
  const [agencyId, setAgencyId] = useState('');
  const [role, setRole] = useState<Role>(view.assignee.role);
  const [positionId, setPositionId] = useState('');
  const [note, setNote] = useState('');
  const positions = usePositions(agencyId || undefined);
  const choices = (positions.data ?? []).filter((p) => p.roles.includes(role));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await reassign.submit({ taskId: view.id, agencyId, role, positionId: positionId || undefined, note })) onChanged();
  };
  return (
    <details className="gu-tasks__details" data-testid="reassign">
      <summary>{t('task.reassign.title')}</summary>
      <form className="gu-tasks__handover-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="gu-tasks__muted">{t('task.reassign.intro')}</p>
        <SelectField
          label={t('task.reassign.agency')}
          value={agencyId}
          required
          onChange={(e) => {
            setAgencyId(e.target.value);
            setPositionId('');
          }}
          error={reassign.fieldErrors['agencyId']}
        >
          <option value="">{t('task.reassign.choose')}</option>
          {agencies.data?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('task.reassign.role')} value={role} required onChange={(e) => setRole(e.target.value as Role)} error={reassign.fieldErrors['role']}>
          {/* Only the roles this step allows (the API refuses any other). */}
          {view.reassignRoles.map((r) => (
            <option key={r} value={r}>
              {to(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        {/* Positions of another agency are only listed to those who may read them; otherwise "anyone with that role". */}
        <SelectField label={t('task.reassign.position')} value={positionId} onChange={(e) => setPositionId(e.target.value)} error={reassign.fieldErrors['positionId']}>
          <option value="">{t('task.reassign.anyPosition')}</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('task.reassign.note')} value={note} rows={2} required maxLength={2000} onChange={(e) => setNote(e.target.value)} error={reassign.fieldErrors['note']} />
        {reassign.error && !Object.keys(reassign.fieldErrors).length && <ApiErrorAlert error={reassign.error} />}
        {reassign.result && <Alert tone="success">{t('task.reassign.done')}</Alert>}
        <Button type="submit" variant="secondary" disabled={reassign.isSubmitting || !agencyId}>
          {reassign.isSubmitting ? t('task.reassign.submitting') : t('task.reassign.submit')}
        </Button>
      </form>
    </details>
  );
}
