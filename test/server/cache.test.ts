import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createCompileCache, RetryDelayError } from "../../src/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("createCompileCache", () => {
  it("compiles once, then hits", () => {
    const cache = createCompileCache({ maxEntries: 10 });
    const first = cache.get("pow(2, retried) * 1000");
    const second = cache.get("pow(2, retried) * 1000");
    expect(second).toBe(first);
    expect(first.ok && first.value(3)).toBe(8000);
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, evictions: 0, size: 1, maxEntries: 10 });
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
    for (const key of [undefined, null, 42, {}, "x".repeat(100_000), "__proto__", "constructor"]) expect(() => cache.get(key as string)).not.toThrow();
  });

  it("refuses a bad size", () => {
    expect(() => createCompileCache({ maxEntries: 0 })).toThrowError(RetryDelayError);
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
    const out = JSON.parse(execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" })) as { before: number; mid: number; after: number; stats: { size: number; evictions: number; misses: number } };
    expect(out.stats).toMatchObject({ size: 1000, evictions: 999_000, misses: 1_000_000 });
    // 1000 entries of ~2.5 KB: a few MB at most, and no growth between the halves.
    expect(out.after - out.before).toBeLessThan(16 * 1024 * 1024);
    expect(Math.abs(out.after - out.mid)).toBeLessThan(4 * 1024 * 1024);
  }, 120_000);
});
