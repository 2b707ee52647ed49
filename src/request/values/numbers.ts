import { showValue } from "../../diagnostics/show.js";
import { delayOverPlan, maxTimeoutForPlan } from "../../duration/plans.js";
import { MAX_DURATION_LENGTH, parseDuration } from "../../duration/parse.js";
import { formatDuration } from "../../duration/format.js";
import { DEFAULT_RETRIES } from "../../expression/check.js";
import { EXPRESSION_LIMITS } from "../../expression/limits.js";
import type { BuildContext } from "../context.js";
import type { Report } from "../report.js";
import { memoized } from "./memo.js";
import { trimmed } from "./trim.js";

/** The largest Unix time in seconds a JavaScript Date can hold (8.64e15 ms). */
export const MAX_UNIX_SECONDS = 8.64e12;

/** Whether `value` is a retries count this library accepts. */
export function isRetries(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= EXPRESSION_LIMITS.maxRetries;
}

/** `retries`: the workflow SDK leaves out its default 3 and writes `String(n)`; qstash-js always writes `n.toFixed(0)`. */
export function buildRetries(value: unknown, path: string, ctx: BuildContext): string | undefined {
  if (!isRetries(value)) {
    ctx.report.add(
      "invalid-retries",
      "error",
      `\`${path}\` must be a whole number from 0 to ${EXPRESSION_LIMITS.maxRetries}, not ${showValue(value)}`,
      path,
      showValue(value),
    );
    return undefined;
  }
  if (ctx.family === "workflow" && value === DEFAULT_RETRIES) return undefined;
  return value.toFixed(0);
}

export function parseRetries(text: string, header: string, report: Report): number | undefined {
  if (/^\d{1,7}$/.test(text) && Number(text) <= EXPRESSION_LIMITS.maxRetries) return Number(text);
  report.add(
    "invalid-header-value",
    "error",
    `\`${header}\` must be a whole number from 0 to ${EXPRESSION_LIMITS.maxRetries}, not \`${text.slice(0, 40)}\``,
    header,
    text,
  );
  return undefined;
}

/**
 * A duration option (`delay`, `timeout`): a string is sent as given, after
 * the check the server's parser would make (Go's `time.ParseDuration` plus
 * `d`, inferred); a string outside the documented `<n><unit>` form gets a
 * warning. A number is seconds, written as the SDK writes it.
 */
export function buildDuration(
  value: unknown,
  path: string,
  ctx: BuildContext,
  numeric: (n: number) => string,
): { text: string; ms: number } | undefined {
  const { report } = ctx;
  if (typeof value === "number") {
    const text = numeric(value);
    if (!Number.isFinite(value) || value < 0 || !/^\d+(\.\d+)?s$/.test(text)) {
      report.add(
        "invalid-delay",
        "error",
        `a numeric \`${path}\` must be a finite, non-negative number of seconds that the SDK can write, not ${showValue(value)}`,
        path,
        showValue(value),
        {
          hint: Number.isNaN(value) ? "the SDK would send `NaNs`" : value < 0 ? "use 0 for no delay" : `the SDK would send \`${text}\``,
        },
      );
      return undefined;
    }
    if (Number(text.slice(0, -1)) !== value)
      report.add(
        "rounded-value",
        "warning",
        `a numeric \`${path}\` is whole seconds; ${showValue(value)} is sent as ${text}`,
        path,
        showValue(value),
      );
    // Diagnostics point into the text that would be sent, so that is their input.
    return checkedDurationText(text, path, report, text);
  }
  if (typeof value !== "string") {
    report.add(
      "invalid-delay",
      "error",
      `\`${path}\` must be a duration string such as \`10s\` or a number of seconds, not ${showValue(value)}`,
      path,
      showValue(value),
    );
    return undefined;
  }
  // `Headers` trims the value, so the text checked and sent is the trimmed one.
  const text = trimmed(value, path, report);
  return checkedDurationText(text, path, report, text);
}

/** A duration read both ways, by text: a code base writes the same few durations again and again. */
const readDuration = memoized({ maxEntries: 256, maxKeyLength: MAX_DURATION_LENGTH }, (text: string) => ({
  go: parseDuration(text, { mode: "go" }),
  strict: parseDuration(text),
}));

