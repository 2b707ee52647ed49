import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { renderDiagnostics } from "../../diagnostics/render.js";
import type { OptionDiagnostic } from "../../trigger/codes.js";
import { renderOptionDiagnostics } from "../../trigger/render.js";
import { EXIT, type CommandContext } from "../command.js";
import { NO_WRAP, wrap } from "../wrap.js";
import { groupDigits } from "../../diagnostics/show.js";

/** Version of every --json document; bumped only on a breaking change (see docs/cli.md). */
const SCHEMA_VERSION = 1;

/** The one positional value of a command; `-` reads it from stdin. A missing or extra value is recorded, and the value is then "". */
export function singleValue(context: CommandContext, what: string): string {
  const { positionals } = context;
  if (positionals.length === 0) {
    context.problems.add(`missing the ${what}`);
    return "";
  }
  if (positionals.length > 1) {
    context.problems.add(`expected one ${what}, got ${positionals.length} arguments (quote the ${what} if it has spaces)`);
    return "";
  }
  const value = positionals[0] ?? "";
  if (value !== "-") return value;
  return readStdin(context, `the ${what} '-'`) ?? "";
}

/** All of stdin for a value given as `-`, without the trailing newline `echo` adds; undefined (and a problem) on a terminal. */
export function readStdin(context: CommandContext, what: string, flag?: string): string | undefined {
  if (context.io.stdinIsTty()) {
    context.problems.add(`${what} means stdin, but stdin is a terminal: pipe the value in, or give it in place of -`, flag);
    return undefined;
  }
  return context.io.readStdin().replace(/\r?\n$/, "");
}

/** A whole-number flag within bounds; a bad value is recorded as a usage problem (and gives undefined). */
export function integerFlag(context: CommandContext, flag: string, bounds: { min: number; max: number }): number | undefined {
  const raw = context.values[flag];
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (!/^\d+$/.test(text) || Number(text) < bounds.min || Number(text) > bounds.max) {
    context.problems.add(
      `--${flag} must be a whole number from ${groupDigits(bounds.min)} to ${groupDigits(bounds.max)}, not '${text}'`,
      flag,
    );
    return undefined;
  }
  return Number(text);
}

export function stringFlag(context: CommandContext, flag: string): string | undefined {
  const raw = context.values[flag];
  return typeof raw === "string" ? raw : undefined;
}

export function printJson(context: CommandContext, document: Record<string, unknown>): void {
  context.io.out(JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...document }, null, 2));
}

/** Diagnostics drawn against their source, to stderr when they make the input invalid. */
export function printDiagnostics(context: CommandContext, source: string, diagnostics: readonly Diagnostic[], label?: string): void {
  if (diagnostics.length === 0) return;
  const text = renderDiagnostics(source, diagnostics, { color: context.io.color, ...(label === undefined ? {} : { label }) });
  (diagnostics.some((d) => d.severity === "error") ? context.io.err : context.io.out)(`${text}\n`);
}

export function printOptionDiagnostics(context: CommandContext, diagnostics: readonly OptionDiagnostic<string>[]): void {
  if (diagnostics.length === 0) return;
  const text = renderOptionDiagnostics(diagnostics, { color: context.io.color });
  (diagnostics.some((d) => d.severity === "error") ? context.io.err : context.io.out)(`${text}\n`);
}

export function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** " with 1 warning and 1 note", or "" when there is neither: infos are notes, not warnings. */
export function describeFindings(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic["severity"]): number => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [
    count("warning") > 0 ? plural(count("warning"), "warning") : "",
    count("info") > 0 ? plural(count("info"), "note") : "",
  ].filter((p) => p !== "");
  return parts.length === 0 ? "" : ` with ${parts.join(" and ")}`;
}

/**
 * The common end of a command that checks one value: the JSON document (and
 * the exit code), or the diagnostics drawn under the value. Undefined means
 * the value is valid and the command prints its own success lines.
 */
export function reportValue(
  context: CommandContext,
  source: string,
  result: { readonly ok: boolean; readonly diagnostics: readonly Diagnostic[] },
  json: () => Record<string, unknown>,
): number | undefined {
  return finish(context, result.ok, json, () => {
    printDiagnostics(context, source, result.diagnostics);
  });
}

/**
 * The common end of a command whose result carries option diagnostics
 * (deliver, simulate, trigger, publish): with --json the document and the
 * exit code; else the diagnostics, and the exit code when they refuse.
 * Undefined means the result is valid and the command prints it.
 */
export function reportOptions(
  context: CommandContext,
  result: { readonly ok: boolean; readonly diagnostics: readonly OptionDiagnostic<string>[] },
  json: () => Record<string, unknown>,
): number | undefined {
  return finish(context, result.ok, json, () => {
    printOptionDiagnostics(context, result.diagnostics);
  });
}

function finish(context: CommandContext, ok: boolean, json: () => Record<string, unknown>, printFindings: () => void): number | undefined {
  if (context.values.json === true) {
    printJson(context, json());
    return ok ? EXIT.ok : EXIT.invalid;
  }
  printFindings();
  return ok ? undefined : EXIT.invalid;
}

/** A line of prose (not a table or a diagram), wrapped to the width the output allows, continued two spaces in. */
export function say(context: CommandContext, line: string): void {
  context.io.out(wrap(line, context.io.width ?? NO_WRAP, 2));
}
