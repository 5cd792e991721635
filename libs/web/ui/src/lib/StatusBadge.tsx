import './StatusBadge.css';

export type BadgeStatus = 'up' | 'down' | 'unknown' | 'pending';

export interface StatusBadgeProps {
  status: BadgeStatus;
  /** The status in words; colour and icon only repeat it. */
  label: string;
}

// A different shape per status, so the badge reads without colour vision too.
const ICON_PATHS: Record<BadgeStatus, string> = {
  up: 'M4.5 8.5l2.5 2.5 4.5-5',
  down: 'M5.5 5.5l5 5M10.5 5.5l-5 5',
  unknown: 'M5 8h6',
  pending: 'M8 4.5V8l2.5 1.5',
};

export function StatusBadge({ status, label }: StatusBadgeProps) {
  return (
    <span className={`gu-badge gu-badge--${status}`} data-status={status}>
      <svg className="gu-badge__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d={ICON_PATHS[status]} fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {label}
    </span>
  );
}
