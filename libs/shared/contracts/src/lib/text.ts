/** Text a person reads, in both languages: Bahasa Indonesia first, English second. */
export interface BilingualText {
  id: string;
  en: string;
}
