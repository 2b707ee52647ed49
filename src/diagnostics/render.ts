import { expectDiagnostic, expectDiagnostics, expectString, invalidArgument } from "./arguments.js";
import { draw, drawAll } from "./draw.js";
import { checked, readRenderOptions } from "./shape.js";
import type { Diagnostic, RenderOptions } from "./types.js";

export type { RenderOptions } from "./types.js";

/**
 * Draws several diagnostics, separated by blank lines, in the style of rustc:
 *
 * ```text
 * error[unknown-function]: unknown function `Pow`
 *  1 | Pow(2, retried) * 1000
 *    | ^^^ did you mean `pow`?
 *    = help: write `pow`
 * ```
 *
 * A diagnostic's `fix` and each of its `suggestions` get one `= help:` line
 * with the fix's message.
 *
 * @example
 * ```ts
 * const result = tryCompile("Pow(2, retried)");
 * if (!result.ok) console.error(renderDiagnostics("Pow(2, retried)", result.diagnostics));
 * ```
 */
export function renderDiagnostics(source: string, diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const text = expectString(source, "the source");
  const checkedDiagnostics = expectDiagnostics(diagnostics, "diagnostics");
  return drawAll(text, checkedDiagnostics, expectRenderOptions(options));
}

/**
 * Draws one diagnostic with its source line and a caret underline under its
 * span, its hint beside the carets, `-` underlines for related spans, and a
 * `= help:` line for its fix and each suggestion. Control characters in the
 * source are shown as U+FFFD so that hostile input cannot send escape
 * sequences to a terminal.
 *
 * @example
 * ```ts
 * renderDiagnostic("1000 / 0", {
 *   code: "division-by-zero", severity: "error",
 *   message: "division by zero", span: { start: 7, end: 8 },
 * });
 * ```
 */
export function renderDiagnostic(source: string, diagnostic: Diagnostic, options: RenderOptions = {}): string {
  return draw(expectString(source, "the source"), expectDiagnostic(diagnostic, "the diagnostic"), expectRenderOptions(options));
}

function expectRenderOptions(value: unknown): RenderOptions {
  const read = checked(() => readRenderOptions(value));
  if (!read.ok) invalidArgument(read.reason);
  return read.value;
}
