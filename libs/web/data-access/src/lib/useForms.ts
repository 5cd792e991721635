import { useLanguage } from '@gugus/web-i18n';
import { sharedInFlight } from './sharedInFlight';
import { formsApi, type FormSubmissionView, type FormVersionDetail, type FormVersionView } from './formsApi';
import { useApiMutation } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';

// Form texts come back in the reader's language, so every read is asked again when the language changes.

/** The version a new `formKey` in `jurisdictionCode` uses. Idle while either is undefined. */
export function useEffectiveForm(formKey: string | undefined, jurisdictionCode: string | undefined): QueryState<FormVersionView> {
  const { language } = useLanguage();
  const key = formKey && jurisdictionCode ? `form-effective:${formKey}:${jurisdictionCode}:${language}` : undefined;
  return useApiQuery(key, (signal) => formsApi.effective(formKey ?? '', jurisdictionCode ?? '', signal));
}

/** One version (draft, published or retired) with its changes against its national base. */
export function useFormVersion(id: string | undefined | null): QueryState<FormVersionDetail> {
  const { language } = useLanguage();
  return useApiQuery(id ? `form-version:${id}:${language}` : undefined, (signal) => formsApi.version(id ?? '', signal));
}

/** A submission with the version it was made with. */
export function useFormSubmission(id: string | undefined): QueryState<FormSubmissionView> {
  const { language } = useLanguage();
  return useApiQuery(id ? `form-submission:${id}:${language}` : undefined, (signal) => formsApi.submission(id ?? '', signal));
}

const openDraftOnce = sharedInFlight<FormVersionView>();

/**
 * Opens (or returns) the province's draft variant of `formKey`. A POST, but safe to repeat: the API keeps
 * one draft per form and province. Still sent once per key at a time: React's StrictMode mounts the
 * editor twice, and aborting the first request does not stop the server from handling it.
 */
export function useVariantDraft(formKey: string | undefined, provinceCode: string | undefined): QueryState<FormVersionView> {
  const { language } = useLanguage();
  const key = formKey && provinceCode ? `form-draft:${formKey}:${provinceCode}:${language}` : undefined;
  // Only called while `key` is defined.
  return useApiQuery(key, () => openDraftOnce(key ?? '', () => formsApi.openDraft(formKey ?? '', provinceCode ?? '')));
}

export const useSubmitForm = () => useApiMutation(formsApi.submit);
export const useSaveOverlay = () => useApiMutation(formsApi.saveOverlay);
export const usePublishVersion = () => useApiMutation(formsApi.publish);
