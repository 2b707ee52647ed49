import type { Result } from "../diagnostics/diagnostic.js";
import { binaryNode, parenthesized, unaryNode, type Expression } from "./ast.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { capErrors } from "./error-limit.js";
import { readToken, skipWhitespace, tokenRecord, type ScannedToken } from "./fast-scan.js";
import { resolvedName } from "./names.js";
import { planLevels, type PlannedLevel } from "./operator-plan.js";
import { PUNCTUATION, type TokenKind, type Unsupported } from "./operators.js";
import { refuseOperator } from "./refused-operators.js";
import { checkSize } from "./size.js";
import { numberValue } from "./token-patterns.js";

/*
 * The chevrotain parser's answer for a sentence that is well formed but for
 * a refused operator (`2 ^ retried`, `x % 2`): the same grammar, read the
 * same way (one rule per level of the table, refused operators included,
 * names resolved as each name's rule ends, in the grammar's order), without
 * chevrotain's per-rule machinery. Anything else it does not answer: a
 * syntax error, a character or number the scanner refuses, or a source the
 * size limits stop. A property test holds it to chevrotain's diagnostics
 * (test/expression/refused-parse.test.ts).
 */

const OPEN: TokenKind = PUNCTUATION.open.token;
const CLOSE: TokenKind = PUNCTUATION.close.token;
const COMMA: TokenKind = PUNCTUATION.comma.token;

/** What an operator token does at one level. */
type Role =
  | { readonly kind: "binary"; readonly operator: Extract<PlannedLevel["accepted"][number]["node"], { kind: "binary" }>["operator"] }
  | { readonly kind: "unary"; readonly operator: Extract<PlannedLevel["accepted"][number]["node"], { kind: "unary" }>["operator"] }
  | { readonly kind: "refused"; readonly unsupported: Unsupported };

/** One level of the reporting grammar: its fixity, its operators by token kind, and a right-associative level's operand. */
interface ReadLevel {
  readonly fixity: PlannedLevel["level"]["fixity"];
  readonly roles: ReadonlyMap<TokenKind, Role>;
  readonly rightOperand: number;
}

const LEVELS: readonly ReadLevel[] = planLevels({ unsupported: "report" }).map((planned) => ({
  fixity: planned.level.fixity,
  roles: new Map<TokenKind, Role>([
    ...planned.accepted.map((role): [TokenKind, Role] => [role.row.token as TokenKind, role.node]),
    ...planned.refused.map((role): [TokenKind, Role] => [role.row.token as TokenKind, { kind: "refused", unsupported: role.unsupported }]),
  ]),
  rightOperand: planned.rightOperand,
}));

/** The texts of the refused operators: a source with none of them is not this parser's. */
const REFUSED_TEXTS: readonly string[] = planLevels({ unsupported: "report" }).flatMap((planned) =>
  planned.refused.map((role) => role.row.text),
);

/** The tokens an expression can start with: an operand's, and the signs'. */
const STARTS_EXPRESSION = new Set<TokenKind>([
  "Number",
  "Identifier",
  OPEN,
  ...LEVELS.flatMap((level) => (level.fixity === "prefix" ? [...level.roles.keys()] : [])),
]);

/**
 * The full parser's diagnostics for a source with a refused operator (and
 * any name problems), or undefined when the full parser must answer.
 */
export function parseReportingRefused(source: string): Result<Expression, ExpressionCode> | undefined {
  if (!REFUSED_TEXTS.some((text) => source.includes(text))) return undefined;
  const tokens = scanWithRefused(source);
  if (tokens === undefined || checkSize(tokens, source.length) !== undefined) return undefined;
  const parser = new ReportingParser(tokens);
  const tree = parser.level(0);
  if (tree === undefined || !parser.atEnd() || parser.problems.length === 0) return undefined;
  // A stable sort, as the full parser's.
  return { ok: false, diagnostics: capErrors(parser.problems.sort((a, b) => a.span.start - b.span.start)) };
}

