/*
 * The one table of the expression language's operators and punctuation. The
 * fast recognizer (fast-parse.ts), the chevrotain tokens (tokens.ts) and
 * rules (grammar.ts), the printer's parentheses (print.ts), the EBNF file and
 * the railroad diagrams (grammar/) are all built from it; nothing else lists
 * an operator, its precedence or its associativity.
 *
 * Kept free of chevrotain, so that the fast path (and a cold start) never
 * loads it. The AST's public operator types (ast.ts) name the accepted
 * operators for the docs; a type test holds them equal to this table's
 * (test/expression/operators.test.ts).
 */

import type { BinaryOperator, UnaryOperator } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import type { PairRule } from "./interval.js";
import { readRetried } from "./retried.js";

/**
 * How a level's operators combine. `left` and `right` are infix; `prefix`
 * levels hold signs, whose operand is the same level again (`- -x`).
 */
export type Fixity = "left" | "right" | "prefix";

/** One binding level of the grammar; its `rule` names the grammar rule and EBNF production. */
export interface Level {
  readonly rule: string;
  /** Higher binds tighter. */
  readonly precedence: number;
  readonly fixity: Fixity;
}

/** The binding levels, loosest first. */
export const LEVELS = [
  { rule: "additive", precedence: 1, fixity: "left" },
  { rule: "multiplicative", precedence: 2, fixity: "left" },
  { rule: "unary", precedence: 3, fixity: "prefix" },
  // Exists only to report `^` and `**` well: tighter than a sign on its left
  // (`-2 ^ 2` is `-(2 ^ 2)`), while the exponent may carry one (`2 ^ -1`).
  { rule: "power", precedence: 4, fixity: "right" },
] as const satisfies readonly Level[];

/** One of {@link LEVELS}, with its literal types. */
export type TableLevel = (typeof LEVELS)[number];
/** The name of one of {@link LEVELS}. */
export type LevelRule = TableLevel["rule"];

/**
 * Builds trees of some type `T` without importing the AST, so that a row can
 * say what an unsupported operator means. The parser builds `Expression`s.
 */
export interface TreeBuilder<T> {
  binary(operator: BinaryOperator, left: T, right: T): T;
  call(name: string, args: readonly T[]): T;
}

/**
 * An operator the language does not have, lexed and parsed only so that the
 * parser can place it in the tree and suggest the fix with the actual operands.
 */
export interface Unsupported {
  /** The diagnostic's message. */
  readonly message: string;
  /** Where the diagnostic points: the operator alone, or the whole `x op y`. */
  readonly points: "operator" | "operation";
  /** Leads the hint, before the rewritten expression in backticks. */
  readonly hint: string;
  /** What to write instead of `x op y`. */
  rewrite<T>(x: T, y: T, build: TreeBuilder<T>): T;
  /** What stands for `x op y` while parsing goes on, so that later problems are reported too. */
  standIn<T>(x: T, y: T, build: TreeBuilder<T>): T;
}

/** An operator's part at one level: the AST operator it builds, and how the printer writes it. */
interface AcceptedAt<Operator extends string> {
  readonly level: LevelRule;
  readonly operator: Operator;
  readonly printed: string;
}

/**
 * The compiler's closure factories for an infix operator, one per operand
 * shape. Each is its own function literal on purpose: V8 keeps type and
 * call-target feedback per literal, so one generic `(r) => a(r) op b(r)`
 * shared by every operator and shape would go megamorphic as soon as a
 * process compiles a few different expressions (compile.ts says more).
 */
export interface OperatorClosures {
  /** a(r) op b(r) */
  readonly nodes: (a: DelayClosure, b: DelayClosure) => DelayClosure;
  /** a(r) op c */
  readonly nodeConstant: (a: DelayClosure, c: number) => DelayClosure;
  /** c op b(r) */
  readonly constantNode: (c: number, b: DelayClosure) => DelayClosure;
  /** r op c */
  readonly retriedConstant: (c: number) => DelayClosure;
  /** c op r */
  readonly constantRetried: (c: number) => DelayClosure;
  /** r op b(r) */
  readonly retriedNode: (b: DelayClosure) => DelayClosure;
  /** a(r) op r */
  readonly nodeRetried: (a: DelayClosure) => DelayClosure;
}

