/**
 * retry-delay: parse, check, compile and explain the small languages of
 * Upstash Workflow / QStash requests: the `Upstash-Retry-Delay` expression
 * language, durations, flow-control values, and the trigger and publish
 * requests that carry them.
 *
 * The root holds what most users need. The expression trees and the tools
 * that walk them are in `retry-delay/ast`; the code, limit and option tables
 * in `retry-delay/tables`; the validating SDK wrapper in `retry-delay/client`;
 * the ESLint plugin in `retry-delay/eslint`; the BullMQ strategy in
 * `retry-delay/bullmq`.
 *
 * @packageDocumentation
 */

// Diagnostics: the one result shape and the one error.
export {
  hasErrors,
  RetryDelayError,
  type Diagnostic,
  type Fix,
  type RelatedSpan,
  type Result,
  type Severity,
  type Span,
} from "./diagnostics/diagnostic.js";
export { renderDiagnostics, type RenderOptions } from "./diagnostics/render.js";
export { renderOptionDiagnostics } from "./trigger/render.js";

// The retry-delay expression language.
export type {
  BinaryExpression,
  BinaryOperator,
  CallExpression,
  Expression,
  NumberLiteral,
  RetriedVariable,
  UnaryExpression,
  UnaryOperator,
} from "./expression/ast.js";
export { compile, tabulate, tryCompile, type CompileOptions, type CompiledDelay, type TabulatedDelay } from "./expression/api.js";
export type { DelayClosure } from "./expression/builtins.js";
export type { CheckResult, DelayRange } from "./expression/check.js";
export type { ExpressionCode, ExpressionDiagnostic } from "./expression/codes.js";
export { parseExpression } from "./expression/api.js";
export { printExpression as formatExpression } from "./expression/print.js";

// Durations.
export type { DurationCode, DurationDiagnostic } from "./duration/codes.js";
export { formatDuration } from "./duration/format.js";
export { parseDuration, type DurationMode, type DurationOptions, type DurationPart, type ParsedDuration } from "./duration/parse.js";
export type { UpstashPlan } from "./duration/plans.js";

// Flow control.
export type { FlowControlCode, FlowControlDiagnostic } from "./flow-control/codes.js";
export { toFlowControlOptions } from "./flow-control/convert.js";
export { describeFlowControl } from "./flow-control/describe.js";
export { formatFlowControlValue, tryFormatFlowControlValue } from "./flow-control/format.js";
export { parseFlowControlKey } from "./flow-control/key.js";
export { parseFlowControlValue } from "./flow-control/parse.js";
export type { FlowControlCounts, FlowControlOptions, FlowControlValue } from "./flow-control/types.js";

// Requests: build them as the SDKs do, read them back, show them as curl.
export { buildBatchRequest, buildEnqueueRequest, buildPublishRequest, buildScheduleRequest } from "./request/api.js";
export type { BatchItem, EnqueueOptions, PublishOptions, RedactOptions, ScheduleCreateOptions } from "./request/options.js";
export type { RequestBuildResult } from "./request/requests.js";
export {
  buildBatchTriggerRequest,
  buildTriggerRequest,
  type BuildOptions,
  type HttpRequest,
  type TriggerBuildResult,
  type TriggerOptions,
} from "./trigger/build.js";
export type { OptionCode, OptionDiagnostic } from "./trigger/codes.js";
export { toCurl } from "./trigger/curl.js";
export {
  parseRequestHeaders,
  parseTriggerHeaders,
  type HeaderInput,
  type ParseContextOptions,
  type ParseResult,
  type RequestParseResult,
  type TriggerParseResult,
} from "./trigger/parse.js";

// What a destination's Retry-After asks for.
export {
  parseRetryAfter,
  readRetryAfter,
  type HeaderSource,
  type RetryAfter,
  type RetryAfterResultCode,
} from "./retry-after/retry-after.js";

// Schedules of one message, and delivery of many.
export type { ScheduleCode, ScheduleDiagnostic } from "./schedule/codes.js";
export { explainSchedule } from "./schedule/explain.js";
export { DEFAULT_BACKOFF_EXPRESSION, defaultBackoffDelay } from "./schedule/policy.js";
export { simulateSchedule } from "./schedule/simulate.js";
export type {
  AttemptResponse,
  DelaySource,
  Schedule,
  ScheduleEntry,
  ScheduleOptions,
  ScheduleResult,
  ScheduleSummary,
} from "./schedule/types.js";
export { simulateDelivery } from "./delivery/simulate.js";
export type { DeliveryDiagnostic } from "./delivery/codes.js";
export type * from "./delivery/types.js";

// Servers and HTTP clients that compute backoff from headers.
export { createCompileCache, type CompileCache, type CompileCacheOptions, type CompileCacheStats } from "./server/cache.js";
export { decideRetry, type DestinationResponse, type RetryDecision, type RetryDecisionInput } from "./server/decide.js";
export { gotCalculateDelay, retryDelayHook, type RetryHookOptions } from "./server/hooks.js";

export * from "./deprecated.js";
