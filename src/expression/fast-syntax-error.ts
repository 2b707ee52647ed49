import type { Span } from "../diagnostics/diagnostic.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { declineFast } from "./fast-recognizer.js";
import type { ScannedToken } from "./fast-scan.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { callProblem, variableProblem } from "./name-problems.js";
import { explainName } from "./names.js";
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
 * at all. The name problems chevrotain finds before the error (`foo(1) +`)
 * are found here too, each where chevrotain's rule for it ends: a name at
 * the token after it, a call at its `)`. Anything else is left to it. A
 * property test holds the two equal (test/expression/fast-syntax-error.test.ts).
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
 * The full parser's diagnostics for a source the fast path declined with a
 * plain syntax error (the name problems before it, and the error, in source
 * order), or undefined when the full parser must answer. Only for a source
 * the fast path declined: of one it accepts, this cannot tell a complete
 * expression from one cut short.
 */
export function fastSyntaxErrors(source: string): ExpressionDiagnostic[] | undefined {
  const declined = declineFast(source);
  // No more tokens than levels of nesting: no size or depth limit can stop either parser before the error.
  if (declined.stage !== "parse" || declined.tokens.length > EXPRESSION_LIMITS.maxNestingDepth) return undefined;
  const { tokens, at } = declined;
  const before = readBefore(tokens, at);
  if (before === undefined) return undefined;
  const { open, problems } = before;
  // Indexes checked first: V8 reads an array out of its bounds, and at -1 above all, on a slow path.
  const previous = at > 0 ? tokens[at - 1] : undefined;
  const innermost = open.length > 0 ? open[open.length - 1] : undefined;
  const inCall = innermost?.name !== undefined;
  problems.push(
    syntaxDiagnostic({
      needed: needed(previous, innermost, inCall),
      inCall,
      source,
      found: at < tokens.length ? tokens[at] : undefined,
      previous,
      openParen: innermost?.offset,
    }),
  );
  // A stable sort, as the full parser's: a name problem and the error may start at one offset.
  return problems.length === 1 ? problems : problems.sort((a, b) => a.span.start - b.span.start);
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
 * The `(` still open at token `at`, innermost last, and the name problems
 * chevrotain reports before it, in the order it finds them; undefined where
 * the parser would resolve a name at the failing token itself.
 */
function readBefore(
  tokens: readonly ScannedToken[],
  at: number,
): { readonly open: OpenParen[]; readonly problems: ExpressionDiagnostic[] } | undefined {
  const open: OpenParen[] = [];
  const problems: ExpressionDiagnostic[] = [];
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
      if (closed?.name !== undefined) {
        const problem = callProblemAt(closed, closed.name, token);
        if (problem !== undefined) problems.push(problem);
      }
    } else if (token.kind === "Identifier") {
      const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
      if (next?.kind === OPEN) {
        // A `(` that is the failing token itself would be read into the call first: chevrotain's to report.
        if (i + 1 === at) return undefined;
        continue;
      }
      const problem = variableProblem(token.image, spanOf(token));
      if (problem !== undefined) problems.push(explainName(problem));
    }
  }
  return { open, problems };
}

/** The root's diagnostic for the call closed by `close`, if it is a problem. */
function callProblemAt(call: OpenParen, name: ScannedToken, close: ScannedToken): ExpressionDiagnostic | undefined {
  const given = call.empty ? 0 : call.commas + 1;
  const nameSpan = spanOf(name);
  const problem = callProblem(name.image, nameSpan, given, { start: nameSpan.start, end: close.startOffset + 1 });
  return problem === undefined ? undefined : explainName(problem);
}

function spanOf(token: ScannedToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}
