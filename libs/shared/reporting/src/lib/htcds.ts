// Case-level, de-identified data in the fields of IOM's Human Trafficking Case Data Standard (HTCDS,
// github.com/UNMigration/HTCDS, "HTCDS Field Reference"), issue 12 item 5. Pure (see
// test/repo/pure-libraries.spec.ts): the API's export and the tests compute the same rows.
//
// WHAT A ROW IS. One identified victim (a case counted in the quarterly figures) whose consent covers
// research and statistics (`feedback_research`), opened in the range asked for. Only the statistical
// facts the case process already reduced to codes (`case_facts`) and the case's stage and dates are read:
// no form is decrypted, no name, date of birth, address, phone, document number, free text, case code or
// identifier leaves — a row carries a number that exists in this file only.
//
// THE FIELDS, one by one (HTCDS name → Gugus source → rule):
//   prs_Gender               case_facts.sex             female → Female, male → Male, none → Unknown.
//   prs_Nationality          case_facts.nationality     ISO 3166 alpha-2 as recorded; empty when unknown.
//   vic_MethodsOfControl     case_facts.means           the means Gugus records that have an HTCDS value
//                                                       (debt_bondage → DebtBondage, threat_of_force →
//                                                       Threats, use_of_force → PhysicalAbuse, incarceration
//                                                       → RestrictsMovement, fraud / deception →
//                                                       FalsePromises); the others → Other; ';'-separated.
//   vic_TypeOfLabourExploitation  case_facts.sectors    agriculture_plantation → Agriculture, fishing →
//                                                       Aquafarming, construction → Construction,
//                                                       domestic_work → DomesticWork, hospitality_tourism /
//                                                       restaurants_catering → Hospitality, manufacturing /
//                                                       food_processing → Manufacturing, mining_logging →
//                                                       MiningOrDrilling, logistics_transport →
//                                                       Transportation, informal_street_economy → Peddling,
//                                                       other → Other; sex_entertainment is not labour here.
//   vic_TypeOfSexExploitation  case_facts.exploitation_types  prostitution → Prostitution; the rest have
//                                                       no HTCDS value and stay in x_ExploitationTypes.
//   cas_Status               cases.stage                closed → Closed, otherwise Active.
//   vic_AgreementToManagePersonalData  consent          always true: a row exists only with consent.
// Gugus columns beside them (x_, not HTCDS), because HTCDS's CORE fields hold identifying data (names,
// birthdate, addresses) that a de-identified export withholds, and Indonesia's reports need these:
//   x_RowNumber              1, 2, 3 … in this file only (never a case code or id).
//   x_YearOpened, x_QuarterOpened  when the case was opened (Jakarta), never the day.
//   x_ReportingProvince      the province of the task force that owns the case (two-digit BPS code).
//   x_AgeGroup               child | adult | unknown (instead of prs_Birthdate).
//   x_NationalityGroup       indonesian | foreign | stateless_or_unknown | unknown.
//   x_TraffickingScope       internal | international | unknown.
//   x_OriginProvince         the province of origin (two-digit code; the regency is dropped).
//   x_ExploitationTypes      the national list's codes, ';'-separated.
//   x_Sectors                the national list's codes, ';'-separated.
//   x_IdentificationStatus   presumed | verified | confirmed.
// Withheld on purpose, though HTCDS CORE: prs_FirstName, prs_SecondName, prs_Birthdate, prs_Email,
// prs_HomePhone, prs_MobilePhone, prs_Mailing*, vic_DetailsOfVulnerabilities, per_RoleDetails,
// hte_Street/City/PostalCode/Longitude/Latitude/Description, cas_IncomingReferralDetails and every other
// long-text field, and every lookup to a person.

/** The codes of one counted case, as `case_facts` and `cases` hold them. */
export interface CaseExportFacts {
  readonly openedOn: string; // YYYY-MM-DD, Jakarta
  readonly jurisdictionCode: string;
  readonly stage: string;
  readonly identificationStatus: string;
  readonly sex: string | null;
  readonly ageGroup: string | null;
  readonly nationalityGroup: string | null;
  readonly nationality: string | null;
  readonly traffickingScope: string | null;
  readonly originRegion: string | null;
  readonly exploitationTypes: readonly string[] | null;
  readonly sectors: readonly string[] | null;
  readonly means: readonly string[] | null;
}

/** The reference codes allowed in each multi-valued column (anything else is dropped, never echoed). */
export interface CaseExportCodes {
  readonly exploitationTypes: ReadonlySet<string>;
  readonly sectors: ReadonlySet<string>;
  readonly means: ReadonlySet<string>;
}

