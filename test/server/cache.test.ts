import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createCompileCache, RetryDelayError, tryCompile } from "../../src/index.js";

/** A compile result as data: the closure by its values, so that two results compare by what they do. */
function asData(result: ReturnType<typeof tryCompile>): unknown {
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics };
  const { source, expression, diagnostics, range } = result.value;
  return {
    ok: true,
    diagnostics: result.diagnostics,
    source,
    expression,
    valueDiagnostics: diagnostics,
    range,
    values: [0, 1, 2, 7].map((r) => result.value(r)),
  };
}

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("createCompileCache", () => {
  it("compiles once, then hits", () => {
    const cache = createCompileCache({ maxEntries: 10 });
    const first = cache.get("pow(2, retried) * 1000");
    const second = cache.get("pow(2, retried) * 1000");
    expect(second).toBe(first);
    expect(first.ok && first.value(3)).toBe(8000);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, evictions: 0, size: 1, maxEntries: 10 });
  });

  it("keys on retries too, since the domain check depends on it", () => {
    const cache = createCompileCache();
    const three = cache.get("1000 - 400 * retried");
    const five = cache.get("1000 - 400 * retried", { retries: 5 });
    expect(three.diagnostics).toEqual([]);
    expect(five.diagnostics.map((d) => d.code)).toEqual(["negative-delay"]);
  });

  it("caches failures, so a bad header is parsed once", () => {
    const cache = createCompileCache();
    const a = cache.get("Pow(2, retried)");
    const b = cache.get("Pow(2, retried)");
    expect(a.ok).toBe(false);
    expect(b).toBe(a);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it("evicts the least recently used entry", () => {
    const cache = createCompileCache({ maxEntries: 2 });
    cache.get("1");
    cache.get("2");
    cache.get("1"); // 1 is now the most recent
    cache.get("3"); // evicts 2
    expect(cache.stats()).toMatchObject({ size: 2, evictions: 1 });
    cache.get("1");
    expect(cache.stats().hits).toBe(2);
    cache.get("2");
    expect(cache.stats().misses).toBe(4);
  });

  it("shares nothing mutable between callers", () => {
    const cache = createCompileCache();
    const result = cache.get("1000 - 400 * retried", { retries: 5 });
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.diagnostics)).toBe(true);
    expect(Object.isFrozen(result.diagnostics[0])).toBe(true);
    if (result.ok) {
      expect(Object.isFrozen(result.value.expression)).toBe(true);
      expect(() => {
        (result.value as { source: string }).source = "changed";
      }).toThrow(TypeError);
    }
    expect(cache.get("1000 - 400 * retried", { retries: 5 })).toBe(result);
  });

  it("never throws on hostile keys", () => {
    const cache = createCompileCache();
    for (const key of [undefined, null, 42, {}, "x".repeat(100_000), "__proto__", "constructor"])
      expect(() => cache.get(key as string)).not.toThrow();
  });

  it("refuses a bad size", () => {
    expect(() => createCompileCache({ maxEntries: 0 })).toThrow(RetryDelayError);
  });

  it("stays bounded under 1,000,000 distinct expressions (heap after GC)", () => {
    const script = `
      import { createCompileCache } from ${JSON.stringify(`${root}dist/index.js`)};
      const cache = createCompileCache({ maxEntries: 1000 });
      globalThis.gc(); globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      let mid = 0;
      for (let i = 0; i < 1_000_000; i++) {
        cache.get(i % 3 === 0 ? "Pow(" + i + ", retried)" : "pow(2, retried) * " + i);
        if (i === 500_000) { globalThis.gc(); mid = process.memoryUsage().heapUsed; }
      }
      globalThis.gc(); globalThis.gc();
      const after = process.memoryUsage().heapUsed;
      process.stdout.write(JSON.stringify({ before, mid, after, stats: cache.stats() }));`;
    const out = JSON.parse(execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" })) as {
      before: number;
      mid: number;
      after: number;
      stats: { size: number; evictions: number; misses: number };
    };
    expect(out.stats).toMatchObject({ size: 1000, evictions: 999_000, misses: 1_000_000 });
    // 1000 entries of ~2.5 KB: a few MB at most, and no growth between the halves.
    expect(out.after - out.before).toBeLessThan(16 * 1024 * 1024);
    expect(Math.abs(out.after - out.mid)).toBeLessThan(4 * 1024 * 1024);
  }, 120_000);

  it("keeps no refused source over the length limit as a key", () => {
    const cache = createCompileCache();
    for (let i = 0; i < 50; i++) {
      const huge = `${i}`.padEnd(1024 * 1024, "1");
      expect(cache.get(huge).diagnostics[0]?.code).toBe("source-too-long");
    }
    expect(cache.stats()).toMatchObject({ size: 0, bytes: 0 });
  });

  it("is bounded by bytes as well as entries", () => {
    const cache = createCompileCache({ maxEntries: 1000, maxBytes: 2 * 1024 * 1024 });
    const longest = (i: number) => `${i}+` + Array.from({ length: 1000 }, () => "retried").join("+");
    for (let i = 0; i < 100; i++) expect(cache.get(longest(i)).ok).toBe(true);
    const stats = cache.stats();
    expect(stats.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(stats.size).toBeLessThan(10);
    expect(stats.size).toBeGreaterThan(0);
    expect(stats.evictions).toBe(100 - stats.size);
    expect(() => createCompileCache({ maxBytes: 0 })).toThrow(/maxBytes/);
  });

  it("never mixes up retries of different types, sources of different types, or an invalid retries with the default", () => {
    const cache = createCompileCache();
    const source = "1000 - 400 * retried";
    expect(asData(cache.get(source, { retries: "5" } as never))).toEqual(asData(tryCompile(source, { retries: "5" } as never)));
    expect(asData(cache.get(source, { retries: 5 }))).toEqual(asData(tryCompile(source, { retries: 5 })));
    expect(asData(cache.get(42 as never))).toEqual(asData(tryCompile(42 as never)));
    expect(asData(cache.get("\u000142"))).toEqual(asData(tryCompile("\u000142")));
    // The default's entry is cached first: a null retries must not be served from it.
    expect(cache.get(source).ok).toBe(true);
    expect(cache.get(source, { retries: null } as never).ok).toBe(false);
    expect(asData(cache.get(source, { retries: null } as never))).toEqual(asData(tryCompile(source, { retries: null } as never)));
  });

  it("reads the options once, own properties only", () => {
    const cache = createCompileCache();
    let reads = 0;
    const options = Object.defineProperty({}, "retries", { enumerable: true, get: () => (reads++, 5) });
    expect(cache.get("1000 - 400 * retried", options).diagnostics.map((d) => d.code)).toEqual(["negative-delay"]);
    expect(reads).toBe(1);
    const inherited = Object.create({ retries: 5 }) as { retries?: number };
    expect(cache.get("1000 - 400 * retried", inherited).diagnostics).toEqual([]);
    const throwing = Object.defineProperty({}, "retries", {
      enumerable: true,
      get: () => {
        throw new Error("no");
      },
    });
    expect(cache.get("1000", throwing).diagnostics[0]?.code).toBe("invalid-option");
  });

  it("answers exactly what tryCompile answers, for any source and options, hit or miss", () => {
    const sources = fc.oneof(
      fc.constantFrom("1000", "1000 - 400 * retried", "pow(2, retried) * 1000", "Pow(2, retried)", "", "\u00011000", "1/0"),
      fc.string({ maxLength: 20 }),
      fc.anything(),
    );
    const retries = fc.oneof(
      fc.integer({ min: -2, max: 12 }),
      fc.constantFrom(1_000_000, 1_000_001, 1.5, Number.NaN, "5", null, undefined),
      fc.anything(),
    );
    const options = fc.oneof(
      fc.constant(undefined),
      retries.map((r) => ({ retries: r })),
      fc.anything(),
      retries.map((r) => ({ retries: r, extra: 1 })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(sources, options), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (calls, maxEntries) => {
          const cache = createCompileCache({ maxEntries });
          for (const [source, opts] of [...calls, ...calls, ...calls.slice().reverse()]) {
            expect(asData(cache.get(source as string, opts as never))).toEqual(asData(tryCompile(source as string, opts as never)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
