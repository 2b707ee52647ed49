// The shapes of the request-option table's rows, and the helpers its rows are written with.
import { expectObject, expectString } from "../diagnostics/arguments.js";
import { NAME_PATTERN } from "../flow-control/key.js";
import type { TriggerCode } from "../trigger/codes.js";
import type { BuildContext, Endpoint, ParseContext } from "./context.js";

/**
 * A JSON Schema fragment for one option.
 *
 * @example
 * ```ts
 * const schema: JsonSchema | undefined = OPTION_TABLE.find((r) => r.option === "retries")?.schema; // { type: "integer", … }
 * ```
 */
export type JsonSchema = { readonly [key: string]: unknown };

export const ALL: readonly Endpoint[] = ["trigger", "publish", "enqueue", "batch", "schedule"];
export const QSTASH: readonly Endpoint[] = ["publish", "enqueue", "batch", "schedule"];
export const MESSAGES: readonly Endpoint[] = ["publish", "enqueue", "batch"];

/**
 * An option that becomes one or more `Upstash-*` headers.
 *
 * @example
 * ```ts
 * const row = OPTION_TABLE.find((r): r is HeaderRow => r.kind === "header" && r.option === "flowControl");
 * row?.headers; // ["Upstash-Flow-Control-Key", "Upstash-Flow-Control-Value"]
 * ```
 */
export interface HeaderRow extends RowFacts {
  readonly kind: "header";
  /** The SDK option name. */
  readonly option: string;
  /** The headers it sets, in order; `build` returns one value for each. */
  readonly headers: readonly string[];
  /** The value language, as the docs name it. */
  readonly language: string;
  readonly endpoints: readonly Endpoint[];
  /** @upstash/workflow copies it to the failure callback (`Upstash-Failure-Callback-<rest>`) when one is set. */
  readonly failureCopy: boolean;
  /** `Upstash-Callback-<rest>` and `Upstash-Failure-Callback-<rest>` take the same language on the parse side. */
  readonly callbackFamilies: boolean;
  readonly doc: string;
  readonly schema: JsonSchema;
  /**
   * Checks the option's value and writes the header values, or reports and returns undefined (also when nothing is sent).
   * @hidden The library's own machinery: its context type is internal.
   */
  readonly build: (value: unknown, path: string, ctx: BuildContext) => readonly string[] | undefined;
  /**
   * Reads the headers back into the option's canonical value; called when any of them is present.
   * @hidden The library's own machinery: its context type is internal.
   */
  readonly parse: (values: readonly (string | undefined)[], ctx: ParseContext) => unknown;
}

/**
 * Facts every row may carry besides its place: where it is required, and where an SDK names it differently.
 *
 * @example
 * ```ts
 * const facts: RowFacts = { tsType: "string", required: { on: ["schedule"], code: "missing-cron", why: "when the schedule runs" } };
 * ```
 */
export interface RowFacts {
  /** The option's TypeScript type, as the generated option interfaces (`TriggerOptions`, `PublishOptions`, …) declare it. */
  readonly tsType: string;
  /** The endpoints whose SDK call requires the option, and the diagnostic when it is missing. */
  readonly required?: { readonly on: readonly Endpoint[]; readonly code: TriggerCode; readonly why: string; readonly hint?: string };
  /** The option's name where an SDK call names it differently (`destination` in `schedules.create`). */
  readonly renamed?: Readonly<Partial<Record<Endpoint, string>>>;
}

/**
 * An option that shapes the request itself: its URL, its body, or the forwarded headers.
 *
 * @example
 * ```ts
 * const row = OPTION_TABLE.find((r): r is PayloadRow => r.kind === "payload" && r.option === "body");
 * row?.place; // "body"
 * ```
 */
