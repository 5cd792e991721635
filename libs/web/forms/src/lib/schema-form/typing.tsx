import { getDefaultRegistry } from '@rjsf/core';
import { ariaDescribedByIds, getTemplate, type RJSFSchema, type Widget, type WidgetProps } from '@rjsf/utils';
import { startTransition, useCallback, useLayoutEffect, useRef, useState, type ChangeEvent, type FocusEvent } from 'react';
import { contextOf } from './formContext';
import type { FormData } from './validator';

/**
 * Typing in a free-text field, painted in the next frame while rjsf (the one holder of the answers) catches up
 * right after it.
 *
 * A keystroke re-renders its own input only (what the person sees); after the frame that shows it the text
 * goes to rjsf through the field's own `onChange`, in a React transition: rjsf applies it to its state
 * (validation, errors, conditional fields, the page's `onChange`) without holding up the next keystroke, which
 * interrupts it. Every change goes through rjsf's `onChange`, so rjsf's state and what the page receives are
 * one: for a moment they may lack the newest keystrokes the screen shows, never hold something else.
 *
 * Before anything can read or replace the answers — a submit, leaving the field, a pointer press anywhere,
 * Enter, a change in another field — the form calls {@link TypingQueue.flush}: each field with text rjsf
 * does not hold yet hands it over as an urgent change, queued before the event's own (rjsf's submit validates
 * in an updater queued after it, so it sees the text). React applies a component's updates in the order they
 * were queued, so a transition still in flight cannot bring back older text.
 *
 * A field shows what was typed until rjsf has reported every hand-over as committed (`committed`, from the
 * form's `onChange` with the field's id) and holds that text; then it follows rjsf again (a reset, server data
 * or a cleared answer shows at once when nothing is being typed). When rjsf committed something else over the
 * text (a change queued after the hand-over), the text is handed over again: what is on screen always ends up
 * in the answers.
 */
export interface TypingQueue {
  /** Field `id` has text rjsf does not hold yet: `flush` hands it over urgently, `committed` hears rjsf's reports. */
  typed(id: string, field: { flush: () => void; committed: () => void }): void;
  /** Field `id` has nothing left to hand over. */
  settled(id: string): void;
  /** Hands every typed text rjsf does not hold yet over as urgent changes, except that of field `except`. */
  flush(except?: string): void;
  /** rjsf committed a change of field `id` and reported it. */
  committed(id: string | undefined): void;
  /** Whether some field has text rjsf does not hold yet. */
  pending(): boolean;
}

export function createTypingQueue(): TypingQueue {
  const fields = new Map<string, { flush: () => void; committed: () => void }>();
  return {
    typed: (id, field) => void fields.set(id, field),
    settled: (id) => void fields.delete(id),
    flush: (except) => {
      for (const [id, field] of [...fields]) if (id !== except) field.flush();
    },
    committed: (id) => {
      if (id !== undefined) fields.get(id)?.committed();
    },
    pending: () => fields.size > 0,
  };
}

/** Runs `work` once the next frame has been produced (a message posted from its animation frame callback). */
function afterNextFrame(work: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
    setTimeout(work, 0);
    return;
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      work();
    };
    channel.port2.postMessage(null);
  });
}

const asText = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** How often a field hands its text over again when rjsf committed something else over it, before it yields. */
const MAX_RETRIES = 2;

/**
 * What a deferred text field shows and its input handler. `value` and `onChange` are the widget's props from
 * rjsf: `onChange` is the only way text reaches the answers.
 */
