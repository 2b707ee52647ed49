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

/**
 * How a level's operators combine. `left` and `right` are infix; `prefix`
 * levels hold signs, whose operand is the same level again (`- -x`).
 */
type Fixity = "left" | "right" | "prefix";

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
type TableLevel = (typeof LEVELS)[number];
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

/** An infix operator's part at its level: accepted, or refused with a fix. */
type InfixRole = AcceptedAt<BinaryOperator> | { readonly level: LevelRule; readonly unsupported: Unsupported };

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

/** Every operator. Order does not matter: the lexers try longer texts first (`**` before `*`). */
export const OPERATORS = [
  {
    text: "+",
    token: "Plus",
    infix: { level: "additive", operator: "+", printed: " + " },
    prefix: { level: "unary", operator: "+", printed: "+" },
  },
  {
    text: "-",
    token: "Minus",
    infix: { level: "additive", operator: "-", printed: " - " },
    prefix: { level: "unary", operator: "-", printed: "-" },
  },
  { text: "*", token: "Star", infix: { level: "multiplicative", operator: "*", printed: " * " } },
  { text: "/", token: "Slash", infix: { level: "multiplicative", operator: "/", printed: " / " } },
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

/** A role the language accepts, with its row. */
interface AcceptedRole {
  readonly row: OperatorRow;
  /** The node the operator builds. */
  readonly node:
    { readonly kind: "binary"; readonly operator: BinaryOperator } | { readonly kind: "unary"; readonly operator: UnaryOperator };
  readonly printed: string;
}

/** A role kept only to be reported, with its row. */
interface RefusedRole {
  readonly row: OperatorRow;
  readonly unsupported: Unsupported;
}

/** One level as the parsers build it: its operators, and the rule a right-associative level's right operand is. */
export interface PlannedLevel {
  readonly level: TableLevel;
  readonly accepted: readonly AcceptedRole[];
  readonly refused: readonly RefusedRole[];
  /** For `right` levels: the level its right operand parses at, an index into the plan. */
  readonly rightOperand: number;
}

/**
 * The levels the grammar has, loosest first, each with its operators. With
 * `unsupported: "omit"`, refused operators and the levels that hold nothing
 * else are left out: that is the grammar of the language itself, which the
 * fast recognizer, the EBNF and the diagrams show. With `"report"`, the
 * chevrotain parser also parses the refused ones, to report them with a fix.
 */
export function planLevels(options: { readonly unsupported: "omit" | "report" }): readonly PlannedLevel[] {
  const sorted = [...LEVELS].sort((a, b) => a.precedence - b.precedence);
  const planned = sorted.map((level) => rolesAt(level, options)).filter((p) => p.accepted.length + p.refused.length > 0);
  return planned.map((p, index) => ({ ...p, rightOperand: rightOperandOf(planned, index) }));
}

function rolesAt(level: TableLevel, options: { readonly unsupported: "omit" | "report" }): Omit<PlannedLevel, "rightOperand"> {
  const accepted: AcceptedRole[] = [];
  const refused: RefusedRole[] = [];
  for (const row of OPERATORS as readonly OperatorRow[]) {
    const role = roleAt(row, level);
    if (role === undefined) continue;
    if ("node" in role) accepted.push(role);
    else if (options.unsupported === "report") refused.push(role);
  }
  return { level, accepted, refused };
}

/** The row's role at `level`, if it has one there. */
function roleAt(row: OperatorRow, level: Level): AcceptedRole | RefusedRole | undefined {
  if (level.fixity === "prefix") {
    const role = row.prefix;
    return role?.level === level.rule ? { row, node: { kind: "unary", operator: role.operator }, printed: role.printed } : undefined;
  }
  const role = row.infix;
  if (role?.level !== level.rule) return undefined;
  return "unsupported" in role
    ? { row, unsupported: role.unsupported }
    : { row, node: { kind: "binary", operator: role.operator }, printed: role.printed };
}

/**
 * A right-associative level's right operand is the level itself, unless a
 * prefix level binds looser: then it is that one, so that the operand may
 * carry a sign (`2 ^ -1`), as in Python's `**`.
 */
function rightOperandOf(planned: readonly Omit<PlannedLevel, "rightOperand">[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (planned[i]?.level.fixity === "prefix") return i;
  return index;
}

/** How the printer writes an accepted operator, and how tightly it binds. */
export interface Printing {
  readonly precedence: number;
  /** Which operand may hold an operator of the same precedence without parentheses. */
  readonly fixity: Fixity;
  /** `" * "` for infix operators, `"-"` for signs. */
  readonly printed: string;
}

const INFIX_PRINTING = new Map<string, Printing>();
const PREFIX_PRINTING = new Map<string, Printing>();
for (const planned of planLevels({ unsupported: "omit" })) {
  const target = planned.level.fixity === "prefix" ? PREFIX_PRINTING : INFIX_PRINTING;
  for (const role of planned.accepted)
    target.set(role.node.operator, { precedence: planned.level.precedence, fixity: planned.level.fixity, printed: role.printed });
}

/** Tighter than every operator: numbers, `retried`, calls and parenthesized groups. */
export const ATOM_PRECEDENCE = Math.max(...LEVELS.map((l) => l.precedence)) + 1;

/** An operator a hand-built tree holds that the table does not know: printed spaced, and parenthesized wherever it is an operand. */
const unknown = (printed: string): Printing => ({ precedence: 0, fixity: "left", printed });

/** How an infix operator of the AST prints and binds. */
export function infixPrinting(operator: BinaryOperator): Printing {
  return INFIX_PRINTING.get(operator) ?? unknown(` ${operator} `);
}

/** How a prefix operator of the AST prints and binds. */
export function prefixPrinting(operator: UnaryOperator): Printing {
  return PREFIX_PRINTING.get(operator) ?? unknown(operator);
}
