import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factsFromIntake, factsFromScreening, mergeFacts } from './case-facts';

const FORMS_DIR = join(__dirname, '../../../../../forms');
const fixture = (form: string, name: string) => JSON.parse(readFileSync(join(FORMS_DIR, 'library', form, 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;
const MARKER = 'Penanda Rahasia Fakta';

describe("a case's statistical facts", () => {
  it('takes the codes reports count from the intake and the screening, and nothing else', () => {
    const intake = factsFromIntake(fixture('case-intake', 'valid-indonesian-adult'));
    expect(intake).toEqual({ sex: 'male', ageGroup: 'adult', nationalityGroup: 'indonesian', nationality: null, traffickingScope: 'international', originRegion: '35.10', identifiedInRegion: '32.04' });
    const screening = factsFromScreening(fixture('victim-screening', 'valid-adult-labour-presumed'));
    expect(screening).toMatchObject({ exploitationTypes: ['forced_labour'], sectors: ['logistics_transport'], means: ['debt_bondage', 'deception'] });
    expect(mergeFacts(intake, screening)).toEqual({
      sex: 'male',
      ageGroup: 'adult',
      ageUncertain: null,
      nationalityGroup: 'indonesian',
      nationality: null,
      traffickingScope: 'international',
      originRegion: '35.10',
      identifiedInRegion: '32.04',
      exploitationTypes: ['forced_labour'],
      sectors: ['logistics_transport'],
      means: ['debt_bondage', 'deception'],
    });
  });

  it('lets no free text through, whatever a form variant puts where a code belongs', () => {
    const hostile = {
      sex: MARKER,
      ageGroup: 'adult; DROP TABLE cases',
      nationalityGroup: 'Indonesian',
      countryOfNationality: 'Indonesia',
      traffickingScope: 'x'.repeat(61),
      originRegency: `${MARKER} 35.10`,
      identifiedInRegency: 3204,
      identity: { fullName: MARKER },
      intakeNotes: MARKER,
      purpose: { exploitationTypes: ['forced_labour', MARKER, 7, 'forced_labour'], sectors: 'fishing', notes: MARKER },
      means: { elements: [MARKER.toLowerCase()] },
    };
    const facts = mergeFacts(factsFromIntake(hostile), factsFromScreening(hostile));
    expect(JSON.stringify(facts)).not.toMatch(/penanda|rahasia|drop|indonesia\b/i);
    expect(facts).toMatchObject({ sex: null, ageGroup: null, nationalityGroup: null, nationality: null, traffickingScope: null, originRegion: null, identifiedInRegion: null, exploitationTypes: ['forced_labour'], sectors: null, means: [] });
    expect(factsFromIntake('not a form')).toMatchObject({ sex: null });
  });

  it('keeps what a later form leaves unsaid, and lets what it says replace what was known', () => {
    const merged = mergeFacts({ sex: 'female', ageGroup: 'adult', originRegion: '32.04' }, { ageGroup: 'child', ageUncertain: true, sex: null });
    expect(merged).toMatchObject({ sex: 'female', ageGroup: 'child', ageUncertain: true, originRegion: '32.04' });
  });
});
