import type { Fix, Span } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { nonFiniteOrigin } from "./domain-origin.js";
import { CALL_COST, EVALUATION_BUDGET, scanFolded } from "./domain.js";
import { classify, DOMAIN_CODES, type DelayRange, type Offenders } from "./domain-findings.js";
import { evaluateNode } from "./interpret.js";
import { printCall, printUnguarded } from "./print.js";
import type { DelayReport, DomainFinding, FindingWording, SampledFinding } from "./wording.js";

/*
 * The domain check's findings (domain.ts) as diagnostics: one warning per
 * kind of unusable delay, and the range. Which warnings, with which
 * severity and span, is decided here; the text is the wording's. The
 * root's, below, names the `retried` values that give each, with the
 * rewrite that avoids it as a suggestion. retry-delay/runtime runs no
 * domain check (src/runtime/range.ts says why).
 */

export type { DelayRange } from "./domain-findings.js";

/**
 * The domain check (domain.ts) of `tree` (`folded` is it folded, `nodes`
 * its count of nodes), its findings turned into diagnostics by `word`, and
 * a range.
 */
export function checkDomain(
  tree: Expression,
  folded: Expression,
  delay: DelayClosure,
  retries: number,
  nodes: number,
  word: FindingWording,
): DelayReport {
  const usable = usableRange(delay, retries, nodes);
  if (usable !== undefined) return { diagnostics: [], range: usable };
  const findings = scanFolded(folded, delay, retries, nodes);
  // Sized to what is found (a warning for each kind, and the info when the
  // check sampled): a push onto an empty list grows it to 17 slots.
  const diagnostics = new Array<ExpressionDiagnostic>((findings.offenders?.size ?? 0) + (findings.approximate ? 1 : 0));
  let found = 0;
  for (const code of DOMAIN_CODES) {
    const offenders = findings.offenders?.get(code);
    if (offenders === undefined) continue;
    // A non-finite delay points at the innermost part that first turns non-finite: that is the part to fix.
    const nonFinite = code === "nan-delay" || code === "infinite-delay";
    const origin = (nonFinite ? nonFiniteOrigin(tree, offenders.first[0] ?? 0) : undefined) ?? tree;
    const incomplete = findings.unsettled.has(code);
    diagnostics[found++] = word({ code, severity: "warning", span: origin.span, tree, delay, offenders, incomplete, origin });
  }
  if (findings.approximate)
    diagnostics[found] = word({ code: "domain-check-sampled", severity: "info", span: tree.span, tree, retries, findings });
  return { diagnostics, range: findings.range(findings.rangeApproximate ? findings : undefined) };
}

/**
 * The common case of the domain check, without its machinery: when every
 * value is within the budget the scan would evaluate them all, in order
 * (domain.ts, at half its evaluation budget, where it always does), and
 * when every one is usable (a whole, non-negative, finite number) it finds
 * nothing but their range. So this evaluates them, keeps the range as
 * `FiniteRange` does (the first `retried` giving each extreme), and gives
 * it; undefined, for the scan to decide, past that budget, at the first
 * unusable value, or for no values at all (`retries` 0). A property test holds
 * it equal to the scan (test/expression/domain-usable.test.ts).
 */
export function usableRange(delay: DelayClosure, retries: number, nodes: number): DelayRange | undefined {
  if (retries * (nodes + CALL_COST) > EVALUATION_BUDGET / 2) return undefined;
  if (retries === 0) return undefined;
  let min = delay(0);
  if (!isUsable(min)) return undefined;
  let max = min;
  let minAt = 0;
  let maxAt = 0;
  for (let retried = 1; retried < retries; retried++) {
    const value = delay(retried);
    if (!isUsable(value)) return undefined;
    if (value < min) {
      min = value;
      minAt = retried;
    } else if (value > max) {
      max = value;
      maxAt = retried;
    }
  }
  return { min, max, minAt, maxAt };
}

/** A delay the domain check finds nothing wrong with: whole, not negative, finite. */
const isUsable = (value: number): boolean => classify(value) === undefined;

