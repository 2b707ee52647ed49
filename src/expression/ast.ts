import type { Span } from "../diagnostics/diagnostic.js";
import type { Builtin } from "./builtins.js";

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
  /**
   * The entry of the builtin table the name resolved to, set by the parser.
   * Absent on trees built by hand, where the checker and the compiler look
   * the name up themselves.
   */
  readonly builtin?: Builtin | undefined;
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

/*
 * The node constructors both parsers use, so that each span rule is written
 * once: an operation spans its operands, a sign spans from itself to the end
 * of its operand, and parentheses widen the node they enclose.
 */

/** `left op right`, spanning both operands. */
export function binaryNode(operator: BinaryOperator, left: Expression, right: Expression): BinaryExpression {
  return { kind: "binary", operator, left, right, span: { start: left.span.start, end: right.span.end } };
}

/** A sign at `signStart` before its operand. */
export function unaryNode(operator: UnaryOperator, signStart: number, operand: Expression): UnaryExpression {
  return { kind: "unary", operator, operand, span: { start: signStart, end: operand.span.end } };
}

/**
 * Parentheses leave no node of their own: the node they enclose widens to
 * cover them. The parsers call this on a node they have just made, which
 * nothing else holds yet, so it is widened in place: a copy (a spread) would
 * have a hidden class of its own.
 */
export function parenthesized(inner: Expression, openStart: number, closeStart: number): Expression {
  (inner as { span: Span }).span = { start: openStart, end: closeStart + 1 };
  return inner;
}

/** `name(args)`, from the name to the closing parenthesis at `closeStart`. */
export function callNode(
  name: string,
  nameSpan: Span,
  args: readonly Expression[],
  closeStart: number,
  builtin: Builtin | undefined,
): CallExpression {
  return { kind: "call", name, nameSpan, args, span: { start: nameSpan.start, end: closeStart + 1 }, builtin };
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
