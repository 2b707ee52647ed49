import type { Fix, Span } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import { BUILTINS, lookupBuiltin, RETRIED } from "./builtins.js";
import { callProblem, variableProblem, type NameProblem } from "./name-problems.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { closestName } from "../diagnostics/suggest.js";
import { listFunctions, mistakenNameHint } from "./mistaken-names.js";
import { strategyNamed } from "./strategies.js";

/*
 * Name resolution as the root entry words it: the decisions are
 * name-problems.ts's, shared with retry-delay/runtime; this adds the hint,
 * the did-you-mean fix and a strategy's suggested expressions. The parser
 * calls it while it builds the tree, so that every unknown name in one input
 * is reported in one pass; `check` calls it again for trees built by hand.
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
  const problem = variableProblem(name, span);
  return problem === undefined ? undefined : explainName(problem);
}

/**
 * A call `name(args)`. Reports an unknown name at the name's span, and a wrong
 * number of arguments at the whole call.
 */
export function resolveCall(name: string, nameSpan: Span, args: readonly Expression[], callSpan: Span): ExpressionDiagnostic | undefined {
  const problem = callProblem(name, nameSpan, args.length, callSpan);
  return problem === undefined ? undefined : explainName(problem);
}

/** The root's wording of a name problem: its code, message and span, with the hint and the fix. */
export function explainName({ code, name, span, message }: NameProblem): ExpressionDiagnostic {
  const head = { code, severity: "error", message, span } as const;
  switch (code) {
    case "missing-call":
    case "wrong-arity": {
      const signature = lookupBuiltin(name)?.signature ?? name;
      return { ...head, hint: code === "missing-call" ? `call it: \`${signature}\`` : `write \`${signature}\`` };
    }
    case "not-a-function":
      return { ...head, hint: "to multiply, write `retried * (…)`" };
    case "strategy-name":
      return strategyName(name, head);
    case "unknown-variable":
    case "unknown-function":
      return unknownName(name, head);
  }
}

/** The span is what the offered expressions replace: the name, or the whole call for `linear(1000)`. */
function strategyName(name: string, head: ExpressionDiagnostic): ExpressionDiagnostic {
  const { span } = head;
  return {
    ...head,
    hint: "leave the header out to get Upstash's default backoff, or write the delay as an expression in milliseconds",
    suggestions: (strategyNamed(name)?.offers ?? []).map((offer) => ({
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
function unknownName(name: string, unknown: ExpressionDiagnostic): ExpressionDiagnostic {
  const asCall = unknown.code === "unknown-function";
  const known = mistakenNameHint(name, { asCall });
  if (known !== undefined) return { ...unknown, hint: known };
  return {
    ...unknown,
    ...didYouMean(name, unknown.span, asCall ? `the functions are ${listFunctions()}` : "the only variable is `retried`"),
  };
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
