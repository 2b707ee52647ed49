import { isPlainObjectLike, snapshotOwn, type OwnSnapshot } from "../../diagnostics/own.js";
import { showValue } from "../../diagnostics/show.js";
import type { Span } from "../../diagnostics/diagnostic.js";
import { PLAN_LIMITS } from "../../duration/plans.js";
import { checkOptions } from "../../flow-control/check.js";
import { optionsOf } from "../../flow-control/convert.js";
import { FLOW_CONTROL_FIELDS, listNames, OPTION_FIELDS, PERIOD_FIELD } from "../../flow-control/fields.js";
import { resourceNameProblem } from "../../flow-control/key.js";
import { readFlowControlValue } from "../../flow-control/parse.js";
import { flowControlParts, type Part } from "../../flow-control/serialize.js";
import type { FlowControlOptions } from "../../flow-control/types.js";
import type { BuildContext } from "../context.js";
import type { Report } from "../report.js";
import { memoized } from "./memo.js";

/** The two headers a flow-control option becomes. */
export interface FlowControlHeaders {
  readonly key: string;
  readonly value: string;
}

/**
 * `flowControl`: `Upstash-Flow-Control-Key` and `-Value`, the value written
 * as both SDKs write it (each field `name ?? alias`, in the field table's
 * order). Where the SDKs differ is the missing key: qstash-js drops the whole
 * option in silence, @upstash/workflow sends the key `undefined`. The first is
 * a warning here, the second an error.
 */
export function buildFlowControl(value: unknown, path: string, ctx: BuildContext): FlowControlHeaders | undefined {
  const read = isPlainObjectLike(value) ? snapshotOwn(value) : undefined;
  if (read === undefined || !read.ok) {
    ctx.report.add(
      "invalid-option-type",
      "error",
      `\`${path}\` must be an object such as \`{ ${OPTION_FIELDS.filter(isCurrentName).join(", ")} }\``,
      path,
      showValue(value),
      read?.ok === false ? { hint: read.reason } : {},
    );
    return undefined;
  }
  const flow = read.value;
  warnAboutFields(read.keys, flow, path, ctx.report);
  const options = sent(flow, path, ctx.report);
  const { text, parts, diagnostics } = checkedFields(fieldsKey(options), options);
  const mark = ctx.report.diagnostics.length;
  for (const d of diagnostics) {
    if (d.code === "missing-key") continue;
    ctx.report.diagnostics.push({ ...d, path: fieldAt(parts, d.span, text, path), input: text });
  }
  const key = checkKey(flow.key, path, ctx);
  checkParallelismForPlan(flow.parallelism, path, ctx);
  if (ctx.report.failedSince(mark) || key === undefined) return undefined;
  return { key, value: text };
}

/** The fields' text, its parts and their check: pure in the fields, and a code base repeats the same few. */
const checkedFields = memoized({ maxEntries: 256, maxKeyLength: 512 }, (options: FlowControlOptions) => ({
  ...flowControlParts(options),
  diagnostics: checkOptions(options).diagnostics,
}));

/** A key that tells the fields apart as the check does (type and value, `-0` included), when each is a string, number or boolean. */
function fieldsKey(options: FlowControlOptions): string | undefined {
  let key = "";
  for (const [option, value] of Object.entries(options)) {
    if (typeof value === "string") key += `${option}${JSON.stringify(value)}`;
    else if (typeof value === "number" || typeof value === "boolean") key += `${option}:${Object.is(value, -0) ? "-0" : String(value)},`;
    else return undefined;
  }
  return key;
}

const isCurrentName = (option: string): boolean => option === "key" || FLOW_CONTROL_FIELDS.some((f) => f.name === option);

/** The fields the SDKs write, aliases included. Both drop `period: ""` (its part would be empty), so it is dropped here too, with a note. */
function sent(flow: OwnSnapshot, path: string, report: Report): FlowControlOptions {
  // The caller's values, unchecked: checkOptions reports every one of the wrong type.
  const options: Record<string, unknown> = {};
  for (const field of FLOW_CONTROL_FIELDS) {
    for (const option of [field.name, ...field.deprecatedOptions]) sendOne(flow, field.kind, option, path, report, options);
  }
  return options;
}

