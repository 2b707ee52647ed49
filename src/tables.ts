/**
 * retry-delay/tables: the facts the library is built from, as data: every
 * diagnostic code with its severity and summary, every limit, the request-option
 * table, the flow-control fields and the plans' maxima. Tools that document,
 * generate or cross-check use these; the root entry's functions already apply them.
 *
 * @example
 * ```ts
 * import { EXPRESSION_CODES, OPTION_TABLE, optionName } from "retry-delay/tables";
 *
 * EXPRESSION_CODES["unknown-function"].severity; // "error"
 * OPTION_TABLE.map((row) => optionName(row, "trigger")); // ["retries", "retryDelay", …]
 * ```
 *
 * @packageDocumentation
 */
export { DELIVERY_CODES, DELIVERY_LIMITS, type DeliveryCode } from "./delivery/codes.js";
export { DURATION_CODES, type DurationCode } from "./duration/codes.js";
export { MAX_DURATION_LENGTH } from "./duration/parse.js";
export { checkDelayForPlan, MAX_DELAY_BY_PLAN, type UpstashPlan } from "./duration/plans.js";
export { DEFAULT_RETRIES } from "./expression/check.js";
export { EXPRESSION_CODES, type ExpressionCode } from "./expression/codes.js";
export { EXPRESSION_LIMITS } from "./expression/limits.js";
export { FLOW_CONTROL_CODES, type FlowControlCode } from "./flow-control/codes.js";
export { FLOW_CONTROL_FIELDS, FLOW_CONTROL_LIMITS, type CountFieldName } from "./flow-control/fields.js";
export type { Endpoint } from "./request/context.js";
export { DEFAULT_BASE_URL } from "./request/requests.js";
export {
  OPTION_TABLE,
  optionName,
  type HeaderRow,
  type JsonSchema,
  type OptionRow,
  type PayloadRow,
  type RowFacts,
} from "./request/table.js";
export { MAX_RETRY_AFTER_MS, RETRY_AFTER_CODES, RETRY_AFTER_HEADERS, type RetryAfterCode } from "./retry-after/retry-after.js";
export { DEFAULT_NORMALIZATION, normalizeDelay, type NormalizationPolicy, type NormalizedDelay } from "./schedule/policy.js";
export { SCHEDULE_CODES, type ScheduleCode } from "./schedule/codes.js";
export { MAX_SIMULATED_RETRIES } from "./schedule/simulate.js";
export { TRIGGER_CODES, type TriggerCode } from "./trigger/codes.js";
export { MAX_HEADER_VALUE_LENGTH } from "./trigger/parse.js";
