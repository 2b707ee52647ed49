import type { BinaryOperator, Expression, UnaryOperator } from "./ast.js";
import { lookupBuiltin } from "./builtins.js";
import { isWhitespaceCode, numberValue, type LexicalToken, type TokenKind } from "./lexical.js";
import { resolveCall, resolveVariable } from "./names.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { checkSize } from "./size.js";

/*
 * The fast path for valid input. Chevrotain's lexer and parser cost ~17 ms to
 * build and ~12 ms just to load, and its per-parse machinery dominates
 * compile throughput, yet almost every expression a server sees is valid.
 * This recognizer accepts exactly the valid sentences of the grammar and
 * builds the same tree, spans included; at the first thing it does not
 * expect it returns undefined, and `parse` hands the input to the chevrotain
 * parser, which owns the grammar, the syntax diagrams and every diagnostic.
 *
 * It shares the token patterns, the size and depth pre-scan and name
 * resolution with the chevrotain path, and imports nothing from chevrotain,
 * so a cold start that only meets valid input never loads it. A property test
 * checks on random input that the two paths accept the same inputs and build
 * equal trees (test/expression/fast-parse.test.ts).
 */

/** The single-character tokens, by character code. */
function singleCharKind(c: number): TokenKind | undefined {
  switch (c) {
    case 43:
      return "Plus";
    case 45:
      return "Minus";
    case 42:
      return "Star";
    case 47:
      return "Slash";
    case 40:
      return "LParen";
    case 41:
      return "RParen";
    case 44:
      return "Comma";
    default:
      return undefined;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentifierStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentifierPart = (c: number): boolean => isIdentifierStart(c) || isDigit(c);

/** The tree for a valid expression, or undefined to defer to the full parser. */
export function parseFast(source: string): Expression | undefined {
  const tokens = scan(source);
  if (tokens === undefined || tokens.length === 0) return undefined;
  // Every level of nesting and every term takes at least one character, so a
  // source no longer than the depth limit cannot break either limit.
  if (source.length > EXPRESSION_LIMITS.maxNestingDepth && checkSize(tokens, source.length) !== undefined) return undefined;
  const parser = new Recognizer(tokens);
  const tree = parser.additive();
  return tree !== undefined && parser.done() ? tree : undefined;
}

/**
 * Tokens exactly as the chevrotain lexer makes them (NUMBER_PATTERN and
 * IDENTIFIER_PATTERN, read by hand for speed), or undefined for anything a
 * valid expression cannot hold. A number is taken only in the strict form
 * `digits [. digits] [e [sign] digits]`; wherever the lexer's lenient
 * pattern would read on (`_`, a trailing `.`, a leading `.`), this bails.
 */
function scan(source: string): LexicalToken[] | undefined {
  const tokens: LexicalToken[] = [];
  const length = source.length;
  let i = 0;
  while (i < length) {
    const c = source.charCodeAt(i);
    if (isWhitespaceCode(c)) {
      i++;
      continue;
    }
    const single = singleCharKind(c);
    if (single !== undefined) {
      // `**` is an unsupported operator: the full parser reports it.
      if (c === 42 && source.charCodeAt(i + 1) === 42) return undefined;
      // charAt: V8 serves one-character strings from a cache, without allocating.
      tokens.push({ kind: single, image: source.charAt(i), startOffset: i, value: undefined });
      i++;
    } else if (isDigit(c)) {
      const number = scanNumber(source, i);
      if (number === undefined) return undefined;
      tokens.push(number);
      i += number.image.length;
    } else if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < length && isIdentifierPart(source.charCodeAt(end))) end++;
      // One object shape for every token (value included), so the recognizer's reads stay monomorphic.
      tokens.push({ kind: "Identifier", image: source.slice(i, end), startOffset: i, value: undefined });
      i = end;
    } else {
      return undefined;
    }
  }
  return tokens;
}

