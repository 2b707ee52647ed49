import { expectArray } from "./arguments.js";
import { isArraySafe, isPlainObjectLike, snapshotOwn } from "./own.js";
import { renderDiagnostics, type RenderOptions } from "./render.js";

/**
 * A half-open range of 0-based UTF-16 code-unit offsets into the source:
 * `source.slice(span.start, span.end)` is the text it covers. An empty span
 * (`start === end`) marks a position, such as the end of input.
 *
 * @example
 * ```ts
 * const span: Span = { start: 0, end: 3 };
 * "Pow(2, retried)".slice(span.start, span.end); // "Pow"
 * ```
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * How serious a diagnostic is. Only `error` makes a value unusable.
 *
 * @example
 * ```ts
 * const errors = diagnostics.filter((d) => d.severity satisfies Severity === "error");
 * ```
 */
export type Severity = "error" | "warning" | "info";

/**
 * A secondary span that explains the primary one, like rustc's labels.
 *
 * @example
 * ```ts
 * const result = tryCompile("max(1000, (retried * 2)");
 * if (!result.ok) result.diagnostics[0]?.related; // [{ span: { start: 3, end: 4 }, message: "this `(` is not closed" }]
 * ```
 */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/**
 * One problem found in one input. Diagnostics are plain data: every parser in
 * this package (expressions, durations, flow control, headers) reports them in
 * this shape, and {@link renderDiagnostic} draws them all the same way.
 *
 * @example
 * ```ts
 * const result = tryCompile("Pow(2, retried)");
 * if (!result.ok) console.log(result.diagnostics[0]?.code); // "unknown-function"
 * ```
 */
export interface Diagnostic<Code extends string = string> {
  /** A stable, documented identifier such as `unknown-function`. Match on this, not on `message`. */
  readonly code: Code;
  readonly severity: Severity;
  /** One sentence for a person; may change between versions. */
  readonly message: string;
  /** Where in the source the problem lies. */
  readonly span: Span;
  /** A suggestion that fixes the problem, such as "did you mean `pow`?". */
  readonly hint?: string;
  /** Other places in the source that explain this problem. */
  readonly related?: readonly RelatedSpan[];
  /**
   * The one replacement that certainly fixes the problem and keeps the intent, when there is one.
   * Tools (the CLI, the playground, the ESLint plugin's autofix) may apply it without asking.
   */
  readonly fix?: Fix;
  /**
   * Replacements that may be what the user meant, best first; a tool shows them and lets the
   * user choose (ESLint suggestions, the playground's buttons).
   */
  readonly suggestions?: readonly Fix[];
}

/**
 * A text edit that repairs a diagnostic: replace `source.slice(span.start, span.end)` with `text`.
 *
 * @example
 * ```ts
 * const fix: Fix = { span: { start: 0, end: 3 }, text: "30000", message: "write the delay in milliseconds" };
 * const repaired = source.slice(0, fix.span.start) + fix.text + source.slice(fix.span.end);
 * ```
 */
export interface Fix {
  readonly span: Span;
  readonly text: string;
  /** What applying it does, for a button or an ESLint suggestion ("write `30000`"). */
  readonly message: string;
}

/**
 * A successful result and any warnings, or the diagnostics that explain the failure.
 *
 * @example
 * ```ts
 * const result: Result<CompiledDelay> = tryCompile("pow(2, retried) * 1000");
 * if (result.ok) result.value(1); // 2000
 * else console.error(result.diagnostics);
 * ```
 */
export type Result<T, Code extends string = string> =
  | { readonly ok: true; readonly value: T; readonly diagnostics: readonly Diagnostic<Code>[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic<Code>[] };

/**
 * True when any diagnostic is an error.
 *
 * @example
 * ```ts
 * hasErrors(tryCompile("1000 - 600 * retried").diagnostics); // false: only a warning
 * hasErrors(tryCompile("1000 *").diagnostics); // true
 * ```
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  for (const d of expectArray(diagnostics, "diagnostics")) {
    if (severityOf(d) === "error") return true;
  }
  return false;
}

/** {@link hasErrors} for arrays the package built itself: no argument checks on the hot path of `tryCompile`. */
export function anyError(diagnostics: readonly Diagnostic[]): boolean {
  for (const d of diagnostics) if (d.severity === "error") return true;
  return false;
}

/** A diagnostic's own `severity`, read once; undefined for anything that is not a readable object. */
function severityOf(value: unknown): unknown {
  if (!isPlainObjectLike(value)) return undefined;
  const read = snapshotOwn(value);
  return read.ok ? read.value.severity : undefined;
}

/**
 * The only error this package throws. It carries every problem found, as data,
 * and the source they point into.
 *
 * @example
 * ```ts
 * try {
 *   compile("pow(2, retries) * 1000");
 * } catch (error) {
 *   if (error instanceof RetryDelayError) {
 *     console.error(error.render()); // error[unknown-variable]: … did you mean `retried`?
 *   }
 * }
 * ```
 */
export class RetryDelayError extends Error {
  /** Every problem found; at least one has severity `error`. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text the diagnostics' spans point into. */
  readonly source: string;

  /**
   * Never throws, whatever it is given: it is what the package throws in
   * place of every other error, so a caller's malformed diagnostics (or
   * `null`) become an empty list and a source that is no string becomes "".
   */
  constructor(source: string, diagnostics: readonly Diagnostic[]) {
    const list = isArraySafe(diagnostics) ? diagnostics : [];
    super(summarize(list));
    this.name = "RetryDelayError";
    this.source = typeof source === "string" ? source : "";
    this.diagnostics = list;
  }

  /** The diagnostics drawn with the source line and a caret underline. */
  render(options: RenderOptions = {}): string {
    return renderDiagnostics(this.source, this.diagnostics, options);
  }
}

function summarize(diagnostics: readonly Diagnostic[]): string {
  try {
    return summarizeChecked(diagnostics);
  } catch {
    // A caller's Proxy or getter threw while its diagnostics were read.
    return "invalid input";
  }
}

function summarizeChecked(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const first = errors[0] ?? diagnostics[0];
  if (first === undefined) return "invalid input";
  const more = errors.length - 1;
  const tail = more > 0 ? ` (and ${more} more ${more === 1 ? "error" : "errors"})` : "";
  return `${typeof first.message === "string" ? first.message : "invalid input"}${tail}`;
}
