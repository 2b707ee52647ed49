import type { Result } from "../diagnostics/diagnostic.js";
import { binaryNode, parenthesized, unaryNode, type Expression } from "./ast.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { capErrors } from "./error-limit.js";
import { lexWith, type Lexed } from "./lex-scan.js";
import { resolvedName } from "./names.js";
import { planLevels, type PlannedLevel } from "./operator-plan.js";
import { PUNCTUATION, type LexicalToken, type TokenKind, type Unsupported } from "./operators.js";
import { refuseOperator } from "./refused-operators.js";
import { checkSize } from "./size.js";
import { numberValue } from "./token-patterns.js";

/*
 * The chevrotain parser's answer for a sentence that is well formed but for
 * a refused operator (`2 ^ retried`, `x % 2`) or a number the language does
 * not accept as written (`1_000`, `.5`, `1e999`): the same tokens (lex-scan.ts,
 * the full parser's own scanner), the same grammar, read the same way (one
 * rule per level of the table, refused operators included, names resolved as
 * each name's rule ends, in the grammar's order), without chevrotain's
 * per-rule machinery. Anything else it does not answer: a syntax error, a
 * character no token starts with, or a source the size limits stop. A
 * property test holds it to chevrotain's diagnostics
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

const PLANNED: readonly PlannedLevel[] = planLevels({ unsupported: "report" });

const LEVELS: readonly ReadLevel[] = PLANNED.map((planned) => ({
  fixity: planned.level.fixity,
  roles: new Map<TokenKind, Role>([
    ...planned.accepted.map((role): [TokenKind, Role] => [role.row.token as TokenKind, role.node]),
    ...planned.refused.map((role): [TokenKind, Role] => [role.row.token as TokenKind, { kind: "refused", unsupported: role.unsupported }]),
  ]),
  rightOperand: planned.rightOperand,
}));

/** The kinds of the refused operators: a source with none of them (and no bad number) is not this parser's. */
const REFUSED_KINDS: ReadonlySet<TokenKind> = new Set(
  PLANNED.flatMap((planned) => planned.refused.map((role) => role.row.token as TokenKind)),
);

/** The tokens an expression can start with: an operand's, and the signs'. */
const STARTS_EXPRESSION = new Set<TokenKind>([
  "Number",
  "Identifier",
  OPEN,
  ...LEVELS.flatMap((level) => (level.fixity === "prefix" ? [...level.roles.keys()] : [])),
]);

/** A token as the size pre-scan and this parser read it. */
function lexicalToken(source: string, kind: TokenKind, start: number, end: number): LexicalToken {
  return { kind, image: source.slice(start, end), startOffset: start };
}

/** The tokens and lexical diagnostics of a source, as the full parser's scanner reads them, in the shape this parser reads. */
export function lexSource(source: string): Lexed<LexicalToken> {
  return lexWith(source, lexicalToken);
}

/**
 * The full parser's diagnostics for a well-formed source with a refused
 * operator or a malformed or out-of-range number (and any name problems),
 * or undefined when the full parser must answer. `lexed` is the source's
 * {@link lexSource}, when the caller has it already.
 */
export function parseReportingRefused(source: string, lexed = lexSource(source)): Result<Expression, ExpressionCode> | undefined {
  const { tokens, numberDiagnostics, characterDiagnostics } = lexed;
  if (characterDiagnostics.length > 0) return undefined;
  if (numberDiagnostics.length === 0 && !tokens.some((token) => REFUSED_KINDS.has(token.kind))) return undefined;
  if (checkSize(tokens, source.length) !== undefined) return undefined;
  const parser = new ReportingParser(tokens);
  const tree = parser.level(0);
  if (tree === undefined || !parser.atEnd()) return undefined;
  // Numbers first, then the parser's problems, stably sorted by where they start: the full parser's order.
  const problems = [...numberDiagnostics, ...parser.problems];
  if (problems.length === 0) return undefined;
  return { ok: false, diagnostics: capErrors(problems.sort((a, b) => a.span.start - b.span.start)) };
}

/** The grammar of grammar.ts, rule for rule, over scanned tokens; undefined wherever it would raise a syntax error. */
class ReportingParser {
  readonly problems: ExpressionDiagnostic[] = [];
  private next = 0;

  constructor(private readonly tokens: readonly LexicalToken[]) {}

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

  private infix(role: Exclude<Role, { kind: "unary" }>, operator: LexicalToken, left: Expression, right: Expression): Expression {
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
  private nameOrCall(name: LexicalToken): Expression | undefined {
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

  private peek(): LexicalToken | undefined {
    return this.next < this.tokens.length ? this.tokens[this.next] : undefined;
  }
}

function spanOf(token: LexicalToken): { start: number; end: number } {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}
