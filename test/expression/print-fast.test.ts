import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BinaryOperator, Expression, UnaryOperator } from "../../src/expression/ast.js";
import { planLevels } from "../../src/expression/operator-plan.js";
import { LEVELS, OPERATORS, type Fixity } from "../../src/expression/operators.js";
import { printCall, printExpression, printUnguarded } from "../../src/expression/print.js";
import { arbitraryExpression } from "../support/ast.js";

/*
 * The printer builds its text by concatenation now, where it mapped and
 * joined arrays: the checks print a tree for every warning that suggests a
 * rewrite. The reference below is the printer as it was, cut to its logic;
 * the new one must give its text byte for byte, for parsed trees and for
 * the folded and hand-built ones (negative, -0, NaN and infinite numbers,
 * operators the table does not know, holes in arguments).
 */

interface Printing {
  readonly precedence: number;
  readonly fixity: Fixity;
  readonly printed: string;
}
const INFIX = new Map<string, Printing>();
const PREFIX = new Map<string, Printing>();
for (const planned of planLevels({ unsupported: "omit" }))
  for (const role of planned.accepted)
    (planned.level.fixity === "prefix" ? PREFIX : INFIX).set(role.node.operator, {
      precedence: planned.level.precedence,
      fixity: planned.level.fixity,
      printed: role.printed,
    });
const ATOM = Math.max(...LEVELS.map((l) => l.precedence)) + 1;
const SIGNS = OPERATORS.filter((row) => "prefix" in row).map((row) => row.text);
const infix = (operator: BinaryOperator): Printing => INFIX.get(operator) ?? { precedence: 0, fixity: "left", printed: ` ${operator} ` };
const prefix = (operator: UnaryOperator): Printing => PREFIX.get(operator) ?? { precedence: 0, fixity: "left", printed: operator };

function referencePrint(node: Expression): string {
  switch (node.kind) {
    case "number": {
      const value = node.value;
      if (Number.isNaN(value)) return "sqrt(-1)";
      if (value === Infinity) return "exp(1000)";
      if (value === -Infinity) return "-exp(1000)";
      if (Object.is(value, -0)) return "-0";
      return value < 0 ? `-${String(-value)}` : String(value);
    }
    case "retried":
      return "retried";
    case "call":
      return `${node.name}(${node.args.map(referencePrint).join(", ")})`;
    case "unary": {
      const operand = referenceOperand(node.operand, prefix(node.operator), "operand");
      return `${prefix(node.operator).printed}${SIGNS.some((sign) => operand.startsWith(sign)) ? " " : ""}${operand}`;
    }
    case "binary": {
      const printing = infix(node.operator);
      return `${referenceOperand(node.left, printing, "left")}${printing.printed}${referenceOperand(node.right, printing, "right")}`;
    }
  }
}

function referenceOperand(node: Expression, parent: Printing, side: string): string {
  const precedence =
    node.kind === "binary"
      ? infix(node.operator).precedence
      : node.kind === "unary"
        ? prefix(node.operator).precedence
        : node.kind === "number" && (Object.is(node.value, -0) || node.value < 0)
          ? prefix("-").precedence
          : ATOM;
  const text = referencePrint(node);
  return precedence < parent.precedence || (precedence === parent.precedence && node.kind === "binary" && side !== parent.fixity)
    ? `(${text})`
    : text;
}

const span = { start: 0, end: 0 };
const anyNumber = fc
  .oneof(fc.double(), fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, -1, 1e21, -1e-7, 5e-324, -Number.MAX_VALUE))
  .map((value): Expression => ({ kind: "number", value, span }));
/** Trees as the folder and hand-building make them: any number, any operator text, holes in arguments. */
const handBuilt: fc.Arbitrary<Expression> = fc.letrec<{ node: Expression }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 5, depthIdentifier: "hand" },
    anyNumber,
    fc.constant<Expression>({ kind: "retried", span }),
    fc
      .record({ operator: fc.constantFrom("-", "+", "!", "~", "--"), operand: tie("node") })
      .map(({ operator, operand }): Expression => ({ kind: "unary", operator: operator as UnaryOperator, operand, span })),
    fc
      .record({ operator: fc.constantFrom("+", "-", "*", "/", "%", "^", "**", "<"), left: tie("node"), right: tie("node") })
      .map(({ operator, left, right }): Expression => ({ kind: "binary", operator: operator as BinaryOperator, left, right, span })),
    fc
      .record({ name: fc.constantFrom("min", "pow", "f", "exp"), args: fc.array(tie("node"), { maxLength: 3 }), hole: fc.nat(3) })
      .map(({ name, args, hole }): Expression => {
        const withHole = [...args];
        if (hole < withHole.length) Reflect.deleteProperty(withHole, hole);
        return { kind: "call", name, nameSpan: span, args: withHole, span };
      }),
  ),
})).node;

describe("the printer against its former self", () => {
  it("prints generated trees byte for byte as before", () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryExpression, handBuilt), (tree) => {
        const expected = referencePrint(tree);
        expect(printExpression(tree)).toBe(expected);
        expect(printUnguarded(tree)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("prints calls' argument lists as a join would", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 4 }), (name, args) => {
        expect(printCall(name, args)).toBe(`${name}(${args.join(", ")})`);
      }),
    );
  });

  it("prints each number the parser makes as JavaScript's shortest round trip", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(printExpression({ kind: "number", value, span })).toBe(Object.is(value, -0) ? "-0" : String(value));
      }),
    );
  });
});
