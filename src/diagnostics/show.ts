import { isArraySafe } from "./own.js";

/**
 * Any value as text for a message, without ever throwing: `String(value)`
 * throws for an object whose `toString` is not a function, and for symbols in
 * template literals. Hostile options must get a diagnostic, not a TypeError.
 */
export function showValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value === undefined || value === null)
    return String(value);
  if (typeof value === "symbol") return value.description === undefined ? "a symbol" : `Symbol(${value.description})`;
  if (typeof value === "function") return "a function";
  return isArraySafe(value) ? "an array" : "an object";
}

/**
 * A whole number with its thousands grouped, as messages write limits:
 * 1000000 → "1,000,000". Written out rather than `toLocaleString("en-US")`,
 * whose first call loads ICU's locale data: 20–35 ms of a cold start when a
 * module formats a limit while it loads. Any other number is `String(n)`.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}
