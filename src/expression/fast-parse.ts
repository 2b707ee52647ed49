import { binaryNode, callNode, parenthesized, unaryNode, type BinaryOperator, type Expression, type UnaryOperator } from "./ast.js";
import { lookupBuiltin } from "./builtins.js";
import { isWhitespaceCode, numberValue } from "./lexical.js";
import { resolveCall, resolveVariable } from "./names.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { OPERATORS, planLevels, PUNCTUATION, type LexicalToken, type TableRow, type TokenKind } from "./operators.js";
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
const PLAN = planLevels({ unsupported: "omit" });
const FIXITY: readonly number[] = PLAN.map((p) => (p.level.fixity === "left" ? LEFT : p.level.fixity === "right" ? RIGHT : PREFIX));
const RIGHT_OPERAND: readonly number[] = PLAN.map((p) => p.rightOperand);
const PRIMARY = PLAN.length;

/** An operator or punctuation token, with what it does at each level of the plan. */
interface FixedToken {
  readonly kind: TokenKind;
  readonly text: string;
  /** False for the operators only the full parser reports (`%`, `^`, `**`): the scanner declines them. */
  readonly accepted: boolean;
  /** The plan index of the level where it is infix, or -1. */
  readonly infixLevel: number;
  readonly infixOperator: BinaryOperator | undefined;
  /** The plan index of the level where it is a sign, or -1. */
  readonly prefixLevel: number;
  readonly prefixOperator: UnaryOperator | undefined;
}

function fixedToken(row: TableRow): FixedToken {
  let token: FixedToken = {
    kind: row.token,
    text: row.text,
    accepted: false,
    infixLevel: -1,
    infixOperator: undefined,
    prefixLevel: -1,
    prefixOperator: undefined,
  };
  PLAN.forEach((planned, index) => {
    for (const { row: r, node } of planned.accepted) {
      if (r !== row) continue;
      token =
        node.kind === "binary"
          ? { ...token, accepted: true, infixLevel: index, infixOperator: node.operator }
          : { ...token, accepted: true, prefixLevel: index, prefixOperator: node.operator };
    }
  });
  return token;
}

/** The operators and punctuation by first character (ASCII only), longest text first. */
const FIXED_BY_CHAR: (readonly FixedToken[] | undefined)[] = new Array<readonly FixedToken[] | undefined>(128).fill(undefined);
const punctuation = (p: { readonly text: string; readonly token: TokenKind }): FixedToken => ({
  kind: p.token,
  text: p.text,
  accepted: true,
  infixLevel: -1,
  infixOperator: undefined,
  prefixLevel: -1,
  prefixOperator: undefined,
});
for (const fixed of [
  ...OPERATORS.map(fixedToken),
  punctuation(PUNCTUATION.open),
  punctuation(PUNCTUATION.close),
  punctuation(PUNCTUATION.comma),
]) {
  const c = fixed.text.charCodeAt(0);
  FIXED_BY_CHAR[c] = [...(FIXED_BY_CHAR[c] ?? []), fixed].sort((a, b) => b.text.length - a.text.length);
}

/** The fixed token at `i` among `candidates` (longest first), as chevrotain's lexer would take it. */
function fixedAt(source: string, i: number, candidates: readonly FixedToken[]): FixedToken | undefined {
  for (const fixed of candidates) if (fixed.text.length === 1 || source.startsWith(fixed.text, i)) return fixed;
  return undefined;
}

/** A token as the scanner makes it: one object shape for every token, so the recognizer's reads stay monomorphic. */
interface ScannedToken extends LexicalToken {
  readonly value: number | undefined;
  readonly fixed: FixedToken | undefined;
}

const OPEN = PUNCTUATION.open.token;
const CLOSE = PUNCTUATION.close.token;
const COMMA = PUNCTUATION.comma.token;

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
  const tree = parser.level(0);
  return tree !== undefined && parser.done() ? tree : undefined;
}

/**
 * Tokens exactly as the chevrotain lexer makes them (NUMBER_PATTERN and
 * IDENTIFIER_PATTERN, read by hand for speed), or undefined for anything a
 * valid expression cannot hold. A number is taken only in the strict form
 * `digits [. digits] [e [sign] digits]`; wherever the lexer's lenient
 * pattern would read on (`_`, a trailing `.`, a leading `.`), this bails.
 */
function scan(source: string): ScannedToken[] | undefined {
  const tokens: ScannedToken[] = [];
  const length = source.length;
  let i = 0;
  while (i < length) {
    const c = source.charCodeAt(i);
    if (isWhitespaceCode(c)) {
      i++;
      continue;
    }
    // Only ASCII indexes the table: a read past its end would take V8's slow path.
    const candidates = c < 128 ? FIXED_BY_CHAR[c] : undefined;
    if (candidates !== undefined) {
      const fixed = fixedAt(source, i, candidates);
      // A refused operator (`%`, `^`, `**`): the full parser reports it.
      if (fixed === undefined || !fixed.accepted) return undefined;
      tokens.push({ kind: fixed.kind, image: fixed.text, startOffset: i, value: undefined, fixed });
      i += fixed.text.length;
    } else if (isDigit(c)) {
      const number = scanNumber(source, i);
      if (number === undefined) return undefined;
      tokens.push(number);
      i += number.image.length;
    } else if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < length && isIdentifierPart(source.charCodeAt(end))) end++;
      tokens.push({ kind: "Identifier", image: source.slice(i, end), startOffset: i, value: undefined, fixed: undefined });
      i = end;
    } else {
      return undefined;
    }
  }
  return tokens;
}

/** The number token starting at `start` (a digit), or undefined where the strict form ends in something a valid expression cannot hold. */
function scanNumber(source: string, start: number): ScannedToken | undefined {
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
  return Number.isFinite(value) ? { kind: "Number", image, startOffset: start, value, fixed: undefined } : undefined;
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
