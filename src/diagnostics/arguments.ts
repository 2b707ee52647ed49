import { CompactRetryDelayError } from "./compact-error.js";
import { INVALID_ARGUMENT, INVALID_INPUT } from "./shared-codes.js";
import type { OwnSnapshot } from "./own.js";
import {
  checked,
  describeKind,
  readArray,
  readDiagnostic,
  readDiagnostics,
  readObject,
  readOptionalBoolean,
  readOptionalString,
  readRecord,
  wrongKind,
  type Checked,
} from "./shape.js";
import type { Diagnostic } from "./types.js";

/*
 * Argument checks for the public functions that have no diagnostics channel
 * of their own (formatters, renderers, helpers). TypeScript callers never
 * reach them, but JavaScript callers and values from JSON can pass anything,
 * and the package promises that nothing escapes but RetryDelayError: a wrong
 * type gets one `invalid-argument` diagnostic naming the argument, never a
 * TypeError from deep inside. The readers themselves live in shape.ts and
 * answer instead of throwing; this module is where an answer becomes a throw.
 *
 * The two codes every language shares are defined here, once:
 *
 * - `invalid-input`: the text a parser was given is not a string (or is
 *   missing). Parsers report it as a diagnostic, as they report any bad input.
 * - `invalid-argument`: anything else a caller passed is of the wrong type or
 *   shape. Functions without a diagnostics channel throw it.
 */

export { describeKind };

export { INVALID_INPUT };

/**
 * The `invalid-input` diagnostic: `what` names the input, e.g. "the expression".
 *
 * @example
 * ```ts
 * invalidInput(42, "a duration").message; // "a duration must be a string, not a number"
 * ```
 */
export function invalidInput(value: unknown, what: string): Diagnostic<typeof INVALID_INPUT> {
  return {
    code: INVALID_INPUT,
    severity: "error",
    message: wrongKind(what, "a string", value),
    span: { start: 0, end: 0 },
  };
}

/** Throws the `invalid-argument` RetryDelayError. */
export function invalidArgument(message: string): never {
  throw new CompactRetryDelayError("", [{ code: INVALID_ARGUMENT, severity: "error", message, span: { start: 0, end: 0 } }]);
}

/** The value of a reader from shape.ts, or the `invalid-argument` throw that says why not. */
function expect<T>(read: Checked<T>): T {
  if (!read.ok) invalidArgument(read.reason);
  return read.value;
}

// No reader's closure: these run on every call of a checked builtin, and
// leaving the readers out keeps them out of a bundle that only compiles.
export function expectNumber(value: unknown, what: string): number {
  return typeof value === "number" ? value : invalidArgument(wrongKind(what, "a number", value));
}

export function expectString(value: unknown, what: string): string {
  return typeof value === "string" ? value : invalidArgument(wrongKind(what, "a string", value));
}

/**
 * An options bag or data record, as a snapshot of its own enumerable fields
 * (see `own.ts`): each field read once, nothing inherited from a polluted
 * `Object.prototype`, and a Proxy or getter that throws becomes
 * `invalid-argument`. The snapshot has no prototype, so reading any name
 * from it runs no caller code.
 */
function expectOptionsObject(value: unknown, what: string): OwnSnapshot {
  return expect(checked(() => readRecord(value, what)));
}

/**
 * A non-null, non-array object. A plain record (prototype `Object.prototype`
 * or none) comes back as an own-field snapshot, as {@link expectOptionsObject};
 * an instance of a class (a `Headers`, a cache) comes back as itself, since
 * its prototype's methods are its interface.
 */
export function expectObject(value: unknown, what: string): { readonly [key: string]: unknown } {
  return expect(checked(() => readObject(value, what)));
}

/** An optional options bag: undefined becomes an empty snapshot; anything else is read as {@link expectOptionsObject}. */
export function expectOptions(value: unknown, what: string): OwnSnapshot {
  return value === undefined ? EMPTY : expectOptionsObject(value, what);
}

const EMPTY: OwnSnapshot = /* @__PURE__ */ Object.freeze(Object.create(null) as OwnSnapshot);

/** An array's elements, each read once (see `snapshotArray`); a revoked Proxy or a throwing index getter is `invalid-argument`. */
export function expectArray(value: unknown, what: string): readonly unknown[] {
  return expect(checked(() => readArray(value, what)));
}

export function expectOptionalString(value: unknown, what: string): string | undefined {
  return expect(checked(() => readOptionalString(value, what)));
}

export function expectOptionalBoolean(value: unknown, what: string): boolean | undefined {
  return expect(checked(() => readOptionalBoolean(value, what)));
}

/** A diagnostic as this package makes them, checked field by field, since renderers walk all of it. */
export function expectDiagnostic(value: unknown, what: string): Diagnostic {
  return expect(checked(() => readDiagnostic(value, what)));
}

export function expectDiagnostics(value: unknown, what: string): Diagnostic[] {
  return expect(checked(() => readDiagnostics(value, what)));
}
