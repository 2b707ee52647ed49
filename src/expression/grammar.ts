import { EmbeddedActionsParser, type IToken } from "chevrotain";
import type { Span } from "../diagnostics/diagnostic.js";
import type { BinaryOperator, Expression, UnaryOperator } from "./ast.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { tokenSpan } from "./lexer.js";
import { numberValue } from "./lexical.js";
import { resolveCall, resolveVariable } from "./names.js";
import { printExpression } from "./print.js";
import { syntaxErrorMessages } from "./syntax-errors.js";
import {
  AdditiveOperator,
  ALL_TOKENS,
  Comma,
  Identifier,
  LParen,
  MultiplicativeOperator,
  NumberToken,
  Percent,
  PowerOperator,
  RParen,
} from "./tokens.js";

/**
 * The grammar, as a chevrotain parser whose embedded actions build the AST
 * directly. Each rule carries its EBNF line (see `grammar/retry-delay.ebnf`).
 *
 * Names are resolved as the tree is built, so every unknown name and bad
 * operator in one input is reported in one pass; only a syntax error stops
 * the parse, since the grammar cannot say what was meant after it.
 */
export class ExpressionGrammar extends EmbeddedActionsParser {
  /** Problems found while building the tree (names, operators); reset per parse. */
  problems: ExpressionDiagnostic[] = [];
  /** Offsets of the `(` not yet closed, innermost last; tells an unclosed paren where it opened. */
  openParens: number[] = [];

  constructor() {
    super([...ALL_TOKENS], {
      maxLookahead: 1,
      recoveryEnabled: false,
      skipValidations: true,
      errorMessageProvider: syntaxErrorMessages,
    });
    this.performSelfAnalysis();
  }

  /** Prepares the shared instance for one parse. */
  prepare(tokens: IToken[]): void {
    this.input = tokens;
    this.problems = [];
    this.openParens = [];
  }

  // expression = additive ;
  readonly expression = this.RULE("expression", (): Expression => this.SUBRULE(this.additive));

  // additive = multiplicative , { ( "+" | "-" ) , multiplicative } ;
  readonly additive = this.RULE("additive", (): Expression => {
    let left = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const operator = this.CONSUME(AdditiveOperator);
      const right = this.SUBRULE2(this.multiplicative);
      left = this.ACTION(() => binary(operator.image as BinaryOperator, left, right));
    });
    return left;
  });

  // multiplicative = unary , { ( "*" | "/" ) , unary } ;
  readonly multiplicative = this.RULE("multiplicative", (): Expression => {
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const operator = this.CONSUME(MultiplicativeOperator);
      const right = this.SUBRULE2(this.unary);
      left = this.ACTION(() => {
        if (operator.tokenType !== Percent) return binary(operator.image as BinaryOperator, left, right);
        this.problems.push({
          code: "unsupported-operator",
          severity: "error",
          message: "the language has no remainder operator `%`",
          span: tokenSpan(operator),
          hint: `compute it with floor: \`${printExpression(remainderOf(left, right))}\``,
        });
        return binary("*", left, right);
      });
    });
    return left;
  });

  // unary = ( "+" | "-" ) , unary | power ;
  readonly unary = this.RULE("unary", (): Expression =>
    this.OR([
      {
        ALT: () => {
          const sign = this.CONSUME(AdditiveOperator);
          const operand = this.SUBRULE(this.unary);
          return this.ACTION(() => ({
            kind: "unary" as const,
            operator: sign.image as UnaryOperator,
            operand,
            span: { start: sign.startOffset, end: operand.span.end },
          }));
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]),
  );

  // power = primary , [ ( "^" | "**" ) , unary ] ;   (only to report `^` and `**` well)
  readonly power = this.RULE("power", (): Expression => {
    const base = this.SUBRULE(this.primary);
    let result = base;
    this.OPTION(() => {
      const operator = this.CONSUME(PowerOperator);
      const exponent = this.SUBRULE(this.unary);
      result = this.ACTION(() => {
        const call: Expression = { kind: "call", name: "pow", nameSpan: tokenSpan(operator), args: [base, exponent], span: spanOf(base, exponent) };
        this.problems.push({
          code: "unsupported-operator",
          severity: "error",
          message: `the language has no power operator \`${operator.image}\``,
          span: call.span,
          hint: `write \`${printExpression(call)}\``,
        });
        return call;
      });
    });
    return result;
  });

  // primary = number | name , [ "(" , [ arguments ] , ")" ] | "(" , additive , ")" ;
  readonly primary = this.RULE("primary", (): Expression =>
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

  readonly nameOrCall = this.RULE("nameOrCall", (): Expression => {
    const name = this.CONSUME(Identifier);
    let call: { args: Expression[]; close: IToken } | undefined;
    this.OPTION(() => {
      const open = this.CONSUME(LParen);
      this.ACTION(() => this.openParens.push(open.startOffset));
      const args: Expression[] = [];
      this.OPTION2(() => {
        // arguments = additive , { "," , additive } ;
        args.push(this.SUBRULE(this.additive));
        this.MANY(() => {
          this.CONSUME(Comma);
          args.push(this.SUBRULE2(this.additive));
        });
      });
      const close = this.CONSUME(RParen);
      this.ACTION(() => this.openParens.pop());
      call = { args, close };
    });
    return this.ACTION((): Expression => {
      const nameSpan = tokenSpan(name);
      if (call === undefined) {
        const problem = resolveVariable(name.image, nameSpan);
        if (problem !== undefined) this.problems.push(problem);
        // Stand-in so that parsing can continue; a parse with problems never returns its tree.
        return problem === undefined ? { kind: "retried", span: nameSpan } : { kind: "number", value: Number.NaN, span: nameSpan };
      }
      const span = { start: nameSpan.start, end: call.close.startOffset + 1 };
      const problem = resolveCall(name.image, nameSpan, call.args, span);
      if (problem !== undefined) this.problems.push(problem);
      return { kind: "call", name: name.image, nameSpan, args: call.args, span };
    });
  });

  readonly parenthesized = this.RULE("parenthesized", (): Expression => {
    const open = this.CONSUME(LParen);
    this.ACTION(() => this.openParens.push(open.startOffset));
    const inner = this.SUBRULE(this.additive);
    const close = this.CONSUME(RParen);
    return this.ACTION(() => {
      this.openParens.pop();
      // Parentheses leave no node, but the enclosed node's span grows to cover them.
      return { ...inner, span: { start: open.startOffset, end: close.startOffset + 1 } };
    });
  });
}

function binary(operator: BinaryOperator, left: Expression, right: Expression): Expression {
  return { kind: "binary", operator, left, right, span: spanOf(left, right) };
}

function spanOf(first: Expression, last: Expression): Span {
  return { start: first.span.start, end: last.span.end };
}

/** `x - floor(x / y) * y`: what `x % y` means for the non-negative numbers of a delay. */
function remainderOf(x: Expression, y: Expression): Expression {
  const span = spanOf(x, y);
  const quotient: Expression = { kind: "call", name: "floor", nameSpan: span, args: [binary("/", x, y)], span };
  return binary("-", x, binary("*", quotient, y));
}