/** The number token starting at `start` (a digit), or undefined where the strict form ends in something a valid expression cannot hold. */
function scanNumber(source: string, start: number): LexicalToken | undefined {
  const length = source.length;
  // The integer part is summed as it is read: exact below 2^53, so for up to
  // 15 digits, and it spares most numbers a string-to-number conversion.
  let integer = 0;
  let end = start;
  for (let d = source.charCodeAt(end); end < length && isDigit(d); d = source.charCodeAt(++end)) integer = integer * 10 + (d - 48);
  const integerEnd = end;
  if (source.charCodeAt(end) === 46) {
    if (!isDigit(source.charCodeAt(end + 1))) return undefined;
    end += 2;
    while (end < length && isDigit(source.charCodeAt(end))) end++;
  }
  const e = source.charCodeAt(end);
  if (e === 101 || e === 69) {
    const sign = source.charCodeAt(end + 1);
    const first = sign === 43 || sign === 45 ? end + 2 : end + 1;
    // `1e` with no digits is the number 1 then the name `e`, as the lexer reads it.
    if (isDigit(source.charCodeAt(first))) {
      end = first + 1;
      while (end < length && isDigit(source.charCodeAt(end))) end++;
    }
  }
  if (source.charCodeAt(end) === 95 || source.charCodeAt(end) === 46) return undefined;
  const image = source.slice(start, end);
  const value = end === integerEnd && end - start <= 15 ? integer : Number(image);
  return Number.isFinite(value) ? { kind: "Number", image, startOffset: start, value } : undefined;
}

class Recognizer {
  private at = 0;

  constructor(private readonly tokens: readonly LexicalToken[]) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  private peek(): TokenKind | undefined {
    return this.tokens[this.at]?.kind;
  }

  // additive = multiplicative , { ( "+" | "-" ) , multiplicative } ;
  additive(): Expression | undefined {
    return this.leftAssociative(true);
  }

  // multiplicative = unary , { ( "*" | "/" ) , unary } ;
  // One loop for both levels; `additive` picks the operands and operators.
  private leftAssociative(additive: boolean): Expression | undefined {
    let left = additive ? this.leftAssociative(false) : this.unary();
    for (let operator = this.operatorAt(additive); left !== undefined && operator !== undefined; operator = this.operatorAt(additive)) {
      this.at++;
      const right = additive ? this.leftAssociative(false) : this.unary();
      if (right === undefined) return undefined;
      left = { kind: "binary", operator, left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  /** The operator of this level at the current token, if there is one. */
  private operatorAt(additive: boolean): BinaryOperator | undefined {
    switch (this.peek()) {
      case "Plus":
        return additive ? "+" : undefined;
      case "Minus":
        return additive ? "-" : undefined;
      case "Star":
        return additive ? undefined : "*";
      case "Slash":
        return additive ? undefined : "/";
      default:
        return undefined;
    }
  }

  // unary = ( "+" | "-" ) , unary | primary ;
  private unary(): Expression | undefined {
    const kind = this.peek();
    if (kind === "Plus" || kind === "Minus") {
      const sign = this.tokens[this.at++] as LexicalToken;
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
    if (token.kind === "Number") {
      this.at++;
      return { kind: "number", value: token.value ?? numberValue(token.image), span: { start, end } };
    }
    if (token.kind === "LParen") {
      this.at++;
      const inner = this.additive();
      const close = this.tokens[this.at];
      if (inner === undefined || close?.kind !== "RParen") return undefined;
      this.at++;
      return { ...inner, span: { start, end: close.startOffset + 1 } };
    }
    if (token.kind !== "Identifier") return undefined;
    this.at++;
    const nameSpan = { start, end };
    if (this.peek() !== "LParen") return resolveVariable(token.image, nameSpan) === undefined ? { kind: "retried", span: nameSpan } : undefined;
    this.at++;
    const args: Expression[] = [];
    if (this.peek() !== "RParen") {
      for (;;) {
        const arg = this.additive();
        if (arg === undefined) return undefined;
        args.push(arg);
        if (this.peek() !== "Comma") break;
        this.at++;
      }
    }
    const close = this.tokens[this.at];
    if (close?.kind !== "RParen") return undefined;
    this.at++;
    const span = { start, end: close.startOffset + 1 };
    if (resolveCall(token.image, nameSpan, args, span) !== undefined) return undefined;
    // The table's own string for the name: the checker, the folder and the
    // compiler each look the name up again, and an identical string is found
    // without comparing characters.
    const name = lookupBuiltin(token.image)?.name ?? token.image;
    return { kind: "call", name, nameSpan, args, span };
  }
}
