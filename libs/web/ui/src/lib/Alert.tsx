import type { ReactNode } from 'react';
import './Alert.css';

export type AlertTone = 'error' | 'success' | 'info';

export interface AlertProps {
  tone: AlertTone;
  children: ReactNode;
  /** Optional bold first line. */
  title?: string;
  'data-testid'?: string;
}

/** A message box; errors are announced at once, the others politely. */
export function Alert({ tone, children, title, ...rest }: AlertProps) {
  return (
    <div className={`gu-alert gu-alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={rest['data-testid']}>
      {title && <p className="gu-alert__title">{title}</p>}
      <div className="gu-alert__body">{children}</div>
    </div>
  );
}
