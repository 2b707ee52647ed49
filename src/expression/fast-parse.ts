import type { IToken, TokenType } from "chevrotain";
import type { BinaryOperator, Expression, UnaryOperator } from "./ast.js";
import { numberValue } from "./lexer.js";
import { resolveCall, resolveVariable } from "./names.js";
import { checkSize } from "./size.js";
import { Comma, Identifier, LParen, Minus, NumberToken, Plus, RParen, Slash, Star } from "./tokens.js";

/*
 * The fast path for valid input. Building chevrotain's lexer and parser costs
 * ~17 ms of a cold start, and its per-parse machinery dominates compile
 * throughput, yet almost every expression a server sees is valid. This
 * recognizer accepts exactly the valid sentences of the grammar and builds
 * the same tree, spans included; at the first thing it does not expect it
 * returns undefined, and `parse` hands the input to the chevrotain parser,
 * which owns the grammar, the syntax diagrams and every diagnostic.
 *
 * It shares the token types, their patterns, the size and depth pre-scan and
 * name resolution with the chevrotain path; a property test checks on random
 * input that the two agree (test/expression/fast-parse.test.ts).
 */

const NUMBER = new RegExp(NumberToken.PATTERN as RegExp, "y");
const IDENTIFIER = new RegExp(Identifier.PATTERN as RegExp, "y");
const VALID_NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const SINGLE: ReadonlyMap<number, TokenType> = new Map([
  [43, Plus], // +
  [45, Minus], // -
  [42, Star], // *
  [47, Slash], // /
  [40, LParen], // (
  [41, RParen], // )
  [44, Comma], // ,
]);

/** The tree for a valid expression, or undefined to defer to the full parser. */
export function parseFast(source: string): Expression | undefined {
  const tokens = scan(source);
  if (tokens === undefined || tokens.length === 0 || checkSize(tokens, source.length) !== undefined) return undefined;
  const parser = new Recognizer(tokens);
  const tree = parser.additive();
  return tree !== undefined && parser.done() ? tree : undefined;
}

/** Tokens exactly as the chevrotain lexer makes them, or undefined for anything a valid expression cannot hold. */
function scan(source: string): IToken[] | undefined {
  const tokens: IToken[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    let type: TokenType | undefined = SINGLE.get(c);
    let image: string;
    if (type !== undefined) {
      // `**` is an unsupported operator: the full parser reports it.
      if (c === 42 && source.charCodeAt(i + 1) === 42) return undefined;
      image = source[i] ?? "";
    } else if ((c >= 48 && c <= 57) || c === 46) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(source);
      if (match === null || !VALID_NUMBER.test(match[0]) || !Number.isFinite(Number(match[0]))) return undefined;
      type = NumberToken;
      image = match[0];
    } else {
      IDENTIFIER.lastIndex = i;
      const match = IDENTIFIER.exec(source);
      if (match === null) return undefined;
      type = Identifier;
      image = match[0];
    }
    tokens.push({ image, startOffset: i, tokenType: type } as IToken);
    i += image.length;
  }
  return tokens;
}

class Recognizer {
  private at = 0;

  constructor(private readonly tokens: readonly IToken[]) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  private peek(): TokenType | undefined {
    return this.tokens[this.at]?.tokenType;
  }

  // additive = multiplicative , { ( "+" | "-" ) , multiplicative } ;
  additive(): Expression | undefined {
    let left = this.multiplicative();
    while (left !== undefined && (this.peek() === Plus || this.peek() === Minus)) {
      const operator = this.tokens[this.at++]?.image as BinaryOperator;
      const right = this.multiplicative();
      if (right === undefined) return undefined;
      left = { kind: "binary", operator, left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  // multiplicative = unary , { ( "*" | "/" ) , unary } ;
  private multiplicative(): Expression | undefined {
    let left = this.unary();
    while (left !== undefined && (this.peek() === Star || this.peek() === Slash)) {
      const operator = this.tokens[this.at++]?.image as BinaryOperator;
      const right = this.unary();
      if (right === undefined) return undefined;
      left = { kind: "binary", operator, left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  // unary = ( "+" | "-" ) , unary | primary ;
  private unary(): Expression | undefined {
    const type = this.peek();
    if (type === Plus || type === Minus) {
      const sign = this.tokens[this.at++] as IToken;
      const operand = this.unary();
      if (operand === undefined) return undefined;
      return { kind: "unary", operator: sign.image as UnaryOperator, operand, span: { start: sign.startOffset, end: operand.span.end } };
    }
    return this.primary();
  }

  // primary = number | name , [ "(" , [ arguments ] , ")" ] | "(" , additive , ")" ;
  private primary(): Expression | undefined {
    const token = this.tokens[this.at];
    if (token === undefined) return undefined;
    const start = token.startOffset;
    const end = start + token.image.length;
    if (token.tokenType === NumberToken) {
      this.at++;
      return { kind: "number", value: numberValue(token.image), span: { start, end } };
    }
    if (token.tokenType === LParen) {
      this.at++;
      const inner = this.additive();
      const close = this.tokens[this.at];
      if (inner === undefined || close?.tokenType !== RParen) return undefined;
      this.at++;
      return { ...inner, span: { start, end: close.startOffset + 1 } };
    }
    if (token.tokenType !== Identifier) return undefined;
    this.at++;
    const nameSpan = { start, end };
    if (this.peek() !== LParen) return resolveVariable(token.image, nameSpan) === undefined ? { kind: "retried", span: nameSpan } : undefined;
    this.at++;
    const args: Expression[] = [];
    if (this.peek() !== RParen) {
      for (;;) {
        const arg = this.additive();
        if (arg === undefined) return undefined;
        args.push(arg);
        if (this.peek() !== Comma) break;
        this.at++;
      }
    }
    const close = this.tokens[this.at];
    if (close?.tokenType !== RParen) return undefined;
    this.at++;
    const span = { start, end: close.startOffset + 1 };
    return resolveCall(token.image, nameSpan, args, span) === undefined ? { kind: "call", name: token.image, nameSpan, args, span } : undefined;
  }
}
