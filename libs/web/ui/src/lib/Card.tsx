import type { HTMLAttributes } from 'react';
import './Card.css';

/** A bordered white surface that groups one topic on a page. */
export function Card({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <section className={['gu-card', className].filter(Boolean).join(' ')} {...rest} />;
}
