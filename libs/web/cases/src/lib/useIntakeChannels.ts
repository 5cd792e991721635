import { useEffectiveForm } from '@gugus/web-data-access';

/** The case-intake form's field whose option list (`referral-sources`) the API checks `intakeChannel` against. */
const INTAKE_FORM = 'case-intake';
const CHANNEL_FIELD = 'referralSource';

export interface IntakeChannels {
  /** In the list's order, labelled in the reader's language (empty until loaded). */
  choices: { code: string; label: string }[];
  /** A code's label; the code itself until the labels have loaded. */
  label: (code: string) => string;
  isLoading: boolean;
  error: ReturnType<typeof useEffectiveForm>['error'];
}

/**
 * How a case can come in, read from the case-intake form in effect in `jurisdictionCode` (the API resolves
 * its option lists into the reader's language), so the labels are the forms' own and never copied here.
 */
export function useIntakeChannels(jurisdictionCode: string | undefined): IntakeChannels {
  const form = useEffectiveForm(jurisdictionCode ? INTAKE_FORM : undefined, jurisdictionCode);
  const codes = (form.data?.schema.properties?.[CHANNEL_FIELD]?.enum ?? []).filter((c): c is string => typeof c === 'string');
  const ui = form.data?.uiSchema[CHANNEL_FIELD] as { 'ui:enumNames'?: Record<string, string> } | undefined;
  const names = ui?.['ui:enumNames'] ?? {};
  return {
    choices: codes.map((code) => ({ code, label: names[code] ?? code })),
    label: (code) => names[code] ?? code,
    isLoading: form.isLoading,
    error: form.error,
  };
}
