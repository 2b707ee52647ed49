// Types for scripts/lodash-subset.mjs: the lodash-es functions chevrotain uses, bundled in its place.
type Collection = unknown;
type Iteratee = (value: unknown, key: string | number, collection: unknown) => unknown;

export function identity<T>(value: T): T;
export function noop(): void;
export const isArray: (value: unknown) => value is unknown[];
export function isFunction(value: unknown): boolean;
export function isObject(value: unknown): boolean;
export function isString(value: unknown): boolean;
export function isRegExp(value: unknown): boolean;
export function isUndefined(value: unknown): boolean;
export function isEmpty(value: unknown): boolean;
export function has(object: unknown, key: PropertyKey): boolean;
export function keys(object: unknown): string[];
export function values(object: unknown): unknown[];
export function forEach<C extends Collection>(collection: C, iteratee: Iteratee): C;
export function map(collection: Collection, iteratee?: Iteratee): unknown[];
export function filter(collection: Collection, predicate?: Iteratee): unknown[];
export function reject(collection: Collection, predicate?: Iteratee): unknown[];
export function find(collection: Collection, predicate?: Iteratee): unknown;
export function every(collection: Collection, predicate?: Iteratee): boolean;
export function some(collection: Collection, predicate?: Iteratee): boolean;
export function reduce(
  collection: Collection,
  iteratee: (accumulator: unknown, value: unknown, key: string | number, collection: unknown) => unknown,
  accumulator?: unknown,
): unknown;
export function flatMap(collection: Collection, iteratee?: Iteratee): unknown[];
export function groupBy(collection: Collection, iteratee?: (value: unknown) => unknown): Record<string, unknown[]>;
export function includes(collection: Collection, value: unknown): boolean;
export function first(array: unknown): unknown;
export function last(array: unknown): unknown;
export function compact(array: unknown): unknown[];
export function flatten(array: unknown): unknown[];
export function uniq(array: unknown): unknown[];
export function difference(array: unknown, ...others: unknown[]): unknown[];
export function drop(array: unknown, n?: number): unknown[];
export function dropRight(array: unknown, n?: number): unknown[];
export function assign(object: unknown, ...sources: unknown[]): unknown;
export function defaults(object: unknown, ...sources: unknown[]): unknown;
export function pickBy(object: unknown, predicate: (value: unknown, key: string) => unknown): Record<string, unknown>;
export function clone<T>(value: T): T;
export function upperFirst(string: unknown): string;
