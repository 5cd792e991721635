import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useFormSubmission, useJurisdiction } from '@gugus/web-data-access';
import { Alert, Card, Loading, PageHeader, Tag } from '@gugus/web-ui';
import { SchemaForm } from '../schema-form/SchemaForm';
import { ApiErrorAlert } from '@gugus/web-shared';
import { formPaths } from '../shared/paths';
import { useVersionLabel } from '../shared/useVersionLabel';
import './FormPages.css';

/** A stored submission, read-only, rendered with the version it was made with (not today's). */
export function SubmissionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('forms');
  const { t: tc } = useTranslation('common');
  const submission = useFormSubmission(id);
  const version = submission.data?.version;
  const versionLabel = useVersionLabel(version);
  const jurisdiction = useJurisdiction(submission.data?.jurisdictionCode);
  const title = version ? t('submission.title', { form: version.title }) : t('list.title');
  return (
    <div className="gu-forms" data-testid="submission-page">
      <PageHeader
        title={title}
        breadcrumbs={[{ label: t('list.title'), to: formPaths.list }, { label: title }]}
        breadcrumbsLabel={tc('breadcrumbs')}
        aside={submission.data && <Tag tone={submission.data.status === 'submitted' ? 'primary' : 'accent'}>{t(`submission.status.${submission.data.status}`)}</Tag>}
      />
      {submission.isLoading && <Loading label={tc('loading')} />}
      {submission.error && <ApiErrorAlert error={submission.error} />}
      {submission.data && version && (
        <>
          <Card>
            <dl className="gu-forms__facts">
              <div>
                <dt>{t('submission.jurisdiction')}</dt>
                <dd>{jurisdiction.data?.name ?? submission.data.jurisdictionCode}</dd>
              </div>
              <div>
                <dt>{t('submission.version')}</dt>
                <dd data-testid="submission-version">{versionLabel}</dd>
              </div>
            </dl>
            <Alert tone="info">{t('submission.note')}</Alert>
            {submission.data.withheld.length > 0 && (
              <Alert tone="info" data-testid="answers-withheld">
                {t('submission.withheld')}
              </Alert>
            )}
          </Card>
          <Card>
            <SchemaForm
              schema={version.schema}
              uiSchema={version.uiSchema}
              formData={submission.data.data}
              jurisdictionCode={submission.data.jurisdictionCode}
              idPrefix="isian"
              withheld={submission.data.withheld}
              readonly
              data-testid="submission-form"
            />
          </Card>
          <p>
            <Link to={formPaths.fill(version.key, submission.data.jurisdictionCode)}>{t('submission.fillAgain')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
