export { DURATION_CODES, type DurationCode, type DurationDiagnostic } from "./codes.js";
export { formatDuration } from "./format.js";
export {
  MAX_DURATION_LENGTH,
  parseDuration,
  type DurationMode,
  type DurationOptions,
  type DurationPart,
  type ParsedDuration,
} from "./parse.js";
export { checkDelayForPlan, MAX_DELAY_BY_PLAN, type UpstashPlan } from "./plans.js";
