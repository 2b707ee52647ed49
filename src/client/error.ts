import type { RenderOptions } from "../diagnostics/render.js";
import { RetryDelayError } from "../index.js";
import type { OptionDiagnostic } from "../trigger/codes.js";
import { renderOptionDiagnostics } from "../trigger/render.js";

/**
 * The RetryDelayError a validating client throws: its diagnostics point into
 * several option values, so `render()` draws each against its own input, and
 * the message already carries that drawing.
 */
class InvalidOptionsError extends RetryDelayError {
  declare readonly diagnostics: readonly OptionDiagnostic[];

  override render(options: RenderOptions = {}): string {
    return renderOptionDiagnostics(this.diagnostics, options);
  }
}

/** A RetryDelayError for `call`'s options: the summary line, then every diagnostic drawn with carets. */
export function invalidOptions(call: string, diagnostics: readonly OptionDiagnostic[]): RetryDelayError {
  const error = new InvalidOptionsError("", diagnostics);
  const summary = `${call}: ${error.message}`;
  Object.defineProperty(error, "message", {
    value: `${summary}\n\n${error.render()}`,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return error;
}