function useTypedText({ id, value, onChange, options, registry }: WidgetProps<FormData, RJSFSchema>) {
  const queue = contextOf(registry).typing;
  const held = asText(value);
  const [local, setLocal] = useState<string | null>(null);
  // The field's bookkeeping, read by callbacks that run outside render (after a frame, in a flush, in rjsf's commit).
  const field = useRef({
    held,
    /** What was typed and rjsf may not hold yet; null when the field shows rjsf's value. */
    local: null as string | null,
    /** Hand-overs rjsf has not reported as committed yet, and the text of the last one. */
    sent: 0,
    sentText: '',
    retries: 0,
    onChange,
    emptyValue: options.emptyValue as unknown,
    alive: true,
  }).current;
  // Children commit before rjsf's Form, whose commit callbacks report: `held` is current when `committed` runs.
  useLayoutEffect(() => {
    field.held = held;
    field.onChange = onChange;
    field.emptyValue = options.emptyValue;
  });

  const settle = useCallback(() => {
    field.local = null;
    field.retries = 0;
    setLocal(null);
    queue?.settled(id);
  }, [field, queue, id]);

  const send = useCallback(
    (text: string, urgent: boolean) => {
      field.sent += 1;
      field.sentText = text;
      const next = text === '' ? field.emptyValue : text;
      if (urgent) field.onChange(next);
      else startTransition(() => field.onChange(next));
    },
    [field],
  );

  // After the frame that shows the keystroke: the newest text to rjsf, unless a hand-over is still in flight
  // (its report sends what was typed since).
  const handOver = useCallback(() => {
    if (!field.alive || field.local === null || field.sent > 0) return;
    if (field.local === field.held) settle();
    else send(field.local, false);
  }, [field, send, settle]);

  const flush = useCallback(() => {
    if (!field.alive || field.local === null) return;
    if (field.sent === 0 && field.local === field.held) settle();
    else send(field.local, true);
  }, [field, send, settle]);

  const committed = useCallback(() => {
    if (!field.alive || field.sent === 0) return;
    field.sent -= 1;
    if (field.sent > 0 || field.local === null) return;
    if (field.local === field.held) return settle();
    if (field.local === field.sentText) {
      // rjsf committed a change queued after the text over it: the text goes again, unless that keeps happening.
      field.retries += 1;
      if (field.retries > MAX_RETRIES) return settle();
    }
    afterNextFrame(handOver);
  }, [field, settle, handOver]);

  useLayoutEffect(() => {
    field.alive = true;
    return () => {
      // A field that goes away (its question no longer applies, a list item removed) takes its pending text with it.
      field.alive = false;
      queue?.settled(id);
    };
  }, [field, queue, id]);

  const onText = useCallback(
    (text: string) => {
      field.local = text;
      setLocal(text);
      queue?.typed(id, { flush, committed });
      if (field.sent === 0) afterNextFrame(handOver);
    },
    [field, queue, id, flush, committed, handOver],
  );
  return { shown: local ?? held, onText };
}

const DEFAULT_WIDGETS = getDefaultRegistry<FormData, RJSFSchema>().widgets;

/** Whether the field is typed into as free text (numbers keep rjsf's own input: it parses as it goes). */
function deferrable(props: WidgetProps<FormData, RJSFSchema>): boolean {
  return Boolean(contextOf(props.registry).typing) && props.schema.type === 'string' && !props.readonly && !props.disabled;
}

function DeferredInput(props: WidgetProps<FormData, RJSFSchema>) {
  const { shown, onText } = useTypedText(props);
  const BaseInputTemplate = getTemplate<'BaseInputTemplate', FormData, RJSFSchema>('BaseInputTemplate', props.registry, props.options);
  const onChangeOverride = useCallback((event: ChangeEvent<HTMLInputElement>) => onText(event.target.value), [onText]);
  return <BaseInputTemplate {...props} value={shown} onChangeOverride={onChangeOverride} />;
}

/** rjsf's text input, its typing painted first (see {@link TypingQueue}). */
export const DeferredTextWidget: Widget<FormData, RJSFSchema> = (props) => {
  const Default = DEFAULT_WIDGETS.TextWidget;
  return deferrable(props) ? <DeferredInput {...props} /> : <Default {...props} />;
};

function DeferredTextarea(props: WidgetProps<FormData, RJSFSchema>) {
  const { id, options, placeholder, required, disabled, readonly, autofocus = false, onBlur, onFocus, htmlName } = props;
  const { shown, onText } = useTypedText(props);
  // rjsf's TextareaWidget, with the shown text.
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className="form-control"
      value={shown}
      placeholder={placeholder}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      rows={options.rows}
      onBlur={(event: FocusEvent<HTMLTextAreaElement>) => onBlur(id, event.target.value)}
      onFocus={(event: FocusEvent<HTMLTextAreaElement>) => onFocus(id, event.target.value)}
      onChange={(event) => onText(event.target.value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}

/** rjsf's text area, its typing painted first (see {@link TypingQueue}). */
export const DeferredTextareaWidget: Widget<FormData, RJSFSchema> = (props) => {
  const Default = DEFAULT_WIDGETS.TextareaWidget;
  return deferrable(props) ? <DeferredTextarea {...props} /> : <Default {...props} />;
};
