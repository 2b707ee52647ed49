import type { BinaryOperator, Expression, UnaryOperator } from "./ast.js";
import { guardTreeWalk } from "./guard.js";
import { planLevels } from "./operator-plan.js";
import { LEVELS, OPERATORS, type Fixity } from "./operators.js";

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

/**
 * {@link printExpression} without its guard, for a caller already inside a
 * guarded walk (the checks' wording runs in checkAndCompile's): it spares
 * the two closures each guarded call makes.
 */
export function printUnguarded(node: Expression): string {
  return printNode(node);
}

/*
 * Built by concatenation, not template literals over mapped and joined
 * arrays: the checks print a tree for every warning that suggests a rewrite,
 * on every compile that gets one, and the arrays were most of the cost.
 */
function printNode(node: Expression): string {
  switch (node.kind) {
    case "number":
      return printNumber(node.value);
    case "retried":
      return "retried";
    case "call":
      return printCallNode(node.name, node.args);
    case "unary": {
      const printing = prefixPrinting(node.operator);
      const operand = printOperand(node.operand, printing, "operand");
      // `- -x`, not `--x`, which reads like a decrement.
      return startsWithSign(operand) ? printing.printed + " " + operand : printing.printed + operand;
    }
    case "binary": {
      const printing = infixPrinting(node.operator);
      return printOperand(node.left, printing, "left") + printing.printed + printOperand(node.right, printing, "right");
    }
  }
}

/**
 * A call node's text. A hand-built tree's `args` may be no array, or have
 * holes: those print as `map` and `join` always printed them (a hole as
 * nothing; anything but an array throws, and the guard blames the tree).
 */
function printCallNode(name: string, args: readonly Expression[]): string {
  if (!Array.isArray(args)) return printCall(name, args.map(printNode));
  let text = name + "(";
  let index = 0;
  // A hole reads as undefined here, and is left out as `map` leaves it.
  for (const arg of args as readonly (Expression | undefined)[]) {
    const printed = arg !== undefined || index in args ? printNode(arg as Expression) : "";
    text += index === 0 ? printed : ", " + printed;
    index++;
  }
  return text + ")";
}

/** A call as the printer writes one, from its name and its arguments' printed text. */
export function printCall(name: string, args: readonly string[]): string {
  let text = name + "(";
  let first = true;
  for (const arg of args) {
    text += first ? arg : ", " + arg;
    first = false;
  }
  return text + ")";
}

/** The texts of the prefix operators: an operand that starts with one is set apart from its own sign. */
const SIGNS: readonly string[] = OPERATORS.filter((row) => "prefix" in row).map((row) => row.text);

function startsWithSign(text: string): boolean {
  for (const sign of SIGNS) if (text.startsWith(sign)) return true;
  return false;
}

/** The precedence of a node as it stands, for deciding whether it needs parentheses. */
function nodePrecedence(node: Expression): number {
  switch (node.kind) {
    case "binary":
      return infixPrinting(node.operator).precedence;
    case "unary":
      return prefixPrinting(node.operator).precedence;
    case "number":
      // A negative or non-finite literal (only constant folding makes those) prints as a sign before a number.
      return Object.is(node.value, -0) || node.value < 0 ? prefixPrinting("-").precedence : ATOM_PRECEDENCE;
    case "retried":
    case "call":
      return ATOM_PRECEDENCE;
  }
}

/**
 * An operand of equal precedence keeps its parentheses unless it stands on
 * the side its operator associates to: for the left-associative operators,
 * `a - (b - c)` and even `a + (b + c)`, since floating-point addition is not
 * associative.
 */
function printOperand(node: Expression, parent: Printing, side: "left" | "right" | "operand"): string {
  const precedence = nodePrecedence(node);
  const text = printNode(node);
  const needsParens =
    precedence < parent.precedence || (precedence === parent.precedence && node.kind === "binary" && side !== parent.fixity);
  return needsParens ? "(" + text + ")" : text;
}

/**
 * Numbers in the language's own syntax. Parsed literals are finite and
 * non-negative; the folder can make others, which print as the expression
 * that computes them.
 */
function printNumber(value: number): string {
  // Every literal the parser makes, first: finite and not negative (and not -0, which `value > 0` leaves out).
  if (typeof value === "number" && value > 0 && value < Infinity) return `${value}`;
  if (Number.isNaN(value)) return "sqrt(-1)";
  if (value === Infinity) return "exp(1000)";
  if (value === -Infinity) return "-exp(1000)";
  if (Object.is(value, -0)) return "-0";
  return value < 0 ? "-" + String(-value) : String(value);
}

/** How the printer writes an accepted operator, and how tightly it binds. */
interface Printing {
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
const ATOM_PRECEDENCE = Math.max(...LEVELS.map((l) => l.precedence)) + 1;

/** An operator a hand-built tree holds that the table does not know: printed spaced, and parenthesized wherever it is an operand. */
const unknown = (printed: string): Printing => ({ precedence: 0, fixity: "left", printed });

/** How an infix operator of the AST prints and binds. */
function infixPrinting(operator: BinaryOperator): Printing {
  return INFIX_PRINTING.get(operator) ?? unknown(` ${operator} `);
}

/** How a prefix operator of the AST prints and binds. */
function prefixPrinting(operator: UnaryOperator): Printing {
  return PREFIX_PRINTING.get(operator) ?? unknown(operator);
}
