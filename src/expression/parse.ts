import type { Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { ExpressionCode } from "./codes.js";
import { capErrors } from "./error-limit.js";
import { fastSyntaxErrors } from "./fast-syntax-error.js";
import { fullParser } from "./lazy-chevrotain-parse.js";
import { parseWith } from "./parse-with.js";
import { parseReporting } from "./refused-parse.js";
import { ROOT_WORDING } from "./root-wording.js";

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
 * problem, up to the report limit. Two readers give it without chevrotain:
 * fast-syntax-error.ts, for a plain syntax error in a short source (and the
 * name problems before it), from the fast path's own tokens; and
 * refused-parse.ts for the rest, from the full parser's scan (lex-scan.ts):
 * characters no token starts with (`Math.pow`, `"1000"`, `a && b`), a
 * source past the size limits, refused operators, malformed numbers, and
 * syntax errors among them or in a long source. chevrotain answers what
 * neither can, which is a source with no problem that the fast path declined
 * all the same: none is known, and the property tests look for one.
 */
function parseFully(source: string): Result<Expression, ExpressionCode> {
  const syntaxErrors = fastSyntaxErrors(source);
  if (syntaxErrors !== undefined) return { ok: false, diagnostics: capErrors(syntaxErrors) };
  const reported = parseReporting(source);
  if (reported !== undefined) return reported;
  chevrotainParse ??= fullParser();
  const full = chevrotainParse(source);
  return full.ok ? full : { ok: false, diagnostics: capErrors(full.diagnostics) };
}

/** The full parser, once loaded: asking `fullParser` again costs the bundle's lazy-module wrapper on every call. */
let chevrotainParse: ReturnType<typeof fullParser> | undefined;
