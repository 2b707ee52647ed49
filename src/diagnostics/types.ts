/*
 * The shapes every language of the package reports in: the bottom module of
 * src/diagnostics, importing nothing, so that the error class, the argument
 * checks and the renderer can all read these types without an import cycle.
 */

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
 * this shape, and `renderDiagnostic` draws them all the same way.
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
 * How `renderDiagnostic` draws its output.
 *
 * @example
 * ```ts
 * const options: RenderOptions = { color: process.stdout.isTTY, label: "Upstash-Retry-Delay" };
 * renderDiagnostics(source, diagnostics, options);
 * ```
 */
export interface RenderOptions {
  /** Wrap parts in ANSI colours. Off by default; the CLI turns it on for terminals. */
  readonly color?: boolean;
  /** A label for the input, such as `Upstash-Retry-Delay` or `flowControl.period`, printed above the source. */
  readonly label?: string;
  /** Longest source excerpt shown per line before it is cut around the span. Default 100. */
  readonly maxLineWidth?: number;
}