/** The root's wording of an unusable delay: the `retried` values that give it, and the rewrite that avoids it. */
export function explainDomainFinding({
  code,
  severity,
  span,
  tree,
  delay,
  offenders,
  incomplete,
  origin,
}: DomainFinding): ExpressionDiagnostic {
  const first = offenders.first[0] ?? 0;
  const example = delay(first);
  const when = `when \`retried\` is ${listValues(offenders, incomplete)}`;
  switch (code) {
    case "nan-delay":
    case "infinite-delay": {
      const what = code === "nan-delay" ? "NaN" : "infinite";
      const isWhole = origin === tree;
      return {
        code,
        severity,
        message: `the delay is ${what} ${when}`,
        span,
        ...(isWhole && code === "infinite-delay"
          ? { suggestions: [wrapIn(tree.span, printCall("min", [printUnguarded(tree), "86400000"]), "cap it at one day")] }
          : {}),
        hint: isWhole
          ? code === "nan-delay"
            ? "make every value a finite number of milliseconds; Upstash does not document what a NaN delay does"
            : "cap the delay, e.g. `min(…, 86400000)` for one day"
          : `this part is ${formatValue(evaluateNode(origin, first))} at \`retried\` = ${first}; ${code === "nan-delay" ? "Upstash does not document what a NaN delay does" : "cap it, e.g. with `min(…, 86400000)`"}`,
      };
    }
    case "negative-delay":
      return {
        code,
        severity,
        message: `the delay is negative ${when} (${formatValue(example)} ms at ${first})`,
        span,
        hint: "clamp it with `max(0, …)`; Upstash does not document what a negative delay does",
        suggestions: [wrapIn(tree.span, printCall("max", ["0", printUnguarded(tree)]), "clamp it at 0")],
      };
    case "fractional-delay": {
      // Printed once for the three suggestions.
      const printed = [printUnguarded(tree)];
      return {
        code,
        severity,
        message: `the delay is not a whole number of milliseconds ${when} (${formatValue(example)} ms at ${first})`,
        span,
        hint: "wrap it in `round(…)`, `floor(…)` or `ceil(…)`",
        suggestions: [
          wrapIn(tree.span, printCall("round", printed), "round it"),
          wrapIn(tree.span, printCall("floor", printed), "round it down"),
          wrapIn(tree.span, printCall("ceil", printed), "round it up"),
        ],
      };
    }
  }
}

/** The `info` that says the check could not visit every value, and what that leaves open. */
export function explainSampled({ severity, span, retries, findings }: SampledFinding): ExpressionDiagnostic {
  const open = DOMAIN_CODES.filter((code) => findings.unsettled.has(code)).map((code) => code.replace("-delay", ""));
  const left = open.length > 0 ? `; ${open.join(", ")} delays are not ruled out for every value` : "";
  const range = findings.rangeApproximate
    ? `; the range is that of the values checked, and every delay lies within ${formatValue(Math.min(findings.min, findings.lowest))} … ${formatValue(Math.max(findings.max, findings.highest))}`
    : "";
  return {
    code: "domain-check-sampled",
    severity,
    message: `${retries} values of \`retried\` are too many to check one by one for this expression: analysis settled what it could, and ${findings.sampled} values were sampled${left}${range}`,
    span,
    hint: "lower `retries`, or write the delay so that it only grows (or only shrinks) with `retried`, e.g. with `min(…)` as a cap: then the check is exact",
  };
}

function listValues({ first, count }: Offenders, incomplete: boolean): string {
  // What `first.join(", ")` gives, without its call: at most LISTED_VALUES numbers.
  let shown = "";
  for (const retried of first) shown += shown === "" ? `${retried}` : `, ${retried}`;
  if (incomplete) return `${shown}, … (at least ${count} ${count === 1 ? "value" : "values"}; the check sampled)`;
  return count > first.length ? `${shown}, … (${count} values)` : shown;
}

function formatValue(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

/**
 * A suggestion that replaces the whole expression (`span`) with `text`: a
 * builtin call around the expression's canonical text, written as the
 * printer writes calls (printCall), so the text is canonical too.
 */
function wrapIn(span: Span, text: string, what: string): Fix {
  return { span, text, message: what + ": `" + text + "`" };
}
