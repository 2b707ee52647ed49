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
export function renderOptionDiagnostics(diagnostics: readonly OptionDiagnostic[], options: RenderOptions = {}): string {
  return diagnostics.map((d) => renderDiagnostic(d.input, d, { ...options, label: d.path === "" ? "options" : d.path })).join("\n\n");
}
