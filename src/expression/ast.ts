import type { Span } from "../diagnostics/diagnostic.js";

/**
 * A parsed retry-delay expression: a discriminated union on `kind`. Every node
 * carries the span of source text it came from; parentheses leave no node of
 * their own, but widen the span of the node they enclose.
 *
 * @example
 * ```ts
 * const parsed = parse("pow(2, retried) * 1000");
 * if (parsed.ok && parsed.value.kind === "binary") console.log(parsed.value.operator); // "*"
 * ```
 */
export type Expression = NumberLiteral | RetriedVariable | UnaryExpression | BinaryExpression | CallExpression;

/**
 * A number written in the source. Parsed literals are finite and non-negative; a sign is a {@link UnaryExpression}.
 *
 * @example
 * ```ts
 * const parsed = parse("2.5e3");
 * if (parsed.ok && parsed.value.kind === "number") parsed.value.value; // 2500
 * ```
 */
export interface NumberLiteral {
  readonly kind: "number";
  readonly value: number;
  readonly span: Span;
}

/**
 * The variable `retried`: how many retries were already made, 0 when computing the first retry's delay.
 *
 * @example
 * ```ts
 * const parsed = parse("  retried ");
 * if (parsed.ok && parsed.value.kind === "retried") parsed.value.span; // { start: 2, end: 9 }
 * ```
 */
export interface RetriedVariable {
  readonly kind: "retried";
  readonly span: Span;
}

/**
 * A prefix sign: `-x` or `+x`.
 *
 * @example
 * ```ts
 * const parsed = parse("-retried");
 * if (parsed.ok && parsed.value.kind === "unary") parsed.value.operand.kind; // "retried"
 * ```
 */
export interface UnaryExpression {
  readonly kind: "unary";
  readonly operator: UnaryOperator;
  readonly operand: Expression;
  readonly span: Span;
}

/**
 * `left op right` for one of the four arithmetic operators.
 *
 * @example
 * ```ts
 * const parsed = parse("retried * 1000");
 * if (parsed.ok && parsed.value.kind === "binary") parsed.value.operator; // "*"
 * ```
 */
export interface BinaryExpression {
  readonly kind: "binary";
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

/**
 * A call of a function by name. The parser accepts any name so that the
 * checker can report unknown ones with a suggestion; a checked expression only
 * calls the built-in functions.
 *
 * @example
 * ```ts
 * const parsed = parse("pow(2, retried)");
 * if (parsed.ok && parsed.value.kind === "call") parsed.value.nameSpan; // { start: 0, end: 3 }
 * ```
 */
export interface CallExpression {
  readonly kind: "call";
  readonly name: string;
  /** The span of the name alone, where unknown-function errors point. */
  readonly nameSpan: Span;
  readonly args: readonly Expression[];
  readonly span: Span;
}

/**
 * The prefix signs.
 *
 * @example
 * ```ts
 * const parsed = parse("+1000");
 * if (parsed.ok && parsed.value.kind === "unary") parsed.value.operator satisfies UnaryOperator; // "+"
 * ```
 */
export type UnaryOperator = "-" | "+";
/**
 * The four arithmetic operators; `%`, `^` and `**` are not in the language.
 *
 * @example
 * ```ts
 * const operators: BinaryOperator[] = ["+", "-", "*", "/"];
 * ```
 */
export type BinaryOperator = "+" | "-" | "*" | "/";

/** Binding strength used by the parser's grammar and by the printer's minimal parentheses. */
export const PRECEDENCE = {
  additive: 1,
  multiplicative: 2,
  unary: 3,
  atom: 4,
} as const;

export function binaryPrecedence(operator: BinaryOperator): number {
  return operator === "+" || operator === "-" ? PRECEDENCE.additive : PRECEDENCE.multiplicative;
}

/** The precedence of a node as it stands, for deciding whether it needs parentheses. */
export function nodePrecedence(node: Expression): number {
  switch (node.kind) {
    case "binary":
      return binaryPrecedence(node.operator);
    case "unary":
      return PRECEDENCE.unary;
    case "number":
      // A negative or non-finite literal (only constant folding makes those) prints as a unary form.
      return Object.is(node.value, -0) || node.value < 0 ? PRECEDENCE.unary : PRECEDENCE.atom;
    case "retried":
    case "call":
      return PRECEDENCE.atom;
  }
}

/** True when the expression reads `retried` anywhere; otherwise it is a constant. */
export function dependsOnRetried(node: Expression): boolean {
  switch (node.kind) {
    case "number":
      return false;
    case "retried":
      return true;
    case "unary":
      return dependsOnRetried(node.operand);
    case "binary":
      return dependsOnRetried(node.left) || dependsOnRetried(node.right);
    case "call":
      return node.args.some(dependsOnRetried);
  }
}