/** Every token, refused operators included, or undefined where a character or number is refused. */
function scanWithRefused(source: string): ScannedToken[] | undefined {
  const tokens: ScannedToken[] = [];
  const token = tokenRecord();
  for (let i = skipWhitespace(source, 0); i < source.length; i = skipWhitespace(source, token.end)) {
    // A refused operator is read with its row; anything else that is not read stops this parser.
    if (!readToken(source, i, token) && token.fixed === undefined) return undefined;
    const { kind, end, fixed } = token;
    tokens.push({ kind, image: source.slice(i, end), startOffset: i, value: undefined, fixed });
  }
  return tokens;
}

/** The grammar of grammar.ts, rule for rule, over scanned tokens; undefined wherever it would raise a syntax error. */
class ReportingParser {
  readonly problems: ExpressionDiagnostic[] = [];
  private next = 0;

  constructor(private readonly tokens: readonly ScannedToken[]) {}

  atEnd(): boolean {
    return this.next === this.tokens.length;
  }

  /** The rule of level `index`; past the tightest level, `primary`. */
  level(index: number): Expression | undefined {
    const level = LEVELS[index];
    if (level === undefined) return this.primary();
    if (level.fixity === "prefix") {
      const sign = this.peek();
      const role = sign === undefined ? undefined : level.roles.get(sign.kind);
      if (sign === undefined || role?.kind !== "unary") return this.level(index + 1);
      this.next++;
      const operand = this.level(index);
      return operand === undefined ? undefined : unaryNode(role.operator, sign.startOffset, operand);
    }
    let left = this.level(index + 1);
    // A left-associative level repeats; a right-associative one takes one operator, its operand at `rightOperand`.
    for (let repeat = true; repeat && left !== undefined; repeat = level.fixity === "left") {
      const operator = this.peek();
      const role = operator === undefined ? undefined : level.roles.get(operator.kind);
      if (operator === undefined || role === undefined || role.kind === "unary") return left;
      this.next++;
      const right = this.level(level.fixity === "left" ? index + 1 : level.rightOperand);
      if (right === undefined) return undefined;
      left = this.infix(role, operator, left, right);
    }
    return left;
  }

  private infix(role: Exclude<Role, { kind: "unary" }>, operator: ScannedToken, left: Expression, right: Expression): Expression {
    if (role.kind === "binary") return binaryNode(role.operator, left, right);
    const span = { start: operator.startOffset, end: operator.startOffset + operator.image.length };
    const refused = refuseOperator(role.unsupported, span, left, right);
    this.problems.push(refused.problem);
    return refused.standIn;
  }

  // primary = number | nameOrCall | parenthesized ;
  private primary(): Expression | undefined {
    const token = this.peek();
    if (token === undefined) return undefined;
    if (token.kind === "Number") {
      this.next++;
      return { kind: "number", value: numberValue(token.image), span: spanOf(token) };
    }
    if (token.kind === "Identifier") return this.nameOrCall(token);
    if (token.kind !== OPEN) return undefined;
    this.next++;
    const inner = this.level(0);
    const close = this.peek();
    if (inner === undefined || close?.kind !== CLOSE) return undefined;
    this.next++;
    return parenthesized(inner, token.startOffset, close.startOffset);
  }

  // nameOrCall = name , [ "(" , [ arguments ] , ")" ] ;   arguments = expression , { "," , expression } ;
  private nameOrCall(name: ScannedToken): Expression | undefined {
    this.next++;
    const nameSpan = spanOf(name);
    if (this.peek()?.kind !== OPEN) return resolvedName(name.image, nameSpan, undefined, this.problems);
    this.next++;
    const args: Expression[] = [];
    const first = this.peek();
    if (first !== undefined && STARTS_EXPRESSION.has(first.kind)) {
      for (;;) {
        const arg = this.level(0);
        if (arg === undefined) return undefined;
        args.push(arg);
        if (this.peek()?.kind !== COMMA) break;
        this.next++;
      }
    }
    const close = this.peek();
    if (close?.kind !== CLOSE) return undefined;
    this.next++;
    return resolvedName(name.image, nameSpan, { args, closeStart: close.startOffset }, this.problems);
  }

  private peek(): ScannedToken | undefined {
    return this.next < this.tokens.length ? this.tokens[this.next] : undefined;
  }
}

function spanOf(token: ScannedToken): { start: number; end: number } {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}
