/** Text a person reads, Bahasa Indonesia first. */
export interface FormText {
  id: string;
  en: string;
}

/** One national form as data: the schema both the browser and the server validate with. */
export interface NationalForm {
  /** Stable key, e.g. `victim-screening`. */
  key: string;
  /** Semantic version of this national base version. */
  version: string;
  title: FormText;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

/** Every national form. Filled by the forms-as-data capability (roadmap step 3). */
export const FORM_LIBRARY: readonly NationalForm[] = [];
