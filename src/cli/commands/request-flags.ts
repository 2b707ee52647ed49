import type { ParseArgsConfig } from "node:util";
import { toFlowControlOptions } from "../../flow-control/convert.js";
import { tryFormatFlowControlValue } from "../../flow-control/format.js";
import { parseFlowControlValue } from "../../flow-control/parse.js";
import type { FlowControlOptions } from "../../flow-control/types.js";
import { EXPRESSION_LIMITS } from "../../expression/limits.js";
import type { Endpoint } from "../../request/context.js";
import { Report } from "../../request/report.js";
import { optionName, rowsFor, type OptionRow } from "../../request/table.js";
import { parseRedact } from "../../request/values/lists.js";
import type { OptionDiagnostic } from "../../trigger/codes.js";
import { UsageError, type CommandContext } from "../command.js";
import { integerFlag, stringFlag } from "./shared.js";

/*
 * The flags of the request commands come from the option table: one flag per
 * row, named after the option in kebab case, with the row's doc as its help.
 * How a flag's text becomes the option's value depends only on the row's
 * value language, so a new row gets its flag without an edit here.
 */

type FlagShape = "string" | "integer" | "number" | "boolean" | "repeated" | "flow-control" | "headers";

/** How a value language is written on a command line. */
function shapeOf(row: OptionRow): FlagShape {
  if (row.kind === "payload") return row.place === "headers" ? "headers" : "string";
  switch (row.language) {
    case "integer 0–1,000,000":
      return "integer";
    case "Unix seconds":
      return "number";
    case "boolean":
      return "boolean";
    case "label list":
    case "redact fields":
      return "repeated";
    case "flow control":
      return "flow-control";
    default:
      return "string";
  }
}

export function flagName(option: string): string {
  return option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The rows a command line can set: every one that sends something. */
function flagRows(endpoint: Endpoint): readonly OptionRow[] {
  return rowsFor(endpoint).filter((row) => row.kind === "header" || row.place !== "none");
}

/** The parseArgs options of an endpoint's command. */
export function requestFlags(endpoint: Endpoint): NonNullable<ParseArgsConfig["options"]> {
  const flags: NonNullable<ParseArgsConfig["options"]> = {};
  for (const row of flagRows(endpoint)) {
    const shape = shapeOf(row);
    const name = row.option === "headers" ? "header" : flagName(row.option);
    flags[name] =
      shape === "boolean"
        ? { type: "boolean" }
        : {
            type: "string",
            ...(shape === "repeated" || shape === "headers" ? { multiple: true } : {}),
            ...(name === "retries" ? { short: "r" } : {}),
          };
    if (shape === "flow-control") flags["flow-control-key"] = { type: "string" };
  }
  return flags;
}

export const FLAG_WIDTH = 32;

/** One help line per flag, from the table's docs. */
export function requestFlagHelp(endpoint: Endpoint): string[] {
  const lines: string[] = [];
  for (const row of flagRows(endpoint)) {
    const shape = shapeOf(row);
    const flag =
      row.option === "headers"
        ? "--header 'K: V'"
        : shape === "boolean"
          ? `--${flagName(row.option)}`
          : `--${flagName(row.option)} ${shape === "integer" || shape === "number" ? "N" : "V"}`;
    if (shape === "flow-control") {
      // On the command line the value is written as the header is, not as the SDK's object.
      lines.push(`  ${"--flow-control-key K".padEnd(FLAG_WIDTH)}the flow-control key (letters, digits, - _ .)`);
      lines.push(`  ${"--flow-control V".padEnd(FLAG_WIDTH)}the value, e.g. 'parallelism=5, rate=10, period=1m'`);
      continue;
    }
    lines.push(`  ${flag.padEnd(FLAG_WIDTH)}${firstSentence(row.doc)}${shape === "repeated" || shape === "headers" ? " Repeatable." : ""}`);
  }
  return lines;
}

function firstSentence(doc: string): string {
  const end = doc.indexOf(". ");
  return (end < 0 ? doc : doc.slice(0, end + 1)).replace(/`/g, "");
}

/** The options object the flags stand for, and the diagnostics of values the flags carry in their own languages. */
export function optionsFromFlags(
  context: CommandContext,
  endpoint: Endpoint,
  command: string,
): { options: Record<string, unknown>; diagnostics: OptionDiagnostic[] } {
  const options: Record<string, unknown> = {};
  const report = new Report();
  for (const row of flagRows(endpoint)) {
    const key = optionName(row, endpoint);
    const value = flagValue(context, row, command, report);
    if (value !== undefined) Object.defineProperty(options, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { options, diagnostics: report.diagnostics };
}

function flagValue(context: CommandContext, row: OptionRow, command: string, report: Report): unknown {
  const flag = row.option === "headers" ? "header" : flagName(row.option);
  switch (shapeOf(row)) {
    case "integer":
      return integerFlag(context, command, flag, { min: 0, max: EXPRESSION_LIMITS.maxRetries });
    case "number":
      return integerFlag(context, command, flag, { min: 0, max: 8.64e12 });
    case "boolean":
      return context.values[flag] === true ? true : undefined;
    case "repeated":
      return repeated(context, row, flag, report);
    case "flow-control":
      return flowControl(context, report);
    case "headers":
      return headerFlags(context, command);
    default:
      return stringFlag(context, flag);
  }
}

function repeated(context: CommandContext, row: OptionRow, flag: string, report: Report): unknown {
  const values = (context.values[flag] as string[] | undefined) ?? [];
  if (values.length === 0) return undefined;
  if (row.language === "redact fields") return parseRedact(values.join(","), "redact", report);
  return values.length === 1 ? values[0] : values;
}

function flowControl(context: CommandContext, report: Report): FlowControlOptions | undefined {
  const text = stringFlag(context, "flow-control");
  const key = stringFlag(context, "flow-control-key");
  if (text === undefined) return key === undefined ? undefined : { key };
  const parsed = parseFlowControlValue(text);
  if (!parsed.ok) {
    report.adopt(parsed.diagnostics, "flowControl", text);
    return undefined;
  }
  const options = toFlowControlOptions(parsed.value);
  // The builder checks the options again: keep only what it cannot see in the canonical text (spaces around `=`).
  const again = new Set(tryFormatFlowControlValue(options).diagnostics.map((d) => d.code));
  report.adopt(
    parsed.diagnostics.filter((d) => !again.has(d.code)),
    "flowControl",
    text,
  );
  return { ...(key === undefined ? {} : { key }), ...options };
}

function headerFlags(context: CommandContext, command: string): Record<string, string> | undefined {
  const list = (context.values.header as string[] | undefined) ?? [];
  if (list.length === 0) return undefined;
  const headers: Record<string, string> = {};
  for (const header of list) {
    const colon = header.indexOf(":");
    if (colon <= 0) throw new UsageError(`--header must look like 'Name: value', not '${header}'`, command);
    Object.defineProperty(headers, header.slice(0, colon).trim(), {
      value: header.slice(colon + 1).trim(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return headers;
}
