import type { Result } from "../diagnostics/diagnostic.js";
import { binaryNode, parenthesized, unaryNode, type Expression } from "./ast.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { capErrors } from "./error-limit.js";
import { lexWith, type Lexed } from "./lex-scan.js";
import { resolvedName } from "./names.js";
import { planLevels, type PlannedLevel } from "./operator-plan.js";
import { PUNCTUATION, type LexicalToken, type TokenKind, type Unsupported } from "./operators.js";
import { refuseOperatorUnworded } from "./refused-operators.js";
import { checkSize } from "./size.js";
import { syntaxDiagnostic, type SyntaxFacts } from "./syntax-wording.js";
import { numberValue } from "./token-patterns.js";

/*
 * The chevrotain parser's whole answer for a source the fast path declined
 * and whose every character starts a token, without chevrotain: a refused
 * operator (`2 ^ retried`, `x % 2`), a number the language does not accept
 * as written (`1_000`, `.5`, `1e999`), a syntax error (in a source of any
 * length, with those or without), and the name problems found before it.
 * The same tokens (lex-scan.ts, the full parser's own scanner), the same
 * grammar, read the same way: one rule per level of the table, refused
 * operators included, names resolved as each name's rule ends, one token
 * ahead, in the grammar's order. Where chevrotain would throw, this notes
 * what that rule needed (an operand, a `)`, the end), which is what
 * chevrotain's exception tells syntax-errors.ts, and syntax-wording.ts words
 * it for both. A source with no problem at all it leaves to the full parser.
 * Property tests hold it to chevrotain's diagnostics
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
 * The full parser's diagnostics for a source whose every character starts
 * a token (unexpected characters, the size limits, refused operators,
 * malformed numbers, name problems, a syntax error), capped at the report
 * limit as parse.ts caps them; undefined for a source with no problem at
 * all, which is the full parser's to accept. `lexed` is the source's
 * {@link lexSource}, when the caller has it already.
 */
export function parseReporting(source: string, lexed = lexSource(source)): Result<Expression, ExpressionCode> | undefined {
  const { tokens, numberDiagnostics, characterDiagnostics } = lexed;
  if (characterDiagnostics.length > 0) return fail(capErrors([...characterDiagnostics, ...numberDiagnostics]));
  // chevrotain-parse.ts checks the size next, and a source past a limit gets that one diagnostic.
  const sizeProblem = checkSize(tokens, source.length);
  if (sizeProblem !== undefined) return fail([sizeProblem]);
  const parser = new ReportingParser(tokens);
  parser.whole();
  // Numbers first, then the parser's problems, then the syntax error, stably sorted by where they start: the full parser's order.
  const problems = numberDiagnostics.length === 0 ? parser.problems : [...numberDiagnostics, ...parser.problems];
  const stop = parser.stop;
  if (stop !== undefined) problems.push(syntaxDiagnostic(syntaxFacts(source, tokens, stop)));
  if (problems.length === 0) return undefined;
  const kept = capErrors(problems.length === 1 ? problems : problems.sort((a, b) => a.span.start - b.span.start));
  wordKept(kept, parser.unworded);
  return fail(kept);
}

/** Words the hints of the refused operators the report keeps: at most the report limit's number of prints, not one per operator. */
function wordKept(kept: readonly ExpressionDiagnostic[], unworded: ReadonlyMap<ExpressionDiagnostic, () => void>): void {
  if (unworded.size === 0) return;
  for (const problem of kept) unworded.get(problem)?.();
}

function fail(diagnostics: ExpressionDiagnostic[]): Result<Expression, ExpressionCode> {
  return { ok: false, diagnostics };
}

/** What chevrotain's exception tells at a stop: the token found (or the end), the one before, and the innermost `(` still open. */
function syntaxFacts(source: string, tokens: readonly LexicalToken[], stop: Stop): SyntaxFacts {
  return {
    needed: stop.needed,
    inCall: stop.inCall,
    source,
    found: stop.at < tokens.length ? tokens[stop.at] : undefined,
    previous: stop.at > 0 ? tokens[stop.at - 1] : undefined,
    openParen: stop.openParen,
  };
}

