import { expectOptions } from "../diagnostics/arguments.js";
import { RetryDelayError, type Result } from "../diagnostics/diagnostic.js";
import { showValue } from "../diagnostics/show.js";
import { tryCompile, type CompiledDelay } from "../expression/api.js";
import { DEFAULT_RETRIES } from "../expression/check.js";
import type { ExpressionCode } from "../expression/codes.js";

/**
 * Options of {@link createCompileCache}.
 *
 * @example
 * ```ts
 * const options: CompileCacheOptions = { maxEntries: 10_000 };
 * const cache = createCompileCache(options);
 * ```
 */
export interface CompileCacheOptions {
  /** Most entries kept; the least recently used goes first. Default 1000. */
  readonly maxEntries?: number;
}

/**
 * Counters of a {@link CompileCache}.
 *
 * @example
 * ```ts
 * const stats: CompileCacheStats = cache.stats();
 * console.log(`hit rate ${(stats.hits / (stats.hits + stats.misses)).toFixed(3)}`);
 * ```
 */
export interface CompileCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
  readonly size: number;
  readonly maxEntries: number;
}

/**
 * A bounded LRU cache from expression source (and `retries`) to its compile result.
 *
 * @example
 * ```ts
 * const cache: CompileCache = createCompileCache();
 * cache.get("1000").ok; // true
 * cache.stats().misses; // 1
 * ```
 */
export interface CompileCache {
  /** The result of `tryCompile(source, { retries })`, compiled at most once while cached. Failures are cached too. */
  get(source: string, options?: { readonly retries?: number }): Result<CompiledDelay, ExpressionCode>;
  /** The counters since the cache was made. */
  stats(): CompileCacheStats;
  /** Drops every entry; the counters stay. */
  clear(): void;
}

/**
 * A compile cache for servers that see the same few expressions in millions
 * of headers. Bounded by entry count with LRU eviction, so a stream of
 * distinct expressions cannot grow it. Failed compiles are cached as well, so
 * a client cannot make the server re-parse one bad header forever. Cached
 * results are frozen: no caller can change what another caller gets.
 *
 * @example
 * ```ts
 * const cache = createCompileCache({ maxEntries: 500 });
 * const result = cache.get(request.headers.get("upstash-retry-delay") ?? "1000", { retries: 5 });
 * if (result.ok) setTimeout(retry, result.value(retried));
 * cache.stats(); // { hits, misses, evictions, size, maxEntries }
 * ```
 */
export function createCompileCache(options: CompileCacheOptions = {}): CompileCache {
  const requested = expectOptions(options, "the cache options").maxEntries ?? 1000;
  if (typeof requested !== "number" || !Number.isInteger(requested) || requested < 1) {
    throw new RetryDelayError("", [{ code: "invalid-option", severity: "error", message: `maxEntries must be a whole number of at least 1, not ${showValue(requested)}`, span: { start: 0, end: 0 } }]);
  }
  const maxEntries = requested;
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const entries = new Map<string, Result<CompiledDelay, ExpressionCode>>();
  let hits = 0;
  let misses = 0;
  let evictions = 0;
  return {
    get(source, getOptions = {}) {
      const retries = (expectOptions(getOptions, "the compile options").retries ?? DEFAULT_RETRIES) as number;
      // The options change the result (the domain check), so they are part of the key.
      const key = `${typeof retries === "number" ? retries : showValue(retries)}\u0000${typeof source === "string" ? source : `\u0001${showValue(source)}`}`;
      const cached = entries.get(key);
      if (cached !== undefined) {
        hits++;
        entries.delete(key);
        entries.set(key, cached);
        return cached;
      }
      misses++;
      const result = freezeResult(tryCompile(source, { retries }));
      entries.set(key, result);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
        evictions++;
      }
      return result;
    },
    stats: () => ({ hits, misses, evictions, size: entries.size, maxEntries }),
    clear() {
      entries.clear();
    },
  };
}

/** Freezes everything a cached result shares: no caller can change what the next one gets. */
function freezeResult(result: Result<CompiledDelay, ExpressionCode>): Result<CompiledDelay, ExpressionCode> {
  deepFreeze(result.diagnostics);
  if (result.ok) {
    deepFreeze(result.value.expression);
    if (result.value.range !== undefined) Object.freeze(result.value.range);
    Object.freeze(result.value);
  }
  return Object.freeze(result);
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
