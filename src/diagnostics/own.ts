/*
 * Reading caller objects at the host boundary. A caller's options may be a
 * Proxy (even a revoked one), carry getters that throw or answer differently
 * on each read, or inherit fields from a polluted `Object.prototype`. The
 * library therefore reads each object exactly once, takes only own
 * enumerable data properties, and turns any throw into a value it can report.
 */

/** An object's own enumerable string-keyed data properties, read once, in a prototype-free record. */
export type OwnSnapshot = { readonly [key: string]: unknown };

/** What {@link snapshotOwn} found: the snapshot, or why the object could not be read. */
export type OwnRead =
  { readonly ok: true; readonly value: OwnSnapshot; readonly keys: readonly string[] } | { readonly ok: false; readonly reason: string };

/**
 * Reads `value`'s own enumerable string-keyed properties, each exactly once
 * (an own getter is called once, through its descriptor). Inherited fields
 * are never seen. Never throws: a throwing getter or Proxy trap becomes
 * `{ ok: false, reason }`.
 */
export function snapshotOwn(value: object): OwnRead {
  try {
    const snapshot: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const keys: string[] = [];
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== "string") continue;
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined || descriptor.enumerable !== true) continue;
      snapshot[key] = "value" in descriptor ? descriptor.value : descriptor.get?.call(value);
      keys.push(key);
    }
    return { ok: true, value: snapshot, keys };
  } catch (error) {
    return { ok: false, reason: describeThrow(error) };
  }
}

/** A short, safe description of something a caller's code threw, for a message. Never throws. */
export function describeThrow(error: unknown): string {
  try {
    if (error instanceof Error && typeof error.message === "string") return `reading it threw: ${error.message.slice(0, 200)}`;
  } catch {
    // A Proxy posing as an Error can throw on `instanceof` or `.message`.
  }
  return "reading it threw";
}

/** Whether `value` is a non-null, non-array object, without running caller code (Array.isArray on a revoked Proxy throws). */
export function isPlainObjectLike(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return true;
  }
}

/** Whether `value` is an array, without throwing (Array.isArray throws on a revoked Proxy). */
export function isArraySafe(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** What {@link snapshotArray} found: the elements, or why the array could not be read. */
export type ArrayRead = { readonly ok: true; readonly items: readonly unknown[] } | { readonly ok: false; readonly reason: string };

/**
 * An array's elements, each read once through its own descriptor (a hole or
 * an inherited index reads as undefined), at most `limit` of them. Never
 * throws: a Proxy trap or a getter that throws becomes `{ ok: false }`.
 */
export function snapshotArray(value: readonly unknown[], limit = 1_000_000): ArrayRead {
  try {
    const lengthDescriptor = Reflect.getOwnPropertyDescriptor(value, "length");
    const length =
      lengthDescriptor !== undefined && "value" in lengthDescriptor && typeof lengthDescriptor.value === "number"
        ? lengthDescriptor.value
        : 0;
    if (length > limit) return { ok: false, reason: `it has ${length} elements; the limit is ${limit}` };
    const items: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, String(i));
      items.push(descriptor === undefined ? undefined : "value" in descriptor ? descriptor.value : descriptor.get?.call(value));
    }
    return { ok: true, items };
  } catch (error) {
    return { ok: false, reason: describeThrow(error) };
  }
}

/**
 * A time given as Unix ms or a `Date`, as a number: NaN for a Date that is
 * not one (`Object.create(Date.prototype)`, a Proxy, a revoked Proxy), whose
 * `getTime` would throw a TypeError. Never throws, and never calls the
 * caller's own `getTime`.
 */
export function readTime(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
}

/**
 * One own field, read once through its descriptor (an own getter is called
 * once; an inherited field reads as undefined). For hot paths that need one
 * known field, where {@link snapshotOwn}'s walk over every key costs ~10×
 * more. Never throws.
 */
export function readOwnField(
  value: object,
  key: string,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string } {
  try {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    return {
      ok: true,
      value: descriptor === undefined ? undefined : "value" in descriptor ? descriptor.value : descriptor.get?.call(value),
    };
  } catch (error) {
    return { ok: false, reason: describeThrow(error) };
  }
}
