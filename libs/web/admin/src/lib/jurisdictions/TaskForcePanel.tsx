import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyView, JurisdictionView } from '@gugus/contracts';
import { canManageOrgs, canSetTaskForceRoles, useAuth } from '@gugus/web-auth';
import { useAgencies, useFormTaskForce, useTaskForce } from '@gugus/web-data-access';
import { Button, Card, Loading } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { SubTaskForceList } from './SubTaskForceList';
import { TaskForceChairPicker } from './TaskForceChairPicker';

/** The task force of a jurisdiction with its Sub-TFs, or a way to form it when there is none yet. */
export function TaskForcePanel({ jurisdiction }: { jurisdiction: JurisdictionView }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const headingId = useId();
  const { me } = useAuth();
  const taskForce = useTaskForce(jurisdiction.code);
  // Names of the member agencies; someone who may not read agencies here still sees the structure.
  const agencies = useAgencies(taskForce.data ? jurisdiction.code : undefined);
  const byId = useMemo(() => (agencies.data ? new Map<string, AgencyView>(agencies.data.map((a) => [a.id, a])) : undefined), [agencies.data]);
  const form = useFormTaskForce();
  const mayForm = me ? canManageOrgs(me.grants, jurisdiction.code) : false;
  const maySetRoles = me ? canSetTaskForceRoles(me.grants, jurisdiction.code) : false;
  const notFormed = taskForce.error?.code === 'NOT_FOUND';

  const onForm = async () => {
    if (await form.submit(jurisdiction.code)) taskForce.reload();
  };

  return (
    <Card aria-labelledby={headingId} data-testid="task-force">
      <h2 id={headingId} className="gu-admin__section-title">
        {taskForce.data?.name ?? t('taskForce.heading')}
      </h2>
      {taskForce.isLoading && <Loading label={tc('loading')} />}
      {taskForce.error && !notFormed && <ApiErrorAlert error={taskForce.error} />}
      {notFormed && (
        <div className="gu-admin__stack" data-testid="task-force-missing">
          <p>{t('taskForce.notFormed')}</p>
          {mayForm && (
            <div>
              <Button onClick={() => void onForm()} disabled={form.isSubmitting} data-testid="form-task-force">
                {form.isSubmitting ? t('taskForce.forming') : t('taskForce.form')}
              </Button>
            </div>
          )}
          {form.error && <ApiErrorAlert error={form.error} title={t('taskForce.formFailed')} />}
        </div>
      )}
      {taskForce.data && (
        <>
          <h3 className="gu-admin__subheading">{t('taskForce.subTaskForces', { count: taskForce.data.subTaskForces.length })}</h3>
          {jurisdiction.level === 'regency' && <p className="gu-muted gu-admin__note">{t('taskForce.regencyNote')}</p>}
          <SubTaskForceList
            subTaskForces={taskForce.data.subTaskForces}
            agencies={byId}
            editLeads={maySetRoles ? { jurisdictionCode: jurisdiction.code, onSaved: () => taskForce.reload() } : undefined}
          />
          {agencies.data && <TaskForceChairPicker taskForce={taskForce.data} agencies={agencies.data} editable={maySetRoles} onSaved={() => taskForce.reload()} />}
        </>
      )}
    </Card>
  );
}
