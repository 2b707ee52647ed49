import type { Span } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import { BUILTINS, lookupBuiltin, RETRIED } from "./builtins.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { closestName } from "../diagnostics/suggest.js";

/*
 * Name resolution: the one place that decides what a name means. The parser
 * calls it while it builds the tree, so that every unknown name in one input
 * is reported in one pass; `check` calls it again for trees built by hand.
 */

const FUNCTION_NAMES: readonly string[] = BUILTINS.map((b) => b.name);
const ALL_NAMES: readonly string[] = [RETRIED, ...FUNCTION_NAMES];

/** Names people reach for that the language spells differently, with the fix. */
function knownMistake(name: string, asCall: boolean): string | undefined {
  switch (name) {
    case "e":
    case "E":
      return asCall ? undefined : "there is no constant `e`; write `exp(1)`, or `exp(x)` for e raised to x";
    case "pi":
    case "PI":
      return "there is no constant `pi`; write its value, `3.141592653589793`";
    case "log":
    case "ln":
    case "log2":
    case "log10":
      return `there is no logarithm; the functions are ${listFunctions()}`;
    case "trunc":
      return "write `floor(x)` for x ≥ 0, or `ceil(x)` for x ≤ 0";
    case "Math":
      return "write the function name alone, without `Math.`: e.g. `pow(2, retried)`";
    default:
      return undefined;
  }
}

function listFunctions(): string {
  return FUNCTION_NAMES.map((n) => `\`${n}\``).join(", ");
}

/** A bare name used as a value. Only `retried` is one; anything else is a diagnostic. */
export function resolveVariable(name: string, span: Span): ExpressionDiagnostic | undefined {
  if (name === RETRIED) return undefined;
  if (lookupBuiltin(name) !== undefined) {
    const builtin = lookupBuiltin(name);
    return {
      code: "missing-call",
      severity: "error",
      message: `\`${name}\` is a function, but it is not called here`,
      span,
      hint: `call it: \`${builtin?.signature ?? name}\``,
    };
  }
  const hint = knownMistake(name, false) ?? didYouMean(name, ALL_NAMES, "the only variable is `retried`");
  return { code: "unknown-variable", severity: "error", message: `unknown variable \`${name}\``, span, hint };
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
    const hint = knownMistake(name, true) ?? didYouMean(name, ALL_NAMES, `the functions are ${listFunctions()}`);
    return { code: "unknown-function", severity: "error", message: `unknown function \`${name}\``, span: nameSpan, hint };
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

function didYouMean(name: string, candidates: readonly string[], otherwise: string): string {
  const suggestion = closestName(name, candidates);
  return suggestion === undefined ? otherwise : `did you mean \`${suggestion}\`?`;
}
