import { expectOptions } from "../diagnostics/arguments.js";
import { isPlainObjectLike, snapshotOwn } from "../diagnostics/own.js";
import { RetryDelayError, type Result } from "../diagnostics/diagnostic.js";
import { showValue } from "../diagnostics/show.js";
import { tryCompile, type CompiledDelay, type CompileOptions } from "../expression/api.js";
import { EXPRESSION_LIMITS } from "../expression/limits.js";
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
  /**
   * Most bytes kept, as estimated: each entry counts its key (2 bytes a
   * character), 1 KiB, and 64 bytes per source character for its tree and
   * closures. The least recently used entries go first; a result larger than
   * this on its own is returned but not kept. Default 16 MiB.
   *
   * @example
   * ```ts
   * const cache = createCompileCache({ maxEntries: 10_000, maxBytes: 4 * 1024 * 1024 });
   * cache.stats().maxBytes; // 4194304
   * ```
   */
  readonly maxBytes?: number;
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
  /** The estimated bytes the entries hold (see {@link CompileCacheOptions.maxBytes}). */
  readonly bytes: number;
  readonly maxBytes: number;
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
  /**
   * The result of `tryCompile(source, options)`, deep-equal to it for any
   * arguments, compiled at most once while cached. Failures are cached too,
   * except for what fails without work: a source that is no string or is over
   * the length limit, and options other than `{ retries }` with a valid count.
   */
  get(source: string, options?: CompileOptions): Result<CompiledDelay, ExpressionCode>;
  /** The counters since the cache was made. */
  stats(): CompileCacheStats;
  /** Drops every entry; the counters stay. */
  clear(): void;
}

/**
 * A compile cache for servers that see the same few expressions in millions
 * of headers. Bounded by entry count and by estimated bytes with LRU
 * eviction, so a stream of distinct (or huge) expressions cannot grow it. Failed compiles are cached as well, so
 * a client cannot make the server re-parse one bad header forever. Cached
 * results are frozen: no caller can change what another caller gets.
 *
 * @example
 * ```ts
 * const cache = createCompileCache({ maxEntries: 500 });
 * const result = cache.get(request.headers.get("upstash-retry-delay") ?? "1000", { retries: 5 });
 * if (result.ok) setTimeout(retry, result.value(retried));
 * cache.stats(); // { hits, misses, evictions, size, maxEntries, bytes, maxBytes }
 * ```
 */
export function createCompileCache(options: CompileCacheOptions = {}): CompileCache {
  const read = expectOptions(options, "the cache options");
  const maxEntries = expectLimit(read.maxEntries ?? DEFAULT_MAX_ENTRIES, "maxEntries");
  const maxBytes = expectLimit(read.maxBytes ?? DEFAULT_MAX_BYTES, "maxBytes");
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  let evictions = 0;
  const evictOverflow = (): void => {
    for (const [oldest, entry] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) return;
      entries.delete(oldest);
      bytes -= entry.bytes;
      evictions++;
    }
  };
  return {
    get(source, getOptions) {
      const request = cacheRequest(source, getOptions);
      const cached = request.key === undefined ? undefined : entries.get(request.key);
      if (request.key !== undefined && cached !== undefined) {
        hits++;
        entries.delete(request.key);
        entries.set(request.key, cached);
        return cached.result;
      }
      misses++;
      const result = freezeResult(tryCompile(source, request.options as CompileOptions));
      const size = request.key === undefined ? 0 : estimateBytes(request.key, source);
      if (request.key !== undefined && size <= maxBytes) {
        entries.set(request.key, { result, bytes: size });
        bytes += size;
        evictOverflow();
      }
      return result;
    },
    stats: () => ({ hits, misses, evictions, size: entries.size, maxEntries, bytes, maxBytes }),
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}

interface Entry {
  readonly result: Result<CompiledDelay, ExpressionCode>;
  readonly bytes: number;
}

const DEFAULT_MAX_ENTRIES = 1000;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** Per entry, beyond its key: the Map slot, the frozen result, a small tree and its closures. */
const ENTRY_OVERHEAD = 1024;
/** Per source character: the tree, spans and closures grow with the source (an estimate, erring high). */
const BYTES_PER_SOURCE_CHAR = 64;

/** What an entry is counted as: its key in UTF-16, and an estimate of what it holds. */
function estimateBytes(key: string, source: string): number {
  return 2 * key.length + ENTRY_OVERHEAD + BYTES_PER_SOURCE_CHAR * source.length;
}

function expectLimit(value: unknown, name: string): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1) return value;
  throw new RetryDelayError("", [
    {
      code: "invalid-option",
      severity: "error",
      message: `${name} must be a whole number of at least 1, not ${showValue(value)}`,
      span: { start: 0, end: 0 },
    },
  ]);
}

/**
 * The key of a request, and the options to compile it with. Only a string
 * within the length limit, with options that are absent or hold nothing but a
 * valid `retries`, gets a key; anything else is compiled uncached (it fails
 * fast, and keeping it would let a client fill memory). The options object is
 * read once, through its own properties, and compiled from that snapshot.
 */
function cacheRequest(source: unknown, options: unknown): { key?: string; options: unknown } {
  if (options !== undefined && !isPlainObjectLike(options)) return { options };
  const read = options === undefined ? undefined : snapshotOwn(options);
  if (read !== undefined && !read.ok) return { options };
  const snapshot = read?.value ?? {};
  if (typeof source !== "string" || source.length > EXPRESSION_LIMITS.maxSourceLength) return { options: snapshot };
  if (read !== undefined && read.keys.some((key) => key !== "retries")) return { options: snapshot };
  // Only an absent `retries` means the default: `null` is refused by tryCompile, so it must not share the default's key.
  const retries = snapshot.retries === undefined ? DEFAULT_RETRIES : snapshot.retries;
  if (typeof retries !== "number" || !Number.isInteger(retries) || retries < 0 || retries > EXPRESSION_LIMITS.maxRetries)
    return { options: snapshot };
  // A whole number, then a separator no digit can be: "5:x" cannot be read two ways.
  return { key: `${retries}:${source}`, options: snapshot };
}

/** Freezes everything a cached result shares: no caller can change what the next one gets. */
function freezeResult(result: Result<CompiledDelay, ExpressionCode>): Result<CompiledDelay, ExpressionCode> {
  deepFreeze(result.diagnostics);
  if (result.ok) {
    // `.expression`, `.diagnostics` and `.range` are not touched: each is found on first read and
    // frozen then (expression/compile-source.ts). Reading `.range` here made each entry find the
    // checks' findings again and keep its tree: 3,459 B per entry, against 1,157 B now.
    Object.freeze(result.value);
  }
  return Object.freeze(result);
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
