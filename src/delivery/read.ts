import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { isArraySafe, isPlainObjectLike, snapshotArray, snapshotOwn, type OwnSnapshot } from "../diagnostics/own.js";
import { groupDigits, showValue } from "../diagnostics/show.js";
import { closestName } from "../diagnostics/suggest.js";
import { parseDuration } from "../duration/parse.js";
import { DELIVERY_CODES, DELIVERY_LIMITS, type DeliveryCode, type DeliveryDiagnostic } from "./codes.js";
import type { OptionCode } from "../trigger/codes.js";

/*
 * Reading a scenario: the caller's objects are read once each (own fields
 * only, see diagnostics/own.ts), and every problem becomes a diagnostic with
 * the path of the bad field. Nothing here throws.
 */

/** Collects the diagnostics of one reading. */
export class ReadContext {
  readonly diagnostics: DeliveryDiagnostic[] = [];

  report(code: DeliveryCode, path: string, message: string, input = "", hint?: string): void {
    this.diagnostics.push({
      code,
      severity: DELIVERY_CODES[code].severity,
      message,
      span: { start: 0, end: input.length },
      path,
      input,
      ...(hint === undefined ? {} : { hint }),
    });
  }

  /** Another language's diagnostics (duration, expression, flow control), kept with their codes, at `path`. */
  adopt(found: readonly Diagnostic<OptionCode>[], path: string, input: string): void {
    for (const d of found) this.diagnostics.push({ ...d, path, input });
  }

  get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }
}

/** An object's own fields, or undefined (reported) when it is no readable object. */
export function readObject(ctx: ReadContext, value: unknown, path: string, example: string): OwnSnapshot | undefined {
  const read = isPlainObjectLike(value) ? snapshotOwn(value) : undefined;
  if (read?.ok === true) return read.value;
  const why = read === undefined ? `not ${showValue(value)}` : `it could not be read (${read.reason})`;
  ctx.report(
    "invalid-scenario",
    path,
    `${path === "" ? "the scenario" : `\`${path}\``} must be an object such as \`${example}\`, ${why}`,
    showValue(value),
  );
  return undefined;
}

/** An array's items, at most `limit` of them, or undefined (reported). */
export function readArray(
  ctx: ReadContext,
  value: unknown,
  path: string,
  limit: number,
  code: DeliveryCode,
): readonly unknown[] | undefined {
  if (!isArraySafe(value)) {
    ctx.report(code, path, `\`${path}\` must be an array, not ${showValue(value)}`, showValue(value));
    return undefined;
  }
  const read = snapshotArray(value, limit);
  if (read.ok) return read.items;
  ctx.report(code, path, `\`${path}\` could not be read: ${read.reason}`);
  return undefined;
}

/** Warns about each field not in `known`, with the closest known name. */
export function warnUnknown(ctx: ReadContext, fields: OwnSnapshot, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(fields)) {
    if (known.includes(key)) continue;
    const near = closestName(key, known);
    ctx.report(
      "unknown-field",
      `${prefix}${key}`,
      `unknown field \`${key}\`; it is ignored`,
      key,
      near === undefined ? `the fields are ${known.map((k) => `\`${k}\``).join(", ")}` : `did you mean \`${near}\`?`,
    );
  }
}

/** A whole number within bounds, or undefined (reported with `code`). */
export function readInteger(
  ctx: ReadContext,
  value: unknown,
  path: string,
  bounds: { min: number; max: number },
  code: DeliveryCode,
): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= bounds.min && value <= bounds.max) return value;
  ctx.report(
    code,
    path,
    `\`${path}\` must be a whole number from ${groupDigits(bounds.min)} to ${groupDigits(bounds.max)}, not ${showValue(value)}`,
    showValue(value),
  );
  return undefined;
}

/** A boolean, or undefined (reported). */
export function readBoolean(ctx: ReadContext, value: unknown, path: string, code: DeliveryCode): boolean | undefined {
  if (typeof value === "boolean") return value;
  ctx.report(code, path, `\`${path}\` must be true or false, not ${showValue(value)}`, showValue(value));
  return undefined;
}

/** One of `choices`, or undefined (reported with the closest choice). */
export function readChoice<T extends string>(
  ctx: ReadContext,
  value: unknown,
  path: string,
  choices: readonly T[],
  code: DeliveryCode,
): T | undefined {
  const found = choices.find((c) => c === value);
  if (found !== undefined) return found;
  const near = typeof value === "string" ? closestName(value, choices) : undefined;
  ctx.report(
    code,
    path,
    `\`${path}\` must be ${choices.map((c) => `\`${c}\``).join(" or ")}, not ${showValue(value)}`,
    showValue(value),
    near === undefined ? undefined : `did you mean \`${near}\`?`,
  );
  return undefined;
}

/**
 * A time span: a Go-syntax duration (`2s`, `250ms`, `1.5h`) or a number of
 * milliseconds, non-negative and within the simulator's time range.
 */
export function readSpan(ctx: ReadContext, value: unknown, path: string, code: DeliveryCode): number | undefined {
  if (typeof value === "number") {
    if (Number.isFinite(value) && value >= 0 && value <= DELIVERY_LIMITS.maxTimeMs) return value;
    ctx.report(code, path, `\`${path}\` must be a finite, non-negative number of milliseconds, not ${showValue(value)}`, showValue(value));
    return undefined;
  }
  if (typeof value !== "string") {
    ctx.report(
      code,
      path,
      `\`${path}\` must be a duration such as \`2s\` or a number of milliseconds, not ${showValue(value)}`,
      showValue(value),
    );
    return undefined;
  }
  const parsed = parseDuration(value, { mode: "go" });
  ctx.adopt(parsed.diagnostics, path, value);
  return parsed.ok ? parsed.value.ms : undefined;
}
