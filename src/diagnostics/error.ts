import { CompactRetryDelayError } from "./compact-error.js";
import { drawAll } from "./draw.js";
import { checked, readDiagnostics, readRenderOptions } from "./shape.js";
import { INVALID_ARGUMENT } from "./shared-codes.js";
import type { RenderOptions } from "./types.js";

/**
 * The only error this package throws. It carries every problem found, as data,
 * and the source they point into.
 *
 * The argument checks throw its compact form (compact-error.ts), which
 * renders without the source excerpt and keeps the renderer out of bundles
 * that need no more; `instanceof RetryDelayError` holds for both.
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
export class RetryDelayError extends CompactRetryDelayError {
  /**
   * `error instanceof RetryDelayError` holds for every error the package
   * throws, the compact form included; for a subclass of this one, it is the
   * ordinary prototype test.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return Object.getPrototypeOf(this) === CompactRetryDelayError
      ? value instanceof CompactRetryDelayError
      : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** The diagnostics drawn with the source line and a caret underline. */
  override render(options: RenderOptions = {}): string {
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
