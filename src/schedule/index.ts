export { SCHEDULE_CODES, type ScheduleCode, type ScheduleDiagnostic } from "./codes.js";
export { explainSchedule } from "./explain.js";
export {
  DEFAULT_BACKOFF_EXPRESSION,
  DEFAULT_NORMALIZATION,
  defaultBackoffDelay,
  normalizeDelay,
  type NormalizationPolicy,
  type NormalizedDelay,
} from "./policy.js";
export { MAX_SIMULATED_RETRIES, simulateSchedule } from "./simulate.js";
export type { AttemptResponse, DelaySource, Schedule, ScheduleEntry, ScheduleOptions, ScheduleResult, ScheduleSummary } from "./types.js";
