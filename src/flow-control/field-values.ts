import type { Span } from "../diagnostics/diagnostic.js";
import { formatDuration } from "../duration/format.js";
import { parseDuration } from "../duration/parse.js";
import { flowDiagnostic, type FlowControlDiagnostic } from "./codes.js";
import type { CountField, PeriodField } from "./fields.js";

/*
 * The value of one field, read by its row's kind: a count is a whole number
 * within the row's bounds, a period a duration or a bare number of seconds.
 */

/** A field's value in its unit (calls, or milliseconds), or the diagnostic that refuses it. */
export type FieldValue = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly problem: FlowControlDiagnostic };

/** "calls in flight at once", "calls started per period". */
export function countMeaning(field: CountField): string {
  return `calls ${field.reading.replace("{period}", "period")}`;
}

/** A count such as `rate=10`: digits only, from the row's `min` to its `max`. */
export function readCount(field: CountField, text: string, span: Span): FieldValue {
  const refuse = (message: string, hint: string): FieldValue => ({
    ok: false,
    problem: flowDiagnostic("invalid-count", message, span, { hint }),
  });
  const name = field.name;
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value >= field.min && value <= field.max) return { ok: true, value };
    if (value < field.min)
      return refuse(
        `\`${name}\` must be at least ${field.min}`,
        value === 0
          ? `remove \`${name}\` to leave it unlimited; 0 would allow no calls`
          : `\`${name}\` is the number of ${countMeaning(field)}`,
      );
    return refuse(`\`${name}\` must be at most ${field.max}`, `\`${name}\` is the number of ${countMeaning(field)}`);
  }
  const hint =
    text === ""
      ? `write a number, e.g. \`${name}=${field.example}\``
      : /^\d+\.\d+$/.test(text)
        ? `write a whole number, e.g. \`${name}=${Math.max(field.min, Math.floor(Number(text)))}\``
        : `\`${name}\` is the number of ${countMeaning(field)}, a whole number`;
  return refuse(`\`${name}\` must be a positive whole number, not \`${text}\``, hint);
}

/** A period such as `period=1m`: a strict duration, or a bare whole number of seconds (as API responses report it). */
export function readPeriod(field: PeriodField, text: string, span: Span): FieldValue {
  const refuse = (message: string, hint: string): FieldValue => ({
    ok: false,
    problem: flowDiagnostic("invalid-period", message, span, { hint }),
  });
  const name = field.name;
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const parsed = parseDuration(text);
    if (!parsed.ok) {
      const first = parsed.diagnostics.find((d) => d.severity === "error");
      return refuse(
        `\`${name}\` must be a duration such as \`${field.example}\` or a number of seconds: ${first?.message ?? "invalid"}`,
        first?.hint ?? `write e.g. \`${name}=${field.example}\``,
      );
    }
    ms = parsed.value.ms;
  }
  if (ms < field.minMs)
    return refuse(
      `\`${name}\` must be at least ${formatDuration(field.minMs)}, not ${formatDuration(ms)}`,
      `remove \`${name}\` for the ${formatDuration(field.defaultMs)} default`,
    );
  if (ms > field.maxMs)
    return refuse(
      `\`${name}\` may be at most ${field.maxLabel} (${formatDuration(field.maxMs)}), not ${formatDuration(ms)}`,
      `use \`${name}=${formatDuration(field.maxMs)}\` or less`,
    );
  return { ok: true, value: ms };
}
