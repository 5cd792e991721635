import './Loading.css';

/** A quiet "loading…" line, announced to screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="gu-loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}
