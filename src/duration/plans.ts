import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { Result } from "../diagnostics/types.js";
import { formatDuration } from "./format.js";
import { describeKind, expectNumber, expectObject, invalidArgument } from "../diagnostics/arguments.js";

/**
 * Upstash plans, as far as their maximum delay goes.
 *
 * @example
 * ```ts
 * const plan: UpstashPlan = "free";
 * checkDelayForPlan(8 * 86_400_000, plan).ok; // false: 8d is over the free plan's 7d
 * ```
 */
export type UpstashPlan = "free" | "pay-as-you-go" | "fixed";

/**
 * The documented maximum `Upstash-Delay` per plan, in milliseconds: 7 days on
 * the free plan, 1 year on pay-as-you-go, none (custom) on fixed plans.
 *
 * @example
 * ```ts
 * MAX_DELAY_BY_PLAN["pay-as-you-go"]; // 31536000000 (365 days)
 * ```
 */
export const MAX_DELAY_BY_PLAN: Readonly<Record<UpstashPlan, number | undefined>> = Object.freeze({
  free: 7 * 86_400_000,
  "pay-as-you-go": 365 * 86_400_000,
  fixed: undefined,
});

/**
 * The other documented per-plan limits that a request's values can exceed,
 * from upstash.com/pricing/qstash (the Workflow plans use the same figures).
 * "fixed" stands for the fixed plans; where they differ (Fixed 1M and 10M),
 * the larger figure is used so that no valid request is refused. Upstash no
 * longer documents a retries cap, so none is checked.
 *
 * @example
 * ```ts
 * PLAN_LIMITS.free.maxMessageBytes; // 1000000
 * ```
 */
export const PLAN_LIMITS: Readonly<
  Record<UpstashPlan, { readonly maxTimeoutMs: number; readonly maxMessageBytes: number; readonly maxParallelism: number }>
> = Object.freeze({
  free: Object.freeze({ maxTimeoutMs: 15 * 60_000, maxMessageBytes: 1_000_000, maxParallelism: 10 }),
  "pay-as-you-go": Object.freeze({ maxTimeoutMs: 2 * 3_600_000, maxMessageBytes: 10_000_000, maxParallelism: 100 }),
  fixed: Object.freeze({ maxTimeoutMs: 12 * 3_600_000, maxMessageBytes: 50_000_000, maxParallelism: 1000 }),
});

/** The plan's "Max HTTP Response Duration", the ceiling of `Upstash-Timeout`, in milliseconds. */
export function maxTimeoutForPlan(plan: UpstashPlan): number {
  return PLAN_LIMITS[plan].maxTimeoutMs;
}

/**
 * Whether `value` names a plan: an own key of {@link MAX_DELAY_BY_PLAN}, so
 * that `toString` or `__proto__` is not one.
 */
export function isUpstashPlan(value: unknown): value is UpstashPlan {
  return typeof value === "string" && Object.hasOwn(MAX_DELAY_BY_PLAN, value);
}

/** The plans, quoted, for messages. */
export const PLAN_NAMES = Object.keys(MAX_DELAY_BY_PLAN)
  .map((plan) => `"${plan}"`)
  .join(", ");

/**
 * Checks a delay against the plan's documented maximum. The result is the
 * library's one shape: `{ ok: true, value: ms }` when the plan allows it, or
 * `{ ok: false }` with a `delay-over-plan-limit` diagnostic at `span`.
 *
 * @example
 * ```ts
 * checkDelayForPlan(8 * 86_400_000, "free").diagnostics[0]?.message; // "8d is longer than the free plan's maximum delay, 7d"
 * checkDelayForPlan(8 * 86_400_000, "fixed").ok;                      // true
 * ```
 */
export function checkDelayForPlan(
  ms: number,
  plan: UpstashPlan,
  span: Span = { start: 0, end: 0 },
): Result<number, "delay-over-plan-limit"> {
  const at = expectObject(span, "the span");
  if (typeof at.start !== "number" || typeof at.end !== "number") invalidArgument("the span must be { start, end } with numbers");
  expectNumber(ms, "the delay in milliseconds");
  if (!isUpstashPlan(plan))
    invalidArgument(`the plan must be one of ${PLAN_NAMES}, not ${typeof plan === "string" ? `"${String(plan)}"` : describeKind(plan)}`);
  const over = delayOverPlan(ms, plan, { start: at.start, end: at.end });
  return over === undefined ? { ok: true, value: ms, diagnostics: [] } : { ok: false, diagnostics: [over] };
}

/**
 * The builders' check behind {@link checkDelayForPlan}, for arguments they
 * have already validated: the diagnostic, or undefined when the plan allows it.
 */
export function delayOverPlan(ms: number, plan: UpstashPlan, span: Span): Diagnostic<"delay-over-plan-limit"> | undefined {
  const max = MAX_DELAY_BY_PLAN[plan];
  if (max === undefined || ms <= max) return undefined;
  return {
    code: "delay-over-plan-limit",
    severity: "error",
    message: `${formatDuration(ms)} is longer than the ${plan} plan's maximum delay, ${formatDuration(max)}`,
    span,
    hint:
      plan === "free"
        ? "upgrade to pay-as-you-go for delays up to 1 year, or use a shorter delay"
        : "use a fixed plan for longer delays, or a shorter delay",
  };
}
