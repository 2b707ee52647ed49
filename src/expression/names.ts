import type { Fix, Span } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import { BUILTINS, lookupBuiltin, RETRIED } from "./builtins.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { closestName } from "../diagnostics/suggest.js";
import { listFunctions, mistakenNameHint } from "./mistaken-names.js";
import { strategyNamed } from "./strategies.js";

/*
 * Name resolution: the one place that decides what a name means. The parser
 * calls it while it builds the tree, so that every unknown name in one input
 * is reported in one pass; `check` calls it again for trees built by hand.
 * Each returns the problem with the name, or undefined for a good one: it
 * runs for every name of every parse, and a good name allocates nothing.
 */

const ALL_NAMES: readonly string[] = [RETRIED, ...BUILTINS.map((b) => b.name)];

/**
 * Names whose correction is certain enough to be a `fix`: the `retries` of
 * Upstash's own docs page (`(1 + retries) * 1000`). A case-only difference
 * (`Pow`, `RETRIED`) is certain too. Any other near miss is a suggestion.
 */
const CERTAIN_TYPOS: ReadonlyMap<string, string> = new Map([["retries", RETRIED]]);

/** A bare name used as a value. Only `retried` is one; anything else is a diagnostic. */
export function resolveVariable(name: string, span: Span): ExpressionDiagnostic | undefined {
  if (name === RETRIED) return undefined;
  const builtin = lookupBuiltin(name);
  if (builtin !== undefined) {
    return {
      code: "missing-call",
      severity: "error",
      message: `\`${name}\` is a function, but it is not called here`,
      span,
      hint: `call it: \`${builtin.signature}\``,
    };
  }
  return strategyName(name, span) ?? unknownName(name, span, { asCall: false });
}

/**
 * A call `name(args)`. Reports an unknown name at the name's span, and a wrong
 * number of arguments at the whole call.
 */
export function resolveCall(name: string, nameSpan: Span, args: readonly Expression[], callSpan: Span): ExpressionDiagnostic | undefined {
  const builtin = lookupBuiltin(name);
  if (builtin === undefined) {
    if (name === RETRIED) {
      return {
        code: "not-a-function",
        severity: "error",
        message: "`retried` is a variable, not a function",
        span: nameSpan,
        hint: "to multiply, write `retried * (…)`",
      };
    }
    return strategyName(name, callSpan) ?? unknownName(name, nameSpan, { asCall: true });
  }
  if (args.length !== builtin.arity) {
    const expected = builtin.arity === 1 ? "1 argument" : `${builtin.arity} arguments`;
    return {
      code: "wrong-arity",
      severity: "error",
      message: `\`${name}\` takes ${expected}, but ${args.length} ${args.length === 1 ? "was" : "were"} given`,
      span: callSpan,
      hint: `write \`${builtin.signature}\``,
    };
  }
  return undefined;
}

/**
 * `exponential`, `linear`, `default`…: a backoff strategy named where an
 * expression belongs. The span is what the offered expressions replace: the
 * name, or the whole call for `linear(1000)`.
 */
function strategyName(name: string, span: Span): ExpressionDiagnostic | undefined {
  const strategy = strategyNamed(name);
  if (strategy === undefined) return undefined;
  return {
    code: "strategy-name",
    severity: "error",
    message: `\`${name}\` names a backoff strategy, but the header takes an expression`,
    span,
    hint: "leave the header out to get Upstash's default backoff, or write the delay as an expression in milliseconds",
    suggestions: strategy.offers.map((offer) => ({
      span,
      text: offer.expression,
      message: `write \`${offer.expression}\`, ${offer.describes}`,
    })),
  };
}

/**
 * A name that is neither `retried` nor a builtin nor a strategy: the hint of
 * a known mistake (`log`, `pi`), else the closest name as a fix or suggestion.
 */
function unknownName(name: string, span: Span, { asCall }: { readonly asCall: boolean }): ExpressionDiagnostic {
  const unknown = {
    code: asCall ? "unknown-function" : "unknown-variable",
    severity: "error",
    message: `unknown ${asCall ? "function" : "variable"} \`${name}\``,
    span,
  } as const;
  const known = mistakenNameHint(name, { asCall });
  if (known !== undefined) return { ...unknown, hint: known };
  return { ...unknown, ...didYouMean(name, span, asCall ? `the functions are ${listFunctions()}` : "the only variable is `retried`") };
}

/** The hint, and the replacement as data: a `fix` when the correction is certain, else a suggestion. */
function didYouMean(name: string, span: Span, otherwise: string): { hint: string; fix?: Fix; suggestions?: readonly Fix[] } {
  const certain = CERTAIN_TYPOS.get(name);
  const suggestion = certain ?? closestName(name, ALL_NAMES);
  if (suggestion === undefined) return { hint: otherwise };
  const replacement: Fix = { span, text: suggestion, message: `replace \`${name}\` with \`${suggestion}\`` };
  const isCertain = certain !== undefined || suggestion.toLowerCase() === name.toLowerCase();
  return { hint: `did you mean \`${suggestion}\`?`, ...(isCertain ? { fix: replacement } : { suggestions: [replacement] }) };
}
