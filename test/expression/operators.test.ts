import { describe, expect, expectTypeOf, it } from "vitest";
import {
  BUILTINS,
  lookupBuiltin,
  parse,
  printExpression,
  type BinaryOperator,
  type Expression,
  type UnaryOperator,
} from "../../src/index.js";
import { parseFast } from "../../src/expression/fast-parse.js";
import { parseWithChevrotain } from "../../src/expression/chevrotain-parse.js";
import {
  LEVELS,
  OPERATORS,
  PUNCTUATION,
  type InfixOperator,
  type OperatorRow,
  type PrefixOperator,
} from "../../src/expression/operators.js";
import { planLevels } from "../../src/expression/operator-plan.js";
import { withoutSpans } from "../support/ast.js";

/*
 * The operator table against both parsers and the printer: every fact below
 * is read from the table, so a new row is tested without a new case here.
 */

const rows = OPERATORS as readonly OperatorRow[];
const plan = planLevels({ unsupported: "omit" });
const precedence = new Map(LEVELS.map((level) => [level.rule, level.precedence]));
const infix = rows.flatMap((row) =>
  row.infix !== undefined && "operator" in row.infix ? [{ row, operator: row.infix.operator, level: row.infix.level }] : [],
);
const refused = rows.flatMap((row) =>
  row.infix !== undefined && "unsupported" in row.infix ? [{ row, unsupported: row.infix.unsupported }] : [],
);
const fixityOf = (rule: string): string | undefined => LEVELS.find((level) => level.rule === rule)?.fixity;

/** Both parsers' trees for one source, which must agree. */
function parseBoth(source: string): Expression | undefined {
  const full = parseWithChevrotain(source);
  const fast = parseFast(source);
  expect(fast, source).toEqual(full.ok ? full.value : undefined);
  return fast;
}

describe("the operator table", () => {
  it("is the AST's operator vocabulary, exactly", () => {
    expectTypeOf<InfixOperator>().toEqualTypeOf<BinaryOperator>();
    expectTypeOf<PrefixOperator>().toEqualTypeOf<UnaryOperator>();
  });

  it("names each token and text once, and only known levels", () => {
    const tokens = [...rows.map((r) => r.token), ...Object.values(PUNCTUATION).map((p) => p.token)];
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    for (const row of rows)
      for (const role of [row.infix, row.prefix]) if (role !== undefined) expect(precedence.has(role.level), row.text).toBe(true);
    expect(new Set(LEVELS.map((l) => l.precedence)).size).toBe(LEVELS.length);
  });

  it("gives a right-associative level a looser prefix level as its right operand", () => {
    const full = planLevels({ unsupported: "report" });
    for (const [index, planned] of full.entries()) {
      if (planned.level.fixity !== "right") continue;
      const looserPrefix = full.slice(0, index).some((p) => p.level.fixity === "prefix");
      if (!looserPrefix) expect(planned.rightOperand).toBe(index);
      else expect(full[planned.rightOperand]?.level.fixity).toBe("prefix");
      expect(planned.rightOperand).toBeLessThanOrEqual(index);
    }
  });
});

describe("both parsers group by the table's precedence and associativity", () => {
  it.each(infix.flatMap((a) => infix.map((b) => [a.row.text, b.row.text] as const)))("1 %s 2 %s 3", (a, b) => {
    const first = infix.find((o) => o.row.text === a);
    const second = infix.find((o) => o.row.text === b);
    if (first === undefined || second === undefined) throw new Error("no such operator");
    const pa = precedence.get(first.level) ?? 0;
    const pb = precedence.get(second.level) ?? 0;
    const leftFirst = pa > pb || (pa === pb && fixityOf(first.level) === "left");
    const tree = parseBoth(`1 ${a} 2 ${b} 3`);
    const n = (value: number): unknown => ({ kind: "number", value });
    const expected = leftFirst
      ? {
          kind: "binary",
          operator: second.operator,
          left: { kind: "binary", operator: first.operator, left: n(1), right: n(2) },
          right: n(3),
        }
      : {
          kind: "binary",
          operator: first.operator,
          left: n(1),
          right: { kind: "binary", operator: second.operator, left: n(2), right: n(3) },
        };
    expect(tree && withoutSpans(tree)).toEqual(expected);
  });

  it("binds every sign tighter than every looser infix operator, and prints it back", () => {
    for (const sign of rows.filter((r) => r.prefix !== undefined)) {
      for (const op of infix) {
        const tree = parseBoth(`${sign.text}1 ${op.row.text} 2`);
        const signFirst = (precedence.get(sign.prefix?.level ?? "unary") ?? 0) > (precedence.get(op.level) ?? 0);
        expect(tree?.kind).toBe(signFirst ? "binary" : "unary");
        if (tree !== undefined) expect(parse(printExpression(tree)).ok).toBe(true);
      }
    }
  });

  it("prints each accepted operator in its printed form", () => {
    for (const level of plan) {
      for (const role of level.accepted) {
        const source = role.node.kind === "binary" ? `1${role.printed}retried` : `${role.printed}retried`;
        const tree = parseBoth(source);
        expect(tree && printExpression(tree)).toBe(source);
      }
    }
  });
});

describe("refused operators", () => {
  it.each(refused.map((r) => [r.row.text, r] as const))(
    "`%s` is declined by the fast path and reported with its rewrite",
    (text, { unsupported }) => {
      const source = `retried ${text} 2`;
      expect(parseFast(source)).toBeUndefined();
      const result = parse(source);
      expect(result.ok).toBe(false);
      const diagnostic = result.diagnostics[0];
      expect(diagnostic).toMatchObject({ code: "unsupported-operator", message: unsupported.message });
      expect(diagnostic?.hint?.startsWith(unsupported.hint)).toBe(true);
      // The hint's rewrite is a valid expression.
      const rewrite = /`([^`]+)`$/.exec(diagnostic?.hint ?? "")?.[1] ?? "";
      expect(parse(rewrite).ok, rewrite).toBe(true);
      expect(diagnostic?.span).toEqual(
        unsupported.points === "operator" ? { start: 8, end: 8 + text.length } : { start: 0, end: source.length },
      );
    },
  );
});

describe("call nodes", () => {
  it.each(["pow(2, retried)", "max(1000, retried)", "floor(retried / 2)", "(round(retried))"])(
    "record the builtin table entry they resolved to, on both paths: %s",
    (source) => {
      const tree = parseBoth(source);
      expect(tree?.kind).toBe("call");
      if (tree?.kind === "call") expect(tree.builtin).toBe(lookupBuiltin(tree.name));
    },
  );

  it.each(BUILTINS.map((builtin) => [builtin.name, builtin] as const))("resolve the builtin %s", (name, builtin) => {
    const tree = parseBoth(`${name}(${Array.from({ length: builtin.arity }, () => "retried").join(", ")})`);
    expect(tree?.kind === "call" && tree.builtin).toBe(builtin);
  });
});
