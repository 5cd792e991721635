import type { TFunction } from 'i18next';
import type { PlanComment } from '@gugus/contracts';
import { formatDate, type Language } from '@gugus/web-i18n';
import { byPlace } from '../format';
import type { CommentNote } from './CommentNotes';

/** Who made a comment, in which round, on which version, when. */
export function commentMeta(c: PlanComment, language: Language, t: TFunction<'plans'>): string {
  return [c.author.agency?.name ?? c.author.name, c.round > 0 ? t('comments.legalRound', { round: c.round }) : t('comments.members'), t('versions.number', { seq: c.versionSeq }), formatDate(c.at, language)].filter(Boolean).join(' · ');
}

/** The plan's comments as notes by place (`plan`, `section:<kind>`, `activity:<id>`): who, which round, when, addressed or not. */
export function planCommentNotes(comments: readonly PlanComment[], language: Language, t: TFunction<'plans'>, opts: { addressed?: boolean } = {}): Map<string, CommentNote[]> {
  const notes = new Map<string, CommentNote[]>();
  for (const [place, list] of byPlace(comments, (c) => c.anchor)) {
    notes.set(
      place,
      list.map((c, i) => ({
        key: `${c.taskId}-${i}-${c.at}`,
        text: c.text,
        meta: commentMeta(c, language, t),
        addressed: opts.addressed === false ? undefined : c.addressedInVersionSeq !== null,
      })),
    );
  }
  return notes;
}
