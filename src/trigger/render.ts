import { expectArray, expectObject, expectOptions, expectString } from "../diagnostics/arguments.js";
import { renderDiagnostic, type RenderOptions } from "../diagnostics/render.js";
import type { OptionDiagnostic } from "./codes.js";

/**
 * Draws option diagnostics, each against its own input text and labelled
 * with its option path (`--> retryDelay`).
 *
 * @example
 * ```ts
 * const { diagnostics } = buildTriggerRequest({ url: "https://example.com/wf", retryDelay: "Pow(2, retried)" });
 * console.error(renderOptionDiagnostics(diagnostics));
 * ```
 */
export function renderOptionDiagnostics(diagnostics: readonly OptionDiagnostic<string>[], options: RenderOptions = {}): string {
  const rendering = expectOptions(options, "the render options");
  return expectArray(diagnostics, "diagnostics")
    .map((value, i) => {
      const d = expectObject(value, `diagnostics[${i}]`);
      const path = expectString(d.path, `diagnostics[${i}].path`);
      // renderDiagnostic checks the rest of the diagnostic and the options.
      return renderDiagnostic(expectString(d.input, `diagnostics[${i}].input`), d as unknown as OptionDiagnostic, {
        ...rendering,
        label: path === "" ? "options" : path,
      });
    })
    .join("\n\n");
}
