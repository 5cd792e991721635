import { useTranslation } from 'react-i18next';
import { NATIONAL_FORM_JURISDICTION } from '@gugus/forms';
import { useJurisdiction, type FormVersionView } from '@gugus/web-data-access';

/** "Versi nasional 1" / "Varian Jawa Barat v2" (or "Draf varian …") for a version. */
export function useVersionLabel(version: Pick<FormVersionView, 'jurisdictionCode' | 'number' | 'status'> | undefined): string {
  const { t } = useTranslation('forms');
  const national = !version || version.jurisdictionCode === NATIONAL_FORM_JURISDICTION;
  const jurisdiction = useJurisdiction(national ? undefined : version.jurisdictionCode);
  if (!version) return '';
  if (national) return t('version.national', { number: version.number });
  const name = jurisdiction.data?.name ?? version.jurisdictionCode;
  return t(version.status === 'draft' ? 'version.draft' : 'version.variant', { name, number: version.number });
}