/** What an accepted infix operator computes, in the form each stage needs. */
export interface InfixArithmetic {
  /** IEEE-754 double arithmetic, as JavaScript (and Go's float64) computes it: the interpreter and the constant folder. */
  readonly evaluate: (a: number, b: number) => number;
  /**
   * The rule of interval.ts that says what the result can be, given what the
   * operands can be: the domain check's analysis. Named, not imported, so
   * that retry-delay/runtime bundles no interval analysis.
   */
  readonly bounds: PairRule;
  /** The compiled closures. */
  readonly closures: OperatorClosures;
}

/** An accepted infix operator's part: where it binds, how it prints, and what it computes. */
interface AcceptedInfix extends AcceptedAt<BinaryOperator> {
  readonly arithmetic: InfixArithmetic;
}

/** An infix operator's part at its level: accepted, or refused with a fix. */
type InfixRole = AcceptedInfix | { readonly level: LevelRule; readonly unsupported: Unsupported };

/** One operator: its infix role builds `binary` nodes, its prefix role `unary` nodes. */
export interface OperatorRow {
  /** The source text. */
  readonly text: string;
  /** The token's name: its chevrotain token type and its {@link TokenKind}. */
  readonly token: string;
  readonly infix?: InfixRole;
  readonly prefix?: AcceptedAt<UnaryOperator>;
}

/** `pow(x, y)`; both `^` and `**` mean it in other languages. */
const POWER = (text: string): Unsupported => ({
  message: `the language has no power operator \`${text}\``,
  points: "operation",
  hint: "write ",
  rewrite: (x, y, build) => build.call("pow", [x, y]),
  standIn: (x, y, build) => build.call("pow", [x, y]),
});

/** `x - floor(x / y) * y`: what `x % y` means for the non-negative numbers of a delay. */
const REMAINDER: Unsupported = {
  message: "the language has no remainder operator `%`",
  points: "operator",
  hint: "compute it with floor: ",
  rewrite: (x, y, build) => build.binary("-", x, build.binary("*", build.call("floor", [build.binary("/", x, y)]), y)),
  // Not the rewrite: it repeats both operands, so a chain of `%` would double its hint at every step.
  standIn: (x, y, build) => build.binary("*", x, y),
};

/**
 * Every operator. Order does not matter: the lexers try longer texts first
 * (`**` before `*`). An accepted infix operator's row also says what it
 * computes (its `arithmetic`), which the interpreter, the folder, the domain
 * check and the compiler read; adding one is a row here, its name in the
 * AST's `BinaryOperator` (a type test holds the two equal), and tests.
 */
export const OPERATORS = [
  {
    text: "+",
    token: "Plus",
    infix: {
      level: "additive",
      operator: "+",
      printed: " + ",
      arithmetic: {
        evaluate: (a, b) => a + b,
        bounds: "addBounds",
        closures: {
          nodes: (a, b) => (r) => a(r) + b(r),
          nodeConstant: (a, c) => (r) => a(r) + c,
          constantNode: (c, b) => (r) => c + b(r),
          retriedConstant: (c) => (r) => readRetried(r) + c,
          constantRetried: (c) => (r) => c + readRetried(r),
          retriedNode: (b) => (r) => readRetried(r) + b(r),
          nodeRetried: (a) => (r) => a(r) + readRetried(r),
        },
      },
    },
    prefix: { level: "unary", operator: "+", printed: "+" },
  },
  {
    text: "-",
    token: "Minus",
    infix: {
      level: "additive",
      operator: "-",
      printed: " - ",
      arithmetic: {
        evaluate: (a, b) => a - b,
        bounds: "subtractBounds",
        closures: {
          nodes: (a, b) => (r) => a(r) - b(r),
          nodeConstant: (a, c) => (r) => a(r) - c,
          constantNode: (c, b) => (r) => c - b(r),
          retriedConstant: (c) => (r) => readRetried(r) - c,
          constantRetried: (c) => (r) => c - readRetried(r),
          retriedNode: (b) => (r) => readRetried(r) - b(r),
          nodeRetried: (a) => (r) => a(r) - readRetried(r),
        },
      },
    },
    prefix: { level: "unary", operator: "-", printed: "-" },
  },
  {
    text: "*",
    token: "Star",
    infix: {
      level: "multiplicative",
      operator: "*",
      printed: " * ",
      arithmetic: {
        evaluate: (a, b) => a * b,
        bounds: "multiplyBounds",
        closures: {
          nodes: (a, b) => (r) => a(r) * b(r),
          nodeConstant: (a, c) => (r) => a(r) * c,
          constantNode: (c, b) => (r) => c * b(r),
          retriedConstant: (c) => (r) => readRetried(r) * c,
          constantRetried: (c) => (r) => c * readRetried(r),
          retriedNode: (b) => (r) => readRetried(r) * b(r),
          nodeRetried: (a) => (r) => a(r) * readRetried(r),
        },
      },
    },
  },
  {
    text: "/",
    token: "Slash",
    infix: {
      level: "multiplicative",
      operator: "/",
      printed: " / ",
      arithmetic: {
        evaluate: (a, b) => a / b,
        bounds: "divideBounds",
        closures: {
          nodes: (a, b) => (r) => a(r) / b(r),
          nodeConstant: (a, c) => (r) => a(r) / c,
          constantNode: (c, b) => (r) => c / b(r),
          retriedConstant: (c) => (r) => readRetried(r) / c,
          constantRetried: (c) => (r) => c / readRetried(r),
          retriedNode: (b) => (r) => readRetried(r) / b(r),
          nodeRetried: (a) => (r) => a(r) / readRetried(r),
        },
      },
    },
  },
  { text: "%", token: "Percent", infix: { level: "multiplicative", unsupported: REMAINDER } },
  { text: "^", token: "Caret", infix: { level: "power", unsupported: POWER("^") } },
  { text: "**", token: "StarStar", infix: { level: "power", unsupported: POWER("**") } },
] as const satisfies readonly OperatorRow[];

