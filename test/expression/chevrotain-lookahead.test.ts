import {
  createToken,
  EmbeddedActionsParser,
  EOF,
  LLkLookaheadStrategy,
  type ILookaheadStrategy,
  type IOrAlt,
  type IToken,
  type OptionalProductionType,
  type Rule,
  type TokenType,
} from "chevrotain";
import { describe, expect, it } from "vitest";
import { FirstTokenLookahead } from "../../src/expression/chevrotain-lookahead.js";
import { ExpressionGrammar } from "../../src/expression/grammar.js";
import { vocabulary } from "../../src/expression/tokens.js";

/*
 * FirstTokenLookahead must decide every OR, OPTION and repetition exactly as
 * chevrotain's own LL(k) strategy does with one token of lookahead. Both are
 * asked here for every production of a grammar and every token type that
 * could come next, the grammar's and some test grammars' (token categories,
 * nullable alternatives, gates).
 */

type Decision = number | boolean | undefined;
type Production = { readonly kind: "Alternation" | OptionalProductionType; readonly idx: number; readonly gates: number };

/** The parser as a lookahead function reads it, with `next` as the next token. */
function parserBefore(next: TokenType) {
  const token = { image: "", startOffset: 0, tokenType: next, tokenTypeIdx: next.tokenTypeIdx } as unknown as IToken;
  return {
    LA: () => token,
    LA_FAST: () => token,
    tokenMatcher: (t: IToken, type: TokenType) =>
      t.tokenTypeIdx === type.tokenTypeIdx || (type.isParent === true && type.categoryMatchesMap?.[t.tokenTypeIdx] === true),
  };
}

/** Every lookahead production of a rule, found by walking its grammar. */
function productionsOf(rule: Rule): Production[] {
  const found: Production[] = [];
  const visit = (node: { constructor: { name: string }; idx?: number; definition?: unknown[] }): void => {
    const kind = node.constructor.name;
    if (
      [
        "Alternation",
        "Option",
        "Repetition",
        "RepetitionMandatory",
        "RepetitionMandatoryWithSeparator",
        "RepetitionWithSeparator",
      ].includes(kind)
    )
      found.push({
        kind: kind as Production["kind"],
        idx: node.idx ?? 1,
        gates: kind === "Alternation" ? (node.definition?.length ?? 0) : 0,
      });
    if (kind !== "NonTerminal" && kind !== "Terminal") (node.definition as (typeof node)[] | undefined)?.forEach(visit);
  };
  rule.definition.forEach((node) => {
    visit(node);
  });
  return found;
}

/** What one strategy decides for each production of the grammar and each next token (and, for ORs, each pattern of gates). */
function decisions(
  strategy: ILookaheadStrategy,
  rules: Rule[],
  vocabulary: TokenType[],
  { withGates = false } = {},
): Map<string, Decision> {
  strategy.initialize?.({ rules });
  const out = new Map<string, Decision>();
  for (const rule of rules) {
    for (const production of productionsOf(rule)) {
      const common = { prodOccurrence: production.idx, rule, maxLookahead: 1, dynamicTokensEnabled: false };
      if (production.kind === "Alternation") {
        const gatePatterns = withGates ? 2 ** production.gates : 1;
        const decide = strategy.buildLookaheadForAlternation({ ...common, hasPredicates: withGates });
        for (let pattern = 0; pattern < gatePatterns; pattern++) {
          const alts: IOrAlt<unknown>[] = Array.from({ length: production.gates }, (_, i) =>
            withGates ? { ALT: () => undefined, GATE: () => (pattern & (1 << i)) === 0 } : { ALT: () => undefined },
          );
          for (const next of vocabulary)
            out.set(`${rule.name} OR${production.idx} gates ${pattern} before ${next.name}`, decide.call(parserBefore(next), alts));
        }
      } else {
        const decide = strategy.buildLookaheadForOptional({ ...common, prodType: production.kind });
        for (const next of vocabulary)
          out.set(`${rule.name} ${production.kind}${production.idx} before ${next.name}`, decide.call(parserBefore(next)));
      }
    }
  }
  return out;
}

function expectSameDecisions(rules: Rule[], vocabulary: TokenType[], options?: { withGates: boolean }): void {
  const ours = decisions(new FirstTokenLookahead(), rules, vocabulary, options);
  const stock = decisions(new LLkLookaheadStrategy({ maxLookahead: 1 }), rules, vocabulary, options);
  expect(ours.size).toBeGreaterThan(0);
  expect(ours).toEqual(stock);
}

// Test grammars: categories, alternatives that can match nothing, a repetition with a separator.
const A = createToken({ name: "A", pattern: /a/ });
const Letter = createToken({ name: "Letter", pattern: /NA/ });
const B = createToken({ name: "B", pattern: /b/, categories: [Letter] });
const C = createToken({ name: "C", pattern: /c/, categories: [Letter] });
const Comma = createToken({ name: "Comma", pattern: /,/ });
const TEST_VOCABULARY = [A, Letter, B, C, Comma];

