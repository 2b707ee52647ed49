import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { retryDelayEbnf } from "../../grammar/ebnf.js";
import { BUILTINS } from "../../src/expression/builtins.js";
import { ExpressionGrammar } from "../../src/expression/grammar.js";
import { lex } from "../../src/expression/chevrotain-lex.js";
import { OPERATORS, type OperatorRow } from "../../src/expression/operators.js";
import { RParen } from "../../src/expression/tokens.js";

const root = new URL("../..", import.meta.url);
const refused = (OPERATORS as readonly OperatorRow[]).filter((row) => row.infix !== undefined && "unsupported" in row.infix);
const accepted = (OPERATORS as readonly OperatorRow[]).filter((row) => !refused.includes(row));

/** Every terminal label and rule name in chevrotain's serialized grammar. */
function namesIn(node: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const child of node) namesIn(child, into);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "name" || key === "label") && typeof value === "string") into.add(value);
      else namesIn(value, into);
    }
  }
  return into;
}

describe("grammar/retry-delay.ebnf", () => {
  it("is what the operator and builtin tables give (regenerate with `npm run diagrams`)", () => {
    expect(readFileSync(new URL("grammar/retry-delay.ebnf", root), "utf8")).toBe(retryDelayEbnf());
  });

  it("lists every builtin with its arity, and every accepted operator", () => {
    const ebnf = retryDelayEbnf();
    for (const builtin of BUILTINS) expect(ebnf).toMatch(new RegExp(`^function${builtin.arity} .*"${builtin.name}"`, "m"));
    const productions = ebnf.slice(0, ebnf.indexOf("(* Recognised only"));
    for (const row of accepted) expect(productions).toContain(`"${row.text}"`);
    for (const row of refused) expect(productions).not.toContain(`"${row.text}"`);
  });
});

describe("the syntax diagrams' grammar", () => {
  const names = namesIn(new ExpressionGrammar({ unsupported: "omit" }).getSerializedGastProductions());

  it("shows no operator the parser refuses", () => {
    for (const row of refused) {
      expect(names).not.toContain(row.token);
      expect([...names].filter((name) => name.includes(`\`${row.text}\``))).toEqual([]);
    }
    expect(names).not.toContain("power");
  });

  it("shows every accepted operator in a level's label", () => {
    for (const row of accepted) expect([...names].some((name) => name.includes(`\`${row.text}\``))).toBe(true);
  });
});

describe("the chevrotain parser's syntax errors", () => {
  it("come from the exception objects, with readable messages that are never parsed back", () => {
    const grammar = new ExpressionGrammar();
    grammar.prepare(lex("(1 2").tokens);
    grammar.expression();
    expect(grammar.errors[0]?.message).toBe("expected `)`");
    expect(grammar.errorFacts.expected).toBe(RParen);
    expect(grammar.errors[0]?.context.ruleStack.at(-1)).toBe("parenthesized");
    grammar.prepare(lex("1 +").tokens);
    grammar.expression();
    expect(grammar.errorFacts.expected).toBeUndefined();
    expect(grammar.errors[0]?.message).toBe("expected an operand");
  });
});
