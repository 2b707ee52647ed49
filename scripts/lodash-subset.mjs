// The lodash-es functions chevrotain's parser uses, written on the ES2022 built-ins, which the
// builds bundle in place of lodash-es (`lodashSubset` in esbuild-plugins.mjs). lodash-es was a
// quarter of the chevrotain parser's minified bytes, and its module set-up (host probes, native
// checks) part of every first invalid expression. Each function does what lodash 4 does for the
// arguments chevrotain passes: arrays and plain objects (as collections of their own enumerable
// values), functions as iteratees. test/expression/lodash-subset.test.ts holds every export to
// lodash-es's answers on generated arrays and objects.

const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** The values of a collection as lodash walks them: an array-like's items, or an object's own enumerable values, with their keys. */
function entriesOf(collection) {
  if (collection == null) return [];
  if (isArrayLike(collection)) return Array.from({ length: collection.length }, (_, i) => [i, collection[i]]);
  return Object.keys(Object(collection)).map((key) => [key, collection[key]]);
}

function isArrayLike(value) {
  return value != null && typeof value !== "function" && Number.isSafeInteger(value.length) && value.length >= 0;
}

const iterateeOf = (iteratee) => (iteratee === undefined ? identity : iteratee);

export function identity(value) {
  return value;
}

export function noop() {}

export const isArray = Array.isArray;

export function isFunction(value) {
  return typeof value === "function";
}

export function isObject(value) {
  return value != null && (typeof value === "object" || typeof value === "function");
}

export function isString(value) {
  return typeof value === "string" || (!isArray(value) && isObject(value) && Object.prototype.toString.call(value) === "[object String]");
}

export function isRegExp(value) {
  return Object.prototype.toString.call(value) === "[object RegExp]";
}

export function isUndefined(value) {
  return value === undefined;
}

export function isEmpty(value) {
  if (value == null) return true;
  if (isArrayLike(value) && (isArray(value) || typeof value === "string" || typeof value.splice === "function")) return value.length === 0;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  for (const key in value) if (own(value, key)) return false;
  return true;
}

export function has(object, key) {
  return object != null && own(object, key);
}

export function keys(object) {
  return object == null ? [] : Object.keys(Object(object));
}

export function values(object) {
  return object == null ? [] : Object.values(Object(object));
}

export function forEach(collection, iteratee) {
  for (const [key, value] of entriesOf(collection)) if (iteratee(value, key, collection) === false) break;
  return collection;
}

export function map(collection, iteratee) {
  const fn = iterateeOf(iteratee);
  return entriesOf(collection).map(([key, value]) => fn(value, key, collection));
}

export function filter(collection, predicate) {
  const fn = iterateeOf(predicate);
  return entriesOf(collection).flatMap(([key, value]) => (fn(value, key, collection) ? [value] : []));
}

export function reject(collection, predicate) {
  const fn = iterateeOf(predicate);
  return filter(collection, (value, key, c) => !fn(value, key, c));
}

export function find(collection, predicate) {
  const fn = iterateeOf(predicate);
  for (const [key, value] of entriesOf(collection)) if (fn(value, key, collection)) return value;
  return undefined;
}

export function every(collection, predicate) {
  const fn = iterateeOf(predicate);
  return entriesOf(collection).every(([key, value]) => Boolean(fn(value, key, collection)));
}

export function some(collection, predicate) {
  const fn = iterateeOf(predicate);
  return entriesOf(collection).some(([key, value]) => Boolean(fn(value, key, collection)));
}

export function reduce(collection, iteratee, ...accumulator) {
  const entries = entriesOf(collection);
  let index = 0;
  let result = accumulator.length > 0 ? accumulator[0] : entries[index++]?.[1];
  for (; index < entries.length; index++) {
    const [key, value] = entries[index];
    result = iteratee(result, value, key, collection);
  }
  return result;
}

export function flatMap(collection, iteratee) {
  return flatten(map(collection, iteratee));
}

export function groupBy(collection, iteratee) {
  const fn = iterateeOf(iteratee);
  const result = {};
  for (const [, value] of entriesOf(collection)) {
    const key = String(fn(value));
    if (own(result, key)) result[key].push(value);
    else Object.defineProperty(result, key, { value: [value], enumerable: true, writable: true, configurable: true });
  }
  return result;
}

