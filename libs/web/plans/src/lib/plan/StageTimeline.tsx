import { useTranslation } from 'react-i18next';
import type { OutsideBodyStep, PlanSpanHolder, PlanStageSpan } from '@gugus/contracts';
import { formatDate, formatNumber, useLanguage } from '@gugus/web-i18n';
import { useRoleName, useStepName } from '../PlanBadges';

interface TimelineEntry {
  span: PlanStageSpan;
  /** The outside body's evidence, for a pause. */
  step?: OutsideBodyStep;
}

/** Pairs each `outside_body` span with the outside step that opened it (same round, nearest start). */
function entries(timeline: readonly PlanStageSpan[], steps: readonly OutsideBodyStep[]): TimelineEntry[] {
  const left = [...steps];
  return [...timeline]
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))
    .map((span) => {
      if (span.stage !== 'outside_body') return { span };
      const candidates = left.filter((s) => s.round === span.round);
      const step = candidates.sort((a, b) => Math.abs(Date.parse(a.startedAt) - Date.parse(span.startedAt)) - Math.abs(Date.parse(b.startedAt) - Date.parse(span.startedAt)))[0];
      if (step) left.splice(left.indexOf(step), 1);
      return { span, step };
    });
}

/** Each agency's part of a stage held by several at once: its step, tasks and working days. */
function SpanHolders({ holders }: { holders: readonly PlanSpanHolder[] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const roleName = useRoleName();
  const stepName = useStepName();
  return (
    <ul className="gu-plans__span-holders" aria-label={t('holder.parts')} data-testid="span-holders">
      {holders.map((h) => (
        <li key={`${h.agency.id}-${h.role}-${h.step}`} data-testid="span-holder" data-agency-id={h.agency.id} data-step={h.step} data-working-days={h.workingDays}>
          <span className="gu-plans__span-holder-name">{h.agency.name ?? h.agency.id}</span>
          <span className="gu-plans__meta">
            {roleName(h.role)} · {stepName(h.step)} · {t('holder.tasks', { count: h.taskCount, n: formatNumber(h.taskCount, language) })} · {t('timeline.workingDays', { count: h.workingDays, n: formatNumber(h.workingDays, language) })}
            {h.open && ` · ${t('holder.stillOpen')}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Where the plan has been and is: each stretch with its holder (stage, round, holder, dates, working
 * days), the open one marked; a stage held by several agencies at once lists each one's part; a body
 * outside the task force shows as a pause with its evidence.
 */
export function StageTimeline({ timeline, outsideSteps }: { timeline: readonly PlanStageSpan[]; outsideSteps: readonly OutsideBodyStep[] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const roleName = useRoleName();
  if (!timeline.length) return <p className="gu-plans__muted">{t('timeline.empty')}</p>;
  return (
    <ol className="gu-plans__timeline" data-testid="plan-timeline">
      {entries(timeline, outsideSteps).map(({ span, step }, i) => {
        const open = span.endedAt === null;
        const pause = span.stage === 'outside_body';
        return (
          <li
            key={`${span.stage}-${span.startedAt}-${i}`}
            className={`gu-plans__span${open ? ' gu-plans__span--open' : ''}${pause ? ' gu-plans__span--pause' : ''}`}
            aria-current={open ? 'step' : undefined}
            data-testid="timeline-span"
            data-stage={span.stage}
            data-open={open}
          >
            <span className="gu-plans__span-mark" aria-hidden="true" />
            <div className="gu-plans__span-body">
              <p className="gu-plans__span-title">
                {t(`stages.${span.stage}`)}
                {span.round > 0 && <span className="gu-plans__span-round"> · {t('plan.round', { round: formatNumber(span.round, language) })}</span>}
                {open && <span className="gu-plans__pill gu-plans__pill--now">{t('timeline.now')}</span>}
              </p>
              {span.holders?.length ? (
                <SpanHolders holders={span.holders} />
              ) : (
                <p className="gu-plans__span-holder">
                  {pause ? t('timeline.outsideHolder') : span.holder ? `${span.holder.agency?.name ?? t('holder.outside')} · ${roleName(span.holder.role)}` : t('holder.several')}
                </p>
              )}
              {pause && step && (
                <p className="gu-plans__muted" data-testid="outside-step">
                  {t(`outsideBodies.${step.body}`)} · {t('timeline.reference', { number: step.referenceNumber, date: formatDate(step.date, language) })}
                  {step.note ? ` · ${step.note}` : ''}
                </p>
              )}
              <p className="gu-plans__muted">
                <time dateTime={span.startedAt}>{formatDate(span.startedAt, language)}</time>
                {' – '}
                {span.endedAt ? <time dateTime={span.endedAt}>{formatDate(span.endedAt, language)}</time> : t('timeline.ongoing')}
                {' · '}
                <span data-testid="span-working-days">{t('timeline.workingDays', { count: span.workingDays, n: formatNumber(span.workingDays, language) })}</span>
                {pause && ` · ${t('timeline.clockPaused')}`}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