/** One row of {@link OPERATORS}, with its literal types. */
export type TableRow = (typeof OPERATORS)[number];
type Row = TableRow;
type Accepted<R> = R extends { readonly operator: infer O } ? O : never;

/** The infix operators the table accepts; equal to the AST's `BinaryOperator`. */
export type InfixOperator = Accepted<NonNullable<Row["infix"]>>;
/** The prefix operators the table accepts; equal to the AST's `UnaryOperator`. */
export type PrefixOperator = Extract<Row, { prefix: unknown }>["prefix"]["operator"];

/** Grouping and argument lists. */
export const PUNCTUATION = {
  open: { text: "(", token: "LParen" },
  close: { text: ")", token: "RParen" },
  comma: { text: ",", token: "Comma" },
} as const;

/**
 * The characters skipped between tokens: space and tab, the whitespace an
 * HTTP header value may carry. CR, LF, NUL, the other control characters and
 * U+2028/U+2029 are not whitespace here: an expression travels in the
 * `Upstash-Retry-Delay` header, where a line break splits the header, so both
 * lexers refuse them as `unexpected-character`.
 */
export const WHITESPACE = [
  { text: " ", name: "space" },
  { text: "\t", name: "tab" },
] as const;

/** Every token kind, by the token types' names. */
export type TokenKind = Row["token"] | (typeof PUNCTUATION)[keyof typeof PUNCTUATION]["token"] | "Number" | "Identifier";

/** The part of a token both parsers produce, as the size and depth pre-scan reads it. */
export interface LexicalToken {
  readonly kind: TokenKind;
  readonly image: string;
  readonly startOffset: number;
  /** A number token's value, when the scanner has already read it. */
  readonly value?: number | undefined;
}

/**
 * The accepted operators' arithmetic by character code: every operator of
 * the AST is one ASCII character, so the compiler and the checks find one
 * with an array read, not a Map's string hashing.
 */
const ARITHMETIC_BY_CHAR: (InfixArithmetic | undefined)[] = new Array<InfixArithmetic | undefined>(128).fill(undefined);
for (const row of OPERATORS as readonly OperatorRow[])
  if (row.infix !== undefined && "arithmetic" in row.infix) ARITHMETIC_BY_CHAR[row.infix.operator.charCodeAt(0)] = row.infix.arithmetic;

/**
 * What an infix operator of the AST computes; undefined for one the table
 * does not accept (a hand-built tree can hold anything), which evaluates to
 * NaN, as a call of an unknown function does.
 */
export function infixArithmetic(operator: BinaryOperator): InfixArithmetic | undefined {
  const c = typeof operator === "string" && operator.length === 1 ? operator.charCodeAt(0) : 128;
  return c < 128 ? ARITHMETIC_BY_CHAR[c] : undefined;
}
