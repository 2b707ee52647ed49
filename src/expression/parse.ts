import type { IToken } from "chevrotain";
import type { Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { ExpressionGrammar } from "./grammar.js";
import { lex } from "./lexer.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { toSyntaxDiagnostic } from "./syntax-errors.js";
import { AdditiveOperator, Comma, LParen, PowerOperator, RParen } from "./tokens.js";

let grammar: ExpressionGrammar | undefined;

/** One parser per process, built on first use: chevrotain's grammar analysis is paid once, and not at import. */
function sharedGrammar(): ExpressionGrammar {
  grammar ??= new ExpressionGrammar();
  return grammar;
}

/**
 * Parses a retry-delay expression into its AST. Never throws: a source that is
 * too long, malformed, or names something unknown gives `ok: false` and every
 * problem found, each with a code and a span.
 *
 * This checks syntax and names. {@link checkExpression} adds the semantic
 * checks (division by zero, the delay's range); {@link compile} does both.
 *
 * @example
 * ```ts
 * const parsed = parse("max(1000, pow(2, retried) * 100)");
 * if (parsed.ok) console.log(printExpression(parsed.value));
 * else console.error(renderDiagnostics(source, parsed.diagnostics));
 * ```
 */
export function parse(source: string): Result<Expression, ExpressionCode> {
  if (typeof source !== "string") {
    return fail({ code: "invalid-option", severity: "error", message: `the expression must be a string, not ${describeType(source)}`, span: { start: 0, end: 0 } });
  }
  if (source.length > EXPRESSION_LIMITS.maxSourceLength) {
    return fail({
      code: "source-too-long",
      severity: "error",
      message: `the expression is ${source.length} characters long; the limit is ${EXPRESSION_LIMITS.maxSourceLength}`,
      span: { start: EXPRESSION_LIMITS.maxSourceLength, end: source.length },
    });
  }

  const lexed = lex(source);
  if (lexed.characterDiagnostics.length > 0) return fail(...lexed.characterDiagnostics, ...lexed.numberDiagnostics);

  const sizeProblem = checkSize(lexed.tokens, source.length);
  if (sizeProblem !== undefined) return fail(sizeProblem);

  const parser = sharedGrammar();
  parser.prepare(lexed.tokens);
  let tree: Expression;
  try {
    tree = parser.expression();
  } catch (error) {
    // The depth pre-scan should make this unreachable; if a caller's own
    // stack is already deep, a RangeError still becomes a diagnostic.
    parser.prepare([]);
    if (error instanceof RangeError) return fail(stackExhausted(source));
    throw error;
  }
  const problems: ExpressionDiagnostic[] = [...lexed.numberDiagnostics, ...parser.problems];
  const syntaxError = parser.errors[0];
  if (syntaxError !== undefined) {
    problems.push(toSyntaxDiagnostic(syntaxError, { source, openParens: parser.openParens, tokens: lexed.tokens }));
  }
  // Release the token array so the shared parser does not pin the last input in memory.
  parser.prepare([]);
  if (problems.length > 0) return fail(...problems.sort((a, b) => a.span.start - b.span.start));
  return { ok: true, value: tree, diagnostics: [] };
}

function fail(...diagnostics: ExpressionDiagnostic[]): Result<Expression, ExpressionCode> {
  return { ok: false, diagnostics };
}

/**
 * Bounds the parse's recursion before it starts: the parser (and every tree
 * walk after it) recurses once per level of parentheses, call and prefix
 * sign, so a deep input must be refused here rather than by a `RangeError`.
 * Also bounds the number of operands and operators, which bounds the tree.
 */
function checkSize(tokens: readonly IToken[], sourceLength: number): ExpressionDiagnostic | undefined {
  let terms = 0;
  let depth = 0;
  let pendingSigns = 0;
  const outerSigns: number[] = [];
  let afterOperand = false;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LParen) {
      outerSigns.push(pendingSigns);
      pendingSigns = 0;
      depth += 1;
      afterOperand = false;
    } else if (type === RParen) {
      depth -= pendingSigns;
      if (outerSigns.length > 0) depth -= 1;
      pendingSigns = outerSigns.pop() ?? 0;
      afterOperand = true;
    } else if (type === Comma || type.CATEGORIES?.length) {
      const prefix = !afterOperand && type.CATEGORIES?.includes(AdditiveOperator) === true;
      if (prefix || type.CATEGORIES?.includes(PowerOperator) === true) {
        // A prefix sign (or `^`, right-recursive) nests its operand one level deeper until the operand ends.
        pendingSigns += 1;
        depth += 1;
      } else {
        depth -= pendingSigns;
        pendingSigns = 0;
      }
      terms += 1;
      afterOperand = false;
    } else {
      terms += 1;
      afterOperand = true;
    }
    if (depth > EXPRESSION_LIMITS.maxNestingDepth) {
      return {
        code: "too-deeply-nested",
        severity: "error",
        message: `the expression nests deeper than ${EXPRESSION_LIMITS.maxNestingDepth} levels of parentheses, calls and signs`,
        span: { start: token.startOffset, end: token.startOffset + token.image.length },
        hint: "a retry delay rarely needs more than a few levels; simplify the expression",
      };
    }
    if (terms > EXPRESSION_LIMITS.maxTerms) {
      return {
        code: "expression-too-large",
        severity: "error",
        message: `the expression has more than ${EXPRESSION_LIMITS.maxTerms} operands and operators`,
        span: { start: token.startOffset, end: sourceLength },
        hint: "a retry delay rarely needs more than a few dozen terms; simplify the expression",
      };
    }
  }
  return undefined;
}

/** The diagnostic for a call stack that ran out despite the depth limit. */
export function stackExhausted(source: string): ExpressionDiagnostic {
  return {
    code: "too-deeply-nested",
    severity: "error",
    message: "the expression nests too deeply for the call stack that is left",
    span: { start: 0, end: source.length },
    hint: "simplify the expression, or call this from a shallower stack",
  };
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
