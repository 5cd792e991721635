export { API_BASE_PATH, apiClient, type RequestOptions } from './lib/apiClient';
export { ApiError, ClientErrorCode, isErrorBody, toApiError } from './lib/apiError';
export { HEALTH_REFRESH_MS, useHealth, type HealthState } from './lib/useHealth';
export {
  isSystemCheckFinished,
  SYSTEM_CHECK_POLL_MS,
  useStartSystemCheck,
  useSystemCheck,
  type StartSystemCheckState,
  type SystemCheckState,
} from './lib/useSystemCheck';
