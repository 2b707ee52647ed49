import {
  Alternation,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
  type ILookaheadStrategy,
  type ILookaheadValidationError,
  type IOrAlt,
  type IProduction,
  type IToken,
  type OptionalProductionType,
  type Rule,
  type TokenType,
} from "chevrotain";

/*
 * An LL(1) lookahead for chevrotain, built from each alternative's first
 * tokens. chevrotain's own strategy (LLkLookaheadStrategy) enumerates every
 * token path up to k tokens through an interpreter of the grammar, which is
 * general and, for a grammar that needs one token, most of the time the
 * first invalid expression of a process spends building the parser. Here a
 * decision is one table lookup by the next token's type, and the tables are
 * the first sets of the grammar's productions, computed once per rule.
 *
 * It decides as chevrotain's strategy does with `maxLookahead: 1`: the first
 * alternative (in order) that the next token can start, or that can match
 * nothing, wins; an OPTION or a repetition is entered when the next token can
 * start it. test/expression/chevrotain-lookahead.test.ts holds the two to the
 * same decisions. It is a public chevrotain extension point (the parser's
 * `lookaheadStrategy` option), so it depends on no internal of chevrotain.
 */

/** The token types that can start a production, as `tokenTypeIdx` values, and whether it can match no token at all. */
interface FirstSet {
  readonly tokens: ReadonlySet<number>;
  readonly nullable: boolean;
}

/** The parser as a lookahead function sees it: chevrotain calls it with the parser as `this`. */
interface Lookahead {
  LA(howMuch: number): IToken;
}

const OPTIONAL_PRODUCTIONS: Readonly<Record<OptionalProductionType, abstract new (...args: never[]) => IProduction>> = {
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
};

/** A token type and every type in its category (chevrotain lists those in `categoryMatches`). */
function matchedBy(type: TokenType): number[] {
  const own = type.tokenTypeIdx;
  if (own === undefined) throw new Error(`the token type ${type.name} has no tokenTypeIdx: it is not part of a parser's vocabulary`);
  return [own, ...(type.categoryMatches ?? [])];
}

/** First sets of the grammar's rules and productions; a rule's is computed once. */
class FirstSets {
  private readonly byRule = new Map<Rule, FirstSet>();
  private readonly computing = new Set<Rule>();

  /** The first set of a sequence of productions: each one's, up to the first that cannot match nothing. */
  ofSequence(items: readonly IProduction[]): FirstSet {
    const tokens = new Set<number>();
    for (const item of items) {
      const first = this.of(item);
      for (const token of first.tokens) tokens.add(token);
      if (!first.nullable) return { tokens, nullable: false };
    }
    return { tokens, nullable: true };
  }

  of(production: IProduction): FirstSet {
    if (production instanceof Terminal) return { tokens: new Set(matchedBy(production.terminalType)), nullable: false };
    if (production instanceof NonTerminal) return this.ofRule(production.referencedRule);
    if (production instanceof Alternation) {
      const alternatives = this.ofAlternatives(production);
      return {
        tokens: new Set(alternatives.flatMap((first) => [...first.tokens])),
        nullable: alternatives.some((first) => first.nullable),
      };
    }
    const inside = this.ofSequence(contentOf(production));
    const mandatory = production instanceof RepetitionMandatory || production instanceof RepetitionMandatoryWithSeparator;
    // An Alternative, a Rule, a mandatory repetition: as its content; OPTION, MANY, MANY_SEP: possibly nothing.
    return mandatory || !isOptional(production) ? inside : { tokens: inside.tokens, nullable: true };
  }

  /** The first set of each alternative of an OR, in order. */
  ofAlternatives(alternation: Alternation): FirstSet[] {
    return contentOf(alternation).map((alternative) => this.ofSequence(contentOf(alternative)));
  }

  private ofRule(rule: Rule): FirstSet {
    const known = this.byRule.get(rule);
    if (known !== undefined) return known;
    // chevrotain's grammar checks reject left recursion; with those skipped, this keeps it from looping.
    if (this.computing.has(rule)) throw new Error(`the rule ${rule.name} is left-recursive: an LL(1) parser cannot parse it`);
    this.computing.add(rule);
    try {
      const first = this.ofSequence(rule.definition);
      this.byRule.set(rule, first);
      return first;
    } finally {
      this.computing.delete(rule);
    }
  }
}

/** What a production holds within its rule: nothing for a token or a reference to another rule. */
function contentOf(production: IProduction): readonly IProduction[] {
  if (production instanceof Terminal || production instanceof NonTerminal) return [];
  return (production as { readonly definition?: readonly IProduction[] }).definition ?? [];
}

function isOptional(production: IProduction): boolean {
  return production instanceof Option || production instanceof Repetition || production instanceof RepetitionWithSeparator;
}

/** The productions of `rule` itself (not of the rules it refers to) of one kind with one occurrence index; chevrotain uses the last. */
function findProduction<T extends IProduction>(rule: Rule, kind: abstract new (...args: never[]) => T, occurrence: number): T {
  let found: T | undefined;
  const visit = (production: IProduction): void => {
    if (production instanceof kind && (production as T & { idx?: number }).idx === occurrence) found = production;
    contentOf(production).forEach(visit);
  };
  rule.definition.forEach(visit);
  if (found === undefined) throw new Error(`the rule ${rule.name} has no ${kind.name} with occurrence ${occurrence}`);
  return found;
}