export interface PayloadRow extends RowFacts {
  readonly kind: "payload";
  readonly option: string;
  /** Where it goes: the URL, the body, the forwarded headers, or nowhere (an SDK setting that sends nothing). */
  readonly place: "destination" | "body" | "headers" | "none";
  readonly language: string;
  readonly endpoints: readonly Endpoint[];
  /** @upstash/workflow copies each forwarded header to the failure callback (`Upstash-Failure-Callback-Forward-<name>`). */
  readonly failureCopy: boolean;
  readonly doc: string;
  readonly schema: JsonSchema;
}

/**
 * One row of {@link OPTION_TABLE}: an option sent as headers, or one that shapes the request itself.
 *
 * @example
 * ```ts
 * const row: OptionRow | undefined = OPTION_TABLE.find((r) => r.option === "retries");
 * row?.kind; // "header"
 * ```
 */
export type OptionRow = HeaderRow | PayloadRow;

/**
 * The option's name in an endpoint's SDK call: `destination` for the URL of a schedule, else the row's option.
 *
 * @example
 * ```ts
 * optionName(OPTION_TABLE[0]!, "schedule"); // "destination"
 * ```
 */
export function optionName(row: OptionRow, endpoint: Endpoint): string {
  const checked = expectObject(row, "the row");
  const option = expectString(checked.option, "row.option");
  const renamed = checked.renamed === undefined ? {} : expectObject(checked.renamed, "row.renamed");
  // Own properties only (expectObject snapshots them): an endpoint named `__proto__` finds nothing.
  const name = typeof endpoint === "string" && Object.hasOwn(renamed, endpoint) ? renamed[endpoint] : undefined;
  return typeof name === "string" ? name : option;
}

/** {@link optionName} for the library's own rows, which need no argument checks: the builders ask for every row of every message. */
export function nameOf(row: OptionRow, endpoint: Endpoint): string {
  const renamed = row.renamed;
  return renamed !== undefined && Object.hasOwn(renamed, endpoint) ? (renamed[endpoint] ?? row.option) : row.option;
}

type One = (value: unknown, path: string, ctx: BuildContext) => string | undefined;
type ReadOne = (text: string, header: string, ctx: ParseContext) => unknown;

/** A row of one header. */
export function single(
  row: Omit<HeaderRow, "kind" | "headers" | "build" | "parse" | "failureCopy" | "callbackFamilies"> & {
    header: string;
    failureCopy?: boolean;
    callbackFamilies?: boolean;
    build: One;
    parse: ReadOne;
  },
): HeaderRow {
  const { header, build, parse, ...rest } = row;
  return {
    kind: "header",
    ...rest,
    headers: [header],
    failureCopy: row.failureCopy ?? false,
    callbackFamilies: row.callbackFamilies ?? false,
    build: (value, path, ctx) => {
      const text = build(value, path, ctx);
      return text === undefined ? undefined : [text];
    },
    parse: ([text], ctx) => (text === undefined ? undefined : parse(text, header, ctx)),
  };
}

export const url: JsonSchema = { type: "string", pattern: "^https?://", description: "an absolute http:// or https:// URL" };
export const duration: JsonSchema = {
  oneOf: [
    { type: "string", description: "a duration such as 10s or 1d10h30m" },
    { type: "number", minimum: 0, description: "seconds" },
  ],
};
export const resourceName: JsonSchema = { type: "string", pattern: NAME_PATTERN.source };

/**
 * `Upstash-*` headers that carry no option: the SDKs' own workflow protocol
 * and telemetry, and webhook switches. The parser knows them, so they get
 * no `unknown-upstash-header` warning.
 */
export const PROTOCOL_HEADERS: readonly string[] = [
  "Upstash-Workflow-Init",
  "Upstash-Workflow-Url",
  "Upstash-Workflow-Sdk-Version",
  "Upstash-Workflow-Calltype",
  "Upstash-Feature-Set",
  "Upstash-Telemetry-Sdk",
  "Upstash-Telemetry-Framework",
  "Upstash-Telemetry-Runtime",
  "Upstash-Telemetry-Platform",
  "Upstash-Header-Forward",
];
