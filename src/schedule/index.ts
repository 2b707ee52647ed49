export { explainSchedule } from "./explain.js";
export { DEFAULT_BACKOFF_EXPRESSION, DEFAULT_NORMALIZATION, defaultBackoffDelay, normalizeDelay, type NormalizationPolicy, type NormalizedDelay } from "./policy.js";
export { MAX_SIMULATED_RETRIES, simulateSchedule, type AttemptResponse, type DelaySource, type Schedule, type ScheduleEntry, type ScheduleOptions, type ScheduleResult, type ScheduleSummary } from "./simulate.js";