/** Parses a duration the way the server is inferred to (Go mode), warning when it is outside the documented strict form. */
function checkedDurationText(text: string, path: string, report: Report, input: string): { text: string; ms: number } | undefined {
  const { go, strict } = readDuration(text, text);
  if (!go.ok) {
    // The strict parser's words are about the documented form, which is what to write.
    report.adopt(strict.ok ? go.diagnostics : strict.diagnostics, path, input);
    return undefined;
  }
  if (!strict.ok) {
    report.add(
      "undocumented-duration",
      "warning",
      `\`${text}\` is not in the documented \`<number><unit>\` form (units s, m, h, d)`,
      path,
      input,
      {
        hint: `Upstash's parser very likely accepts it (it reads durations like Go's time.ParseDuration); ${formatDuration(go.value.ms)} is the documented spelling`,
      },
    );
  }
  report.adopt(
    go.diagnostics.filter((d) => d.severity !== "error"),
    path,
    input,
  );
  return { text, ms: go.value.ms };
}

export function buildDelay(value: unknown, path: string, ctx: BuildContext): string | undefined {
  const built = buildDuration(value, path, ctx, (n) => `${n.toFixed(0)}s`);
  if (built === undefined) return undefined;
  if (ctx.plan !== undefined) {
    const over = delayOverPlan(built.ms, ctx.plan, { start: 0, end: built.text.length });
    if (over !== undefined) {
      ctx.report.adopt([over], path, built.text);
      return undefined;
    }
  }
  return built.text;
}

/** `timeout`: qstash-js writes a number as `${n}s`, unrounded. */
export function buildTimeout(value: unknown, path: string, ctx: BuildContext): string | undefined {
  const built = buildDuration(value, path, ctx, (n) => `${n}s`);
  if (built === undefined) return undefined;
  const max = ctx.plan === undefined ? undefined : maxTimeoutForPlan(ctx.plan);
  if (max !== undefined && built.ms > max) {
    ctx.report.add(
      "timeout-over-plan-limit",
      "error",
      `${formatDuration(built.ms)} is longer than the ${ctx.plan ?? ""} plan's maximum HTTP response duration, ${formatDuration(max)}`,
      path,
      built.text,
      {
        hint: "Upstash-Timeout can only shorten the plan's limit (upstash.com/pricing/qstash)",
      },
    );
    return undefined;
  }
  return built.text;
}

export function parseDurationHeader(text: string, header: string, report: Report): string {
  report.adopt(parseDuration(text, { mode: "go" }).diagnostics, header, text);
  return text;
}

/** `notBefore`: Unix seconds, written with `toFixed(0)` as both SDKs do. */
export function buildNotBefore(value: unknown, path: string, ctx: BuildContext): string | undefined {
  const { report } = ctx;
  const text = showValue(value);
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_UNIX_SECONDS) {
    report.add(
      "invalid-not-before",
      "error",
      `\`${path}\` must be a Unix time in seconds from 0 to ${MAX_UNIX_SECONDS} (the last date JavaScript can hold), not ${text}`,
      path,
      text,
      {
        hint: "e.g. `Math.floor(Date.now() / 1000) + 60` for one minute from now",
      },
    );
    return undefined;
  }
  const sent = value.toFixed(0);
  const seconds = Number(sent);
  if (seconds !== value) report.add("rounded-value", "warning", `\`${path}\` is whole seconds; ${text} is sent as ${sent}`, path, text);
  warnAboutTime(seconds, path, text, ctx);
  if (ctx.plan !== undefined) {
    const over = delayOverPlan(seconds * 1000 - ctx.now, ctx.plan, { start: 0, end: text.length });
    if (over !== undefined) {
      report.add("delay-over-plan-limit", "error", over.message, path, text, over.hint === undefined ? {} : { hint: over.hint });
      return undefined;
    }
  }
  return sent;
}

function warnAboutTime(seconds: number, path: string, text: string, ctx: BuildContext): void {
  if (seconds > 1e11) {
    ctx.report.add(
      "not-before-in-milliseconds",
      "warning",
      `\`${path}\` ${text} is in the year ${new Date(seconds * 1000).getUTCFullYear()}; it looks like milliseconds`,
      path,
      text,
      {
        hint: `Unix seconds: \`${Math.floor(seconds / 1000)}\``,
      },
    );
  } else if (seconds * 1000 < ctx.now) {
    ctx.report.add(
      "not-before-in-past",
      "warning",
      `\`${path}\` is ${new Date(seconds * 1000).toISOString()}, before now; the message is delivered at once`,
      path,
      text,
    );
  }
}

export function parseNotBefore(text: string, header: string, report: Report): number | undefined {
  if (/^\d{1,13}$/.test(text) && Number(text) <= MAX_UNIX_SECONDS) return Number(text);
  report.add("invalid-header-value", "error", `\`${header}\` must be Unix seconds, not \`${text.slice(0, 40)}\``, header, text);
  return undefined;
}
