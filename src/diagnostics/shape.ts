import { describeThrow, isArraySafe, isPlainObjectLike, snapshotArray, snapshotOwn, type OwnSnapshot } from "./own.js";
import type { Diagnostic, Fix, RelatedSpan, RenderOptions, Severity, Span } from "./types.js";

/*
 * Reading caller-supplied values into the package's shapes, without
 * throwing: each reader answers the value or why not. `arguments.ts` turns a
 * "why not" into the `invalid-argument` RetryDelayError, and the error class
 * itself reads its diagnostics here before it draws them; keeping the readers
 * below both is what keeps src/diagnostics free of import cycles.
 */

/**
 * A value read into shape, or the sentence that says what is wrong with it.
 *
 * @example
 * ```ts
 * const read: Checked<number> = { ok: false, reason: "options.maxLineWidth must be a number, not a string" };
 * ```
 */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** Thrown inside this module only, and caught by {@link checked}: the readers below stay linear code. */
class ShapeError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function fail(reason: string): never {
  throw new ShapeError(reason);
}

/** Runs a reader, turning its ShapeError into `{ ok: false, reason }`. */
export function checked<T>(read: () => T): Checked<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** What a value is, for a message: "a string", "null", "an array", "an object", … */
export function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (isArraySafe(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

/** The sentence for a value of the wrong type: "`what` must be `expected`, not a string". */
export function wrongKind(what: string, expected: string, value: unknown): string {
  return `${what} must be ${expected}, not ${describeKind(value)}`;
}

function readString(value: unknown, what: string): string {
  if (typeof value !== "string") fail(wrongKind(what, "a string", value));
  return value;
}

function readNumber(value: unknown, what: string): number {
  if (typeof value !== "number") fail(wrongKind(what, "a number", value));
  return value;
}

export function readOptionalString(value: unknown, what: string): string | undefined {
  return value === undefined ? undefined : readString(value, what);
}

export function readOptionalBoolean(value: unknown, what: string): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") fail(`${what} must be true or false, not ${describeKind(value)}`);
  return value;
}

/** A plain record as a snapshot of its own enumerable fields (see own.ts). */
export function readRecord(value: unknown, what: string): OwnSnapshot {
  if (!isPlainObjectLike(value)) fail(`${what} must be an object, not ${describeKind(value)}`);
  const read = snapshotOwn(value);
  if (!read.ok) fail(`${what} could not be read: ${read.reason}`);
  return read.value;
}

/** A non-null, non-array object: a plain record as its snapshot, an instance of a class as itself. */
export function readObject(value: unknown, what: string): { readonly [key: string]: unknown } {
  if (!isPlainObjectLike(value)) fail(`${what} must be an object, not ${describeKind(value)}`);
  let prototype: object | null;
  try {
    prototype = Reflect.getPrototypeOf(value);
  } catch (error) {
    fail(`${what} could not be read: ${describeThrow(error)}`);
  }
  if (prototype !== null && prototype !== Object.prototype) return value as { readonly [key: string]: unknown };
  return readRecord(value, what);
}

/** An array's elements, each read once (see `snapshotArray`). */
export function readArray(value: unknown, what: string): readonly unknown[] {
  if (!isArraySafe(value)) fail(`${what} must be an array, not ${describeKind(value)}`);
  const read = snapshotArray(value);
  if (!read.ok) fail(`${what} could not be read: ${read.reason}`);
  return read.items;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

function readSpan(value: unknown, what: string): Span {
  const { start, end } = readObject(value, what);
  if (typeof start !== "number" || typeof end !== "number" || Number.isNaN(start) || Number.isNaN(end))
    fail(`${what} must be { start, end } with numbers`);
  return { start, end };
}

function readRelated(value: unknown, what: string): RelatedSpan {
  const entry = readObject(value, what);
  return { span: readSpan(entry.span, `${what}.span`), message: readString(entry.message, `${what}.message`) };
}

function readFix(value: unknown, what: string): Fix {
  const fix = readObject(value, what);
  return {
    span: readSpan(fix.span, `${what}.span`),
    text: readString(fix.text, `${what}.text`),
    message: readString(fix.message, `${what}.message`),
  };
}

/** A diagnostic as this package makes them, read field by field, since renderers walk all of it. */
export function readDiagnostic(value: unknown, what: string): Diagnostic {
  const d = readObject(value, what);
  const code = readString(d.code, `${what}.code`);
  const message = readString(d.message, `${what}.message`);
  const severity = d.severity;
  if (typeof severity !== "string" || !SEVERITIES.includes(severity as Severity))
    fail(`${what}.severity must be "error", "warning" or "info"`);
  const span = readSpan(d.span, `${what}.span`);
  const hint = readOptionalString(d.hint, `${what}.hint`);
  const related =
    d.related === undefined ? undefined : readArray(d.related, `${what}.related`).map((r, i) => readRelated(r, `${what}.related[${i}]`));
  const fix = d.fix === undefined ? undefined : readFix(d.fix, `${what}.fix`);
  const suggestions =
    d.suggestions === undefined
      ? undefined
      : readArray(d.suggestions, `${what}.suggestions`).map((s, i) => readFix(s, `${what}.suggestions[${i}]`));
  return {
    code,
    severity: severity as Severity,
    message,
    span,
    ...(hint === undefined ? {} : { hint }),
    ...(related === undefined ? {} : { related }),
    ...(fix === undefined ? {} : { fix }),
    ...(suggestions === undefined ? {} : { suggestions }),
  };
}

export function readDiagnostics(value: unknown, what: string): Diagnostic[] {
  return readArray(value, what).map((d, i) => readDiagnostic(d, `${what}[${i}]`));
}

const EMPTY_RECORD: OwnSnapshot = /* @__PURE__ */ Object.freeze(Object.create(null) as OwnSnapshot);

/** The render options, with no prototype: an option left out reads as undefined, not as a field planted on Object.prototype. */
export function readRenderOptions(value: unknown): RenderOptions {
  const options = value === undefined ? EMPTY_RECORD : readRecord(value, "the render options");
  const color = readOptionalBoolean(options.color, "options.color");
  const label = readOptionalString(options.label, "options.label");
  const maxLineWidth = options.maxLineWidth === undefined ? undefined : readNumber(options.maxLineWidth, "options.maxLineWidth");
  return Object.assign(Object.create(null) as RenderOptions, {
    ...(color === undefined ? {} : { color }),
    ...(label === undefined ? {} : { label }),
    ...(maxLineWidth === undefined ? {} : { maxLineWidth }),
  });
}
