import { EarlyExitException, NoViableAltException, type IToken, type ParserMethod } from "chevrotain";
import { binaryNode, parenthesized, unaryNode, type Expression } from "./ast.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { LeanEmbeddedActionsParser } from "./chevrotain-engine.js";
import { FirstTokenLookahead } from "./chevrotain-lookahead.js";
import { tokenSpan } from "./chevrotain-lex.js";
import { numberValue } from "./token-patterns.js";
import { resolvedName } from "./names.js";
import { planLevels, type PlannedLevel } from "./operator-plan.js";
import type { Unsupported } from "./operators.js";
import { refuseOperator } from "./refused-operators.js";
import { SyntaxErrorRecorder } from "./syntax-errors.js";
import { Comma, Identifier, levelCategory, LParen, NumberToken, operatorRow, RParen, vocabulary } from "./tokens.js";

type Rule = ParserMethod<[], Expression>;

/** Which grammar to build: the language's own (`omit`, for the diagrams), or that plus the refused operators, parsed to be reported (`report`). */
export interface GrammarOptions {
  readonly unsupported: "omit" | "report";
}

/**
 * The grammar, as a chevrotain parser whose embedded actions build the AST
 * directly. Its level rules are built from the operator table, one rule per
 * level, named as in `grammar/retry-delay.ebnf` (which is generated from the
 * same table).
 *
 * Names are resolved as the tree is built, so every unknown name and bad
 * operator in one input is reported in one pass; only a syntax error stops
 * the parse, since the grammar cannot say what was meant after it.
 */
export class ExpressionGrammar extends LeanEmbeddedActionsParser {
  /** Problems found while building the tree (names, operators); reset per parse. */
  problems: ExpressionDiagnostic[] = [];
  /** Offsets of the `(` not yet closed, innermost last; tells an unclosed paren where it opened. */
  openParens: number[] = [];
  /** What chevrotain's error hooks were told about the last syntax error. */
  readonly errorFacts: SyntaxErrorRecorder;
  readonly expression: Rule;
  private readonly levels: Rule[] = [];
  private readonly primary: Rule;
  private readonly nameOrCall: Rule;
  private readonly parenthesized: Rule;

  constructor(options: GrammarOptions = { unsupported: "report" }) {
    const recorder = new SyntaxErrorRecorder();
    super(vocabulary(options), {
      maxLookahead: 1,
      lookaheadStrategy: new FirstTokenLookahead(),
      recoveryEnabled: false,
      skipValidations: true,
      errorMessageProvider: recorder,
    });
    this.errorFacts = recorder;
    const plan = planLevels(options);
    // In the order the diagrams show them: loosest first.
    this.expression = this.RULE("expression", () => this.SUBRULE(this.levelRule(0)));
    plan.forEach((planned, index) => this.levels.push(this.defineLevel(planned, index)));
    this.primary = this.definePrimary();
    this.nameOrCall = this.defineNameOrCall();
    this.parenthesized = this.defineParenthesized();
    this.performSelfAnalysis();
  }

  /** Prepares the shared instance for one parse. */
  prepare(tokens: IToken[]): void {
    this.input = tokens;
    this.problems = [];
    this.openParens = [];
    this.errorFacts.reset();
  }

  /*
   * Chevrotain's own versions of these two work out every token sequence
   * each alternative could have started with, for an error message, by
   * walking the grammar: most of the error path's time, spent on every
   * syntax error. Our message provider words these errors without that list
   * ("expected an operand"), so they throw the same exceptions without it.
   */
  raiseNoAltException(): never {
    throw this.saveError(new NoViableAltException(this.errorFacts.buildNoViableAltMessage(), this.LA(1), this.LA(0)));
  }

  raiseEarlyExitException(): never {
    throw this.saveError(new EarlyExitException(this.errorFacts.buildEarlyExitMessage(), this.LA(1), this.LA(0)));
  }

  /** The rule of plan level `index`; past the tightest level, `primary`. */
  private levelRule(index: number): Rule {
    return this.levels[index] ?? this.primary;
  }

