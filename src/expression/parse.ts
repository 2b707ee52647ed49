import type { Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { ExpressionCode } from "./codes.js";
import { capErrors } from "./error-limit.js";
import { fastSyntaxErrors } from "./fast-syntax-error.js";
import { fullParser } from "./lazy-chevrotain-parse.js";
import { parseWith } from "./parse-with.js";
import { lexSource, parseReportingRefused } from "./refused-parse.js";
import { ROOT_WORDING } from "./root-wording.js";
import { checkSize } from "./size.js";

/**
 * Parses a retry-delay expression into its AST. Never throws: a source that is
 * too long, malformed, or names something unknown gives `ok: false` and every
 * problem found, each with a code and a span.
 *
 * This checks syntax and names. {@link checkExpression} adds the semantic
 * checks (division by zero, the delay's range); `compile` does both.
 *
 * @example
 * ```ts
 * const parsed = parse("max(1000, pow(2, retried) * 100)");
 * if (parsed.ok) console.log(printExpression(parsed.value));
 * else console.error(renderDiagnostics(source, parsed.diagnostics));
 * ```
 */
export function parse(source: string): Result<Expression, ExpressionCode> {
  return parseWith(source, parseFully, ROOT_WORDING);
}

/**
 * The chevrotain parser's answer for a source the fast path declined: every
 * problem, up to the report limit. Four kinds are found without it: a plain
 * syntax error and the name problems before it (fast-syntax-error.ts); characters no token starts with
 * (`Math.pow`, `"1000"`, `a && b`), which chevrotain-parse.ts reports
 * before it parses, from the same scanner (lex-scan.ts); a source past the
 * size limits, which it refuses next with the same check (size.ts); and a well-formed
 * source with a refused operator or a malformed number (refused-parse.ts).
 */
function parseFully(source: string): Result<Expression, ExpressionCode> {
  const syntaxErrors = fastSyntaxErrors(source);
  if (syntaxErrors !== undefined) return { ok: false, diagnostics: capErrors(syntaxErrors) };
  const lexed = lexSource(source);
  if (lexed.characterDiagnostics.length > 0)
    return { ok: false, diagnostics: capErrors([...lexed.characterDiagnostics, ...lexed.numberDiagnostics]) };
  // chevrotain-parse.ts checks the size next, and a source past a limit gets that one diagnostic.
  const sizeProblem = checkSize(lexed.tokens, source.length);
  if (sizeProblem !== undefined) return { ok: false, diagnostics: [sizeProblem] };
  const reported = parseReportingRefused(source, lexed);
  if (reported !== undefined) return reported;
  chevrotainParse ??= fullParser();
  const full = chevrotainParse(source);
  return full.ok ? full : { ok: false, diagnostics: capErrors(full.diagnostics) };
}

/** The full parser, once loaded: asking `fullParser` again costs the bundle's lazy-module wrapper on every call. */
let chevrotainParse: ReturnType<typeof fullParser> | undefined;
