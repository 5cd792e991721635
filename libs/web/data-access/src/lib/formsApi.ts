import type { ExtraErrors, FormChange, FormOverlay, ResolvedForm } from '@gugus/forms';
import { apiClient, withQuery } from './apiClient';

export type FormVersionStatus = 'draft' | 'published' | 'retired';

/** A form version as the API resolves it for the reader's language (labels, `enum` + `ui:enumNames`). */
export interface FormVersionView extends ResolvedForm {
  id: string;
  /** `00` for a national base version, a province code for a province variant. */
  jurisdictionCode: string;
  /** Counts per form and jurisdiction: "national version 1", "West Java variant v2". */
  number: number;
  status: FormVersionStatus;
  /** The province overlay on the national base (null for a national version). */
  overlay: FormOverlay | null;
  baseVersionId: string | null;
}

/** One version with its changes against the national base it was made from. */
export interface FormVersionDetail extends FormVersionView {
  changes: FormChange[];
}

export type SubmissionStatus = 'draft' | 'submitted';

/** A stored submission with the exact version it was made with. */
export interface FormSubmissionView {
  id: string;
  status: SubmissionStatus;
  jurisdictionCode: string;
  data: Record<string, unknown>;
  /** JSON pointers of answers left out: the reader does not work on this record (need to know). */
  withheld: string[];
  /** Why the reader sees it: its author, its team, or oversight (up to the reader's roles' level). */
  access: 'author' | 'team' | 'oversight';
  version: FormVersionView;
}

export interface NewSubmission {
  formKey: string;
  jurisdictionCode: string;
  data: Record<string, unknown>;
  /** A draft is stored as it is; a submitted form must be valid. */
  status: SubmissionStatus;
}

export interface SubmissionReceipt {
  id: string;
  formVersionId: string;
  status: SubmissionStatus;
  /** Answers to conditional questions that did not apply and were therefore not kept (JSON pointers). */
  cleared: string[];
}

/** `details` of a 400 on a submission: the errors in the shape rjsf's `extraErrors` takes. */
export interface SubmissionErrorDetails {
  extraErrors?: ExtraErrors;
  formVersionId?: string;
}

/** `details` of a 400 on saving an overlay: what cannot apply, by field and rule. */
export interface OverlayErrorDetails {
  conflicts?: { path: string; rule: string }[];
}

/** `details` of a 409 on publishing a breaking change. */
export interface BreakingChangeDetails {
  changes?: FormChange[];
  impact?: {
    openDrafts: number;
    openTasks: number;
    /** The first of them (the counts are complete). */
    tasks?: { id: string; title: { id: string; en: string }; jurisdictionCode: string; dueAt: string }[];
    drafts?: { id: string; jurisdictionCode: string; createdAt: string }[];
  };
}

const seg = encodeURIComponent;

/** Forms as data: effective versions, submissions, and province variants (drafts, overlays, publishing). */
export const formsApi = {
  /** The version a new form in `jurisdictionCode` uses: the nearest published one up the hierarchy. */
  effective: (formKey: string, jurisdictionCode: string, signal?: AbortSignal) =>
    apiClient.get<FormVersionView>(withQuery(`/forms/${seg(formKey)}/effective`, { jurisdictionCode }), { signal }),
  version: (id: string, signal?: AbortSignal) => apiClient.get<FormVersionDetail>(`/form-versions/${seg(id)}`, { signal }),
  submission: (id: string, signal?: AbortSignal) => apiClient.get<FormSubmissionView>(`/form-submissions/${seg(id)}`, { signal }),
  submit: ({ formKey, ...body }: NewSubmission) => apiClient.post<SubmissionReceipt>(`/forms/${seg(formKey)}/submissions`, body),
  /** Opens the province's draft variant, or returns the one already open. */
  openDraft: (formKey: string, provinceCode: string, signal?: AbortSignal) =>
    apiClient.post<FormVersionView>(`/forms/${seg(formKey)}/variants/${seg(provinceCode)}/draft`, {}, { signal }),
  saveOverlay: ({ versionId, overlay }: { versionId: string; overlay: FormOverlay }) =>
    apiClient.put<FormVersionView>(`/form-versions/${seg(versionId)}/overlay`, { overlay }),
  /** A breaking change is refused with 409 (`BreakingChangeDetails`) unless `confirmBreaking`. */
  publish: ({ versionId, confirmBreaking }: { versionId: string; confirmBreaking?: boolean }) =>
    apiClient.post<FormVersionDetail>(`/form-versions/${seg(versionId)}/publish`, confirmBreaking ? { confirmBreaking: true } : {}),
};
