/** Default task queue served by the Gugus worker (overridable with TEMPORAL_TASK_QUEUE). */
export const DEFAULT_TASK_QUEUE = 'gugus';
