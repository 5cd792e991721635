import { useCallback, useState } from 'react';
import type { FormOverlay } from '@gugus/forms';

interface History {
  past: FormOverlay[];
  present: FormOverlay;
  future: FormOverlay[];
}

export interface OverlayHistory {
  overlay: FormOverlay;
  /** A new state of the overlay; it can be undone. */
  change: (next: FormOverlay) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Starts over from `overlay` with no history (another draft). */
  reset: (overlay: FormOverlay) => void;
}

/** Undo within the draft: an in-memory stack of overlay states (lost on reload; the saved draft is not). */
export function useOverlayHistory(initial: FormOverlay): OverlayHistory {
  const [history, setHistory] = useState<History>({ past: [], present: initial, future: [] });
  const change = useCallback(
    (next: FormOverlay) =>
      setHistory((h) => (JSON.stringify(next) === JSON.stringify(h.present) ? h : { past: [...h.past, h.present], present: next, future: [] })),
    [],
  );
  const undo = useCallback(
    () => setHistory((h) => (h.past.length ? { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] } : h)),
    [],
  );
  const redo = useCallback(() => setHistory((h) => (h.future.length ? { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) } : h)), []);
  const reset = useCallback((overlay: FormOverlay) => setHistory({ past: [], present: overlay, future: [] }), []);
  return { overlay: history.present, change, undo, redo, canUndo: history.past.length > 0, canRedo: history.future.length > 0, reset };
}
