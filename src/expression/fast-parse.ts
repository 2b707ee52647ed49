import { binaryNode, callNode, parenthesized, unaryNode, type Expression } from "./ast.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { lookupBuiltin } from "./builtins.js";
import { scan, type ScannedToken } from "./fast-scan.js";
import { numberValue } from "./token-patterns.js";
import { resolveCall, resolveVariable } from "./names.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { PUNCTUATION, type TokenKind } from "./operators.js";
import { checkSize } from "./size.js";

/*
 * The fast path for valid input. Chevrotain's lexer and parser cost ~17 ms to
 * build and ~12 ms just to load, and its per-parse machinery dominates
 * compile throughput, yet almost every expression a server sees is valid.
 * This recognizer accepts exactly the valid sentences of the grammar and
 * builds the same tree, spans included; at the first thing it does not
 * expect it returns undefined, and `parse` hands the input to the chevrotain
 * parser, which owns the diagnostics.
 *
 * Both are built from the operator table (operators.ts): chevrotain gets one
 * rule per level, this one climbs the levels' precedences (one call per
 * operand rather than one per level). They share the token patterns, the
 * node constructors, the size and depth pre-scan and name resolution, and
 * this one imports nothing from chevrotain, so a cold start
 * that only meets valid input never loads it. A property test checks on
 * random input that the two paths accept the same inputs and build equal
 * trees (test/expression/fast-parse.test.ts).
 */

const OPEN = PUNCTUATION.open.token;
const CLOSE = PUNCTUATION.close.token;
const COMMA = PUNCTUATION.comma.token;

/** The tree for a valid expression, or undefined to defer to the full parser. */
export function parseFast(source: string): Expression | undefined {
  const recognized = recognize(source);
  return recognized?.problems.length === 0 ? recognized.tree : undefined;
}

/**
 * What the fast recognizer makes of a sentence of the grammar: its tree, and
 * the problems with its names (unknown names, wrong arity, a function not
 * called), which do not stop a parse. They are the full parser's diagnostics
 * for such a source too, found by the same name resolution in the same order
 * (a call's arguments before the call); a property test holds the two
 * equal. Undefined for anything else: syntax errors, refused operators,
 * malformed numbers and characters are the full parser's to report.
 */
export interface Recognized {
  readonly tree: Expression;
  /** In source order, as the full parser sorts them. */
  readonly problems: readonly ExpressionDiagnostic[];
}

export function recognize(source: string): Recognized | undefined {
  const tokens = scan(source);
  if (tokens === undefined || tokens.length === 0) return undefined;
  // Every level of nesting and every term takes at least one character, so a
  // source no longer than the depth limit cannot break either limit.
  if (source.length > EXPRESSION_LIMITS.maxNestingDepth && checkSize(tokens, source.length) !== undefined) return undefined;
  const parser = new Recognizer(tokens);
  const tree = parser.operation(0);
  if (tree === undefined || !parser.done()) return undefined;
  // A stable sort, as the full parser's.
  return { tree, problems: parser.problems.length < 2 ? parser.problems : parser.problems.sort((a, b) => a.span.start - b.span.start) };
}

/**
 * Where the fast path stopped on a source it declined: a character offset
 * (`scan`), the size check's own diagnostic (`size`), or the index of the
 * token the recognizer did not expect (`parse`). The root hands a declined
 * source to the full parser; retry-delay/runtime, which has none, makes its
 * short diagnostic from this (src/runtime/decline.ts).
 */
export type FastDecline =
  | { readonly stage: "scan"; readonly at: number }
  | { readonly stage: "size"; readonly problem: ExpressionDiagnostic }
  | { readonly stage: "parse"; readonly tokens: readonly ScannedToken[]; readonly at: number };

/** Runs the fast path again on a source it declined, and tells where and why it stopped. */
export function declineFast(source: string): FastDecline {
  const declined = { at: 0 };
  const tokens = scan(source, declined);
  if (tokens === undefined) return { stage: "scan", at: declined.at };
  const problem = checkSize(tokens, source.length);
  if (problem !== undefined) return { stage: "size", problem };
  const parser = new Recognizer(tokens);
  parser.operation(0);
  return { stage: "parse", tokens, at: parser.position };
}