export const HTCDS_COLUMNS = [
  'x_RowNumber',
  'x_YearOpened',
  'x_QuarterOpened',
  'x_ReportingProvince',
  'prs_Gender',
  'x_AgeGroup',
  'prs_Nationality',
  'x_NationalityGroup',
  'x_TraffickingScope',
  'x_OriginProvince',
  'vic_MethodsOfControl',
  'vic_TypeOfLabourExploitation',
  'vic_TypeOfSexExploitation',
  'x_ExploitationTypes',
  'x_Sectors',
  'x_IdentificationStatus',
  'cas_Status',
  'vic_AgreementToManagePersonalData',
] as const;

export type HtcdsColumn = (typeof HTCDS_COLUMNS)[number];
export type HtcdsRow = Record<HtcdsColumn, string | number | boolean>;

const GENDER: ReadonlyMap<string, string> = new Map(Object.entries({ female: 'Female', male: 'Male' }));
const CONTROL: ReadonlyMap<string, string> = new Map(Object.entries({
  debt_bondage: 'DebtBondage',
  threat_of_force: 'Threats',
  use_of_force: 'PhysicalAbuse',
  incarceration: 'RestrictsMovement',
  fraud: 'FalsePromises',
  deception: 'FalsePromises',
}));
const LABOUR: ReadonlyMap<string, string> = new Map(Object.entries({
  agriculture_plantation: 'Agriculture',
  fishing: 'Aquafarming',
  construction: 'Construction',
  domestic_work: 'DomesticWork',
  hospitality_tourism: 'Hospitality',
  restaurants_catering: 'Hospitality',
  manufacturing: 'Manufacturing',
  food_processing: 'Manufacturing',
  mining_logging: 'MiningOrDrilling',
  logistics_transport: 'Transportation',
  informal_street_economy: 'Peddling',
  other: 'Other',
}));
const SEX_EXPLOITATION: ReadonlyMap<string, string> = new Map(Object.entries({ prostitution: 'Prostitution' }));
const IDENTIFICATION = new Set(['presumed', 'verified', 'confirmed']);
const ISO_COUNTRY = /^[A-Z]{2}$/;
const PROVINCE = /^(\d{2})(?:\.\d{2})?$/;
const DAY = /^(\d{4})-(\d{2})-\d{2}$/;

/** The allowed codes of `values`, de-duplicated, in the order given. */
function allowed(values: readonly string[] | null, codes: ReadonlySet<string>): string[] {
  return [...new Set((values ?? []).filter((v) => typeof v === 'string' && codes.has(v)))];
}

const joined = (values: readonly string[]) => [...new Set(values)].join(';');
const oneOf = (value: string | null, codes: readonly string[]) => (value !== null && codes.includes(value) ? value : 'unknown');

/**
 * One de-identified row in HTCDS's fields and Gugus's x_ columns (see the list above). Every value is a
 * code from a fixed list, a number, or a boolean: a free-text value in a code field is dropped.
 */
export function htcdsRow(rowNumber: number, f: CaseExportFacts, codes: CaseExportCodes): HtcdsRow {
  const day = DAY.exec(f.openedOn);
  const means = allowed(f.means, codes.means);
  const sectors = allowed(f.sectors, codes.sectors);
  const types = allowed(f.exploitationTypes, codes.exploitationTypes);
  return {
    x_RowNumber: rowNumber,
    x_YearOpened: day ? Number(day[1]) : '',
    x_QuarterOpened: day ? Math.floor((Number(day[2]) - 1) / 3) + 1 : '',
    x_ReportingProvince: PROVINCE.exec(f.jurisdictionCode)?.[1] ?? '',
    prs_Gender: (f.sex !== null && GENDER.get(f.sex)) || 'Unknown',
    x_AgeGroup: oneOf(f.ageGroup, ['child', 'adult']),
    prs_Nationality: f.nationality && ISO_COUNTRY.test(f.nationality) ? f.nationality : '',
    x_NationalityGroup: oneOf(f.nationalityGroup, ['indonesian', 'foreign', 'stateless_or_unknown']),
    x_TraffickingScope: oneOf(f.traffickingScope, ['internal', 'international']),
    x_OriginProvince: (f.originRegion && PROVINCE.exec(f.originRegion)?.[1]) || '',
    vic_MethodsOfControl: joined(means.map((m) => CONTROL.get(m) ?? 'Other')),
    vic_TypeOfLabourExploitation: joined(sectors.flatMap((s) => LABOUR.get(s) ?? [])),
    vic_TypeOfSexExploitation: joined(types.flatMap((t) => SEX_EXPLOITATION.get(t) ?? [])),
    x_ExploitationTypes: types.join(';'),
    x_Sectors: sectors.join(';'),
    x_IdentificationStatus: IDENTIFICATION.has(f.identificationStatus) ? f.identificationStatus : 'unknown',
    cas_Status: f.stage === 'closed' ? 'Closed' : 'Active',
    vic_AgreementToManagePersonalData: true,
  };
}

