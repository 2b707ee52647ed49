import { isPlainObjectLike, snapshotOwn, type OwnSnapshot } from "../../diagnostics/own.js";
import { showValue } from "../../diagnostics/show.js";
import { PLAN_LIMITS } from "../../duration/plans.js";
import { checkFlowControl, checkResourceName, flowControlText, parseFlowControlValue, type FlowControlOptions } from "../../flow-control/flow-control.js";
import type { BuildContext } from "../context.js";
import type { Report } from "../report.js";

/** The fields of the `flowControl` option, as the SDKs' type declares them. */
const FIELDS = ["key", "parallelism", "rate", "ratePerSecond", "period"] as const;

/** The two headers a flow-control option becomes. */
export interface FlowControlHeaders {
  readonly key: string;
  readonly value: string;
}

/**
 * `flowControl`: `Upstash-Flow-Control-Key` and `-Value`, the value written
 * as both SDKs write it (parallelism, `rate ?? ratePerSecond`, period). Where
 * the SDKs differ is the missing key: qstash-js drops the whole option in
 * silence, @upstash/workflow sends the key `undefined`. The first is a
 * warning here, the second an error.
 */
export function buildFlowControl(value: unknown, path: string, ctx: BuildContext): FlowControlHeaders | undefined {
  const read = isPlainObjectLike(value) ? snapshotOwn(value) : undefined;
  if (read === undefined || !read.ok) {
    ctx.report.add("invalid-option-type", "error", `\`${path}\` must be an object such as \`{ key, rate, parallelism, period }\``, path, showValue(value), read?.ok === false ? { hint: read.reason } : {});
    return undefined;
  }
  const flow = read.value;
  warnAboutFields(read.keys, flow, path, ctx.report);
  const options: FlowControlOptions = normalized(flow, path, ctx.report);
  const text = flowControlText(options);
  const mark = ctx.report.diagnostics.length;
  for (const d of checkFlowControl(options)) {
    if (d.code === "missing-key") continue;
    ctx.report.diagnostics.push({ ...d, path: fieldAt(text, d.span, path), input: text });
  }
  const key = checkKey(flow.key, path, ctx);
  checkParallelismForPlan(options.parallelism, path, ctx);
  if (ctx.report.failedSince(mark) || key === undefined) return undefined;
  return { key, value: text };
}

/** The fields the SDKs write. Both drop `period: ""` (its part would be empty), so it is dropped here too, with a note. */
function normalized(flow: OwnSnapshot, path: string, report: Report): FlowControlOptions {
  const rate = flow.rate ?? flow.ratePerSecond;
  if (flow.period === "") report.add("empty-value-omitted", "info", `an empty \`${path}.period\` is not sent`, `${path}.period`, "", { hint: "leave `period` out to say the same" });
  const period = flow.period === "" ? undefined : flow.period;
  return {
    ...(flow.parallelism === undefined ? {} : { parallelism: flow.parallelism as number }),
    ...(rate === undefined ? {} : { rate: rate as number }),
    ...(period === undefined ? {} : { period: period as string | number }),
  };
}

function warnAboutFields(keys: readonly string[], flow: OwnSnapshot, path: string, report: Report): void {
  for (const key of keys) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      report.add("unknown-option", "warning", `unknown option \`${path}.${key}\`; the SDKs ignore it`, `${path}.${key}`, key, { hint: "the fields are `key`, `parallelism`, `rate` and `period`" });
    }
  }
  if (flow.ratePerSecond === undefined) return;
  const ignored = flow.rate !== undefined;
  report.add("deprecated-option", "warning", ignored ? `\`${path}.ratePerSecond\` is ignored: \`rate\` is also given` : `\`${path}.ratePerSecond\` is deprecated`, `${path}.ratePerSecond`, showValue(flow.ratePerSecond), {
    hint: ignored ? "remove `ratePerSecond`" : `write \`rate: ${showValue(flow.ratePerSecond)}\`; with no \`period\`, rate is per second`,
  });
}

function checkKey(key: unknown, path: string, ctx: BuildContext): string | undefined {
  if (key === undefined || key === "") {
    if (ctx.family === "workflow") {
      ctx.report.add("keyless-flow-control", "error", `\`${path}\` has no \`key\`; @upstash/workflow would send the key \`undefined\``, `${path}.key`, "", { hint: "add `key`: calls that share a key share the limits" });
    } else {
      ctx.report.add("keyless-flow-control", "warning", `\`${path}\` has no \`key\`, so no flow-control headers are sent (as qstash-js does)`, `${path}.key`, "", { hint: "add `key`: calls that share a key share the limits" });
    }
    return undefined;
  }
  const problems = checkResourceName(typeof key === "string" ? key : "", "flow-control key");
  ctx.report.adopt(problems.map((d) => ({ ...d, code: "invalid-key" })), `${path}.key`, typeof key === "string" ? key : showValue(key));
  return problems.length === 0 && typeof key === "string" ? key : undefined;
}

function checkParallelismForPlan(parallelism: number | undefined, path: string, ctx: BuildContext): void {
  if (ctx.plan === undefined || typeof parallelism !== "number") return;
  const max = PLAN_LIMITS[ctx.plan].maxParallelism;
  if (parallelism <= max) return;
  ctx.report.add("parallelism-over-plan-limit", "warning", `parallelism ${parallelism} is over the ${ctx.plan} plan's maximum parallelism, ${max}`, `${path}.parallelism`, String(parallelism), {
    hint: "the account-wide limit caps it (upstash.com/pricing/qstash)",
  });
}

/** Which `flowControl.*` field a span of the value text falls in. */
function fieldAt(text: string, span: { start: number; end: number }, path: string): string {
  if (span.start === 0 && span.end === text.length) return path;
  let field = path;
  for (const key of ["parallelism", "rate", "period"]) {
    const at = text.indexOf(`${key}=`);
    if (at >= 0 && at <= span.start) field = `${path}.${key}`;
  }
  return field;
}

/** The option object the two headers stand for, in canonical form: a period as its text. */
export function parseFlowControl(key: string | undefined, value: string | undefined, headers: { key: string; value: string }, report: Report): FlowControlOptions {
  const flow: { -readonly [K in keyof FlowControlOptions]: FlowControlOptions[K] } = {};
  if (key !== undefined) {
    flow.key = key;
    report.adopt(checkResourceName(key, "flow-control key").map((d) => ({ ...d, code: "invalid-key" })), headers.key, key);
  }
  if (value === undefined) return flow;
  const parsed = parseFlowControlValue(value);
  report.adopt(parsed.diagnostics, headers.value, value);
  if (!parsed.ok) return flow;
  if (parsed.value.parallelism !== undefined) flow.parallelism = parsed.value.parallelism;
  if (parsed.value.rate !== undefined) flow.rate = parsed.value.rate;
  const period = /(?:^|,)\s*period\s*=\s*([^,]*?)\s*(?:,|$)/.exec(value)?.[1];
  if (period !== undefined) flow.period = period;
  return flow;
}