class Recognizer {
  private at = 0;
  /** Name problems, in the order found; the tree holds a stand-in for each, as the full parser's does. */
  readonly problems: ExpressionDiagnostic[] = [];

  constructor(private readonly tokens: readonly ScannedToken[]) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  /** The index of the token it stopped at (the count of tokens when it read them all). */
  get position(): number {
    return this.at;
  }

  /**
   * The operation whose operators bind at least as tightly as `minimum`,
   * climbing the table's precedences: a left-associative operator's right
   * operand must bind tighter than itself, a right-associative one's may
   * bind as tightly. One call per operand, not one per level.
   */
  operation(minimum: number): Expression | undefined {
    let left = this.signed();
    for (;;) {
      if (left === undefined) return undefined;
      const fixed = this.tokens[this.at]?.fixed;
      const operator = fixed?.infixOperator;
      if (fixed === undefined || operator === undefined || fixed.infixPrecedence < minimum) return left;
      this.at++;
      const right = this.operation(fixed.rightAssociative ? fixed.infixPrecedence : fixed.infixPrecedence + 1);
      if (right === undefined) return undefined;
      left = binaryNode(operator, left, right);
    }
  }

  /** A sign's operand holds only the operators that bind tighter than the sign (`-2 * 3` is `(-2) * 3`). */
  private signed(): Expression | undefined {
    const sign = this.tokens[this.at];
    const operator = sign?.fixed?.prefixOperator;
    if (sign?.fixed === undefined || operator === undefined) return this.primary();
    this.at++;
    const operand = this.operation(sign.fixed.prefixPrecedence + 1);
    return operand === undefined ? undefined : unaryNode(operator, sign.startOffset, operand);
  }

  private peek(): TokenKind | undefined {
    return this.tokens[this.at]?.kind;
  }

  // primary = number | name , [ "(" , [ arguments ] , ")" ] | "(" , expression , ")" ;
  private primary(): Expression | undefined {
    const token = this.tokens[this.at];
    if (token === undefined) return undefined;
    if (token.kind === "Number") {
      this.at++;
      return {
        kind: "number",
        value: token.value ?? numberValue(token.image),
        span: { start: token.startOffset, end: token.startOffset + token.image.length },
      };
    }
    if (token.kind === OPEN) {
      this.at++;
      const inner = this.operation(0);
      const close = this.tokens[this.at];
      if (inner === undefined || close?.kind !== CLOSE) return undefined;
      this.at++;
      return parenthesized(inner, token.startOffset, close.startOffset);
    }
    if (token.kind !== "Identifier") return undefined;
    this.at++;
    const nameSpan = { start: token.startOffset, end: token.startOffset + token.image.length };
    if (this.peek() !== OPEN) {
      const problem = resolveVariable(token.image, nameSpan);
      if (problem === undefined) return { kind: "retried", span: nameSpan };
      this.problems.push(problem);
      return { kind: "number", value: Number.NaN, span: nameSpan };
    }
    this.at++;
    return this.call(token.image, nameSpan);
  }

  // arguments = expression , { "," , expression } ;   after the name and its `(`
  private call(name: string, nameSpan: { readonly start: number; readonly end: number }): Expression | undefined {
    const args: Expression[] = [];
    if (this.peek() !== CLOSE) {
      for (;;) {
        const arg = this.operation(0);
        if (arg === undefined) return undefined;
        args.push(arg);
        if (this.peek() !== COMMA) break;
        this.at++;
      }
    }
    const close = this.tokens[this.at];
    if (close?.kind !== CLOSE) return undefined;
    this.at++;
    const problem = resolveCall(name, nameSpan, args, { start: nameSpan.start, end: close.startOffset + 1 });
    if (problem !== undefined) this.problems.push(problem);
    // The table's own string for the name: whoever looks the name up again
    // finds an identical string without comparing characters.
    const builtin = lookupBuiltin(name);
    return callNode(builtin?.name ?? name, nameSpan, args, close.startOffset, builtin);
  }
}