export function includes(collection, value) {
  if (typeof collection === "string") return collection.includes(value);
  return values(collection).includes(value);
}

/** The items of an array or array-like (a string's characters too), or [] for anything else, as lodash's array functions read them. */
const itemsOf = (array) => (isArrayLike(array) ? Array.from({ length: array.length }, (_, i) => array[i]) : []);

export function first(array) {
  return array != null && array.length ? array[0] : undefined;
}

export function last(array) {
  const length = array == null ? 0 : array.length;
  return length ? array[length - 1] : undefined;
}

export function compact(array) {
  return itemsOf(array).filter(Boolean);
}

export function flatten(array) {
  return itemsOf(array).flatMap((item) => (isArray(item) ? item : [item]));
}

export function uniq(array) {
  return [...new Set(itemsOf(array))];
}

/** An array-like that is an object (not a string), as lodash's `difference` reads its arguments. */
const isArrayLikeObject = (value) => typeof value === "object" && isArrayLike(value);

export function difference(array, ...others) {
  if (!isArrayLikeObject(array)) return [];
  const excluded = new Set(others.filter(isArrayLikeObject).flatMap((other) => itemsOf(other)));
  // lodash reads -0 as 0 here.
  return itemsOf(array)
    .map((item) => (item === 0 ? 0 : item))
    .filter((item) => !excluded.has(item));
}

const count = (n) => (n === undefined ? 1 : Math.max(0, Math.trunc(Number(n)) || 0));

export function drop(array, n) {
  return itemsOf(array).slice(count(n));
}

export function dropRight(array, n) {
  const items = itemsOf(array);
  return items.slice(0, Math.max(0, items.length - count(n)));
}

/** Sets a property as lodash does: `__proto__` as an own property, never the prototype. */
function setValue(object, key, value) {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** lodash's `eq`: SameValueZero, so `-0` and `0` are equal (an own `-0` is not overwritten by `0`) and NaN equals NaN. */
function sameValueZero(a, b) {
  return a === b || (a !== a && b !== b);
}

export function assign(object, ...sources) {
  for (const source of sources) {
    if (source == null) continue;
    for (const key of Object.keys(Object(source))) {
      const value = source[key];
      if (!(own(object, key) && sameValueZero(object[key], value)) || (value === undefined && !(key in object)))
        setValue(object, key, value);
    }
  }
  return object;
}

export function defaults(object, ...sources) {
  const target = Object(object);
  for (const source of sources) {
    if (source == null) continue;
    for (const key in source) {
      const current = target[key];
      if (current === undefined || (current === Object.prototype[key] && !own(target, key))) target[key] = source[key];
    }
  }
  return target;
}

export function pickBy(object, predicate) {
  const result = {};
  if (object == null) return result;
  for (const key in object) {
    // lodash sets the picked values by path, which refuses these three names.
    if (predicate(object[key], key) && key !== "__proto__" && key !== "constructor" && key !== "prototype")
      setValue(result, key, object[key]);
  }
  return result;
}

/** A shallow copy: an array's items, or an object's own enumerable properties on a new object with the same prototype. */
export function clone(value) {
  if (!isObject(value) || typeof value === "function") return isObject(value) ? {} : value;
  if (isArray(value)) return [...value];
  if (isRegExp(value)) {
    const copy = new RegExp(value.source, value.flags);
    copy.lastIndex = value.lastIndex;
    return copy;
  }
  return Object.defineProperties(Object.create(Object.getPrototypeOf(value)), ownEnumerableDescriptors(value));
}

function ownEnumerableDescriptors(value) {
  const descriptors = {};
  for (const key of [...Object.keys(value), ...Object.getOwnPropertySymbols(value)]) {
    if (!Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    descriptors[key] = { value: value[key], enumerable: true, writable: true, configurable: true };
  }
  return descriptors;
}

/** A value as lodash's `toString` writes it: `-0` keeps its sign, and arrays are joined item by item. */
function textOf(value) {
  if (typeof value === "string") return value;
  if (value == null) return "";
  if (isArray(value)) return value.map(textOf).join(",");
  if (typeof value === "symbol") return value.toString();
  return Object.is(value, -0) ? "-0" : `${value}`;
}

export function upperFirst(string) {
  const text = textOf(string);
  const [head = ""] = text;
  return head.toUpperCase() + text.slice(head.length);
}
