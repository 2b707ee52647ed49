import { formatDuration } from "../duration/format.js";
import { showValue } from "../diagnostics/show.js";
import { flowDiagnostic, SERVER_MISSING_LIMIT, type FlowControlDiagnostic } from "./codes.js";
import { COUNT_FIELDS, FIELD_NAMES, PERIOD_FIELD } from "./fields.js";
import { removalSpan } from "./items.js";
import { parseFlowControlValue } from "./parse.js";
import { flowControlParts, ownFields, type Part } from "./serialize.js";
import type { FlowControlOptions, FlowControlValue } from "./types.js";

/*
 * Checks of the SDK's `flowControl` option object. Most problems are found
 * by parsing the text the SDK would send (spans point into that text); what
 * the text no longer shows is checked here: numbers that print as valid text
 * (`1.5`), the missing key, and a deprecated alias that reads wrong.
 */

/** The text the options serialize to (undefined for a non-object) and every problem found. */
export interface CheckedOptions {
  readonly text: string | undefined;
  readonly diagnostics: readonly FlowControlDiagnostic[];
}

/** Checks the option object. Never throws. */
export function checkOptions(given: FlowControlOptions): CheckedOptions {
  const options = ownFields(given);
  if (options === undefined) {
    return {
      text: undefined,
      diagnostics: [
        flowDiagnostic("invalid-input", `flow control must be an object such as \`{ ${["key", ...FIELD_NAMES].join(", ")} }\``, {
          start: 0,
          end: 0,
        }),
      ],
    };
  }
  const problems: FlowControlDiagnostic[] = [];
  if (options.key === undefined) {
    problems.push(
      flowDiagnostic(
        "missing-key",
        "flow control has no `key`, so no flow-control headers are sent",
        { start: 0, end: 0 },
        { hint: "add `key`: calls that share a key share the limits" },
      ),
    );
  }
  const { text, parts } = flowControlParts(options);
  problems.push(...parts.flatMap(typeProblem));
  if (problems.some((p) => p.severity === "error")) return { text, diagnostics: problems };
  const parsed = parseFlowControlValue(text);
  // An empty text is no options at all: say which are missing, not that a header is empty.
  problems.push(...parsed.diagnostics.filter((d) => !(d.code === "empty-value" && text === "")));
  if (text === "")
    problems.push(
      flowDiagnostic(
        "missing-limit",
        SERVER_MISSING_LIMIT,
        { start: 0, end: 0 },
        { hint: `add ${COUNT_FIELDS.map((f) => `\`${f.name}\``).join(", ")}, or both` },
      ),
    );
  if (parsed.ok) problems.push(...aliasProblems(parts, parsed.value));
  return { text, diagnostics: problems };
}

/** A number the text would hide: `String(1.5)` reads as valid text, so numbers are checked as numbers too. */
function typeProblem(part: Part): FlowControlDiagnostic[] {
  const { field, value, valueSpan } = part;
  if (field.kind === "count" && (typeof value !== "number" || !Number.isInteger(value))) {
    return [flowDiagnostic("invalid-count", `\`${field.name}\` must be a positive whole number, not ${showValue(value)}`, valueSpan)];
  }
  if (field.kind === "period" && typeof value === "number" && (!Number.isInteger(value) || value < 0)) {
    return [flowDiagnostic("invalid-period", `a numeric \`${field.name}\` is whole seconds, not ${showValue(value)}`, valueSpan)];
  }
  return [];
}

/**
 * `{ ratePerSecond: 5, period: "1m" }` is sent as `rate=5, period=1m`: five
 * calls a minute, whatever the alias's name says. The one repair that keeps
 * the name's meaning is dropping the period; the hint names the other.
 */
function aliasProblems(parts: readonly Part[], value: FlowControlValue): FlowControlDiagnostic[] {
  const periodIndex = parts.findIndex((p) => p.field.name === PERIOD_FIELD.name);
  if (periodIndex < 0 || value.periodMs === PERIOD_FIELD.defaultMs) return [];
  const period = parts[periodIndex];
  const window = formatDuration(value.periodMs);
  const standard = formatDuration(PERIOD_FIELD.defaultMs);
  return parts
    .filter((p) => p.option !== p.field.name && p.field.name === PERIOD_FIELD.shapes)
    .map((p) => {
      const shown = showValue(p.value);
      const message = `\`${p.option}: ${shown}\` is sent as \`${p.field.name}=${shown}\`, so with \`${PERIOD_FIELD.name}: ${showValue(period?.value)}\` it starts at most ${shown} calls per ${window}, not per ${standard}`;
      return flowDiagnostic("rate-per-second-with-period", message, p.span, {
        hint: `write \`${p.field.name}: ${shown}\` to mean per ${window}, or remove \`${PERIOD_FIELD.name}\` for ${shown} calls per ${standard}`,
        suggestions: [
          {
            span: removalSpan(parts, periodIndex),
            text: "",
            message: `remove \`${PERIOD_FIELD.name}\`: ${shown} calls per ${standard}, as \`${p.option}\` says`,
          },
        ],
      });
    });
}
