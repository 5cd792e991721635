/** Activities the system-check workflow calls; implemented in libs/server/system-check. */
export interface SystemCheckActivities {
  /** Records that the check has started (idempotent per check). */
  recordSystemCheckStarted(input: { checkId: string; workflowId: string; holdMs: number }): Promise<void>;
  /**
   * Probes PostgreSQL through the worker and records the attempt number. With `holdMs` it stays busy
   * that long, heartbeating, so a lost worker is noticed and the probe retried on another one.
   */
  probeDatabase(input: { checkId: string; holdMs: number }): Promise<{ databaseVersion: string; attempt: number }>;
  /** Records the result (idempotent). */
  recordSystemCheckCompleted(input: { checkId: string; databaseVersion: string }): Promise<void>;
}
