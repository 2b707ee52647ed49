import { expectNumber, invalidArgument } from "../diagnostics/arguments.js";
import { isPlainObjectLike, snapshotOwn } from "../diagnostics/own.js";
import { compile } from "../expression/api.js";
import { DEFAULT_BACKOFF_EXPRESSION } from "../expression/strategies.js";

// The default backoff as an expression lives with the strategy names that offer it (expression/strategies.ts).
export { DEFAULT_BACKOFF_EXPRESSION };

let defaultBackoff: ((retried: number) => number) | undefined;

/**
 * The delay in milliseconds before retry `retried + 1` under Upstash's
 * default backoff.
 *
 * @example
 * ```ts
 * [0, 1, 2, 3, 4, 5].map(defaultBackoffDelay); // [12000, 148000, 1808000, 22026000, 86400000, 86400000]
 * ```
 */
export function defaultBackoffDelay(retried: number): number {
  expectNumber(retried, "retried");
  defaultBackoff ??= compile(DEFAULT_BACKOFF_EXPRESSION, { retries: 0 });
  return defaultBackoff(retried);
}

/**
 * How a raw expression value becomes a usable delay. Upstash does not
 * document what it does with a negative, fractional, NaN or infinite delay,
 * so the simulation makes the choice explicit.
 *
 * @example
 * ```ts
 * const policy: NormalizationPolicy = { negative: "fallback", fraction: "ceil", fallback: 60_000 };
 * normalizeDelay(-5, 0, policy); // { ms: 60000, reason: "negative" }
 * ```
 */
export interface NormalizationPolicy {
  /** A negative delay: `clamp` to 0 (default), or use the `fallback`. */
  readonly negative?: "clamp" | "fallback";
  /** A fractional delay: `truncate` toward zero (default), `round` (half away from zero) or `ceil`. */
  readonly fraction?: "truncate" | "round" | "ceil";
  /** NaN or ±Infinity: always replaced by the `fallback`. */
  /** The replacement value: `default-backoff` (default), or a fixed number of milliseconds. */
  readonly fallback?: "default-backoff" | number;
}

/**
 * The policy the simulation uses when none is given.
 *
 * @example
 * ```ts
 * normalizeDelay(-1, 0, DEFAULT_NORMALIZATION); // { ms: 0, reason: "negative" }
 * ```
 */
export const DEFAULT_NORMALIZATION: Required<NormalizationPolicy> = Object.freeze({
  negative: "clamp",
  fraction: "truncate",
  fallback: "default-backoff",
});

/**
 * A normalized delay, and why it differs from the raw value if it does.
 *
 * @example
 * ```ts
 * const normalized: NormalizedDelay = normalizeDelay(1500.7, 0);
 * normalized; // { ms: 1500, reason: "fraction" }
 * ```
 */
export interface NormalizedDelay {
  readonly ms: number;
  /** Empty when the raw value was used as it is. */
  readonly reason: "" | "negative" | "fraction" | "non-finite";
}

/**
 * Applies the policy to one raw value. Non-finite values and (with
 * `negative: "fallback"`) negative ones take the fallback; negatives clamp to
 * 0; fractions are truncated, rounded or ceiled to whole milliseconds.
 *
 * @example
 * ```ts
 * normalizeDelay(-5, 0);          // { ms: 0, reason: "negative" }
 * normalizeDelay(1500.7, 0);      // { ms: 1500, reason: "fraction" }
 * normalizeDelay(NaN, 0);         // { ms: 12000, reason: "non-finite" } (the default backoff for retried = 0)
 * ```
 */
export function normalizeDelay(raw: number, retried: number, policy: NormalizationPolicy = {}): NormalizedDelay {
  expectNumber(raw, "the raw delay");
  expectNumber(retried, "retried");
  expectPolicy(policy);
  const rules = { ...DEFAULT_NORMALIZATION, ...readPolicy(policy) };
  const fallback = (): number => (rules.fallback === "default-backoff" ? defaultBackoffDelay(retried) : rules.fallback);
  if (!Number.isFinite(raw)) return { ms: fallback(), reason: "non-finite" };
  if (raw < 0) return rules.negative === "clamp" ? { ms: 0, reason: "negative" } : { ms: fallback(), reason: "negative" };
  if (Number.isInteger(raw)) return { ms: raw === 0 ? 0 : raw, reason: "" };
  const whole = rules.fraction === "ceil" ? Math.ceil(raw) : rules.fraction === "round" ? Math.round(raw) : Math.trunc(raw);
  return { ms: whole, reason: "fraction" };
}

/**
 * A policy as an own-field snapshot, read once (see diagnostics/own.ts), or
 * the value itself when it is no readable object, for {@link policyProblems}
 * to report.
 */
export function readPolicy(policy: unknown): NormalizationPolicy | undefined {
  if (!isPlainObjectLike(policy)) return policy as NormalizationPolicy | undefined;
  const read = snapshotOwn(policy);
  // null: policyProblems reports it as no object, which a policy that cannot be read is not, usefully.
  return read.ok ? read.value : (null as unknown as NormalizationPolicy);
}

/**
 * What is wrong with a policy, field by field (empty when nothing is).
 * `simulateSchedule` reports these as diagnostics; the functions that take a
 * policy from the program throw the first ({@link expectPolicy}).
 */
export function policyProblems(policy: unknown): { readonly path: string; readonly message: string; readonly value: unknown }[] {
  if (policy === undefined) return [];
  if (!isPlainObjectLike(policy)) return [{ path: "normalization", message: "the normalization policy must be an object", value: policy }];
  const read = snapshotOwn(policy);
  if (!read.ok) return [{ path: "normalization", message: `the normalization policy could not be read: ${read.reason}`, value: undefined }];
  const { negative, fraction, fallback } = read.value;
  const problems: { path: string; message: string; value: unknown }[] = [];
  if (negative !== undefined && negative !== "clamp" && negative !== "fallback")
    problems.push({ path: "normalization.negative", message: "`negative` must be `clamp` or `fallback`", value: negative });
  if (fraction !== undefined && fraction !== "truncate" && fraction !== "round" && fraction !== "ceil")
    problems.push({ path: "normalization.fraction", message: "`fraction` must be `truncate`, `round` or `ceil`", value: fraction });
  if (
    fallback !== undefined &&
    fallback !== "default-backoff" &&
    !(typeof fallback === "number" && Number.isInteger(fallback) && fallback >= 0)
  ) {
    problems.push({
      path: "normalization.fallback",
      message: "the fallback must be `default-backoff` or a whole, non-negative number of milliseconds",
      value: fallback,
    });
  }
  return problems;
}

/** Throws `invalid-argument` for the first thing wrong with a policy; `prefix` places it, e.g. `input.`. */
export function expectPolicy(policy: unknown, prefix = ""): void {
  const problem = policyProblems(policy)[0];
  if (problem !== undefined) invalidArgument(`${prefix}${problem.path}: ${problem.message}`);
}
