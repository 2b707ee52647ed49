import { RetryDelayError, type Diagnostic, type Severity, type Span } from "./diagnostic.js";
import { describeThrow, isArraySafe, isPlainObjectLike, snapshotArray, snapshotOwn, type OwnSnapshot } from "./own.js";

/*
 * Argument checks for the public functions that have no diagnostics channel
 * of their own (formatters, renderers, helpers). TypeScript callers never
 * reach them, but JavaScript callers and values from JSON can pass anything,
 * and the package promises that nothing escapes but RetryDelayError: a wrong
 * type gets one `invalid-argument` diagnostic naming the argument, never a
 * TypeError from deep inside.
 */

/** The code of the diagnostic thrown when a public function gets an argument of the wrong type or shape. */
export const INVALID_ARGUMENT = "invalid-argument";

/** Throws the `invalid-argument` RetryDelayError. */
export function invalidArgument(message: string): never {
  throw new RetryDelayError("", [{ code: INVALID_ARGUMENT, severity: "error", message, span: { start: 0, end: 0 } }]);
}

/** What a value is, for a message: "a string", "null", "an array", "an object", … */
export function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (isArraySafe(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

export function expectNumber(value: unknown, what: string): number {
  if (typeof value !== "number") invalidArgument(`${what} must be a number, not ${describeKind(value)}`);
  return value;
}

export function expectString(value: unknown, what: string): string {
  if (typeof value !== "string") invalidArgument(`${what} must be a string, not ${describeKind(value)}`);
  return value;
}

/**
 * An options bag or data record, as a snapshot of its own enumerable fields
 * (see `own.ts`): each field read once, nothing inherited from a polluted
 * `Object.prototype`, and a Proxy or getter that throws becomes
 * `invalid-argument`. The snapshot has no prototype, so reading any name
 * from it runs no caller code.
 */
export function expectOptionsObject(value: unknown, what: string): OwnSnapshot {
  if (!isPlainObjectLike(value)) invalidArgument(`${what} must be an object, not ${describeKind(value)}`);
  const read = snapshotOwn(value);
  if (!read.ok) invalidArgument(`${what} could not be read: ${read.reason}`);
  return read.value;
}

/**
 * A non-null, non-array object. A plain record (prototype `Object.prototype`
 * or none) comes back as an own-field snapshot, as {@link expectOptionsObject};
 * an instance of a class (a `Headers`, a cache) comes back as itself, since
 * its prototype's methods are its interface.
 */
export function expectObject(value: unknown, what: string): { readonly [key: string]: unknown } {
  if (!isPlainObjectLike(value)) invalidArgument(`${what} must be an object, not ${describeKind(value)}`);
  let prototype: object | null;
  try {
    prototype = Reflect.getPrototypeOf(value);
  } catch (error) {
    invalidArgument(`${what} could not be read: ${describeThrow(error)}`);
  }
  if (prototype !== null && prototype !== Object.prototype) return value as { readonly [key: string]: unknown };
  return expectOptionsObject(value, what);
}

/** An optional options bag: undefined becomes an empty snapshot; anything else is read as {@link expectOptionsObject}. */
export function expectOptions(value: unknown, what: string): OwnSnapshot {
  return value === undefined ? EMPTY : expectOptionsObject(value, what);
}

const EMPTY: OwnSnapshot = Object.freeze(Object.create(null) as OwnSnapshot);

/** An array's elements, each read once (see `snapshotArray`); a revoked Proxy or a throwing index getter is `invalid-argument`. */
export function expectArray(value: unknown, what: string): readonly unknown[] {
  if (!isArraySafe(value)) invalidArgument(`${what} must be an array, not ${describeKind(value)}`);
  const read = snapshotArray(value);
  if (!read.ok) invalidArgument(`${what} could not be read: ${read.reason}`);
  return read.items;
}

export function expectOptionalString(value: unknown, what: string): string | undefined {
  return value === undefined ? undefined : expectString(value, what);
}

export function expectOptionalBoolean(value: unknown, what: string): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") invalidArgument(`${what} must be true or false, not ${describeKind(value)}`);
  return value;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

function expectSpan(value: unknown, what: string): Span {
  const span = expectObject(value, what);
  const { start, end } = span;
  if (typeof start !== "number" || typeof end !== "number" || Number.isNaN(start) || Number.isNaN(end)) {
    invalidArgument(`${what} must be { start, end } with numbers`);
  }
  return { start, end };
}

/** A diagnostic as this package makes them, checked field by field, since renderers walk all of it. */
export function expectDiagnostic(value: unknown, what: string): Diagnostic {
  const d = expectObject(value, what);
  const code = expectString(d.code, `${what}.code`);
  const message = expectString(d.message, `${what}.message`);
  const severity = d.severity;
  if (typeof severity !== "string" || !SEVERITIES.includes(severity as Severity)) invalidArgument(`${what}.severity must be "error", "warning" or "info"`);
  const span = expectSpan(d.span, `${what}.span`);
  const hint = expectOptionalString(d.hint, `${what}.hint`);
  const related =
    d.related === undefined
      ? undefined
      : expectArray(d.related, `${what}.related`).map((r, i) => {
          const entry = expectObject(r, `${what}.related[${i}]`);
          return { span: expectSpan(entry.span, `${what}.related[${i}].span`), message: expectString(entry.message, `${what}.related[${i}].message`) };
        });
  return { code, severity: severity as Severity, message, span, ...(hint === undefined ? {} : { hint }), ...(related === undefined ? {} : { related }) };
}

export function expectDiagnostics(value: unknown, what: string): Diagnostic[] {
  return expectArray(value, what).map((d, i) => expectDiagnostic(d, `${what}[${i}]`));
}
