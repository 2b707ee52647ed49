import { showValue } from "../../diagnostics/show.js";
import { createCompileCache, type CompileCache } from "../../server/cache.js";
import { DEFAULT_RETRIES } from "../../expression/check.js";
import { resourceNameDiagnostics } from "../../flow-control/key.js";
import type { BuildContext } from "../context.js";
import type { Report } from "../report.js";
import { isRetries } from "./numbers.js";
import { trimmed } from "./trim.js";

/*
 * The builders and header parsers check the same few retry delays over and
 * over (a code base shares its policy; the ESLint plugin and the validating
 * client call the builders for every call site), so their compile results are
 * kept in one small bounded cache. Its results are frozen and deep-equal to
 * tryCompile's; Report.adopt copies each diagnostic before tagging it.
 */
let expressions: CompileCache | undefined;

function compiled(text: string, retries: number): ReturnType<CompileCache["get"]> {
  expressions ??= createCompileCache({ maxEntries: 256, maxBytes: 512 * 1024 });
  return expressions.get(text, { retries });
}

/** `retryDelay`: an expression checked over the message's own retries. The workflow SDK leaves an empty one out; qstash-js would send it empty. */
export function buildExpression(value: unknown, path: string, ctx: BuildContext): string | undefined {
  if (typeof value !== "string") {
    ctx.report.add(
      "invalid-option-type",
      "error",
      `\`${path}\` must be an expression string such as \`pow(2, retried) * 1000\`, not ${showValue(value)}`,
      path,
      showValue(value),
    );
    return undefined;
  }
  if (value === "" && ctx.family === "workflow") {
    ctx.report.add("empty-value-omitted", "info", `an empty \`${path}\` is not sent, so the default backoff applies`, path, value, {
      hint: "leave the option out to say the same",
    });
    return undefined;
  }
  const text = trimmed(value, path, ctx.report);
  const retries = ctx.options.retries;
  const result = compiled(text, isRetries(retries) ? retries : DEFAULT_RETRIES);
  ctx.report.adopt(result.diagnostics, path, text);
  return result.ok ? text : undefined;
}

export function parseExpression(text: string, header: string, report: Report, retries: number | undefined): string {
  report.adopt(compiled(text, retries ?? DEFAULT_RETRIES).diagnostics, header, text);
  return text;
}

/** A URL option: absolute http(s), with a host. */
export function checkUrl(value: unknown, path: string, report: Report): value is string {
  const text = typeof value === "string" ? value : showValue(value);
  if (typeof value !== "string" || !/^https?:\/\//i.test(value)) {
    const hint =
      typeof value === "string" && /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(value)
        ? `write \`https://${value}\``
        : "it must start with `http://` or `https://`";
    report.add("invalid-url", "error", `\`${path}\` must be an absolute http:// or https:// URL`, path, text, { hint });
    return false;
  }
  // The URL is written into the request's path as it is: a control character (NUL, CR, LF, DEL) or a space would break the request line.
  if (hostnameOf(value) === "" || /[\s\x00-\x1f\x7f]/.test(value)) {
    report.add("invalid-url", "error", `\`${path}\` is not a valid URL`, path, text);
    return false;
  }
  return true;
}

/**
 * The URL's host name, or "" when the WHATWG URL parser refuses it. `URL` is
 * a global in every runtime this library supports; the core is typed without
 * DOM or Node types, so it is reached through globalThis.
 */
function hostnameOf(text: string): string {
  const UrlParser = (globalThis as unknown as { URL: new (input: string) => { hostname: string } }).URL;
  try {
    return new UrlParser(text).hostname;
  } catch {
    return "";
  }
}

export function buildUrl(value: unknown, path: string, ctx: BuildContext): string | undefined {
  return checkUrl(value, path, ctx.report) ? value : undefined;
}

/**
 * `failureUrl` of a trigger: @upstash/workflow sends `failureUrl ?? url`,
 * then leaves the failure callback out when that is empty, so `""` means
 * "no failure callback". That is kept, and said.
 */
export function buildFailureUrl(value: unknown, path: string, ctx: BuildContext): string | undefined {
  if (value === "" && ctx.family === "workflow") {
    ctx.report.add("empty-value-omitted", "info", `an empty \`${path}\` sends no failure callback at all`, path, "", {
      hint: "leave `failureUrl` out for Upstash's default: the workflow's own failure function",
    });
    return undefined;
  }
  return buildUrl(value, path, ctx);
}

