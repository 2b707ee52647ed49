import { toFlowControlOptions } from "../../flow-control/convert.js";
import { tryFormatFlowControlValue } from "../../flow-control/format.js";
import { parseFlowControlValue } from "../../flow-control/parse.js";
import type { FlowControlOptions } from "../../flow-control/types.js";
import { EXPRESSION_LIMITS } from "../../expression/limits.js";
import type { Endpoint } from "../../request/context.js";
import { Report } from "../../request/report.js";
import { optionName, rowsFor, type OptionRow } from "../../request/table.js";
import { MAX_UNIX_SECONDS } from "../../request/values/numbers.js";
import { parseRedact } from "../../request/values/lists.js";
import type { OptionDiagnostic } from "../../trigger/codes.js";
import type { CommandContext, Flag } from "../command.js";
import { bodyFlag } from "./body.js";
import { integerFlag, stringFlag } from "./shared.js";

/*
 * The flags of the request commands come from the option table: one flag per
 * row, named after the option in kebab case, with the row's doc as its help.
 * How a flag's text becomes the option's value depends only on the row's
 * value language, so a new row gets its flag without an edit here.
 */

type FlagShape = "string" | "body" | "duration" | "integer" | "number" | "boolean" | "repeated" | "flow-control" | "headers";

/** How a value language is written on a command line. */
function shapeOf(row: OptionRow): FlagShape {
  if (row.kind === "payload") return row.place === "headers" ? "headers" : row.place === "body" ? "body" : "string";
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
    case "duration":
      return "duration";
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

/** The flags of an endpoint's command, one per table row, with the row's doc as help. */
export function requestFlags(endpoint: Endpoint): Flag[] {
  const flags: Flag[] = [];
  for (const row of flagRows(endpoint)) {
    const shape = shapeOf(row);
    if (shape === "flow-control") {
      // On the command line the value is written as the header is, not as the SDK's object.
      flags.push({ name: "flow-control-key", kind: "value", placeholder: "K", help: "the flow-control key (letters, digits, - _ .)" });
      flags.push({ name: "flow-control", kind: "value", placeholder: "V", help: "the value, e.g. 'parallelism=5, rate=10, period=1m'" });
      continue;
    }
    const name = row.option === "headers" ? "header" : flagName(row.option);
    flags.push({
      name,
      kind: shape === "boolean" ? "boolean" : "value",
      ...(name === "retries" ? { short: "r" } : {}),
      ...(shape === "repeated" || shape === "headers" ? { multiple: true } : {}),
      ...(shape === "boolean" ? {} : { placeholder: PLACEHOLDERS[shape] }),
      ...(shape === "body" ? { completes: "file" as const } : {}),
      help: firstSentence(row.doc) + (SHAPE_NOTES[shape] ?? ""),
    });
  }
  return flags;
}

const PLACEHOLDERS: Record<Exclude<FlagShape, "boolean" | "flow-control">, string> = {
  string: "V",
  body: "V|-|@FILE",
  duration: "D",
  integer: "N",
  number: "N",
  repeated: "V",
  headers: "'K: V'",
};

/** What the command line adds to a row's doc: how the flag's text becomes the option's value. */
const SHAPE_NOTES: Partial<Record<FlagShape, string>> = {
  body: " - reads it from stdin, @FILE from a file; @@ at the start stands for a literal @.",
  duration: " A bare number is seconds, as the SDK sends it: 1000 is 16m40s.",
};

function firstSentence(doc: string): string {
  const end = doc.indexOf(". ");
  return (end < 0 ? doc : doc.slice(0, end + 1)).replace(/`/g, "");
}

/** The options object the flags stand for, and the diagnostics of values the flags carry in their own languages. */
export function optionsFromFlags(
  context: CommandContext,
  endpoint: Endpoint,
): { options: Record<string, unknown>; diagnostics: OptionDiagnostic[] } {
  const options: Record<string, unknown> = {};
  const report = new Report();
  for (const row of flagRows(endpoint)) {
    const key = optionName(row, endpoint);
    const value = flagValue(context, row, report);
    if (value !== undefined) Object.defineProperty(options, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { options, diagnostics: report.diagnostics };
}

function flagValue(context: CommandContext, row: OptionRow, report: Report): unknown {
  const flag = row.option === "headers" ? "header" : flagName(row.option);
  switch (shapeOf(row)) {
    case "integer":
      return integerFlag(context, flag, { min: 0, max: EXPRESSION_LIMITS.maxRetries });
    case "number":
      return integerFlag(context, flag, { min: 0, max: MAX_UNIX_SECONDS });
    case "duration":
      return durationFlag(stringFlag(context, flag));
    case "body":
      return bodyFlag(context, stringFlag(context, flag));
    case "boolean":
      return context.values[flag] === true ? true : undefined;
    case "repeated":
      return repeated(context, row, flag, report);
    case "flow-control":
      return flowControl(context, report);
    case "headers":
      return headerFlags(context);
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

/** A bare number is seconds, as the SDKs take a number `delay` or `timeout`; anything else is a duration for the builder to check. */
function durationFlag(text: string | undefined): string | number | undefined {
  return text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function headerFlags(context: CommandContext): Record<string, string> | undefined {
  const list = (context.values.header as string[] | undefined) ?? [];
  if (list.length === 0) return undefined;
  const headers: Record<string, string> = {};
  for (const header of list) {
    const colon = header.indexOf(":");
    if (colon <= 0) {
      context.problems.add(`--header must look like 'Name: value', not '${header}'`, "header");
      continue;
    }
    Object.defineProperty(headers, header.slice(0, colon).trim(), {
      value: header.slice(colon + 1).trim(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return headers;
}
