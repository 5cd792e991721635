import { SubTaskForceKind } from '@gugus/contracts';
import { activityAnswers, poaFixture } from './__fixtures__/poa';
import { carryOver } from './carry-over';
import { diffPlanVersions } from './plan-diff';
import { PlanProblemCode, type PlanVersionContent } from './plan-types';
import { compilePlanVersion, identifyActivities, toSectionAnswers } from './plan-version';

const { PREVENTION, SOCIAL, COOPERATION } = SubTaskForceKind;

function westJava(): PlanVersionContent {
  let n = 0;
  const sections = identifyActivities(['west-java-prevention', 'west-java-social-rehabilitation', 'west-java-cooperation'].map(poaFixture), { allocateActivityId: () => `a-${++n}` });
  const result = compilePlanVersion(sections, [PREVENTION, SOCIAL, COOPERATION]);
  if (!result.ok) throw new Error('the fixtures compile');
  return result.value;
}

describe('carryOver: unfinished activities into the revised plan', () => {
  it('keeps every section and its answers, and only the unfinished activities, with their ids', () => {
    const previous = westJava();
    const result = carryOver(previous, ['a-5', 'a-3', 'a-5']);
    if (!result.ok) throw new Error('the ids are in the plan');
    expect(result.value.sections.map((s) => [s.subTaskForce, s.activities.map((a) => [a.activityId, a.answers.code])])).toEqual([
      [PREVENTION, [['a-3', '1.3']]],
      [SOCIAL, [['a-5', '3.2']]],
      [COOPERATION, []],
    ]);
    expect(result.value.sections[0]?.answers).toEqual(previous.sections[0]?.answers);
    expect(result.value.sections[0]?.activities[0]).toEqual(previous.sections[0]?.activities[2]);
    expect(Object.isFrozen(result.value.sections[2]?.activities)).toBe(true);
  });

  it('lets the carried activities keep their ids through the revision, whatever else the Sub-TFs change', () => {
    const previous = westJava();
    const carried = carryOver(previous, ['a-3', 'a-5']);
    if (!carried.ok) throw new Error('the ids are in the plan');
    const drafts = carried.value.sections.map((section) => structuredClone(toSectionAnswers(section)));
    drafts[0]!.activities.unshift(activityAnswers('1.1', { activity: 'Sosialisasi migrasi aman tahap II' }));
    drafts[2]!.activities.push(activityAnswers('6.1'));
    let n = 0;
    const revised = compilePlanVersion(identifyActivities(drafts, { previous: carried.value, allocateActivityId: () => `r-${++n}` }), [PREVENTION, SOCIAL, COOPERATION]);
    if (!revised.ok) throw new Error(JSON.stringify(revised.problems));
    expect(revised.value.sections.map((s) => s.activities.map((a) => [a.activityId, a.answers.code]))).toEqual([
      [['r-1', '1.1'], ['a-3', '1.3']],
      [['a-5', '3.2']],
      [['r-2', '6.1']],
    ]);
    const diff = diffPlanVersions(previous, revised.value);
    expect(diff.activitiesRemoved.map((a) => a.activityId)).toEqual(['a-1', 'a-2', 'a-4', 'a-6', 'a-7']);
    expect(diff.activitiesAdded.map((a) => a.activityId)).toEqual(['r-1', 'r-2']);
    expect(diff.activitiesChanged).toEqual([]);
  });

  it('refuses an id that is not an activity of the previous version', () => {
    expect(carryOver(westJava(), ['a-2', 'z-9'])).toEqual({
      ok: false,
      problems: [
        {
          code: PlanProblemCode.ACTIVITY_UNKNOWN,
          subTaskForce: null,
          activityId: 'z-9',
          field: '',
          message: {
            id: 'Kegiatan dengan ID z-9 tidak ada pada versi RAD sebelumnya, sehingga tidak dapat dilanjutkan ke RAD berikutnya.',
            en: 'There is no activity with id z-9 in the previous plan version, so it cannot be carried over to the next plan.',
          },
        },
      ],
    });
  });
});
