// Deprecated root names (CHANGELOG, 0.2.0): each moved to a subpath entry, was renamed, or was
// internal. They stay importable from the root for one minor version and go in 0.3.0. Nothing
// inside the package uses them.
/* eslint-disable @typescript-eslint/no-deprecated -- this module is where the deprecated names are defined */
import {
  BUILTINS as BUILTINS_,
  lookupBuiltin as lookupBuiltin_,
  roundHalfAwayFromZero as roundHalfAwayFromZero_,
} from "./expression/builtins.js";
import { checkExpression as checkExpression_, DEFAULT_RETRIES as DEFAULT_RETRIES_ } from "./expression/check.js";
import { EXPRESSION_CODES as EXPRESSION_CODES_ } from "./expression/codes.js";
import { compileExpression as compileExpression_ } from "./expression/compile.js";
import { describeErrorCount as describeErrorCount_ } from "./expression/error-limit.js";
import { interpret as interpret_ } from "./expression/interpret.js";
import { EXPRESSION_LIMITS as EXPRESSION_LIMITS_ } from "./expression/limits.js";
import { parse as parse_ } from "./expression/parse.js";
import { printExpression as printExpression_ } from "./expression/print.js";
import { DURATION_CODES as DURATION_CODES_ } from "./duration/codes.js";
import { MAX_DURATION_LENGTH as MAX_DURATION_LENGTH_ } from "./duration/parse.js";
import { checkDelayForPlan as checkDelayForPlan_, MAX_DELAY_BY_PLAN as MAX_DELAY_BY_PLAN_ } from "./duration/plans.js";
import { FLOW_CONTROL_CODES as FLOW_CONTROL_CODES_, MISSING_LIMIT_MESSAGE as MISSING_LIMIT_MESSAGE_ } from "./flow-control/codes.js";
import { FLOW_CONTROL_LIMITS as FLOW_CONTROL_LIMITS_ } from "./flow-control/fields.js";
import { checkFlowControl as checkFlowControl_ } from "./flow-control/format.js";
import {
  checkFlowControlKey as checkFlowControlKey_,
  checkResourceName as checkResourceName_,
  NAME_PATTERN as RESOURCE_NAME_PATTERN_,
} from "./flow-control/key.js";
import { DEFAULT_BASE_URL as DEFAULT_BASE_URL_, PLACEHOLDER_TOKEN as PLACEHOLDER_TOKEN_ } from "./request/requests.js";
import { OPTION_TABLE as OPTION_TABLE_, optionName as optionName_ } from "./request/table.js";
import { TRIGGER_CODES as TRIGGER_CODES_ } from "./trigger/codes.js";
import { MAX_HEADER_VALUE_LENGTH as MAX_HEADER_VALUE_LENGTH_ } from "./trigger/parse.js";
import { shellQuote as shellQuote_ } from "./trigger/curl.js";
import {
  MAX_RETRY_AFTER_MS as MAX_RETRY_AFTER_MS_,
  RETRY_AFTER_CODES as RETRY_AFTER_CODES_,
  RETRY_AFTER_HEADERS as RETRY_AFTER_HEADERS_,
} from "./retry-after/retry-after.js";
import { DEFAULT_NORMALIZATION as DEFAULT_NORMALIZATION_, normalizeDelay as normalizeDelay_ } from "./schedule/policy.js";
import { MAX_SIMULATED_RETRIES as MAX_SIMULATED_RETRIES_ } from "./schedule/simulate.js";
import { renderDiagnostic as renderDiagnostic_ } from "./diagnostics/render.js";

/**
 * @deprecated Import it from `retry-delay/ast`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { BUILTINS } from "retry-delay/ast";
 * ```
 */
export const BUILTINS = BUILTINS_;
/**
 * @deprecated Import it from `retry-delay/ast`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { lookupBuiltin } from "retry-delay/ast";
 * ```
 */
export const lookupBuiltin = lookupBuiltin_;
/**
 * @deprecated Internal: use `Math.sign(x) * Math.round(Math.abs(x))`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * // roundHalfAwayFromZero is internal: use `Math.sign(x) * Math.round(Math.abs(x))`
 * ```
 */
export const roundHalfAwayFromZero = roundHalfAwayFromZero_;
/**
 * @deprecated Import it from `retry-delay/ast`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { checkExpression } from "retry-delay/ast";
 * ```
 */
export const checkExpression = checkExpression_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { DEFAULT_RETRIES } from "retry-delay/tables";
 * ```
 */
export const DEFAULT_RETRIES = DEFAULT_RETRIES_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { EXPRESSION_CODES } from "retry-delay/tables";
 * ```
 */
export const EXPRESSION_CODES = EXPRESSION_CODES_;
/**
 * @deprecated Import it from `retry-delay/ast` as `compileTree`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { compileTree } from "retry-delay/ast";
 * ```
 */
export const compileExpression = compileExpression_;
/**
 * @deprecated Internal: count `diagnostics` yourself. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * // describeErrorCount is internal: count `diagnostics` yourself
 * ```
 */
export const describeErrorCount = describeErrorCount_;
/**
 * @deprecated Import it from `retry-delay/ast`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { interpret } from "retry-delay/ast";
 * ```
 */
export const interpret = interpret_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { EXPRESSION_LIMITS } from "retry-delay/tables";
 * ```
 */
export const EXPRESSION_LIMITS = EXPRESSION_LIMITS_;
/**
 * @deprecated Import it from the root as `parseExpression`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { parseExpression } from "retry-delay";
 * ```
 */
