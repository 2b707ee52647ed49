import { guardTreeWalk } from "./guard.js";
import { binaryPrecedence, nodePrecedence, PRECEDENCE, type Expression } from "./ast.js";

/**
 * Prints an expression as canonical source: single spaces around binary
 * operators, `, ` between arguments, numbers in JavaScript's shortest
 * round-trip form, and only the parentheses the tree needs. Parsing the
 * result gives the same tree, spans aside.
 *
 * @example
 * ```ts
 * const parsed = parse("((pow(2,retried)))*1e3");
 * if (parsed.ok) printExpression(parsed.value); // "pow(2, retried) * 1000"
 * ```
 */
export function printExpression(node: Expression): string {
  return guardTreeWalk(() => printNode(node));
}

function printNode(node: Expression): string {
  switch (node.kind) {
    case "number":
      return printNumber(node.value);
    case "retried":
      return "retried";
    case "call":
      return `${node.name}(${node.args.map(printNode).join(", ")})`;
    case "unary": {
      const operand = printOperand(node.operand, PRECEDENCE.unary, false);
      // `- -x`, not `--x`, which reads like a decrement.
      const gap = operand.startsWith("-") || operand.startsWith("+") ? " " : "";
      return `${node.operator}${gap}${operand}`;
    }
    case "binary": {
      const precedence = binaryPrecedence(node.operator);
      return `${printOperand(node.left, precedence, false)} ${node.operator} ${printOperand(node.right, precedence, true)}`;
    }
  }
}

/**
 * Operators are left-associative, so a right operand of equal precedence
 * keeps its parentheses: `a - (b - c)` and even `a + (b + c)`, since
 * floating-point addition is not associative.
 */
function printOperand(node: Expression, parentPrecedence: number, isRight: boolean): string {
  const precedence = nodePrecedence(node);
  const text = printNode(node);
  const needsParens = precedence < parentPrecedence || (isRight && precedence === parentPrecedence && node.kind === "binary");
  return needsParens ? `(${text})` : text;
}

/**
 * Numbers in the language's own syntax. Parsed literals are finite and
 * non-negative; the folder can make others, which print as the expression
 * that computes them.
 */
function printNumber(value: number): string {
  if (Number.isNaN(value)) return "sqrt(-1)";
  if (value === Infinity) return "exp(1000)";
  if (value === -Infinity) return "-exp(1000)";
  if (Object.is(value, -0)) return "-0";
  return value < 0 ? `-${String(-value)}` : String(value);
}
