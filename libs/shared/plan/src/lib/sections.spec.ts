import { SUB_TASK_FORCE_KINDS, SubTaskForceKind } from '@gugus/contracts';
import { readRepoJson } from './__fixtures__/poa';
import { SUB_TASK_FORCE_NAMES, expectedSections, sectionName } from './sections';

const { PREVENTION, HEALTH, SOCIAL, LEGAL_NORM, LAW_ENFORCEMENT, COOPERATION } = SubTaskForceKind;

describe('expectedSections: the sections a task force\'s plan gets', () => {
  it.each([
    ['a national or province task force (6 Sub-TFs)', SUB_TASK_FORCE_KINDS, [PREVENTION, HEALTH, SOCIAL, LEGAL_NORM, LAW_ENFORCEMENT, COOPERATION]],
    ['a regency/city task force (5 Sub-TFs, no Legal Norm Development)', [PREVENTION, HEALTH, SOCIAL, LAW_ENFORCEMENT, COOPERATION], [PREVENTION, HEALTH, SOCIAL, LAW_ENFORCEMENT, COOPERATION]],
    ['Sub-TFs listed in any order, one twice', [COOPERATION, PREVENTION, LAW_ENFORCEMENT, PREVENTION], [PREVENTION, LAW_ENFORCEMENT, COOPERATION]],
    ['a task force that adjusted its structure to three Sub-TFs', [SOCIAL, HEALTH, LEGAL_NORM], [HEALTH, SOCIAL, LEGAL_NORM]],
    ['no Sub-TFs', [], []],
  ])('%s', (_case, kinds, sections) => {
    expect(expectedSections(kinds)).toEqual(sections);
  });

  it('leaves out codes that are not Sub-TFs', () => {
    expect(expectedSections([HEALTH, 'secretariat' as SubTaskForceKind])).toEqual([HEALTH]);
  });
});

describe('Sub-TF names', () => {
  it('are the names of the form library\'s sub-task-forces option list, in the national order', () => {
    const list = readRepoJson<{ options: { code: string; label: { id: string; en: string } }[] }>('forms', 'options', 'sub-task-forces.json');
    expect(list.options.map((o) => [o.code, o.label])).toEqual(SUB_TASK_FORCE_KINDS.map((kind) => [kind, SUB_TASK_FORCE_NAMES[kind]]));
  });

  it('name a section in Indonesian first, and an unknown code in quotes', () => {
    expect(sectionName(LEGAL_NORM)).toEqual({ id: 'bagian Pengembangan Norma Hukum', en: 'the Legal Norm Development section' });
    expect(sectionName('secretariat')).toEqual({ id: 'bagian "secretariat"', en: 'the "secretariat" section' });
  });
});