export const parse = parse_;
/**
 * @deprecated Import it from the root as `formatExpression`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { formatExpression } from "retry-delay";
 * ```
 */
export const printExpression = printExpression_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { DURATION_CODES } from "retry-delay/tables";
 * ```
 */
export const DURATION_CODES = DURATION_CODES_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { MAX_DURATION_LENGTH } from "retry-delay/tables";
 * ```
 */
export const MAX_DURATION_LENGTH = MAX_DURATION_LENGTH_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { checkDelayForPlan } from "retry-delay/tables";
 * ```
 */
export const checkDelayForPlan = checkDelayForPlan_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { MAX_DELAY_BY_PLAN } from "retry-delay/tables";
 * ```
 */
export const MAX_DELAY_BY_PLAN = MAX_DELAY_BY_PLAN_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { FLOW_CONTROL_CODES } from "retry-delay/tables";
 * ```
 */
export const FLOW_CONTROL_CODES = FLOW_CONTROL_CODES_;
/**
 * @deprecated Internal: match on the `missing-limit` code instead. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * // MISSING_LIMIT_MESSAGE is internal: match on the `missing-limit` code instead
 * ```
 */
export const MISSING_LIMIT_MESSAGE = MISSING_LIMIT_MESSAGE_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { FLOW_CONTROL_LIMITS } from "retry-delay/tables";
 * ```
 */
export const FLOW_CONTROL_LIMITS = FLOW_CONTROL_LIMITS_;
/**
 * @deprecated Import it from the root's `tryFormatFlowControlValue`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { tryFormatFlowControlValue } from "retry-delay";
 * ```
 */
export const checkFlowControl = checkFlowControl_;
/**
 * @deprecated Import it from the root's `parseFlowControlKey`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { parseFlowControlKey } from "retry-delay";
 * ```
 */
export const checkFlowControlKey = checkFlowControlKey_;
/**
 * @deprecated Internal: the request builders check every name. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * // checkResourceName is internal: the request builders check every name
 * ```
 */
export const checkResourceName = checkResourceName_;
/**
 * @deprecated Internal: the request builders check every name. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * // RESOURCE_NAME_PATTERN is internal: the request builders check every name
 * ```
 */
export const RESOURCE_NAME_PATTERN = RESOURCE_NAME_PATTERN_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { DEFAULT_BASE_URL } from "retry-delay/tables";
 * ```
 */
export const DEFAULT_BASE_URL = DEFAULT_BASE_URL_;
/**
 * @deprecated Internal: pass `{ token }` in the build options. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * // PLACEHOLDER_TOKEN is internal: pass `{ token }` in the build options
 * ```
 */
export const PLACEHOLDER_TOKEN = PLACEHOLDER_TOKEN_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { OPTION_TABLE } from "retry-delay/tables";
 * ```
 */
export const OPTION_TABLE = OPTION_TABLE_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { optionName } from "retry-delay/tables";
 * ```
 */
export const optionName = optionName_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { TRIGGER_CODES } from "retry-delay/tables";
 * ```
 */
export const TRIGGER_CODES = TRIGGER_CODES_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { MAX_HEADER_VALUE_LENGTH } from "retry-delay/tables";
 * ```
 */
export const MAX_HEADER_VALUE_LENGTH = MAX_HEADER_VALUE_LENGTH_;
/**
 * @deprecated Internal: `toCurl` quotes for you. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * // shellQuote is internal: `toCurl` quotes for you
 * ```
 */
export const shellQuote = shellQuote_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { MAX_RETRY_AFTER_MS } from "retry-delay/tables";
 * ```
 */
export const MAX_RETRY_AFTER_MS = MAX_RETRY_AFTER_MS_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { RETRY_AFTER_CODES } from "retry-delay/tables";
 * ```
 */
export const RETRY_AFTER_CODES = RETRY_AFTER_CODES_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { RETRY_AFTER_HEADERS } from "retry-delay/tables";
 * ```
 */
export const RETRY_AFTER_HEADERS = RETRY_AFTER_HEADERS_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { DEFAULT_NORMALIZATION } from "retry-delay/tables";
 * ```
 */
export const DEFAULT_NORMALIZATION = DEFAULT_NORMALIZATION_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { normalizeDelay } from "retry-delay/tables";
 * ```
 */
export const normalizeDelay = normalizeDelay_;
/**
 * @deprecated Import it from `retry-delay/tables`. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { MAX_SIMULATED_RETRIES } from "retry-delay/tables";
 * ```
 */
export const MAX_SIMULATED_RETRIES = MAX_SIMULATED_RETRIES_;
/**
 * @deprecated Import it from the root's `renderDiagnostics`, with a one-element list. The root re-export goes in 0.3.0.
 *
 * @example
 * ```ts
 * import { renderDiagnostics } from "retry-delay";
 * ```
 */
export const renderDiagnostic = renderDiagnostic_;

// Types of the moved names: importable from the root too, so no type import breaks (they cost nothing at run time).
export type { BinaryBuiltin, Builtin, UnaryBuiltin } from "./expression/builtins.js";
export type { CheckOptions, CheckReport } from "./expression/check.js";
export type { Endpoint } from "./request/context.js";
export type { HeaderRow, JsonSchema, OptionRow, PayloadRow, RowFacts } from "./request/table.js";
export type { RetryAfterCode } from "./retry-after/retry-after.js";
export type { NormalizationPolicy, NormalizedDelay } from "./schedule/policy.js";
export type { TriggerCode } from "./trigger/codes.js";
