import { isPlainObjectLike, snapshotOwn } from "../../diagnostics/own.js";
import { showValue } from "../../diagnostics/show.js";
import { PLAN_LIMITS } from "../../duration/plans.js";
import type { BuildContext } from "../context.js";
import type { Report } from "../report.js";
import { isHeaderName } from "../safety.js";
import { trimEdges } from "./trim.js";

/** One forwarded header as the caller named it. */
export interface UserHeader {
  readonly name: string;
  readonly value: string;
}

/**
 * `headers`: the caller's headers, read once (own properties only), each
 * name checked, each value trimmed as `Headers` trims it, and names that
 * differ only in case joined with `, ` as `fetch` joins them. A Map keyed by
 * the lower-cased name keeps this linear in the number of headers.
 */
export function readUserHeaders(value: unknown, path: string, report: Report): UserHeader[] {
  const read = isPlainObjectLike(value) ? snapshotOwn(value) : undefined;
  if (read === undefined || !read.ok) {
    report.add(
      "invalid-header",
      "error",
      `\`${path}\` must be an object of header names to values`,
      path,
      showValue(value),
      read?.ok === false ? { hint: read.reason } : {},
    );
    return [];
  }
  const byLower = new Map<string, { name: string; value: string }>();
  for (const name of read.keys) {
    const raw = read.value[name];
    const at = `${path}.${name}`;
    if (!isHeaderName(name)) {
      report.add("invalid-header", "error", `\`${name.slice(0, 80)}\` is not a valid header name`, at, name, {
        hint: "header names are letters, digits and `!#$%&'*+-.^_`|~`",
      });
      continue;
    }
    if (typeof raw !== "string") {
      report.add("invalid-header", "error", `the value of \`${name}\` must be a string, not ${showValue(raw)}`, at, showValue(raw));
      continue;
    }
    const text = trimEdges(raw);
    if (text !== raw)
      report.add(
        "header-value-trimmed",
        "warning",
        `the value of \`${name}\` has leading or trailing whitespace, which HTTP strips`,
        at,
        raw,
        { hint: `it arrives as \`${text}\`` },
      );
    const lower = name.toLowerCase();
    const earlier = byLower.get(lower);
    if (earlier === undefined) byLower.set(lower, { name, value: text });
    else {
      report.add(
        "duplicate-header",
        "warning",
        `\`${name}\` and \`${earlier.name}\` are the same header; their values are joined with \`, \``,
        at,
        name,
      );
      earlier.value = `${earlier.value}, ${text}`;
    }
  }
  return [...byLower.values()];
}

/** The body: a string as is, anything else as JSON (what `publishJSON` and `client.trigger` send). */
export function buildBody(value: unknown, path: string, ctx: BuildContext): { text: string; json: boolean } | undefined {
  if (typeof value === "string") return checkSize({ text: value, json: false }, path, ctx);
  let text: unknown;
  try {
    // undefined for a function, a symbol or undefined, whatever the declared type says.
    text = JSON.stringify(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : showValue(error);
    ctx.report.add("invalid-body", "error", `\`${path}\` cannot be serialized to JSON: ${reason}`, path, "");
    return undefined;
  }
  if (typeof text !== "string") {
    ctx.report.add("invalid-body", "error", `\`${path}\` of type ${typeof value} has no JSON form`, path, "");
    return undefined;
  }
  return checkSize({ text, json: true }, path, ctx);
}

function checkSize(body: { text: string; json: boolean }, path: string, ctx: BuildContext): { text: string; json: boolean } | undefined {
  if (ctx.plan === undefined) return body;
  const max = PLAN_LIMITS[ctx.plan].maxMessageBytes;
  // Every UTF-16 unit is at most 3 UTF-8 bytes: only count when it could matter.
  const bytes = body.text.length * 3 <= max ? 0 : utf8Length(body.text);
  if (bytes <= max) return body;
  ctx.report.add(
    "body-over-plan-limit",
    "error",
    `the body is ${bytes} bytes; the ${ctx.plan} plan's maximum message size is ${max} bytes`,
    path,
    "",
    {
      hint: "Upstash answers 412 for a larger message (upstash.com/pricing/qstash)",
    },
  );
  return undefined;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
