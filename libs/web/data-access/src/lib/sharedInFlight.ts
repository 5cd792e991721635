/**
 * One request per key while it is in flight: a second caller gets the first caller's promise, and the
 * next call after it settles starts a new request. For side-effecting requests that screens start on
 * mount, which React's StrictMode mounts twice in development.
 */
export function sharedInFlight<T>(): (key: string, start: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>();
  return (key, start) => {
    let pending = inFlight.get(key);
    if (!pending) {
      pending = start().finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
