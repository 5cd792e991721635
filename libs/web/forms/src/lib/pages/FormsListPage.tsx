import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FORM_LIBRARY } from '@gugus/forms';
import { useAuth } from '@gugus/web-auth';
import { useJurisdiction, useJurisdictions } from '@gugus/web-data-access';
import { useLanguage } from '@gugus/web-i18n';
import { Card, PageHeader } from '@gugus/web-ui';
import { isSystemAdmin, variantProvinces } from '../shared/grants';
import { formPaths } from '../shared/paths';
import './FormPages.css';

function VariantLink({ formKey, provinceCode }: { formKey: string; provinceCode: string }) {
  const { t } = useTranslation('forms');
  const province = useJurisdiction(provinceCode);
  return (
    <Link to={formPaths.variantEditor(formKey, provinceCode)} data-testid="variant-link">
      {t('list.editVariant', { province: province.data?.name ?? provinceCode })}
    </Link>
  );
}

/** A system administrator edits the variants of any province: choose which. */
function ProvincePicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation('forms');
  const id = useId();
  const provinces = useJurisdictions({ level: 'province' });
  return (
    <Card>
      <h2 className="gu-forms__section-title">{t('list.variantsHeading')}</h2>
      <div className="gu-field">
        <label className="gu-field__label" htmlFor={id}>
          {t('list.province')}
        </label>
        <p className="gu-field__hint">{t('list.variantsIntro')}</p>
        <select id={id} className="gu-input gu-select" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('list.chooseProvince')}</option>
          {provinces.data?.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
    </Card>
  );
}

/** The national forms (from the library), with a way to fill each in and, for administrators, to edit its province variant. */
export function FormsListPage() {
  const { t } = useTranslation('forms');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const grants = me?.grants ?? [];
  const [pickedProvince, setPickedProvince] = useState('');
  const admin = isSystemAdmin(grants);
  const provinces = admin ? (pickedProvince ? [pickedProvince] : []) : variantProvinces(grants);
  return (
    <div className="gu-forms" data-testid="forms-list-page">
      <PageHeader title={t('list.title')} intro={t('list.intro')} breadcrumbs={[{ label: t('list.title') }]} breadcrumbsLabel={tc('breadcrumbs')} />
      {admin && <ProvincePicker value={pickedProvince} onChange={setPickedProvince} />}
      <Card>
        <h2 className="gu-forms__section-title">
          {t('list.heading')} <span className="gu-forms__count">({t('list.count', { count: FORM_LIBRARY.length })})</span>
        </h2>
        <ul className="gu-forms__list">
          {FORM_LIBRARY.map(({ definition }) => (
            <li key={definition.key} className="gu-forms__item" data-testid="form-row" data-key={definition.key}>
              <Link className="gu-forms__item-title" to={formPaths.fill(definition.key)}>
                {definition.title[language]}
              </Link>
              {definition.description && <p className="gu-forms__item-description">{definition.description[language]}</p>}
              <p className="gu-forms__links">
                <Link to={formPaths.fill(definition.key)}>{t('list.fill')}</Link>
                {provinces.map((code) => (
                  <VariantLink key={code} formKey={definition.key} provinceCode={code} />
                ))}
              </p>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
