import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { SHARED_CODES } from "../diagnostics/shared-codes.js";
import { COUNT_FIELDS, FIELD_NAMES, FLOW_CONTROL_LIMITS, listNames, PERIOD_FIELD } from "./fields.js";
import { formatDuration } from "../duration/format.js";

const counts = listNames(
  COUNT_FIELDS.map((f) => f.name),
  "or",
);
const rateAlias = COUNT_FIELDS.flatMap((f) => f.deprecatedOptions.map((alias) => ({ alias, field: f.name })))[0];

/**
 * Every diagnostic code of the flow-control parsers, with its severity and a
 * summary. `docs/flow-control.md` documents each one with an example; a test
 * keeps them in step.
 *
 * @example
 * ```ts
 * Object.keys(FLOW_CONTROL_CODES); // ["value-too-long", "empty-value", …]
 * FLOW_CONTROL_CODES["period-without-rate"].severity; // "warning"
 * ```
 */
export const FLOW_CONTROL_CODES = {
  // The code every parser shares, read from its one definition.
  "invalid-input": SHARED_CODES["invalid-input"],
  "value-too-long": {
    severity: "error",
    summary: `The value is longer than the limit (${FLOW_CONTROL_LIMITS.maxValueLength} characters).`,
  },
  "empty-value": { severity: "error", summary: "No settings at all." },
  "empty-item": { severity: "error", summary: "An empty item between commas, e.g. a trailing comma." },
  "missing-equals": { severity: "error", summary: "An item without `=`, e.g. `rate`." },
  "unknown-key": { severity: "error", summary: `A key other than ${listNames(FIELD_NAMES)} (keys are case-sensitive).` },
  "repeated-key": { severity: "error", summary: "The same key twice." },
  "invalid-count": { severity: "error", summary: `${counts} that is not a whole number from 1 to ${FLOW_CONTROL_LIMITS.maxCount}.` },
  "invalid-period": {
    severity: "error",
    summary: `\`${PERIOD_FIELD.name}\` that is not a strict duration or a whole number of seconds, from ${formatDuration(PERIOD_FIELD.minMs)} to ${formatDuration(PERIOD_FIELD.maxMs)}.`,
  },
  "missing-limit": {
    severity: "error",
    summary: `Neither ${listNames(
      COUNT_FIELDS.map((f) => f.name),
      "nor",
    )} is given; the server's own message.`,
  },
  "spaces-around-equals": { severity: "warning", summary: "Spaces around `=`; Upstash documents none, so the server may not accept them." },
  "invalid-key": {
    severity: "error",
    summary: `An \`Upstash-Flow-Control-Key\` that is empty, over ${FLOW_CONTROL_LIMITS.maxKeyLength} characters, or holds anything but letters, digits, \`-\`, \`_\` and \`.\` (the SDK's own rule).`,
  },
  "missing-key": { severity: "warning", summary: "Flow control without a key; the SDK then sends no flow-control headers at all." },
  "invalid-character": {
    severity: "error",
    summary: "A line break, NUL or other control character: the value travels in an HTTP header, which cannot carry it.",
  },
  "period-without-rate": {
    severity: "warning",
    summary: `A \`${PERIOD_FIELD.name}\` without \`${PERIOD_FIELD.shapes}\`: the period is only the window \`${PERIOD_FIELD.shapes}\` counts in, so alone it has no effect.`,
  },
  "rate-per-second-with-period": {
    severity: "warning",
    summary: `\`${rateAlias?.alias ?? ""}\` with a \`${PERIOD_FIELD.name}\` other than ${formatDuration(PERIOD_FIELD.defaultMs)}: the SDK sends it as \`${rateAlias?.field ?? ""}\`, so it counts calls per period, not per second.`,
  },
} as const;

/**
 * A stable identifier for one kind of flow-control problem.
 *
 * @example
 * ```ts
 * const code: FlowControlCode = "missing-limit";
 * FLOW_CONTROL_CODES[code].severity; // "error"
 * ```
 */
export type FlowControlCode = keyof typeof FLOW_CONTROL_CODES;

/**
 * A diagnostic about a flow-control value or key.
 *
 * @example
 * ```ts
 * const [first]: readonly FlowControlDiagnostic[] = parseFlowControlValue("Rate=10").diagnostics;
 * first?.hint; // "did you mean `rate`?"
 * ```
 */
export type FlowControlDiagnostic = Diagnostic<FlowControlCode>;

/** The fields a flow-control diagnostic may carry beyond its code, message and span. */
export type DiagnosticExtra = { readonly [K in "hint" | "related" | "fix" | "suggestions"]?: FlowControlDiagnostic[K] | undefined };

/** A diagnostic of `code`, its severity read from {@link FLOW_CONTROL_CODES}. */
export function flowDiagnostic(
  code: FlowControlCode,
  message: string,
  span: FlowControlDiagnostic["span"],
  extra: DiagnosticExtra = {},
): FlowControlDiagnostic {
  return { code, severity: FLOW_CONTROL_CODES[code].severity, message, span, ...withoutUndefined(extra) };
}

function withoutUndefined(extra: DiagnosticExtra): Partial<Pick<FlowControlDiagnostic, "hint" | "related" | "fix" | "suggestions">> {
  return Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
}

const SERVER_WORDS = "Upstash-Flow-Control-Value should be either rate=X or parallelism=Y, or both as comma-separated values";

/** The server's words when neither limit is given, quoted as Upstash's docs give them. */
export const SERVER_MISSING_LIMIT = SERVER_WORDS;

/**
 * The server's words when neither limit is given.
 *
 * @deprecated Internal grade: match on the code `missing-limit`, not on the message.
 * @example
 * ```ts
 * parseFlowControlValue("period=1m").diagnostics[0]?.message === MISSING_LIMIT_MESSAGE; // true
 * ```
 */
export const MISSING_LIMIT_MESSAGE = SERVER_WORDS;
