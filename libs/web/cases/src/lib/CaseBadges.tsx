import { useTranslation } from 'react-i18next';
import { IDENTIFICATION_STATUSES, type IdentificationStatus } from '@gugus/cases';
import type { CaseStage } from '@gugus/contracts';
import { useJurisdiction, useJurisdictions } from '@gugus/web-data-access';

export function CaseStageTag({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation('cases');
  return (
    <span className={`gu-cases__pill gu-cases__stage--${stage}`} data-testid="case-stage" data-stage={stage}>
      {t(`stages.${stage}`)}
    </span>
  );
}

const isIdentificationStatus = (value: string): value is IdentificationStatus => (IDENTIFICATION_STATUSES as readonly string[]).includes(value);

/** The identification status; "not yet screened" while the API has none. */
export function IdentificationTag({ status }: { status: string | null }) {
  const { t } = useTranslation('cases');
  const known = status && isIdentificationStatus(status) ? status : null;
  return (
    <span className={`gu-cases__pill gu-cases__identification--${known ?? 'none'}`} data-testid="case-identification" data-status={status ?? 'none'}>
      {known ? t(`identification.${known}`) : status ?? t('identification.none')}
    </span>
  );
}

/** A jurisdiction's name with its code; the code alone until the name is known. */
export function JurisdictionLabel({ code, name }: { code: string; name: string | undefined }) {
  return name ? (
    <>
      {name} <span className="gu-cases__code">{code}</span>
    </>
  ) : (
    <>{code}</>
  );
}

/** One jurisdiction by its name (the case page). */
export function JurisdictionName({ code }: { code: string }) {
  return <JurisdictionLabel code={code} name={useJurisdiction(code).data?.name} />;
}

/**
 * Names of a province and its regencies, loaded once for a list (rows of another province show their
 * code). Lives with the page, so changing a filter does not ask again.
 */
export function useProvinceNames(code: string | undefined): Record<string, string> {
  const province = code && /^\d{2}/.test(code) ? code.slice(0, 2) : undefined;
  const self = useJurisdiction(province);
  const below = useJurisdictions(province ? { parentCode: province } : undefined);
  const names: Record<string, string> = {};
  if (self.data) names[self.data.code] = self.data.name;
  for (const j of below.data ?? []) names[j.code] = j.name;
  return names;
}