/** Where the grammar cannot go on, as chevrotain's exception would say: the token's index, what the rule needed, and the innermost `(` still open. */
interface Stop {
  readonly at: number;
  readonly needed: SyntaxFacts["needed"];
  /** Whether the rule that stopped is a call's (its argument list wants `,` or `)`). */
  readonly inCall: boolean;
  readonly openParen: number | undefined;
}

/** The grammar of grammar.ts, rule for rule, over scanned tokens; where it would throw a syntax error, undefined and the {@link Stop}. */
class ReportingParser {
  readonly problems: ExpressionDiagnostic[] = [];
  /** The refused operators' problems whose hint is still to be worded (see {@link wordKept}). */
  readonly unworded = new Map<ExpressionDiagnostic, () => void>();
  /** Where the parse stopped on a syntax error, if it did. */
  stop: Stop | undefined;
  private next = 0;
  /** Offsets of the `(` not yet closed, innermost last, as the grammar keeps them. */
  private readonly open: number[] = [];

  constructor(private readonly tokens: readonly LexicalToken[]) {}

  /** The whole input as one expression; past it, chevrotain's "not all input parsed". */
  whole(): Expression | undefined {
    const tree = this.level(0);
    if (tree === undefined) return undefined;
    if (this.next < this.tokens.length) return this.stopHere("end", false);
    return tree;
  }

  /** The rule of level `index`; past the tightest level, `primary`. */
  private level(index: number): Expression | undefined {
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
    const refused = refuseOperatorUnworded(role.unsupported, span, left, right);
    this.problems.push(refused.problem);
    this.unworded.set(refused.problem, refused.word);
    return refused.standIn;
  }

  // primary = number | nameOrCall | parenthesized ;
  private primary(): Expression | undefined {
    const token = this.peek();
    // No alternative starts with this token (the outermost sign level's, in chevrotain: the same token, the same words).
    if (token === undefined) return this.stopHere("operand", false);
    if (token.kind === "Number") {
      this.next++;
      return { kind: "number", value: numberValue(token.image), span: spanOf(token) };
    }
    if (token.kind === "Identifier") return this.nameOrCall(token);
    if (token.kind !== OPEN) return this.stopHere("operand", false);
    this.next++;
    this.open.push(token.startOffset);
    const inner = this.level(0);
    if (inner === undefined) return undefined;
    const close = this.peek();
    if (close?.kind !== CLOSE) return this.stopHere("close", false);
    this.next++;
    this.open.pop();
    return parenthesized(inner, token.startOffset, close.startOffset);
  }

  // nameOrCall = name , [ "(" , [ arguments ] , ")" ] ;   arguments = expression , { "," , expression } ;
  private nameOrCall(name: LexicalToken): Expression | undefined {
    this.next++;
    const nameSpan = spanOf(name);
    const open = this.peek();
    if (open?.kind !== OPEN) return resolvedName(name.image, nameSpan, undefined, this.problems);
    this.next++;
    this.open.push(open.startOffset);
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
    if (close?.kind !== CLOSE) return this.stopHere("close", true);
    this.next++;
    this.open.pop();
    return resolvedName(name.image, nameSpan, { args, closeStart: close.startOffset }, this.problems);
  }

  /** Stops the parse at the next token, as chevrotain's exception there would; the failed rule's result, which is none. */
  private stopHere(needed: Stop["needed"], inCall: boolean): Expression | undefined {
    const open = this.open;
    this.stop = { at: this.next, needed, inCall, openParen: open.length > 0 ? open[open.length - 1] : undefined };
    return undefined;
  }

  private peek(): LexicalToken | undefined {
    return this.next < this.tokens.length ? this.tokens[this.next] : undefined;
  }
}

function spanOf(token: LexicalToken): { start: number; end: number } {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}
