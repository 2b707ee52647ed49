import { reportBounded } from "../diagnostics/bounded.js";
import { isPlainObjectLike, snapshotOwn, type OwnSnapshot } from "../diagnostics/own.js";
import { showValue } from "../diagnostics/show.js";
import { closestName } from "../diagnostics/suggest.js";
import type { UpstashPlan } from "../duration/plans.js";
import { familyOf, type BuildContext, type Endpoint } from "./context.js";
import { HeaderList } from "./header-list.js";
import { checkRawUpstashHeader } from "./parse-header.js";
import type { Report } from "./report.js";
import { nameOf } from "./rows.js";
import { destinationName, OPTION_TABLE, rowsFor, type HeaderRow } from "./table.js";
import { checkUrl } from "./values/text.js";
import { buildBody, readUserHeaders, type UserHeader } from "./values/payload.js";

/** One message as assembled from options: where it goes, its headers, and its body. */
export interface Message {
  readonly destination: string;
  readonly headers: HeaderList;
  /** Header name (lower-case) → the option path it came from, for diagnostics at assembly. */
  readonly origins: ReadonlyMap<string, string>;
  readonly body: string | undefined;
  readonly queue: string | undefined;
}

export interface MessageSettings {
  readonly plan: UpstashPlan | undefined;
  readonly now: number;
}

const FAILURE_PREFIX = "Upstash-Failure-Callback-";
const FORWARD_PREFIX = "Upstash-Forward-";

