import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { FORM_LIBRARY } from '@gugus/forms';
import { useAuth } from '@gugus/web-auth';
import { useFormVersion, useJurisdiction, useVariantDraft } from '@gugus/web-data-access';
import { canEditVariant, formPaths } from '@gugus/web-forms';
import { ApiErrorAlert } from '@gugus/web-shared';
import { useLanguage } from '@gugus/web-i18n';
import { Alert, Loading, PageHeader } from '@gugus/web-ui';
import { VariantEditor } from './editor/VariantEditor';
import './FormEditor.css';

const PROVINCE_CODE = /^\d{2}$/;

/** `/formulir/:key/varian/:provinceCode`: opens (or returns) the province's draft and edits it. */
export function FormVariantEditorPage() {
  const { key = '', provinceCode = '' } = useParams();
  const { t } = useTranslation('formEditor');
  const { t: tf } = useTranslation('forms');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const isProvince = PROVINCE_CODE.test(provinceCode) && provinceCode !== '00';
  const allowed = isProvince && me ? canEditVariant(me.grants, provinceCode) : false;
  const province = useJurisdiction(isProvince ? provinceCode : undefined);
  const draft = useVariantDraft(allowed ? key : undefined, allowed ? provinceCode : undefined);
  const base = useFormVersion(draft.data?.baseVersionId);
  const provinceName = province.data?.name ?? provinceCode;
  const formTitle = base.data?.title ?? FORM_LIBRARY.find((f) => f.definition.key === key)?.definition.title[language] ?? key;
  return (
    <div className="gu-fe" data-testid="variant-editor-page">
      <PageHeader
        title={t('title', { province: provinceName, form: formTitle })}
        intro={t('intro')}
        breadcrumbs={[{ label: tf('list.title'), to: formPaths.list }, { label: formTitle, to: formPaths.fill(key, provinceCode) }, { label: t('crumb', { province: provinceName }) }]}
        breadcrumbsLabel={tc('breadcrumbs')}
      />
      {!isProvince && <Alert tone="error">{t('notProvince', { code: provinceCode })}</Alert>}
      {isProvince && !allowed && (
        <Alert tone="error" data-testid="forbidden">
          {t('notAllowed', { province: provinceName })}
        </Alert>
      )}
      {(draft.isLoading || base.isLoading) && <Loading label={tc('loading')} />}
      {draft.error && <ApiErrorAlert error={draft.error} />}
      {base.error && <ApiErrorAlert error={base.error} />}
      {draft.data && base.data && (
        <VariantEditor key={draft.data.id} draft={draft.data} base={base.data} provinceCode={provinceCode} provinceName={provinceName} onReopen={draft.reload} />
      )}
    </div>
  );
}
