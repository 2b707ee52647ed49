import type { Span } from "../diagnostics/diagnostic.js";
import { lookupBuiltin, RETRIED } from "./builtins.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { strategyKind } from "./strategy-words.js";

/*
 * Name resolution's decisions: whether a name is a problem, and which one,
 * with its code, its span and its one-line message. Both entries share them;
 * what each adds is its wording (see Wording, wording.ts): the root explains
 * with hints and fixes (names.ts), retry-delay/runtime says where that
 * explanation comes from. Each returns undefined for a good name, allocating
 * nothing: they run for every name of every parse.
 */

/** The codes name resolution reports. */
export type NameCode = Extract<
  ExpressionCode,
  "missing-call" | "not-a-function" | "strategy-name" | "wrong-arity" | "unknown-variable" | "unknown-function"
>;

/** A problem with a name, as decided: what an entry's wording turns into a diagnostic. */
export interface NameProblem {
  readonly code: NameCode;
  /** The name as written. */
  readonly name: string;
  readonly span: Span;
  /** What is wrong, in one line; the root adds the hint and the fix. */
  readonly message: string;
}

/** Turns a name problem into an entry's diagnostic, with its code, severity (error) and span unchanged. */
export type NameWording = (problem: NameProblem) => ExpressionDiagnostic;

/** A bare name used as a value. Only `retried` is one. */
export function variableProblem(name: string, span: Span): NameProblem | undefined {
  if (name === RETRIED) return undefined;
  if (lookupBuiltin(name) !== undefined)
    return { code: "missing-call", name, span, message: `\`${name}\` is a function, but it is not called here` };
  return strategyProblem(name, span) ?? { code: "unknown-variable", name, span, message: `unknown variable \`${name}\`` };
}

/**
 * A call `name(args)` with `given` arguments: an unknown name at the name's
 * span, a wrong number of arguments (or a strategy word) at the whole call.
 */
export function callProblem(name: string, nameSpan: Span, given: number, callSpan: Span): NameProblem | undefined {
  const builtin = lookupBuiltin(name);
  if (builtin === undefined) {
    if (name === RETRIED) return { code: "not-a-function", name, span: nameSpan, message: "`retried` is a variable, not a function" };
    return strategyProblem(name, callSpan) ?? { code: "unknown-function", name, span: nameSpan, message: `unknown function \`${name}\`` };
  }
  if (given === builtin.arity) return undefined;
  const expected = builtin.arity === 1 ? "1 argument" : `${builtin.arity} arguments`;
  return {
    code: "wrong-arity",
    name,
    span: callSpan,
    message: `\`${name}\` takes ${expected}, but ${given} ${given === 1 ? "was" : "were"} given`,
  };
}

/** `exponential`, `linear`, `default`…: a backoff strategy named where an expression belongs. */
function strategyProblem(name: string, span: Span): NameProblem | undefined {
  if (strategyKind(name) === undefined) return undefined;
  return { code: "strategy-name", name, span, message: `\`${name}\` names a backoff strategy, but the header takes an expression` };
}
