import { describeKind, invalidArgument } from "../diagnostics/arguments.js";

/**
 * `retried` as the compiled closures read it. A number passes through, and
 * V8 reduces the check to the type test it already makes. Anything else is
 * converted as unary `+` would, so a numeric string gives arithmetic, never
 * concatenation; a value that cannot become a number at all (a symbol, a
 * bigint, an object without a primitive value) is an `invalid-argument`
 * RetryDelayError rather than a TypeError.
 */
export function readRetried(value: number): number {
  return typeof value === "number" ? value : convertRetried(value);
}

function convertRetried(value: unknown): number {
  if (typeof value === "symbol" || typeof value === "bigint") invalidArgument(`retried must be a number, not ${describeKind(value)}`);
  try {
    return Number(value);
  } catch {
    // A TypeError, or whatever the caller's valueOf, toString or Proxy trap threw.
    invalidArgument(`retried must be a number, not ${describeKind(value)} without a numeric value`);
  }
}
