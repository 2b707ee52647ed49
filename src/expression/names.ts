import type { Fix, Span } from "../diagnostics/diagnostic.js";
import { callNode, type Expression } from "./ast.js";
import { BUILTINS, lookupBuiltin, RETRIED } from "./builtins.js";
import { callProblem, variableProblem, type NameProblem } from "./name-problems.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { CandidateNames, closestName } from "../diagnostics/suggest.js";
import { listFunctions, mistakenNameHint } from "./mistaken-names.js";
import { strategyNamed } from "./strategies.js";

/*
 * Name resolution as the root entry words it: the decisions are
 * name-problems.ts's, shared with retry-delay/runtime; this adds the hint,
 * the did-you-mean fix and a strategy's suggested expressions. The parser
 * calls it while it builds the tree, so that every unknown name in one input
 * is reported in one pass; `check` calls it again for trees built by hand.
 */

/** The names an unknown one may be a typo of, from the builtin table, lowered once. */
const ALL_NAMES = new CandidateNames([RETRIED, ...BUILTINS.map((b) => b.name)]);

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

/*
 * The diagnostics below are written out field by field, in one key order
 * (code, severity, message, span, hint, then fix or suggestions), rather
 * than spread from a head: an invalid input's diagnostics are made on every
 * call, and each object spread costs V8 more than building the object.
 */

/**
 * The node the full parsers build for a name, or for a call once its `)` is
 * read, with the name's problem, if any, pushed onto `problems`: the
 * chevrotain grammar and refused-parse.ts share it. A bad variable becomes a
 * stand-in so that parsing goes on; a parse with problems never returns its tree.
 */
export function resolvedName(
  name: string,
  nameSpan: Span,
  call: { readonly args: readonly Expression[]; readonly closeStart: number } | undefined,
  problems: ExpressionDiagnostic[],
): Expression {
  if (call === undefined) {
    const problem = resolveVariable(name, nameSpan);
    if (problem !== undefined) problems.push(problem);
    return problem === undefined ? { kind: "retried", span: nameSpan } : { kind: "number", value: Number.NaN, span: nameSpan };
  }
  const problem = resolveCall(name, nameSpan, call.args, { start: nameSpan.start, end: call.closeStart + 1 });
  if (problem !== undefined) problems.push(problem);
  const builtin = lookupBuiltin(name);
  return callNode(builtin?.name ?? name, nameSpan, call.args, call.closeStart, builtin);
}

/** The root's wording of a name problem: its code, message and span, with the hint and the fix. */
export function explainName({ code, name, span, message }: NameProblem): ExpressionDiagnostic {
  switch (code) {
    case "missing-call":
    case "wrong-arity": {
      const signature = lookupBuiltin(name)?.signature ?? name;
      return {
        code,
        severity: "error",
        message,
        span,
        hint: code === "missing-call" ? `call it: \`${signature}\`` : `write \`${signature}\``,
      };
    }
    case "not-a-function":
      return { code, severity: "error", message, span, hint: "to multiply, write `retried * (…)`" };
    case "strategy-name":
      return strategyName(name, code, message, span);
    case "unknown-variable":
    case "unknown-function":
      return unknownName(name, code, message, span);
  }
}

/** The span is what the offered expressions replace: the name, or the whole call for `linear(1000)`. */
function strategyName(name: string, code: NameProblem["code"], message: string, span: Span): ExpressionDiagnostic {
  return {
    code,
    severity: "error",
    message,
    span,
    hint: "leave the header out to get Upstash's default backoff, or write the delay as an expression in milliseconds",
    suggestions: (strategyNamed(name)?.offers ?? []).map((offer) => ({
      span,
      text: offer.expression,
      message: `write \`${offer.expression}\`, ${offer.describes}`,
    })),
  };
}

const AS_CALL = { asCall: true } as const;
const AS_VALUE = { asCall: false } as const;

/**
 * A name that is neither `retried` nor a builtin nor a strategy: the hint of
 * a known mistake (`log`, `pi`), else the closest name as a fix or
 * suggestion (a `fix` when the correction is certain), else what the names are.
 */
function unknownName(name: string, code: "unknown-variable" | "unknown-function", message: string, span: Span): ExpressionDiagnostic {
  const asCall = code === "unknown-function";
  const known = mistakenNameHint(name, asCall ? AS_CALL : AS_VALUE);
  if (known !== undefined) return { code, severity: "error", message, span, hint: known };
  const certain = CERTAIN_TYPOS.get(name);
  const suggestion = certain ?? closestName(name, ALL_NAMES);
  if (suggestion === undefined)
    return {
      code,
      severity: "error",
      message,
      span,
      hint: asCall ? `the functions are ${listFunctions()}` : "the only variable is `retried`",
    };
  const hint = `did you mean \`${suggestion}\`?`;
  const replacement: Fix = { span, text: suggestion, message: `replace \`${name}\` with \`${suggestion}\`` };
  return certain !== undefined || suggestion.toLowerCase() === name.toLowerCase()
    ? { code, severity: "error", message, span, hint, fix: replacement }
    : { code, severity: "error", message, span, hint, suggestions: [replacement] };
}
