import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from './apiError';

export interface MutationState<I, O> {
  /** Sends the change; resolves with the answer, or undefined when it failed (see `error`). */
  submit: (input: I) => Promise<O | undefined>;
  isSubmitting: boolean;
  error: ApiError | undefined;
  /** `error.fieldErrors`, or none. */
  fieldErrors: Readonly<Record<string, string>>;
  /** The last successful answer since the last `reset()`. */
  result: O | undefined;
  reset: () => void;
}

const NO_FIELD_ERRORS: Readonly<Record<string, string>> = Object.freeze({});

/** One change sent to the API (create, assign…), with its pending state and its error per field. */
export function useApiMutation<I, O>(run: (input: I) => Promise<O>): MutationState<I, O> {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  const [state, setState] = useState<{ isSubmitting: boolean; error?: ApiError; result?: O }>({ isSubmitting: false });
  const submit = useCallback(async (input: I) => {
    setState({ isSubmitting: true });
    try {
      const result = await runRef.current(input);
      setState({ isSubmitting: false, result });
      return result;
    } catch (err) {
      setState({ isSubmitting: false, error: toApiError(err) });
      return undefined;
    }
  }, []);
  const reset = useCallback(() => setState({ isSubmitting: false }), []);
  return {
    submit,
    reset,
    isSubmitting: state.isSubmitting,
    error: state.error,
    result: state.result,
    fieldErrors: state.error?.fieldErrors ?? NO_FIELD_ERRORS,
  };
}
