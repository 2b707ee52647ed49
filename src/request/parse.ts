import { reportBounded } from "../diagnostics/bounded.js";
import { closestName } from "../diagnostics/suggest.js";
import type { Endpoint, ParseContext } from "./context.js";
import { isKnownHeader, KNOWN_HEADER_NAMES, placeOf } from "./parse-header.js";
import { Report } from "./report.js";
import { firstUnsafeCharacter, isHeaderName } from "./safety.js";
import { rowsFor, type HeaderRow } from "./table.js";
import { parseRetries } from "./values/numbers.js";

/** Lower-cased name → the value given and its name as written. */
export type HeaderMap = ReadonlyMap<string, { readonly name: string; readonly value: string }>;

const FORWARD = "upstash-forward-";

/**
 * Reads every option the endpoint's rows carry from a header map, each with
 * its own language, and returns the options in canonical form. The
 * `Upstash-Callback-*` and `Upstash-Failure-Callback-*` copies are checked
 * with the same languages; for qstash endpoints they come back in `headers`
 * as the raw names qstash-js passes through, so building the options again
 * sends them again.
 */
export function readOptions(endpoint: Endpoint, headers: HeaderMap, report: Report): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const get = (name: string): string | undefined => headers.get(name.toLowerCase())?.value;
  const mainRetries = retriesOf("Upstash-Retries", get);
  for (const row of rowsFor(endpoint)) {
    if (row.kind !== "header" || !row.headers.some((h) => get(h) !== undefined)) continue;
    const ctx: ParseContext = { endpoint, report, get, retries: mainRetries };
    const value = row.parse(row.headers.map(get), ctx);
    if (value !== undefined) setOwn(options, row.option, value);
  }
  checkCallbackFamilies(endpoint, headers, report);
  const passed = forwardedAndPassedThrough(endpoint, headers, report);
  if (Object.keys(passed).length > 0) options.headers = passed;
  return options;
}

/** `retries` read quietly for the retry-delay domain; the row itself reports its problems. */
function retriesOf(header: string, get: (name: string) => string | undefined): number | undefined {
  const text = get(header);
  return text === undefined ? undefined : parseRetries(text, header, new Report());
}

function checkCallbackFamilies(endpoint: Endpoint, headers: HeaderMap, report: Report): void {
  for (const family of ["Upstash-Callback-", "Upstash-Failure-Callback-"]) {
    const get = (name: string): string | undefined => headers.get(name.toLowerCase())?.value;
    const retries = retriesOf(`${family}Retries`, get);
    const checked = new Set<HeaderRow>();
    for (const [lower] of headers) {
      const place = placeOf(lower);
      if (place === undefined || place.family !== family || checked.has(place.row)) continue;
      checked.add(place.row);
      const names = place.row.headers.map((h) => `${family}${h.slice("Upstash-".length)}`);
      const ctx: ParseContext = { endpoint, report, get, retries };
      const mark = report.diagnostics.length;
      place.row.parse(names.map(get), ctx);
      renamePaths(report, mark, place.row.headers, names);
    }
  }
}

/** The row's parser reports under its own header names; a copy's problems belong to the copy's header. */
function renamePaths(report: Report, mark: number, from: readonly string[], to: readonly string[]): void {
  for (let i = mark; i < report.diagnostics.length; i++) {
    const d = report.diagnostics[i];
    const at = d === undefined ? -1 : from.indexOf(d.path);
    if (d !== undefined && at >= 0) report.diagnostics[i] = { ...d, path: to[at] ?? d.path };
  }
}

/** `Upstash-Forward-*` unwrapped into `headers`; for qstash endpoints, callback-family headers kept as raw names. */
function forwardedAndPassedThrough(endpoint: Endpoint, headers: HeaderMap, report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [lower, { name, value }] of headers) {
    if (lower.startsWith(FORWARD)) {
      const inner = name.slice(FORWARD.length);
      if (!isHeaderName(inner)) report.add("invalid-header", "error", `\`${name.slice(0, 80)}\` forwards no valid header name`, name, name);
      // The SDK's own protocol headers ride along as forwards; they are not the caller's.
      else if (!/^upstash-(workflow-sdk-version|label)$/i.test(inner)) setOwn(out, inner, value);
      continue;
    }
    if (!lower.startsWith("upstash-")) continue;
    const place = placeOf(lower);
    if (endpoint !== "trigger" && place !== undefined && place.family !== "") setOwn(out, name, value);
    else if (endpoint !== "trigger" && place === undefined && /^upstash-(callback|failure-callback)-forward-/.test(lower))
      setOwn(out, name, value);
    if (!isKnownHeader(lower)) unknown.push(name);
  }
  warnAboutUnknown(unknown, report);
  return out;
}

function warnAboutUnknown(unknown: readonly string[], report: Report): void {
  // Each suggestion costs edit distances against every known header, so a
  // request stuffed with thousands of them gets a bounded number of warnings.
  reportBounded(
    unknown,
    (name) => {
      const suggestion = closestName(name, KNOWN_HEADER_NAMES);
      report.add(
        "unknown-upstash-header",
        "warning",
        `unknown header \`${name.slice(0, 80)}\``,
        name,
        name,
        suggestion === undefined ? {} : { hint: `did you mean \`${suggestion}\`?` },
      );
    },
    (more) => {
      report.add(
        "unknown-upstash-header",
        "warning",
        `and ${more} more unknown \`Upstash-*\` ${more === 1 ? "header" : "headers"}`,
        "",
        "",
      );
    },
  );
}

/** defineProperty, not assignment: a header named `__proto__` must stay a plain entry. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Refuses a header value no HTTP request can carry, so a parsed option never holds one. */
export function checkArrivedValue(name: string, value: string, report: Report): boolean {
  const bad = firstUnsafeCharacter(value);
  if (bad === undefined) return true;
  report.add("invalid-header-value", "error", `\`${name.slice(0, 80)}\` holds ${bad.shown}, which no HTTP header can carry`, name, value, {
    span: { start: bad.at, end: bad.at + 1 },
  });
  return false;
}