/** Builds one message of `endpoint` from caller options, reporting under `prefix` (`""`, or `[3].` in a batch). Undefined when any error was found. */
export function buildMessage(
  endpoint: Endpoint,
  options: unknown,
  settings: MessageSettings,
  report: Report,
  prefix: string,
): Message | undefined {
  const mark = report.diagnostics.length;
  const read = isPlainObjectLike(options) ? snapshotOwn(options) : undefined;
  if (read === undefined || !read.ok) {
    report.add(
      "invalid-options",
      "error",
      `the ${endpoint} options must be an object such as \`{ url }\``,
      prefix.replace(/\.$/, ""),
      "",
      read?.ok === false ? { hint: read.reason } : {},
    );
    return undefined;
  }
  const values = read.value;
  warnAboutUnknownOptions(endpoint, read.keys, report, prefix);
  const headers = new HeaderList();
  const origins = new Map<string, string>();
  const ctx: BuildContext = {
    endpoint,
    family: familyOf(endpoint),
    options: values,
    report,
    headers,
    plan: settings.plan,
    now: settings.now,
  };
  reportMissing(endpoint, values, report, prefix);
  const destination = readDestination(endpoint, values, report, prefix);
  for (const row of rowsFor(endpoint)) if (row.kind === "header") applyRow(row, values, ctx, prefix, origins);
  if (values.delay !== undefined && values.notBefore !== undefined) {
    report.add(
      "not-before-overrides-delay",
      "warning",
      "both `delay` and `notBefore` are given; `notBefore` takes precedence",
      `${prefix}notBefore`,
      showValue(values.notBefore),
      { hint: "drop one of them" },
    );
  }
  const forwarded = values.headers === undefined ? [] : readUserHeaders(values.headers, `${prefix}headers`, report);
  placeUserHeaders(forwarded, ctx, prefix, origins);
  const body = values.body === undefined ? undefined : buildBody(values.body, `${prefix}body`, ctx);
  // schedules.create sets JSON whenever the caller gave no Content-Type; the others only for a JSON body.
  if ((body?.json === true || endpoint === "schedule") && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  if (ctx.family === "workflow") copyToFailureCallback(headers, forwarded, origins);
  const queue = endpoint === "enqueue" || endpoint === "batch" ? takeQueue(headers) : undefined;
  if (report.failedSince(mark) || destination === undefined) return undefined;
  return { destination, headers, origins, body: body?.text, queue };
}

function warnAboutUnknownOptions(endpoint: Endpoint, keys: readonly string[], report: Report, prefix: string): void {
  const known = rowsFor(endpoint).map((row) => nameOf(row, endpoint));
  // Options parsed from a request body can hold any number of keys: the first few get suggestions, the rest a count.
  reportBounded(
    keys.filter((key) => !known.includes(key)),
    (key) => {
      const suggestion = closestName(key, known);
      report.add(
        "unknown-option",
        "warning",
        `unknown option \`${key.slice(0, 80)}\`; it is ignored`,
        `${prefix}${key}`,
        key,
        suggestion === undefined ? {} : { hint: `did you mean \`${suggestion}\`?` },
      );
    },
    (more) => {
      report.add(
        "unknown-option",
        "warning",
        `and ${more} more unknown ${more === 1 ? "option" : "options"}; they are ignored`,
        prefix.replace(/\.$/, ""),
        "",
      );
    },
  );
}

/** The options the endpoint's SDK call requires, each missing one reported as its row says. */
function reportMissing(endpoint: Endpoint, values: OwnSnapshot, report: Report, prefix: string): void {
  for (const row of rowsFor(endpoint)) {
    const name = nameOf(row, endpoint);
    if (row.required === undefined || !row.required.on.includes(endpoint) || values[name] !== undefined) continue;
    const { code, why, hint } = row.required;
    report.add(code, "error", `\`${name}\` is required: ${why}`, `${prefix}${name}`, "", hint === undefined ? {} : { hint });
  }
}

function readDestination(endpoint: Endpoint, values: OwnSnapshot, report: Report, prefix: string): string | undefined {
  const option = destinationName(endpoint);
  const value = values[option];
  if (value === undefined) return undefined;
  return checkUrl(value, `${prefix}${option}`, report) ? value : undefined;
}

function applyRow(row: HeaderRow, values: OwnSnapshot, ctx: BuildContext, prefix: string, origins: Map<string, string>): void {
  const path = `${prefix}${row.option}`;
  const value = values[row.option];
  // qstash-js always sends Upstash-Method on messages; schedules.create only when given.
  const given = value === undefined && row.option === "method" && ctx.endpoint !== "schedule" ? "POST" : value;
  if (given === undefined) return;
  const built = row.build(given, path, ctx);
  if (built === undefined) return;
  row.headers.forEach((header, i) => {
    ctx.headers.set(header, built[i] ?? "");
    origins.set(header.toLowerCase(), path);
  });
}

/** Forwarded headers: @upstash/workflow forwards every one; qstash-js passes `Content-Type` and `Upstash-*` names through as they are. */
function placeUserHeaders(forwarded: readonly UserHeader[], ctx: BuildContext, prefix: string, origins: Map<string, string>): void {
  for (const { name, value } of forwarded) {
    const path = `${prefix}headers.${name}`;
    const lower = name.toLowerCase();
    // @upstash/workflow reads an empty Content-Type as none and falls back to JSON: an empty one is never sent raw.
    if (lower === "content-type" && !(value === "" && ctx.family === "workflow")) ctx.headers.set("Content-Type", value);
    if (ctx.family === "qstash" && lower.startsWith("upstash-")) {
      checkRawUpstashHeader(name, value, ctx.endpoint, ctx.report, path);
      ctx.headers.set(name, value);
      origins.set(lower, path);
      continue;
    }
    if (ctx.family === "qstash" && lower === "content-type") continue;
    ctx.headers.set(`${FORWARD_PREFIX}${ctx.family === "qstash" ? lower : name}`, value);
    origins.set(`${FORWARD_PREFIX}${name}`.toLowerCase(), path);
  }
}

/** @upstash/workflow gives the failure callback its own copy of each setting and forwarded header. */
function copyToFailureCallback(headers: HeaderList, forwarded: readonly UserHeader[], origins: Map<string, string>): void {
  if (headers.get("Upstash-Failure-Callback") === undefined) return;
  for (const row of rowsFor("trigger")) {
    if (row.kind !== "header" || !row.failureCopy) continue;
    for (const header of row.headers) copyHeader(headers, origins, header, `${FAILURE_PREFIX}${header.slice("Upstash-".length)}`);
  }
  if (OPTION_TABLE.some((row) => row.kind === "payload" && row.place === "headers" && row.failureCopy)) {
    for (const { name } of forwarded) copyHeader(headers, origins, `${FORWARD_PREFIX}${name}`, `${FAILURE_PREFIX}Forward-${name}`);
  }
}

function copyHeader(headers: HeaderList, origins: Map<string, string>, from: string, to: string): void {
  const value = headers.get(from);
  if (value === undefined) return;
  headers.set(to, value);
  const origin = origins.get(from.toLowerCase());
  if (origin !== undefined) origins.set(to.toLowerCase(), origin);
}

/** Enqueue and batch carry the queue in the path or the item, not in a header. */
function takeQueue(headers: HeaderList): string | undefined {
  const queue = headers.get("Upstash-Queue-Name");
  if (queue !== undefined) headers.delete("Upstash-Queue-Name");
  return queue;
}
