import type { ReactNode } from 'react';
import './EmptyState.css';

export interface EmptyStateProps {
  title: string;
  message: string;
  /** Where to go from here, usually a link. */
  action?: ReactNode;
}

/** A page-level message when there is nothing to show (unknown address, no records). */
export function EmptyState({ title, message, action }: EmptyStateProps) {
  return (
    <div className="gu-empty">
      <h1 className="gu-empty__title">{title}</h1>
      <p className="gu-empty__message">{message}</p>
      {action && <div className="gu-empty__action">{action}</div>}
    </div>
  );
}
