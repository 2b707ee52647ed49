import { isArraySafe, isPlainObjectLike, snapshotArray, snapshotOwn } from "../../diagnostics/own.js";
import { showValue } from "../../diagnostics/show.js";
import { resourceNameDiagnostics } from "../../flow-control/key.js";
import type { BuildContext } from "../context.js";
import type { Report } from "../report.js";
import { isHeaderName } from "../safety.js";
import { trimmed } from "./trim.js";

/** `label`: one name or several, joined with `,` as both SDKs do. */
export function buildLabels(value: unknown, path: string, ctx: BuildContext): string | undefined {
  const isList = isArraySafe(value);
  const read = isList ? snapshotArray(value) : { ok: true as const, items: [value] };
  if (!read.ok) {
    ctx.report.add("invalid-label", "error", `\`${path}\` could not be read`, path, "", { hint: read.reason });
    return undefined;
  }
  // qstash-js sends one string label through `Headers`, which trims it; @upstash/workflow throws on the spaces.
  const list = !isList && typeof value === "string" && ctx.family === "qstash" ? [trimmed(value, path, ctx.report)] : read.items;
  if (list.length === 0) {
    ctx.report.add("invalid-label", "error", `\`${path}\` is an empty array`, path, "", {
      hint: "give at least one label, or leave the option out",
    });
    return undefined;
  }
  let refused = 0;
  list.forEach((label, i) => {
    const problems = resourceNameDiagnostics(typeof label === "string" ? label : "", "label");
    if (problems.length > 0) refused++;
    ctx.report.adopt(
      problems.map((d) => ({ ...d, code: "invalid-label" })),
      isList ? `${path}[${i}]` : path,
      typeof label === "string" ? label : showValue(label),
    );
  });
  return refused === 0 ? list.join(",") : undefined;
}

export function parseLabels(text: string, header: string, report: Report): string | string[] {
  const labels = text.split(",");
  for (const label of labels)
    report.adopt(
      resourceNameDiagnostics(label, "label").map((d) => ({ ...d, code: "invalid-label" })),
      header,
      label,
    );
  return labels.length === 1 ? text : labels;
}

/**
 * `redact`: `{ body?: true, header?: true | string[] }`, written as the SDKs
 * write it: `body`, `header` (singular, although Upstash's docs say
 * `headers`) and `header[Name]`, joined with `,`.
 */
export function buildRedact(value: unknown, path: string, ctx: BuildContext): string | undefined {
  const read = isPlainObjectLike(value) ? snapshotOwn(value) : undefined;
  if (read === undefined || !read.ok) {
    ctx.report.add(
      "invalid-redact",
      "error",
      `\`${path}\` must be an object such as \`{ body: true, header: ["Authorization"] }\``,
      path,
      showValue(value),
      read?.ok === false ? { hint: read.reason } : {},
    );
    return undefined;
  }
  const { body, header } = read.value;
  for (const key of read.keys) {
    if (key !== "body" && key !== "header")
      ctx.report.add(
        "unknown-option",
        "warning",
        `unknown option \`${path}.${key}\`; it is ignored`,
        `${path}.${key}`,
        key,
        key === "headers" ? { hint: "did you mean `header`?" } : {},
      );
  }
  const parts: string[] = [];
  if (body !== undefined && typeof body !== "boolean")
    ctx.report.add(
      "invalid-redact",
      "error",
      `\`${path}.body\` must be true or false, not ${showValue(body)}`,
      `${path}.body`,
      showValue(body),
    );
  if (body === true) parts.push("body");
  if (header === true) parts.push("header");
  else if (isArraySafe(header)) {
    const names = snapshotArray(header, 1000);
    if (names.ok) redactHeaderNames(names.items, `${path}.header`, ctx.report, parts);
    else ctx.report.add("invalid-redact", "error", `\`${path}.header\` could not be read`, `${path}.header`, "", { hint: names.reason });
  } else if (header !== undefined && header !== false)
    ctx.report.add(
      "invalid-redact",
      "error",
      `\`${path}.header\` must be true or an array of header names, not ${showValue(header)}`,
      `${path}.header`,
      showValue(header),
    );
  if (parts.length === 0)
    ctx.report.add("empty-value-omitted", "info", `\`${path}\` redacts nothing, so \`Upstash-Redact-Fields\` is not sent`, path, "");
  return parts.length === 0 ? undefined : parts.join(",");
}

function redactHeaderNames(names: readonly unknown[], path: string, report: Report, parts: string[]): void {
  names.forEach((name, i) => {
    if (typeof name === "string" && isHeaderName(name)) parts.push(`header[${name}]`);
    else
      report.add(
        "invalid-redact",
        "error",
        `\`${path}[${i}]\` must be a header name, not ${showValue(name)}`,
        `${path}[${i}]`,
        showValue(name),
      );
  });
}

/** The redact object a `Upstash-Redact-Fields` value stands for; the docs' `headers` spelling is read too, with a warning. */
export function parseRedact(text: string, header: string, report: Report): { body?: true; header?: true | string[] } {
  const result: { body?: true; header?: true | string[] } = {};
  const names: string[] = [];
  let offset = 0;
  for (const part of text.split(",")) {
    const item = part.trim();
    const span = { start: offset, end: offset + part.length };
    offset += part.length + 1;
    const named = /^(headers?)\[([^\]]+)\]$/.exec(item);
    if (item === "body") result.body = true;
    else if (item === "header" || item === "headers") result.header = true;
    else if (named !== null) names.push(named[2] ?? "");
    else
      report.add("invalid-redact", "error", `\`${item.slice(0, 40)}\` is not a redactable field`, header, text, {
        span,
        hint: "use `body`, `header` or `header[Name]`",
      });
    if (item.startsWith("headers"))
      report.add("undocumented-spelling", "warning", "the SDKs write `header`, although Upstash's docs say `headers`", header, text, {
        span,
        hint: "write `header`, which the server is shown to accept",
      });
  }
  if (result.header !== true && names.length > 0) result.header = names;
  return result;
}

/** `cron` of a schedule: five fields, optionally after `CRON_TZ=<zone> `. The server's resolution is one minute. */
export function buildCron(value: unknown, path: string, ctx: BuildContext): string | undefined {
  if (typeof value !== "string") {
    ctx.report.add(
      "invalid-cron",
      "error",
      `\`${path}\` must be a cron expression such as \`*/5 * * * *\`, not ${showValue(value)}`,
      path,
      showValue(value),
    );
    return undefined;
  }
  return checkCron(value, path, ctx.report) ? value : undefined;
}

export function checkCron(text: string, path: string, report: Report): boolean {
  const match = /^(CRON_TZ=[A-Za-z0-9_+\-/]+ +)?(.*)$/.exec(text);
  const fields = (match?.[2] ?? "").trim().split(/ +/);
  const field = /^[0-9A-Za-z*?,/#-]+$/;
  if (fields.length === 5 && fields.every((f) => field.test(f))) return true;
  report.add(
    "invalid-cron",
    "error",
    fields.length === 6
      ? "a cron with 6 fields has seconds; Upstash's resolution is one minute"
      : `\`${path}\` must have 5 fields (minute hour day month weekday)`,
    path,
    text,
    {
      hint: "e.g. `*/5 * * * *`, or `CRON_TZ=Europe/Berlin 0 9 * * *`",
    },
  );
  return false;
}

export function parseCron(text: string, header: string, report: Report): string {
  checkCron(text, header, report);
  return text;
}
