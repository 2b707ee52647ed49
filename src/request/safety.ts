import type { Report } from "./report.js";

/*
 * The header-safety invariant: nothing this library emits as a header may
 * split a request or be refused by the host. Checked once, where a message's
 * headers are assembled, rather than option by option, so no new option can
 * forget it. The rules are those of `fetch`'s Headers and Node's
 * http.validateHeaderName / validateHeaderValue, the strictest hosts.
 */

/** An RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Tab, printable ASCII and Latin-1 above DEL: what `fetch` and `node:http` accept in a value. CR, LF and NUL are not among them. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Whether `name` is a valid header name. */
export function isHeaderName(name: string): boolean {
  return HEADER_NAME.test(name);
}

/** Whether `value` can travel as a header value unchanged: allowed characters, and no leading or trailing whitespace a host would strip. */
export function isHeaderValue(value: string): boolean {
  return HEADER_VALUE.test(value) && !/^[\t ]|[\t ]$/.test(value);
}

const CONTROL_NAMES: ReadonlyMap<number, string> = new Map([
  [0, "NUL"],
  [10, "a line feed (LF)"],
  [13, "a carriage return (CR)"],
]);

/** The first character of `text` a header cannot carry, as an offset and a name for messages. */
export function firstUnsafeCharacter(text: string): { at: number; shown: string } | undefined {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 9 || (code >= 0x20 && code !== 0x7f && code <= 0xff)) continue;
    return { at, shown: CONTROL_NAMES.get(code) ?? `U+${code.toString(16).toUpperCase().padStart(4, "0")}` };
  }
  return undefined;
}

/**
 * Checks every header of an assembled message and reports each unsafe one
 * under `pathOf(name)`. Returns whether all are safe.
 */
export function checkHeaders(
  headers: Iterable<{ name: string; value: string }>,
  report: Report,
  pathOf: (name: string) => string,
): boolean {
  let safe = true;
  for (const { name, value } of headers) {
    if (!isHeaderName(name)) {
      report.add("unsafe-header", "error", `\`${name.slice(0, 80)}\` cannot be sent as a header name`, pathOf(name), name, {
        hint: "header names are letters, digits and `!#$%&'*+-.^_`|~`",
      });
      safe = false;
      continue;
    }
    const bad = firstUnsafeCharacter(value);
    if (bad !== undefined) {
      report.add("unsafe-header", "error", `\`${name}\` would carry ${bad.shown}, which a header cannot`, pathOf(name), value, {
        span: { start: bad.at, end: bad.at + 1 },
        hint: "header values cannot hold line breaks, NUL or characters above U+00FF",
      });
      safe = false;
    } else if (!isHeaderValue(value)) {
      report.add("unsafe-header", "error", `\`${name}\` would start or end with whitespace, which HTTP strips`, pathOf(name), value, {
        hint: "trim the value",
      });
      safe = false;
    }
  }
  return safe;
}
