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
