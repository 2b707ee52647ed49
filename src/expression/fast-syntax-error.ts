import type { Span } from "../diagnostics/diagnostic.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { declineFast } from "./fast-recognizer.js";
import type { ScannedToken } from "./fast-scan.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { callProblem, variableProblem } from "./name-problems.js";
import { PUNCTUATION } from "./operators.js";
import { endsOperand, syntaxDiagnostic, type SyntaxFacts } from "./syntax-wording.js";

/*
 * The chevrotain parser's diagnostic for the commonest syntax errors (a
 * trailing operator, an unclosed `(`, two operands in a row such as `30s`),
 * found without running it. On a source whose every token the fast scanner
 * reads (no refused operator, malformed number or stray character), both
 * parsers read the same LL(1) grammar one token ahead, so both stop at the
 * first token that cannot continue the input, and what chevrotain reports
 * there follows from the tokens before it: what the parser needed (an
 * operand, a `)`, the end) and the innermost `(` still open. Its exception,
 * rule stack and thrown-and-caught unwinding cost several parses of a valid
 * expression, and it is the first invalid expression that loads chevrotain
 * at all. Anything else, and any name problem chevrotain would have found
 * before the error, is left to it. A property test holds the two equal
 * (test/expression/fast-syntax-error.test.ts).
 */

const OPEN = PUNCTUATION.open.token;
const CLOSE = PUNCTUATION.close.token;
const COMMA = PUNCTUATION.comma.token;

/** A `(` not yet closed: where it opened, and, for a call, its name and what its arguments have been so far. */
interface OpenParen {
  readonly offset: number;
  /** The called name's token; undefined for a parenthesized group. */
  readonly name: ScannedToken | undefined;
  commas: number;
  empty: boolean;
}

/**
 * The full parser's only diagnostic for a source the fast path declined
 * with a plain syntax error, or undefined when the full parser must answer.
 * Only for a source the fast path declined: of one it accepts, this cannot
 * tell a complete expression from one cut short.
 */
export function fastSyntaxError(source: string): ExpressionDiagnostic | undefined {
  const declined = declineFast(source);
  // No more tokens than levels of nesting: no size or depth limit can stop either parser before the error.
  if (declined.stage !== "parse" || declined.tokens.length > EXPRESSION_LIMITS.maxNestingDepth) return undefined;
  const { tokens, at } = declined;
  const open = openParensBefore(tokens, at);
  if (open === undefined) return undefined;
  // Indexes checked first: V8 reads an array out of its bounds, and at -1 above all, on a slow path.
  const previous = at > 0 ? tokens[at - 1] : undefined;
  const innermost = open.length > 0 ? open[open.length - 1] : undefined;
  const inCall = innermost?.name !== undefined;
  return syntaxDiagnostic({
    needed: needed(previous, innermost, inCall),
    inCall,
    source,
    found: at < tokens.length ? tokens[at] : undefined,
    previous,
    openParen: innermost?.offset,
  });
}

/** What the parser needed after `previous`, inside the innermost `(` still open. */
function needed(previous: ScannedToken | undefined, innermost: OpenParen | undefined, inCall: boolean): SyntaxFacts["needed"] {
  // After an operand, an operator would have continued it: the parser was done with the expression.
  if (previous !== undefined && endsOperand(previous.kind)) return innermost === undefined ? "end" : "close";
  // A call's argument list may be empty: after its `(`, what does not start an argument meets the `)` it expects.
  if (previous?.kind === OPEN && inCall && innermost?.offset === previous.startOffset) return "close";
  return "operand";
}

/**
 * The `(` still open at token `at`, innermost last; undefined when a name
 * read before it is a problem (chevrotain reports those with the syntax
 * error, as it resolves each name when its rule ends).
 */
function openParensBefore(tokens: readonly ScannedToken[], at: number): OpenParen[] | undefined {
  const open: OpenParen[] = [];
  for (let i = 0; i < at; i++) {
    const token = tokens[i] as ScannedToken;
    const top = open.length > 0 ? open[open.length - 1] : undefined;
    if (top !== undefined && token.kind !== CLOSE) top.empty = false;
    if (token.kind === COMMA && top !== undefined) top.commas++;
    else if (token.kind === OPEN) {
      const before = i > 0 ? tokens[i - 1] : undefined;
      open.push({ offset: token.startOffset, name: before?.kind === "Identifier" ? before : undefined, commas: 0, empty: true });
    } else if (token.kind === CLOSE) {
      const closed = open.pop();
      if (closed?.name !== undefined && !callIsGood(closed, closed.name, token)) return undefined;
    } else if (token.kind === "Identifier" && !(i + 1 < at && tokens[i + 1]?.kind === OPEN)) {
      if (variableProblem(token.image, spanOf(token)) !== undefined) return undefined;
    }
  }
  return open;
}

function callIsGood(call: OpenParen, name: ScannedToken, close: ScannedToken): boolean {
  const given = call.empty ? 0 : call.commas + 1;
  const nameSpan = spanOf(name);
  return callProblem(name.image, nameSpan, given, { start: nameSpan.start, end: close.startOffset + 1 }) === undefined;
}

function spanOf(token: ScannedToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}