/** chevrotain's grammar DSL, as the test grammars below are written in it. */
interface Dsl {
  rule(name: string, body: () => unknown): unknown;
  or(alts: IOrAlt<unknown>[]): unknown;
  or2(alts: IOrAlt<unknown>[]): unknown;
  consume(type: TokenType): unknown;
  consume2(type: TokenType): unknown;
  option(body: () => unknown): unknown;
  many(body: () => unknown): unknown;
  manySep(body: () => unknown): unknown;
  atLeastOne(body: () => unknown): unknown;
  atLeastOneSep(body: () => unknown): unknown;
  subrule(name: string): unknown;
}

class TestGrammar extends EmbeddedActionsParser {
  constructor(define: (dsl: Dsl) => void, lookaheadStrategy: ILookaheadStrategy = new LLkLookaheadStrategy({ maxLookahead: 1 })) {
    super(TEST_VOCABULARY, { maxLookahead: 1, skipValidations: true, lookaheadStrategy });
    const rules = new Map<string, () => unknown>();
    define({
      rule: (name, body) => rules.set(name, this.RULE(name, body)),
      or: (alts) => this.OR(alts),
      or2: (alts) => this.OR2(alts),
      consume: (type) => this.CONSUME(type),
      consume2: (type) => this.CONSUME2(type),
      option: (body) => this.OPTION(body),
      many: (body) => {
        this.MANY(body);
      },
      manySep: (body) => {
        this.MANY_SEP({ SEP: Comma, DEF: body });
      },
      atLeastOne: (body) => {
        this.AT_LEAST_ONE(body);
      },
      atLeastOneSep: (body) => {
        this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: body });
      },
      // Rules are looked up when the body runs (recording happens after all are defined).
      subrule: (name) => this.SUBRULE(rules.get(name) as never),
    });
    this.performSelfAnalysis();
  }
}

const rulesOf = (parser: { getGAstProductions(): Record<string, Rule> }): Rule[] => Object.values(parser.getGAstProductions());

describe("FirstTokenLookahead", () => {
  it("decides every OR, OPTION and MANY of the expression grammar as chevrotain's LL(1) does, for every next token", () => {
    for (const unsupported of ["report", "omit"] as const) {
      const grammar = new ExpressionGrammar({ unsupported });
      expectSameDecisions(rulesOf(grammar), [...vocabulary({ unsupported: "report" }), EOF]);
    }
  });

  it("decides as chevrotain does with token categories, alternatives that match nothing, separators and gates", () => {
    const grammar = new TestGrammar((p) => {
      p.rule("top", () => {
        p.or([{ ALT: () => p.consume(Letter) }, { ALT: () => p.subrule("maybe") }, { ALT: () => p.consume(A) }]);
        p.many(() => p.consume(B));
        p.manySep(() => p.subrule("letters"));
        // Overlapping alternatives (C is a Letter): the first one wins.
        p.option(() => p.or2([{ ALT: () => p.consume(C) }, { ALT: () => p.consume2(Letter) }, { ALT: () => p.consume2(A) }]));
      });
      p.rule("maybe", () => p.option(() => p.consume(A)));
      p.rule("letters", () => {
        p.atLeastOne(() => p.consume(Letter));
        p.atLeastOneSep(() => p.consume(A));
      });
    });
    expectSameDecisions(rulesOf(grammar), [...TEST_VOCABULARY, EOF]);
    expectSameDecisions(rulesOf(grammar), [...TEST_VOCABULARY, EOF], { withGates: true });
  });

  it("finds the expression grammar free of LL(1) conflicts, and reports the conflicts of one that has them", () => {
    const strategy = new FirstTokenLookahead();
    expect(strategy.validate({ rules: rulesOf(new ExpressionGrammar()) })).toEqual([]);
    const ambiguous = new TestGrammar((p) => {
      p.rule("top", () => {
        p.or([{ ALT: () => p.consume(B) }, { ALT: () => p.consume(Letter) }]);
        p.or2([{ ALT: () => p.subrule("empty") }, { ALT: () => p.consume(A) }]);
      });
      p.rule("empty", () => p.many(() => p.subrule("nothing")));
      p.rule("nothing", () => p.option(() => p.consume(C)));
    }, strategy);
    expect(strategy.validate({ rules: rulesOf(ambiguous) }).map((e) => e.message)).toEqual([
      `alternatives 1 and 2 of OR in top start with the same token (tokenTypeIdx ${B.tokenTypeIdx})`,
      "alternative 1 of OR2 in top can match nothing, so the later ones are never taken",
    ]);
  });

  it("refuses what it cannot decide: left recursion, dynamic token types", () => {
    expect(
      () =>
        new TestGrammar((p) => {
          p.rule("top", () => p.or([{ ALT: () => p.subrule("top") }, { ALT: () => p.consume(A) }]));
        }, new FirstTokenLookahead()),
    ).toThrow("the rule top is left-recursive");
    const rule = rulesOf(new ExpressionGrammar()).find((r) => r.name === "primary") as Rule;
    const options = { prodOccurrence: 0, rule, maxLookahead: 1, hasPredicates: false };
    expect(() => new FirstTokenLookahead().buildLookaheadForAlternation({ ...options, dynamicTokensEnabled: false })).not.toThrow();
    expect(() => new FirstTokenLookahead().buildLookaheadForAlternation({ ...options, dynamicTokensEnabled: true })).toThrow(
      "dynamicTokensEnabled",
    );
  });
});
