import { binaryNode, callNode, parenthesized, unaryNode, type BinaryOperator, type Expression } from "./ast.js";
import { lookupBuiltin } from "./builtins.js";
import { FAST_PLAN, scan, type ScannedToken } from "./fast-scan.js";
import { numberValue } from "./lexical.js";
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
 * Both are built from the operator table (operators.ts), share the token
 * patterns, the node constructors, the size and depth pre-scan and name
 * resolution, and this one imports nothing from chevrotain, so a cold start
 * that only meets valid input never loads it. A property test checks on
 * random input that the two paths accept the same inputs and build equal
 * trees (test/expression/fast-parse.test.ts).
 */

/** The levels of the accepted grammar, loosest first, as numbers the recognizer switches on. */
const LEFT = 0;
const RIGHT = 1;
const PREFIX = 2;
const FIXITY: readonly number[] = FAST_PLAN.map((p) => (p.level.fixity === "left" ? LEFT : p.level.fixity === "right" ? RIGHT : PREFIX));
const RIGHT_OPERAND: readonly number[] = FAST_PLAN.map((p) => p.rightOperand);
const PRIMARY = FAST_PLAN.length;

const OPEN = PUNCTUATION.open.token;
const CLOSE = PUNCTUATION.close.token;
const COMMA = PUNCTUATION.comma.token;

/** The tree for a valid expression, or undefined to defer to the full parser. */
export function parseFast(source: string): Expression | undefined {
  const tokens = scan(source);
  if (tokens === undefined || tokens.length === 0) return undefined;
  // Every level of nesting and every term takes at least one character, so a
  // source no longer than the depth limit cannot break either limit.
  if (source.length > EXPRESSION_LIMITS.maxNestingDepth && checkSize(tokens, source.length) !== undefined) return undefined;
  const parser = new Recognizer(tokens);
  const tree = parser.level(0);
  return tree !== undefined && parser.done() ? tree : undefined;
}

class Recognizer {
  private at = 0;

  constructor(private readonly tokens: readonly ScannedToken[]) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  /** The expression at plan level `index`: each level's rule is its line in grammar/retry-delay.ebnf. */
  level(index: number): Expression | undefined {
    if (index === PRIMARY) return this.primary();
    switch (FIXITY[index]) {
      case LEFT:
        return this.leftAssociative(index);
      case RIGHT:
        return this.rightAssociative(index);
      default:
        return this.prefix(index);
    }
  }

  // level = next , { operator , next } ;
  private leftAssociative(index: number): Expression | undefined {
    let left = this.level(index + 1);
    for (let operator = this.infixAt(index); left !== undefined && operator !== undefined; operator = this.infixAt(index)) {
      this.at++;
      const right = this.level(index + 1);
      if (right === undefined) return undefined;
      left = binaryNode(operator, left, right);
    }
    return left;
  }

  // level = next , [ operator , operand ] ;   (operand: this level, or a looser prefix level)
  private rightAssociative(index: number): Expression | undefined {
    const left = this.level(index + 1);
    const operator = this.infixAt(index);
    if (left === undefined || operator === undefined) return left;
    this.at++;
    const right = this.level(RIGHT_OPERAND[index] ?? index);
    return right === undefined ? undefined : binaryNode(operator, left, right);
  }

  // level = sign , level | next ;
  private prefix(index: number): Expression | undefined {
    const sign = this.tokens[this.at];
    const operator = sign?.fixed?.prefixLevel === index ? sign.fixed.prefixOperator : undefined;
    if (sign === undefined || operator === undefined) return this.level(index + 1);
    this.at++;
    const operand = this.prefix(index);
    return operand === undefined ? undefined : unaryNode(operator, sign.startOffset, operand);
  }

  /** The operator of the current token, if it is infix at the level `index`. */
  private infixAt(index: number): BinaryOperator | undefined {
    const fixed = this.tokens[this.at]?.fixed;
    return fixed !== undefined && fixed.infixLevel === index ? fixed.infixOperator : undefined;
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
      const inner = this.level(0);
      const close = this.tokens[this.at];
      if (inner === undefined || close?.kind !== CLOSE) return undefined;
      this.at++;
      return parenthesized(inner, token.startOffset, close.startOffset);
    }
    if (token.kind !== "Identifier") return undefined;
    this.at++;
    const nameSpan = { start: token.startOffset, end: token.startOffset + token.image.length };
    if (this.peek() !== OPEN) return resolveVariable(token.image, nameSpan) === undefined ? { kind: "retried", span: nameSpan } : undefined;
    this.at++;
    return this.call(token.image, nameSpan);
  }

  // arguments = expression , { "," , expression } ;   after the name and its `(`
  private call(name: string, nameSpan: { readonly start: number; readonly end: number }): Expression | undefined {
    const args: Expression[] = [];
    if (this.peek() !== CLOSE) {
      for (;;) {
        const arg = this.level(0);
        if (arg === undefined) return undefined;
        args.push(arg);
        if (this.peek() !== COMMA) break;
        this.at++;
      }
    }
    const close = this.tokens[this.at];
    if (close?.kind !== CLOSE) return undefined;
    this.at++;
    if (resolveCall(name, nameSpan, args, { start: nameSpan.start, end: close.startOffset + 1 }) !== undefined) return undefined;
    // The table's own string for the name: whoever looks the name up again
    // finds an identical string without comparing characters.
    const builtin = lookupBuiltin(name);
    return callNode(builtin?.name ?? name, nameSpan, args, close.startOffset, builtin);
  }
}
