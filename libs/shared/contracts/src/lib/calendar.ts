/** A non-working day on the national calendar: a public holiday, or collective leave (cuti bersama) set by the SKB 3 Menteri. */
export const HOLIDAY_KINDS = ['national_holiday', 'cuti_bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** One day of the working-day calendar as the API returns it. */
export interface HolidayView {
  /** Calendar date in Asia/Jakarta, YYYY-MM-DD. */
  date: string;
  kind: HolidayKind;
  nameId: string;
  nameEn: string;
  /** Where the date comes from (decree, estimate), for the administrator checking it. */
  source: string;
  /** null for dates loaded from the national data file. */
  createdBy: string | null;
  updatedAt: string;
}

/** Body of `PUT /holidays/{date}`. */
export interface HolidayInput {
  kind: HolidayKind;
  nameId: string;
  nameEn: string;
  source?: string;
}