function sendOne(flow: OwnSnapshot, kind: string, option: string, path: string, report: Report, options: Record<string, unknown>): void {
  if (flow[option] === undefined) return;
  // Only the period takes text; an empty count is sent as written and refused.
  if (kind === "period" && flow[option] === "") {
    report.add("empty-value-omitted", "info", `an empty \`${path}.${option}\` is not sent`, `${path}.${option}`, "", {
      hint: `leave \`${option}\` out to say the same`,
    });
    return;
  }
  options[option] = flow[option];
}

function warnAboutFields(keys: readonly string[], flow: OwnSnapshot, path: string, report: Report): void {
  for (const key of keys) {
    if (!OPTION_FIELDS.includes(key)) {
      report.add("unknown-option", "warning", `unknown option \`${path}.${key}\`; the SDKs ignore it`, `${path}.${key}`, key, {
        hint: `the fields are ${listNames(OPTION_FIELDS.filter(isCurrentName))}`,
      });
    }
  }
  for (const field of FLOW_CONTROL_FIELDS) {
    for (const alias of field.deprecatedOptions) {
      if (flow[alias] === undefined) continue;
      const ignored = flow[field.name] !== undefined;
      report.add(
        "deprecated-option",
        "warning",
        ignored ? `\`${path}.${alias}\` is ignored: \`${field.name}\` is also given` : `\`${path}.${alias}\` is deprecated`,
        `${path}.${alias}`,
        showValue(flow[alias]),
        {
          hint: ignored
            ? `remove \`${alias}\``
            : `write \`${field.name}: ${showValue(flow[alias])}\`; with no \`period\`, ${field.name} is per second`,
        },
      );
    }
  }
}

function checkKey(key: unknown, path: string, ctx: BuildContext): string | undefined {
  if (key === undefined || key === "") {
    if (ctx.family === "workflow") {
      ctx.report.add(
        "keyless-flow-control",
        "error",
        `\`${path}\` has no \`key\`; @upstash/workflow would send the key \`undefined\``,
        `${path}.key`,
        "",
        { hint: "add `key`: calls that share a key share the limits" },
      );
    } else {
      ctx.report.add(
        "keyless-flow-control",
        "warning",
        `\`${path}\` has no \`key\`, so no flow-control headers are sent (as qstash-js does)`,
        `${path}.key`,
        "",
        { hint: "add `key`: calls that share a key share the limits" },
      );
    }
    return undefined;
  }
  const problem = resourceNameProblem(key, "flow-control key");
  if (problem !== undefined)
    ctx.report.adopt(
      [{ code: "invalid-key", severity: "error", ...problem }],
      `${path}.key`,
      typeof key === "string" ? key : showValue(key),
    );
  return problem === undefined && typeof key === "string" ? key : undefined;
}

function checkParallelismForPlan(parallelism: unknown, path: string, ctx: BuildContext): void {
  if (ctx.plan === undefined || typeof parallelism !== "number") return;
  const max = PLAN_LIMITS[ctx.plan].maxParallelism;
  if (parallelism <= max) return;
  ctx.report.add(
    "parallelism-over-plan-limit",
    "warning",
    `parallelism ${parallelism} is over the ${ctx.plan} plan's maximum parallelism, ${max}`,
    `${path}.parallelism`,
    String(parallelism),
    {
      hint: "the account-wide limit caps it (upstash.com/pricing/qstash)",
    },
  );
}

/** The `flowControl.*` option a span of the value text falls in (the alias when the value came from one); the whole option for a span over all of it. */
function fieldAt(parts: readonly Part[], span: Span, text: string, path: string): string {
  if (span.start === 0 && span.end === text.length) return path;
  let field = path;
  for (const part of parts) if (part.span.start <= span.start) field = `${path}.${part.option}`;
  return field;
}

/** The option object the two headers stand for, in canonical form: a period as its text. */
export function parseFlowControl(
  key: string | undefined,
  value: string | undefined,
  headers: { key: string; value: string },
  report: Report,
): FlowControlOptions {
  const flow: { key?: string } = {};
  if (key !== undefined) {
    flow.key = key;
    const problem = resourceNameProblem(key, "flow-control key");
    if (problem !== undefined) report.adopt([{ code: "invalid-key", severity: "error", ...problem }], headers.key, key);
  }
  if (value === undefined) return flow;
  const { result, written } = readFlowControlValue(value);
  report.adopt(result.diagnostics, headers.value, value);
  if (!result.ok) return flow;
  // The period as written (`90s` stays `90s`), so that building the options again gives the same header.
  return { ...flow, ...optionsOf(result.value, written.get(PERIOD_FIELD.name)?.text) };
}
