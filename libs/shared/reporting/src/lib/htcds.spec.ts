import { HTCDS_COLUMNS, htcdsRow, type CaseExportCodes, type CaseExportFacts } from './htcds';

const CODES: CaseExportCodes = {
  exploitationTypes: new Set(['forced_labour', 'prostitution', 'servitude']),
  sectors: new Set(['fishing', 'domestic_work', 'sex_entertainment', 'other']),
  means: new Set(['debt_bondage', 'deception', 'fraud', 'abuse_of_vulnerability']),
};
const MARKER = 'PENANDA-HTCDS Siti Jl. Melati 4';

const facts = (over: Partial<CaseExportFacts> = {}): CaseExportFacts => ({
  openedOn: '2027-05-14',
  jurisdictionCode: '32.04',
  stage: 'referral',
  identificationStatus: 'verified',
  sex: 'female',
  ageGroup: 'child',
  nationalityGroup: 'indonesian',
  nationality: 'ID',
  traffickingScope: 'international',
  originRegion: '33.02',
  exploitationTypes: ['forced_labour', 'prostitution'],
  sectors: ['fishing', 'domestic_work', 'sex_entertainment'],
  means: ['debt_bondage', 'deception', 'fraud', 'abuse_of_vulnerability'],
  ...over,
});

describe('htcdsRow: one de-identified case in the fields of the HTCDS', () => {
  it('maps each code to its HTCDS value, keeps the national codes beside them, and keeps only the quarter and the province', () => {
    expect(htcdsRow(7, facts(), CODES)).toEqual({
      x_RowNumber: 7,
      x_YearOpened: 2027,
      x_QuarterOpened: 2,
      x_ReportingProvince: '32',
      prs_Gender: 'Female',
      x_AgeGroup: 'child',
      prs_Nationality: 'ID',
      x_NationalityGroup: 'indonesian',
      x_TraffickingScope: 'international',
      x_OriginProvince: '33',
      vic_MethodsOfControl: 'DebtBondage;FalsePromises;Other',
      vic_TypeOfLabourExploitation: 'Aquafarming;DomesticWork',
      vic_TypeOfSexExploitation: 'Prostitution',
      x_ExploitationTypes: 'forced_labour;prostitution',
      x_Sectors: 'fishing;domestic_work;sex_entertainment',
      x_IdentificationStatus: 'verified',
      cas_Status: 'Active',
      vic_AgreementToManagePersonalData: true,
    });
    expect(Object.keys(htcdsRow(1, facts(), CODES))).toEqual([...HTCDS_COLUMNS]);
  });

  it('says Unknown or leaves empty what was not recorded, and closes a closed case', () => {
    const row = htcdsRow(1, facts({ sex: null, ageGroup: null, nationality: null, nationalityGroup: null, traffickingScope: null, originRegion: null, exploitationTypes: null, sectors: null, means: null, stage: 'closed' }), CODES);
    expect(row).toMatchObject({ prs_Gender: 'Unknown', x_AgeGroup: 'unknown', prs_Nationality: '', x_NationalityGroup: 'unknown', x_TraffickingScope: 'unknown', x_OriginProvince: '', vic_MethodsOfControl: '', x_ExploitationTypes: '', x_Sectors: '', cas_Status: 'Closed' });
  });

  it('lets no free text through: a marker in every text field of the facts appears nowhere in the row', () => {
    const tainted = facts({
      jurisdictionCode: MARKER,
      stage: MARKER,
      identificationStatus: MARKER,
      sex: MARKER,
      ageGroup: MARKER,
      nationalityGroup: MARKER,
      nationality: MARKER,
      traffickingScope: MARKER,
      originRegion: MARKER,
      openedOn: MARKER,
      exploitationTypes: ['forced_labour', MARKER],
      sectors: [MARKER, 'fishing'],
      means: [MARKER, '__proto__', 'constructor'],
    });
    const row = htcdsRow(1, tainted, CODES);
    expect(JSON.stringify(row)).not.toMatch(/PENANDA|Siti|Melati|proto|constructor/);
    expect(row).toMatchObject({ x_ExploitationTypes: 'forced_labour', x_Sectors: 'fishing', vic_MethodsOfControl: '', prs_Gender: 'Unknown', x_IdentificationStatus: 'unknown', x_YearOpened: '' });
  });
});
