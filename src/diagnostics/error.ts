import { drawAll } from "./draw.js";
import { isArraySafe } from "./own.js";
import { checked, readDiagnostics, readRenderOptions } from "./shape.js";
import { INVALID_ARGUMENT } from "./shared-codes.js";
import type { Diagnostic, RenderOptions } from "./types.js";

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
    // Read here rather than through render.ts, which throws this class: the two would import each other.
    const read = checked(() => ({ diagnostics: readDiagnostics(this.diagnostics, "diagnostics"), options: readRenderOptions(options) }));
    if (!read.ok) invalidRenderArgument(read.reason);
    return drawAll(this.source, read.value.diagnostics, read.value.options);
  }
}

/**
 * Thrown from outside the class on purpose: a class that names itself in its
 * own body is emitted by esbuild as `class _RetryDelayError` inside lazily
 * initialized modules, and stacks would show that name.
 */
function invalidRenderArgument(reason: string): never {
  throw new RetryDelayError("", [{ code: INVALID_ARGUMENT, severity: "error", message: reason, span: { start: 0, end: 0 } }]);
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
