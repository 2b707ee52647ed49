import type { BinaryOperator, UnaryOperator } from "./ast.js";
import { LEVELS, OPERATORS, type Level, type OperatorRow, type TableLevel, type Unsupported } from "./operators.js";

/*
 * The grammar's levels as the parsers, the printer, the EBNF and the
 * diagrams use them, planned from the operator table (operators.ts).
 */

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
