import { EmbeddedActionsParser } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REPLACED_ENGINE_METHODS, USED_ENGINE_METHODS } from "../../src/expression/chevrotain-engine.js";
import { lex } from "../../src/expression/chevrotain-lex.js";
import { ExpressionGrammar } from "../../src/expression/grammar.js";

const stockEngine = EmbeddedActionsParser.prototype as unknown as Record<string, unknown>;

/** The grammar on chevrotain's engine as it ships: the replaced methods put back. */
class StockGrammar extends ExpressionGrammar {}
for (const name of REPLACED_ENGINE_METHODS) (StockGrammar.prototype as unknown as Record<string, unknown>)[name] = stockEngine[name];

const lean = new ExpressionGrammar();
const stock = new StockGrammar();

/** Everything a parse leaves: the tree, the grammar's problems, and each syntax error as the diagnostics read it. */
function run(grammar: ExpressionGrammar, source: string) {
  grammar.prepare(lex(source).tokens);
  const tree = grammar.expression();
  const result = {
    // In an array, so that a parse that stopped at its first rule (no tree) reads as null.
    tree: JSON.parse(JSON.stringify([tree])) as unknown,
    problems: grammar.problems,
    openParens: [...grammar.openParens],
    expected: grammar.errorFacts.expected?.name,
    errors: grammar.errors.map((e) => ({
      name: e.name,
      message: e.message,
      token: e.token.image,
      offset: e.token.startOffset,
      ruleStack: e.context.ruleStack,
      ruleOccurrenceStack: e.context.ruleOccurrenceStack,
    })),
  };
  grammar.prepare([]);
  return result;
}

const PIECES = ["1", "2.5", "retried", "pow", "max", "min", "foo", "(", ")", ",", "+", "-", "*", "/", "^", "**", "%", " "];
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(" "));

describe("the parser engine's replaced methods", () => {
  it("stand in for methods chevrotain's engine has, and call only methods it has", () => {
    for (const name of [...REPLACED_ENGINE_METHODS, ...USED_ENGINE_METHODS]) expect(typeof stockEngine[name], name).toBe("function");
  });

  it("leave no recording-phase method on the parser after its self-analysis", () => {
    const own = lean as unknown as Record<string, unknown>;
    for (const name of ["CONSUME", "SUBRULE2", "OPTION", "OR", "MANY", "ACTION", "LA"]) expect(own[name]).toBe(stockEngine[name]);
  });

  it.each([
    "pow(2, retried * 1000",
    "1000 * ",
    "(1 + (2 * 3) 4",
    "max(1, )",
    "1) + (2",
    "",
    "2 ^ 3 ** 4 % 5",
    "pow(2, retried) * 1000",
    "-(-retried)",
    "foo(1, 2",
  ])("parse %j as chevrotain's own engine does", (source) => {
    expect(run(lean, source)).toEqual(run(stock, source));
  });

  it("parse any token soup as chevrotain's own engine does", () => {
    fc.assert(
      fc.property(soup, (source) => {
        expect(run(lean, source)).toEqual(run(stock, source));
      }),
      { numRuns: 2000 },
    );
  });
});
