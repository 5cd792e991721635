import type { PlanVersionView } from '@gugus/contracts';
import { usePlan, usePlanVersion, type TaskView } from '@gugus/web-data-access';
import { useLanguage, type Language } from '@gugus/web-i18n';
import { activityAnchor, sectionAnchor, sectionTitle } from './format';

const SEPARATOR = ' › ';
const short = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Each section of a version, and each of its activities, as a place a comment can be anchored to. */
export function planCommentTargets(version: Pick<PlanVersionView, 'content'>, language: Language): { pointer: string; label: string }[] {
  return version.content.sections.flatMap((section, i) => {
    const name = `${i + 1}. ${sectionTitle(section.subTaskForce, language)}`;
    return [
      { pointer: sectionAnchor(section.subTaskForce), label: name },
      ...section.activities.map((a) => ({ pointer: activityAnchor(section.subTaskForce, a.activityId), label: `${name}${SEPARATOR}${a.answers.code} ${short(a.answers.activity)}` })),
    ];
  });
}

/**
 * What a plan task's decision comments can point at (registered with the plan's task view): the sections
 * and activities of the version the task is about, as `/sections/<kind>[/activities/<id>]`.
 */
export function usePlanCommentTargets(view: TaskView): readonly { pointer: string; label: string }[] {
  const { language } = useLanguage();
  const c = view.context.kind === 'plan' ? view.context : undefined;
  const plan = usePlan(c?.planId);
  const current = plan.data?.id === c?.planId ? plan.data?.current : undefined;
  const older = c?.versionSeq !== undefined && current && current.seq !== c.versionSeq ? c.versionSeq : undefined;
  const version = usePlanVersion(older !== undefined ? c?.planId : undefined, older);
  const shown = older !== undefined ? (version.data?.seq === older ? version.data : undefined) : current;
  return shown ? planCommentTargets(shown, language) : [];
}