export function parseUrl(text: string, header: string, report: Report): string {
  checkUrl(text, header, report);
  return text;
}

/** `workflowRunId`: @upstash/workflow prefixes `wfr_` unconditionally. */
export function buildRunId(value: unknown, path: string, ctx: BuildContext): string | undefined {
  if (typeof value !== "string" || value === "" || !/^[\x21-\x7e]+$/.test(value)) {
    ctx.report.add("invalid-run-id", "error", `\`${path}\` must be a non-empty string of visible ASCII characters`, path, showValue(value));
    return undefined;
  }
  if (value.startsWith("wfr_")) {
    ctx.report.add(
      "doubled-run-id-prefix",
      "warning",
      `the run id becomes \`wfr_${value}\`: the \`wfr_\` prefix is added for you`,
      path,
      value,
      { span: { start: 0, end: 4 }, hint: `pass \`${value.slice(4)}\`` },
    );
  }
  return `wfr_${value}`;
}

export function parseRunId(text: string, header: string, report: Report): string {
  if (text.startsWith("wfr_")) return text.slice(4);
  report.add(
    "run-id-without-prefix",
    "warning",
    `\`${header}\` does not start with \`wfr_\`; the SDK always adds it, so a trigger built from these options sends \`wfr_${text}\``,
    header,
    text,
  );
  return text;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export function buildMethod(value: unknown, path: string, ctx: BuildContext): string | undefined {
  if (typeof value === "string" && (METHODS as readonly string[]).includes(value)) return value;
  const upper = typeof value === "string" ? value.toUpperCase() : "";
  ctx.report.add(
    "invalid-method",
    "error",
    `\`${path}\` must be one of ${METHODS.join(", ")}, not ${showValue(value)}`,
    path,
    showValue(value),
    (METHODS as readonly string[]).includes(upper) ? { hint: `write \`${upper}\`` } : {},
  );
  return undefined;
}

export function parseMethod(text: string, header: string, report: Report): string {
  if (!(METHODS as readonly string[]).includes(text))
    report.add("invalid-method", "error", `\`${header}\` must be one of ${METHODS.join(", ")}, not \`${text.slice(0, 40)}\``, header, text);
  return text;
}

/** A free-text identifier such as `deduplicationId`: any non-empty string a header can carry. */
export function buildIdentifier(value: unknown, path: string, ctx: BuildContext): string | undefined {
  if (typeof value !== "string" || value === "") {
    ctx.report.add(
      "invalid-option-type",
      "error",
      `\`${path}\` must be a non-empty string, not ${showValue(value)}`,
      path,
      showValue(value),
    );
    return undefined;
  }
  return trimmed(value, path, ctx.report);
}

/** `contentBasedDeduplication`: qstash-js sends `true` when truthy and nothing otherwise. */
export function buildFlag(value: unknown, path: string, ctx: BuildContext): string | undefined {
  if (typeof value !== "boolean") {
    ctx.report.add("invalid-option-type", "error", `\`${path}\` must be true or false, not ${showValue(value)}`, path, showValue(value));
    return undefined;
  }
  return value ? "true" : undefined;
}

export function parseFlag(text: string, header: string, report: Report): boolean {
  if (text !== "true" && text !== "false")
    report.add("invalid-header-value", "error", `\`${header}\` must be \`true\` or \`false\`, not \`${text.slice(0, 40)}\``, header, text);
  return text === "true";
}

/** A name the SDKs check with their resource-name rule: a queue, a schedule id. */
export function buildName(what: string): (value: unknown, path: string, ctx: BuildContext) => string | undefined {
  return (value, path, ctx) => {
    const problems = resourceNameDiagnostics(typeof value === "string" ? value : "", what);
    ctx.report.adopt(
      problems.map((d) => ({ ...d, code: "invalid-name" })),
      path,
      typeof value === "string" ? value : showValue(value),
    );
    return problems.length === 0 && typeof value === "string" ? value : undefined;
  };
}

export function parseName(what: string): (text: string, header: string, report: Report) => string {
  return (text, header, report) => {
    report.adopt(resourceNameDiagnostics(text, what), header, text);
    return text;
  };
}