  private defineLevel(planned: PlannedLevel, index: number): Rule {
    const { rule, fixity } = planned.level;
    const operators = levelCategory(rule);
    const next = (): Rule => this.levelRule(index + 1);
    if (fixity === "prefix") {
      // unary = sign , unary | next ;
      return this.RULE(rule, () =>
        this.OR([
          {
            ALT: () => {
              const sign = this.CONSUME(operators);
              const operand = this.SUBRULE(this.levelRule(index));
              return this.ACTION(() => this.prefixNode(sign, operand));
            },
          },
          { ALT: () => this.SUBRULE(next()) },
        ]),
      );
    }
    if (fixity === "right") {
      // power = next , [ operator , operand ] ;   (operand: see planLevels)
      return this.RULE(rule, () => {
        let result = this.SUBRULE(next());
        this.OPTION(() => {
          const operator = this.CONSUME(operators);
          const right = this.SUBRULE2(this.levelRule(planned.rightOperand));
          const left = result;
          result = this.ACTION(() => this.infixNode(operator, left, right));
        });
        return result;
      });
    }
    // additive = next , { operator , next } ;
    return this.RULE(rule, () => {
      let left = this.SUBRULE(next());
      this.MANY(() => {
        const operator = this.CONSUME(operators);
        const right = this.SUBRULE2(next());
        left = this.ACTION(() => this.infixNode(operator, left, right));
      });
      return left;
    });
  }

  // primary = number | nameOrCall | parenthesized ;
  private definePrimary(): Rule {
    return this.RULE("primary", () =>
      this.OR([
        {
          ALT: () => {
            const token = this.CONSUME(NumberToken);
            return this.ACTION(() => ({ kind: "number" as const, value: numberValue(token.image), span: tokenSpan(token) }));
          },
        },
        { ALT: () => this.SUBRULE(this.nameOrCall) },
        { ALT: () => this.SUBRULE(this.parenthesized) },
      ]),
    );
  }

  // nameOrCall = name , [ "(" , [ arguments ] , ")" ] ;   arguments = expression , { "," , expression } ;
  private defineNameOrCall(): Rule {
    return this.RULE("nameOrCall", () => {
      const name = this.CONSUME(Identifier);
      let call: { args: Expression[]; close: IToken } | undefined;
      this.OPTION(() => {
        const open = this.CONSUME(LParen);
        this.ACTION(() => this.openParens.push(open.startOffset));
        const args: Expression[] = [];
        this.OPTION2(() => {
          args.push(this.SUBRULE(this.levelRule(0)));
          this.MANY(() => {
            this.CONSUME(Comma);
            args.push(this.SUBRULE2(this.levelRule(0)));
          });
        });
        const close = this.CONSUME(RParen);
        this.ACTION(() => this.openParens.pop());
        call = { args, close };
      });
      return this.ACTION(() => this.resolveName(name, call));
    });
  }

  // parenthesized = "(" , expression , ")" ;
  private defineParenthesized(): Rule {
    return this.RULE("parenthesized", () => {
      const open = this.CONSUME(LParen);
      this.ACTION(() => this.openParens.push(open.startOffset));
      const inner = this.SUBRULE(this.levelRule(0));
      const close = this.CONSUME(RParen);
      return this.ACTION(() => {
        this.openParens.pop();
        return parenthesized(inner, open.startOffset, close.startOffset);
      });
    });
  }

  private resolveName(name: IToken, call: { args: Expression[]; close: IToken } | undefined): Expression {
    const resolved = call === undefined ? undefined : { args: call.args, closeStart: call.close.startOffset };
    return resolvedName(name.image, tokenSpan(name), resolved, this.problems);
  }

  private prefixNode(sign: IToken, operand: Expression): Expression {
    const role = operatorRow(sign.tokenType)?.prefix;
    if (role === undefined) throw new Error(`the token ${sign.tokenType.name} has no prefix role`);
    return unaryNode(role.operator, sign.startOffset, operand);
  }

  private infixNode(operator: IToken, left: Expression, right: Expression): Expression {
    const role = operatorRow(operator.tokenType)?.infix;
    if (role === undefined) throw new Error(`the token ${operator.tokenType.name} has no infix role`);
    return "unsupported" in role ? this.refuse(role.unsupported, operator, left, right) : binaryNode(role.operator, left, right);
  }

  /** Reports an operator the language does not have, with the fix written out, and stands something in for it. */
  private refuse(unsupported: Unsupported, operator: IToken, left: Expression, right: Expression): Expression {
    const refused = refuseOperator(unsupported, tokenSpan(operator), left, right);
    this.problems.push(refused.problem);
    return refused.standIn;
  }
}