/** Each column documented, in both languages: the export's "Kolom / Columns" sheet. */
export const HTCDS_FIELD_NOTES: Readonly<Record<HtcdsColumn, { readonly id: string; readonly en: string }>> = {
  x_RowNumber: { id: 'Nomor baris, hanya berlaku di berkas ini (bukan kode kasus).', en: 'Row number, in this file only (not a case code).' },
  x_YearOpened: { id: 'Tahun kasus dibuka (WIB); tanpa tanggal.', en: 'Year the case was opened (Jakarta); no day.' },
  x_QuarterOpened: { id: 'Triwulan kasus dibuka (1–4).', en: 'Quarter the case was opened (1–4).' },
  x_ReportingProvince: { id: 'Kode BPS provinsi gugus tugas pemilik kasus.', en: 'BPS code of the province whose task force owns the case.' },
  prs_Gender: { id: 'HTCDS prs_Gender: Female, Male, atau Unknown bila tidak tercatat.', en: 'HTCDS prs_Gender: Female, Male, or Unknown when not recorded.' },
  x_AgeGroup: { id: 'child / adult / unknown, sebagai ganti prs_Birthdate (tidak diekspor).', en: 'child / adult / unknown, instead of prs_Birthdate (not exported).' },
  prs_Nationality: { id: 'HTCDS prs_Nationality: kode negara ISO 3166 dua huruf; kosong bila tidak diketahui.', en: 'HTCDS prs_Nationality: ISO 3166 two-letter country code; empty when unknown.' },
  x_NationalityGroup: { id: 'indonesian / foreign / stateless_or_unknown / unknown.', en: 'indonesian / foreign / stateless_or_unknown / unknown.' },
  x_TraffickingScope: { id: 'internal (dalam negeri) / international (lintas negara) / unknown.', en: 'internal / international / unknown.' },
  x_OriginProvince: { id: 'Kode BPS provinsi asal korban (kabupaten/kota dihapus).', en: "BPS code of the victim's province of origin (the regency is dropped)." },
  vic_MethodsOfControl: {
    id: 'HTCDS vic_MethodsOfControl dari cara (means) yang tercatat: debt_bondage→DebtBondage, threat_of_force→Threats, use_of_force→PhysicalAbuse, incarceration→RestrictsMovement, fraud/deception→FalsePromises, lainnya→Other.',
    en: 'HTCDS vic_MethodsOfControl from the recorded means: debt_bondage→DebtBondage, threat_of_force→Threats, use_of_force→PhysicalAbuse, incarceration→RestrictsMovement, fraud/deception→FalsePromises, others→Other.',
  },
  vic_TypeOfLabourExploitation: {
    id: 'HTCDS vic_TypeOfLabourExploitation dari sektor: pertanian→Agriculture, perikanan→Aquafarming, konstruksi→Construction, rumah tangga→DomesticWork, perhotelan/restoran→Hospitality, pabrik/pengolahan makanan→Manufacturing, tambang→MiningOrDrilling, transportasi→Transportation, ekonomi informal→Peddling, lainnya→Other.',
    en: 'HTCDS vic_TypeOfLabourExploitation from the sectors: agriculture→Agriculture, fishing→Aquafarming, construction→Construction, domestic work→DomesticWork, hospitality/restaurants→Hospitality, manufacturing/food processing→Manufacturing, mining→MiningOrDrilling, transport→Transportation, informal economy→Peddling, other→Other.',
  },
  vic_TypeOfSexExploitation: { id: 'HTCDS vic_TypeOfSexExploitation: prostitution→Prostitution; jenis lain tidak punya padanan (lihat x_ExploitationTypes).', en: 'HTCDS vic_TypeOfSexExploitation: prostitution→Prostitution; other types have no HTCDS value (see x_ExploitationTypes).' },
  x_ExploitationTypes: { id: 'Kode jenis eksploitasi daftar nasional, dipisah ";".', en: 'Exploitation type codes of the national list, ";"-separated.' },
  x_Sectors: { id: 'Kode sektor daftar nasional, dipisah ";".', en: 'Sector codes of the national list, ";"-separated.' },
  x_IdentificationStatus: { id: 'presumed (diduga) / verified / confirmed.', en: 'presumed / verified / confirmed.' },
  cas_Status: { id: 'HTCDS cas_Status: Closed bila kasus ditutup, selain itu Active.', en: 'HTCDS cas_Status: Closed when the case is closed, otherwise Active.' },
  vic_AgreementToManagePersonalData: { id: 'HTCDS: selalu true — hanya kasus yang persetujuannya mencakup penelitian yang diekspor.', en: 'HTCDS: always true — only cases whose consent covers research are exported.' },
};
