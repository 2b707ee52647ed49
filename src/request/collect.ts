import { isPlainObjectLike, snapshotOwn } from "../diagnostics/own.js";
import { checkArrivedValue } from "./parse.js";
import type { Report } from "./report.js";

/**
 * Incoming headers in any common shape: a `Headers`, a plain record (Node's
 * `IncomingHttpHeaders` included), or name/value pairs.
 *
 * @example
 * ```ts
 * parseTriggerHeaders(new Headers({ "Upstash-Delay": "10s" }));
 * parseTriggerHeaders({ "upstash-delay": "10s" });
 * parseTriggerHeaders([["Upstash-Delay", "10s"]]);
 * ```
 */
export type HeaderInput =
  | {
      /** As `Headers.forEach` calls it. */
      forEach(callback: (value: string, name: string) => void): void;
    }
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | Iterable<readonly [string, string]>;

/**
 * Longest header value read; a 1 MB value is refused at once.
 *
 * @example
 * ```ts
 * parseTriggerHeaders({ "upstash-retry-delay": "1".repeat(MAX_HEADER_VALUE_LENGTH + 1) }).ok; // false
 * ```
 */
export const MAX_HEADER_VALUE_LENGTH = 8192;

/** Most headers read from one request; a request with more is refused, so work stays bounded. */
export const MAX_HEADER_COUNT = 10_000;

/**
 * Lower-cased name → the last value given and its name as written. Repeats
 * are warned about, huge or unsafe values refused, and a throwing input (a
 * revoked Proxy, a getter) becomes a diagnostic.
 */
export function collectHeaders(input: unknown, report: Report): Map<string, { name: string; value: string }> {
  const found = new Map<string, { name: string; value: string }>();
  let count = 0;
  const put = (name: unknown, value: unknown): void => {
    if (typeof name !== "string" || ++count > MAX_HEADER_COUNT) return;
    const text = Array.isArray(value)
      ? value.filter((v) => typeof v === "string").join(", ")
      : typeof value === "string"
        ? value
        : undefined;
    if (text === undefined) return;
    if (text.length > MAX_HEADER_VALUE_LENGTH) {
      report.add(
        "invalid-header-value",
        "error",
        `\`${name.slice(0, 80)}\` is ${text.length} characters long; the limit is ${MAX_HEADER_VALUE_LENGTH}`,
        name,
        "",
        { span: { start: 0, end: 0 } },
      );
      return;
    }
    if (!checkArrivedValue(name, text, report)) return;
    const lower = name.toLowerCase();
    if (found.has(lower))
      report.add("duplicate-header", "warning", `\`${name.slice(0, 80)}\` is given more than once; the last value is used`, name, text);
    found.set(lower, { name, value: text });
  };
  try {
    readInput(input, put);
  } catch {
    report.add("invalid-header-value", "error", "the headers could not be read", "", "");
  }
  if (count > MAX_HEADER_COUNT)
    report.add("invalid-header-value", "error", `the request has more than ${MAX_HEADER_COUNT} headers; the rest are not read`, "", "");
  return found;
}

function readInput(input: unknown, put: (name: unknown, value: unknown) => void): void {
  if (input === null || typeof input !== "object") return;
  const forEach = (input as { forEach?: unknown }).forEach;
  if (typeof forEach === "function" && !Array.isArray(input)) {
    (forEach as (callback: (value: unknown, name: unknown) => void) => void).call(input, (value, name) => {
      put(name, value);
    });
    return;
  }
  const iterator = (input as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  if (typeof iterator === "function") {
    for (const pair of input as Iterable<unknown>) if (Array.isArray(pair)) put(pair[0], pair[1]);
    return;
  }
  if (!isPlainObjectLike(input)) return;
  const read = snapshotOwn(input);
  if (!read.ok) throw new Error(read.reason);
  for (const name of read.keys) put(name, read.value[name]);
}

/**
 * Query-parameter configuration (`?upstash-retries=3&upstash-delay=100s`),
 * which Upstash documents for `/v2/publish`: each `upstash-*` parameter is a
 * header of the same name. A header given both ways keeps the header's value
 * (Upstash does not say which wins), with a warning.
 */
export function mergeQuery(headers: Map<string, { name: string; value: string }>, query: string, report: Report): void {
  const text = query.startsWith("?") ? query.slice(1) : query;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? "" : pair.slice(eq + 1));
    if (name === undefined || value === undefined) {
      report.add(
        "invalid-header-value",
        "error",
        `the query parameter \`${pair.slice(0, 80)}\` is not valid percent-encoding`,
        "query",
        pair,
      );
      continue;
    }
    const lower = name.toLowerCase();
    if (!lower.startsWith("upstash-") || lower === "upstash-forward-") continue;
    if (headers.has(lower)) {
      report.add(
        "duplicate-header",
        "warning",
        `\`${name}\` is given as a header and as a query parameter; the header is used`,
        `query.${name}`,
        value,
      );
      continue;
    }
    if (checkArrivedValue(name, value, report) && value.length <= MAX_HEADER_VALUE_LENGTH) headers.set(lower, { name, value });
  }
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}