/** For each alternative in order: the alternatives the next token's type selects, the first one winning. */
function choiceTable(alternatives: readonly FirstSet[]): number[] {
  const choice: number[] = [];
  alternatives.forEach((first, index) => {
    for (const token of first.tokens) choice[token] ??= index;
  });
  return choice;
}

/** chevrotain's lookahead, LL(1), from first sets (see the top of this file). */
export class FirstTokenLookahead implements ILookaheadStrategy {
  private firstSets = new FirstSets();

  initialize(): void {
    this.firstSets = new FirstSets();
  }

  /** The grammar's LL(1) conflicts: alternatives of one OR that the same token starts, and optional parts that only match nothing. */
  validate(options: { rules: Rule[] }): ILookaheadValidationError[] {
    const firstSets = new FirstSets();
    const errors: ILookaheadValidationError[] = [];
    const visit = (rule: Rule, production: IProduction): void => {
      if (production instanceof Alternation) errors.push(...alternationConflicts(rule, production, firstSets));
      else if (
        isOptional(production) ||
        production instanceof RepetitionMandatory ||
        production instanceof RepetitionMandatoryWithSeparator
      ) {
        if (firstSets.ofSequence(contentOf(production)).tokens.size === 0)
          errors.push({ ruleName: rule.name, message: `a ${production.constructor.name} in the rule ${rule.name} starts with no token` });
      }
      contentOf(production).forEach((inner) => {
        visit(rule, inner);
      });
    };
    for (const rule of options.rules)
      rule.definition.forEach((production) => {
        visit(rule, production);
      });
    return errors;
  }

  buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (this: Lookahead, orAlts?: IOrAlt<unknown>[]) => number | undefined {
    refuseDynamicTokens(options.dynamicTokensEnabled);
    const alternation = findProduction(options.rule, Alternation, options.prodOccurrence);
    const alternatives = this.firstSets.ofAlternatives(alternation);
    const choice = choiceTable(alternatives);
    const anything = alternatives.findIndex((first) => first.nullable);
    if (options.hasPredicates) {
      return function (this: Lookahead, orAlts?: IOrAlt<unknown>[]): number | undefined {
        const next = this.LA(1).tokenTypeIdx;
        for (let index = 0; index < alternatives.length; index++) {
          const gate = orAlts?.[index]?.GATE;
          // As chevrotain reads a gate: only `false` closes it.
          const open: unknown = gate?.call(this);
          if (open === false) continue;
          const first = alternatives[index];
          if (first !== undefined && (first.nullable || first.tokens.has(next))) return index;
        }
        return undefined;
      };
    }
    if (anything === -1)
      return function (this: Lookahead): number | undefined {
        return choice[this.LA(1).tokenTypeIdx];
      };
    return function (this: Lookahead): number | undefined {
      const chosen = choice[this.LA(1).tokenTypeIdx];
      return chosen !== undefined && chosen < anything ? chosen : anything;
    };
  }

  buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: OptionalProductionType;
    rule: Rule;
    dynamicTokensEnabled: boolean;
  }): (this: Lookahead) => boolean {
    refuseDynamicTokens(options.dynamicTokensEnabled);
    const production = findProduction(options.rule, OPTIONAL_PRODUCTIONS[options.prodType], options.prodOccurrence);
    const first = this.firstSets.ofSequence(contentOf(production));
    if (first.nullable) return () => true;
    const starts: boolean[] = [];
    for (const token of first.tokens) starts[token] = true;
    return function (this: Lookahead): boolean {
      return starts[this.LA(1).tokenTypeIdx] === true;
    };
  }
}

function alternationConflicts(rule: Rule, alternation: Alternation, firstSets: FirstSets): ILookaheadValidationError[] {
  // As the grammar writes it: OR, OR2, OR3...
  const or = `OR${alternation.idx === 0 ? "" : alternation.idx}`;
  const alternatives = firstSets.ofAlternatives(alternation);
  const errors: ILookaheadValidationError[] = [];
  const claimed = new Map<number, number>();
  alternatives.forEach((first, index) => {
    if (first.nullable && index < alternatives.length - 1)
      errors.push({
        ruleName: rule.name,
        message: `alternative ${index + 1} of ${or} in ${rule.name} can match nothing, so the later ones are never taken`,
      });
    for (const token of first.tokens) {
      const earlier = claimed.get(token);
      if (earlier === undefined) claimed.set(token, index);
      else
        errors.push({
          ruleName: rule.name,
          message: `alternatives ${earlier + 1} and ${index + 1} of ${or} in ${rule.name} start with the same token (tokenTypeIdx ${token})`,
        });
    }
  });
  return errors;
}

function refuseDynamicTokens(enabled: boolean): void {
  if (enabled) throw new Error("FirstTokenLookahead builds its tables once: it does not support dynamicTokensEnabled");
}
