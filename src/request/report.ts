import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { OptionCode, OptionDiagnostic, TriggerCode } from "../trigger/codes.js";

/** Extra fields a request diagnostic may carry beyond its code, severity, message and path. */
export type DiagnosticExtra = Partial<Pick<Diagnostic, "span" | "hint" | "related">>;

/**
 * Collects the diagnostics of one request, each tagged with the option path
 * it is about and the text its span points into. A builder hands one of
 * these to every row of the option table, so each row reports in one shape.
 */
export class Report {
  readonly diagnostics: OptionDiagnostic[] = [];

  /** A diagnostic of the request's own codes, spanning the whole `input` unless `extra.span` says otherwise. */
  add(code: TriggerCode, severity: Severity, message: string, path: string, input: string, extra: DiagnosticExtra = {}): void {
    this.diagnostics.push({ code, severity, message, span: { start: 0, end: input.length }, path, input, ...extra });
  }

  /** Diagnostics a value language found in `input`, tagged with the option path. */
  adopt(found: readonly Diagnostic<OptionCode>[], path: string, input: string): void {
    for (const d of found) this.diagnostics.push({ ...d, path, input });
  }

  /** Whether any error was reported since `mark` (a previous `diagnostics.length`). */
  failedSince(mark: number): boolean {
    for (let i = mark; i < this.diagnostics.length; i++) if (this.diagnostics[i]?.severity === "error") return true;
    return false;
  }

  get ok(): boolean {
    return !this.failedSince(0);
  }
}
