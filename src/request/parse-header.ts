import type { Endpoint, ParseContext } from "./context.js";
import type { Report } from "./report.js";
import { OPTION_TABLE, PROTOCOL_HEADERS, type HeaderRow } from "./table.js";

/** Where a header name points in the table: its row, which of the row's headers, and the message family it configures. */
export interface HeaderPlace {
  readonly row: HeaderRow;
  readonly index: number;
  /** `""` for the message itself, else the callback family prefix it carried. */
  readonly family: "" | "Upstash-Callback-" | "Upstash-Failure-Callback-";
}

/** Lower-cased header name → its place: built once from the table, so lookups are O(1). */
const PLACES: ReadonlyMap<string, HeaderPlace> = (() => {
  const places = new Map<string, HeaderPlace>();
  for (const row of OPTION_TABLE) {
    if (row.kind !== "header") continue;
    row.headers.forEach((header, index) => {
      // failureUrl and failureCallback share Upstash-Failure-Callback; the first row wins, and both read it the same way.
      if (!places.has(header.toLowerCase())) places.set(header.toLowerCase(), { row, index, family: "" });
      if (!row.callbackFamilies) return;
      const rest = header.slice("Upstash-".length);
      for (const family of ["Upstash-Callback-", "Upstash-Failure-Callback-"] as const)
        places.set(`${family}${rest}`.toLowerCase(), { row, index, family });
    });
  }
  return places;
})();

const PROTOCOL: ReadonlySet<string> = new Set(PROTOCOL_HEADERS.map((h) => h.toLowerCase()));

/** The canonical spelling of every header the table knows, for did-you-mean hints. */
export const KNOWN_HEADER_NAMES: readonly string[] = [...PLACES.entries()]
  .map(([lower, place]) => canonical(lower, place))
  .concat(PROTOCOL_HEADERS);

function canonical(lower: string, place: HeaderPlace): string {
  const header = place.row.headers[place.index] ?? lower;
  return place.family === "" ? header : `${place.family}${header.slice("Upstash-".length)}`;
}

export function placeOf(lowerName: string): HeaderPlace | undefined {
  return PLACES.get(lowerName);
}

/** Whether an `Upstash-*` header is one Upstash or the SDKs document: a table row, a callback copy, a forward, or protocol. */
export function isKnownHeader(lower: string): boolean {
  if (PLACES.has(lower) || PROTOCOL.has(lower)) return true;
  if (
    lower.startsWith("upstash-forward-") ||
    lower.startsWith("upstash-callback-forward-") ||
    lower.startsWith("upstash-failure-callback-forward-")
  )
    return true;
  // The SDKs' own protocol headers for callbacks (Workflow-*, Feature-Set) and nested families.
  const nested = /^upstash-(?:callback-|failure-callback-)+(.*)$/.exec(lower);
  return nested !== null && (PROTOCOL.has(`upstash-${nested[1] ?? ""}`) || PLACES.has(`upstash-${nested[1] ?? ""}`));
}

/** Reads one header of a multi-header row with the other headers of its family absent. */
function readAlone(place: HeaderPlace, value: string, ctx: ParseContext): void {
  const values = place.row.headers.map((_, i) => (i === place.index ? value : undefined));
  place.row.parse(values, ctx);
}

/**
 * Checks an `Upstash-*` header a caller passes through the `headers` option
 * (qstash-js sends those as they are) with the language its row names.
 * Unknown ones get a warning.
 */
export function checkRawUpstashHeader(name: string, value: string, endpoint: Endpoint, report: Report, path: string): void {
  const lower = name.toLowerCase();
  const place = PLACES.get(lower);
  if (place !== undefined) {
    const mark = report.diagnostics.length;
    readAlone(place, value, { endpoint, report, get: () => undefined, retries: undefined });
    // Point the diagnostics at the option the caller wrote.
    for (let i = mark; i < report.diagnostics.length; i++) {
      const d = report.diagnostics[i];
      if (d !== undefined) report.diagnostics[i] = { ...d, path };
    }
    return;
  }
  if (!isKnownHeader(lower))
    report.add("unknown-upstash-header", "warning", `unknown header \`${name.slice(0, 80)}\`; it is sent as it is`, path, name);
}
