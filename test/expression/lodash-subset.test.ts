import fc from "fast-check";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import * as subset from "../../scripts/lodash-subset.mjs";

/*
 * The builds bundle scripts/lodash-subset.mjs where chevrotain imports
 * lodash-es. Each of its functions must answer as lodash-es does, the one
 * chevrotain itself depends on (resolved from chevrotain, so this is the
 * copy that would otherwise be bundled): same results, same iteratee calls
 * in the same order, on generated arrays, objects, strings and nothing.
 */
const fromChevrotain = createRequire(createRequire(import.meta.url).resolve("chevrotain"));
const lodash = (await import(pathToFileURL(fromChevrotain.resolve("lodash-es")).href)) as Record<string, (...args: unknown[]) => unknown>;
const ours = subset as unknown as Record<string, (...args: unknown[]) => unknown>;

const leaf = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(Number.NaN, 0, -0, null, undefined, true, false, "", "a", "b"),
  fc.string({ maxLength: 2 }),
);
const item = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }));
const array = fc.array(item, { maxLength: 6 });
// Plain objects as chevrotain builds them (maps by rule name or token index, configurations): no
// `length` and no `__proto__` key, whose readings in lodash are accidents of its implementation.
const object = fc.dictionary(fc.constantFrom("a", "b", "c", "0", "1", "constructor", "toString"), item, { maxKeys: 4 });
const collection = fc.oneof(array, object, fc.string({ maxLength: 4 }), fc.constantFrom(null, undefined));
/** What an iteratee returns, per call: values that stop forEach (false) and test truthiness. */
const answers = fc.array(fc.oneof(leaf, fc.constantFrom(true, false)), { minLength: 1, maxLength: 8 });

/** An iteratee that answers from `results` in turn and logs its calls (the collection argument by identity). */
function recording(results: readonly unknown[], collectionArgument: unknown) {
  const calls: unknown[] = [];
  const fn = (...args: unknown[]) => {
    calls.push(args.map((a) => (a === collectionArgument && typeof a === "object" && a !== null ? "<collection>" : a)));
    return results[(calls.length - 1) % results.length];
  };
  return { fn, calls };
}

/** Runs `name` in both libraries with a fresh recording iteratee; the results and the calls must agree. */
function agree(name: string, args: (iteratee: (...a: unknown[]) => unknown) => unknown[], results: readonly unknown[], target: unknown) {
  const mine = recording(results, target);
  const theirs = recording(results, target);
  const run = (library: Record<string, (...a: unknown[]) => unknown>, fn: (...a: unknown[]) => unknown) => {
    const f = library[name];
    if (f === undefined) throw new Error(`${name} is missing`);
    return f(...args(fn));
  };
  expect({ result: run(ours, mine.fn), calls: mine.calls }).toEqual({ result: run(lodash, theirs.fn), calls: theirs.calls });
}

const COLLECTION_FUNCTIONS = ["forEach", "map", "filter", "reject", "find", "every", "some", "flatMap", "groupBy"];

describe("scripts/lodash-subset.mjs against lodash-es", () => {
  it("exports only functions lodash-es has", () => {
    for (const name of Object.keys(ours)) expect(typeof lodash[name], name).toBe("function");
  });

  it.each(COLLECTION_FUNCTIONS)("%s calls the iteratee and answers as lodash does", (name) => {
    fc.assert(
      fc.property(fc.oneof(array, object, fc.constantFrom(null, undefined)), answers, (c, results) => {
        agree(name, (fn) => [c, fn], results, c);
      }),
      { numRuns: 300 },
    );
  });

  it("reduce, with and without a first accumulator", () => {
    fc.assert(
      fc.property(fc.oneof(array, object), answers, fc.option(item, { nil: undefined }), (c, results, start) => {
        agree("reduce", (fn) => [c, fn], results, c);
        agree("reduce", (fn) => [c, fn, start], results, c);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    "isEmpty",
    "keys",
    "values",
    "first",
    "last",
    "compact",
    "flatten",
    "uniq",
    "drop",
    "dropRight",
    "isArray",
    "isObject",
    "isString",
    "isFunction",
    "isRegExp",
    "isUndefined",
    "identity",
  ])("%s answers as lodash does", (name) => {
    fc.assert(
      fc.property(
        fc.oneof(
          collection,
          leaf,
          fc.constant(/x/g),
          fc.constant(() => 1),
          fc.constant(new Map([[1, 2]])),
        ),
        (value) => {
          expect(ours[name]?.(value)).toEqual(lodash[name]?.(value));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("upperFirst writes a name with a capital", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("ruleName", "ß", "é", "😀x", "")), (text) => {
        expect(ours.upperFirst?.(text)).toBe(lodash.upperFirst?.(text));
      }),
    );
  });

  it("drop, dropRight with counts; difference; includes; has", () => {
    fc.assert(
      fc.property(array, fc.oneof(fc.integer({ min: -2, max: 8 }), fc.constant(undefined)), array, item, (a, n, b, value) => {
        expect(ours.drop?.(a, n)).toEqual(lodash.drop?.(a, n));
        expect(ours.dropRight?.(a, n)).toEqual(lodash.dropRight?.(a, n));
        expect(ours.difference?.(a, b)).toEqual(lodash.difference?.(a, b));
        expect(ours.includes?.(a, value)).toEqual(lodash.includes?.(a, value));
      }),
    );
    fc.assert(
      fc.property(fc.oneof(object, array), fc.constantFrom("a", "b", "0", "1", "length", "toString", 0, 1), (o, key) => {
        const value = (o as Record<PropertyKey, unknown>)[key];
        expect(ours.has?.(o, key)).toBe(lodash.has?.(o, key));
        expect(ours.includes?.(o, value)).toBe(lodash.includes?.(o, value));
      }),
    );
  });

  it("assign keeps an own -0 that a later 0 would overwrite, as lodash's SameValueZero test does (CI's counterexample)", () => {
    const sources = [{ "0": -0 }, { "0": 0 }];
    expect(ours.assign?.({}, ...sources)).toStrictEqual({ "0": -0 });
    expect(ours.assign?.({}, ...sources)).toEqual(lodash.assign?.({}, ...sources));
    expect(ours.assign?.({ a: Number.NaN }, { a: Number.NaN })).toEqual(lodash.assign?.({ a: Number.NaN }, { a: Number.NaN }));
  });

  it("assign, defaults and pickBy give the same objects", () => {
    fc.assert(
      fc.property(object, object, object, answers, (a, b, c, results) => {
        expect(ours.assign?.({ ...a }, b, c)).toEqual(lodash.assign?.({ ...a }, b, c));
        expect(ours.defaults?.({ ...a }, b, c)).toEqual(lodash.defaults?.({ ...a }, b, c));
        agree("pickBy", (fn) => [a, fn], results, a);
      }),
    );
  });

  it("clone copies shallowly, keeping the prototype", () => {
    class Config {
      kind = "config";
    }
    const samples: unknown[] = [[1, [2]], { a: 1, b: { c: 2 } }, new Config(), /a/gi, 5, "s", null, undefined];
    for (const sample of samples) {
      const mine = ours.clone?.(sample);
      const theirs = lodash.clone?.(sample);
      expect(mine).toEqual(theirs);
      expect(Object.getPrototypeOf(mine ?? {})).toBe(Object.getPrototypeOf(theirs ?? {}));
      if (typeof sample === "object" && sample !== null) expect(mine).not.toBe(sample);
    }
    fc.assert(
      fc.property(fc.oneof(array, object), (value) => {
        expect(ours.clone?.(value)).toEqual(lodash.clone?.(value));
      }),
    );
  });
});
