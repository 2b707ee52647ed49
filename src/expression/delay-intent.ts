import { formatDuration } from "../duration/format.js";
import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { boundsOver } from "./domain-bounds.js";
import type { DelayRange } from "./domain-report.js";
import { printUnguarded } from "./print.js";
import type { FindingWording, FlatDelayFinding, ShortDelayFinding } from "./wording.js";

/*
 * Delays that are legal but unlikely to be what the writer meant, judged
 * from the checked range once the domain check found nothing unusable:
 *
 * - `short-delay` (warning): every delay is positive but at most
 *   {@link SHORT_DELAY_MS}: seconds written where milliseconds belong, as in
 *   `pow(2, retried)` (1, 2, 4 ms) or the SDK's own `max(10, pow(2, retried))`.
 * - `flat-delay` (info): the delay depends on `retried`, yet is the same over
 *   the whole checked range, as `max(1000, pow(2, retried) * 100)` is for 3
 *   retries.
 *
 * Which of the two, with its severity and span, is decided here; the text
 * is the wording's, the root's below.
 */

/**
 * The largest delay, in milliseconds, that `short-delay` treats as probably
 * meant in seconds when every delay is at most this and above 0. No real
 * backoff retries an HTTP call every tenth of a second or faster; a delay of
 * 0 is left alone, since "retry at once" is a clear choice.
 *
 * @example
 * ```ts
 * tryCompile("pow(2, retried)").diagnostics[0]?.code; // "short-delay": 1, 2 and 4 ms
 * ```
 */
export const SHORT_DELAY_MS = 100;

/** Delays named in a message before it only counts. */
const SHOWN = 5;
/** How far past the checked range `flat-delay` looks for where the delay starts to change, in node visits. */
const LOOKAHEAD_BUDGET = 10_000;

/**
 * The intent diagnostic, worded by `word`, for a checked expression
 * (`folded` is it folded, `nodes` its count of nodes) whose domain check
 * reported nothing, if any.
 */
export function checkIntent(
  tree: Expression,
  folded: Expression,
  delay: DelayClosure,
  retries: number,
  range: DelayRange | undefined,
  nodes: number,
  word: FindingWording,
): ExpressionDiagnostic | undefined {
  if (range === undefined || range.bounds !== undefined) return undefined;
  const span = tree.span;
  if (range.min > 0 && range.max <= SHORT_DELAY_MS)
    return word({ code: "short-delay", severity: "warning", span, tree, delay, retries, range });
  // Folding leaves a number exactly when nothing reads `retried`.
  if (retries >= 2 && range.min === range.max && folded.kind !== "number")
    return word({ code: "flat-delay", severity: "info", span, tree, folded, delay, retries, value: range.min, nodes });
  return undefined;
}

/** The root's wording of `short-delay`: the delays, and the same delays in seconds. */
export function explainShortDelay({ code, severity, span, tree, delay, retries, range }: ShortDelayFinding): ExpressionDiagnostic {
  const shown = Math.min(retries, SHOWN);
  const delays = Array.from({ length: shown }, (_, retried) => delay(retried));
  const more = retries > shown ? ", …" : "";
  const which = retries === 1 ? "`retried` = 0" : `\`retried\` = 0 … ${retries - 1}`;
  const message =
    range.min === range.max
      ? `the delay is ${range.min} ms for every retry: at most ${SHORT_DELAY_MS} ms`
      : `every delay is at most ${SHORT_DELAY_MS} ms: ${delays.map((d) => `${d} ms`).join(", ")}${more} for ${which}`;
  const scaled = printUnguarded({ kind: "binary", operator: "*", left: tree, right: { kind: "number", value: 1000, span }, span });
  const seconds = delays.map((d) => formatDuration(d * 1000)).join(", ");
  return {
    code,
    severity,
    message,
    span,
    hint: "the expression gives milliseconds, not seconds; for seconds, multiply by 1000",
    suggestions: [{ span, text: scaled, message: `write \`${scaled}\`: ${seconds}${more}` }],
  };
}

/** Values evaluated past the checked range before interval analysis is asked: where most delays that change, change. */
const EVALUATED_FIRST = 16;

/** Where the delay first changes past the checked range, and to what: `at` is -1 until found. */
interface Change {
  at: number;
  to: number;
}

/** Looks for the first `retried` in `from … to` whose delay is not `value`, into `change`; keeps the value it found, so it is not evaluated again. */
function findChange(delay: DelayClosure, value: number, from: number, to: number, change: Change): void {
  for (let retried = from; retried <= to; retried++) {
    const got = delay(retried);
    if (!Object.is(got, value)) {
      change.at = retried;
      change.to = got;
      return;
    }
  }
}

/** The root's wording of `flat-delay`: where the delay first changes past the checked range, if it does. */
export function explainFlatDelay({ code, severity, span, folded, delay, retries, value, nodes }: FlatDelayFinding): ExpressionDiagnostic {
  const last = retries - 1 + Math.max(1, Math.floor(LOOKAHEAD_BUDGET / (nodes + 10)));
  const change: Change = { at: -1, to: value };
  findChange(delay, value, retries, Math.min(last, retries - 1 + EVALUATED_FIRST), change);
  // A delay held by a cap (`min(86400000, exp(…))`) never changes: interval
  // analysis shows that at the cost of one walk, where evaluating every
  // value up to `last` costs hundreds of calls. The same answer, since the
  // bounds hold every value; 0 is left to evaluation, as bounds do not tell
  // 0 from -0. A delay that changes soon is found by evaluation first.
  const from = retries + EVALUATED_FIRST;
  if (change.at === -1 && from <= last) {
    const known = value === 0 ? undefined : boundsOver(folded, from, last);
    const constant = known !== undefined && !known.nan && known.lo === value && known.hi === value;
    if (!constant) findChange(delay, value, from, last, change);
  }
  // The value as text once: number-to-string conversion is most of what building the text costs.
  const printed = `${value}`;
  const next = change.to;
  const later =
    change.at === -1
      ? `it stays ${printed} ms at least up to \`retried\` = ${last}`
      : `it first changes at \`retried\` = ${change.at} (${next} ms), so more retries would see it ${next > value ? "grow" : "change"}`;
  return {
    code,
    severity,
    message: `the delay is ${printed} ms (${formatDuration(value)}) for every \`retried\` from 0 to ${retries - 1}, although it depends on \`retried\``,
    span,
    hint: later,
    suggestions: [{ span, text: printed, message: `write \`${printed}\` if a fixed delay is what you want` }],
  };
}
