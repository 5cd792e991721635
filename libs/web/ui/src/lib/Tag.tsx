import type { ReactNode } from 'react';
import './Tag.css';

export interface TagProps {
  children: ReactNode;
  tone?: 'neutral' | 'primary' | 'accent';
}

/** A small label, e.g. a role or a jurisdiction level. */
export function Tag({ children, tone = 'neutral' }: TagProps) {
  return <span className={`gu-tag gu-tag--${tone}`}>{children}</span>;
}
