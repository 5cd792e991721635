export type ComponentStatus = 'up' | 'down';

export interface ComponentHealth {
  status: ComponentStatus;
  /** Round-trip time of the probe in milliseconds, when it answered. */
  latencyMs?: number;
  /** Short reason when down, safe to show (no hostnames or credentials). */
  reason?: string;
}

/** Body of `GET /health` (HTTP 200 when every component is up, 503 otherwise). */
export interface HealthReport {
  status: ComponentStatus;
  checkedAt: string;
  version: string;
  components: {
    database: ComponentHealth;
    temporal: ComponentHealth;
  };
}
