import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * What each start of the built package loads (scripts/build.mjs): under
 * `require`, the root's exports load their chunks on first read, the
 * explainers of invalid input (dist/cjs/explain.cjs) on the first invalid
 * expression, and the chevrotain parser (dist/cjs/full-parser.cjs) only for an expression that
 * neither the fast path nor the error readers answer (no known input); under `import`, retry-delay/runtime is one bundle
 * and the error classes' file, nothing the root alone needs. Each case runs in
 * a fresh Node process and prints the package files that process loaded.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const node = (args: readonly string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });

/** The package files a CommonJS script has loaded when it prints, in load order, as paths under dist/cjs/. */
const requiredBy = (script: string): string[][] =>
  node([
    "--input-type=commonjs",
    "-e",
    `const loaded = () => Object.keys(require.cache).filter((f) => f.includes("/dist/cjs/")).map((f) => f.replace(/^.*\\/dist\\/cjs\\//, ""));
     const steps = []; const step = () => steps.push(loaded()); ${script}; console.log(JSON.stringify(steps));`,
  ])
    .trim()
    .split("\n")
    .flatMap((line) => JSON.parse(line) as string[][]);

/**
 * What `report` (the source of a function of the module) gives for `entry` under `require`, as
 * JSON, after holding it equal to what the same function gives under `import`.
 */
function sameUnderRequireAndImport(entry: string, report: string): string {
  const reported = (format: "commonjs" | "module", load: string): string =>
    node([`--input-type=${format}`, "-e", `const m = ${load}; console.log(JSON.stringify((${report})(m)));`]);
  const required = reported("commonjs", `require(${JSON.stringify(entry)})`);
  expect(required).toBe(reported("module", `await import(${JSON.stringify(entry)})`));
  return required;
}

describe("what a start of the package loads", () => {
  if (!existsSync(`${root}/dist/cjs/index.cjs`)) throw new Error("dist/ is missing: run `npm run build` (npm test does)");

  it("requires the root's chunks on first read of an export, and no mistake loads chevrotain", () => {
    const [atRequire, atCompile, atValid, atDeclined, atStray, atChevrotain] = requiredBy(`
      const m = require("retry-delay"); step();
      const { compile, tryCompile } = m; step();
      if (compile("pow(2, retried) * 1000")(3) !== 8000) throw new Error("wrong delay"); step();
      // An unclosed parenthesis: the fast recognizer explains it without chevrotain.
      if (tryCompile("pow(2, retried * 1000").ok) throw new Error("compiled"); step();
      // A stray character: explained without chevrotain too.
      const stray = tryCompile("Math.pow(2, retried)");
      if (stray.ok || stray.diagnostics[0].code !== "unexpected-character") throw new Error(JSON.stringify(stray)); step();
      // A syntax error beside a refused operator: explained without chevrotain too (refused-parse.ts).
      const declined = tryCompile("2 ^ retried +");
      if (declined.ok || declined.diagnostics[1].code !== "unexpected-end") throw new Error(JSON.stringify(declined)); step();`);
    expect(atRequire).toEqual(["index.cjs"]);
    expect(atCompile?.length).toBeGreaterThan(1);
    expect(atCompile).not.toContain("full-parser.cjs");
    // The expression-only path leaves the request, trigger and delivery chunks unloaded.
    expect(atCompile?.length).toBeLessThan(requiredBy('Object.values(require("retry-delay")); step();')[0]?.length ?? 0);
    expect(atValid).toEqual(atCompile);
    // The explainers of invalid input (mistakes.ts, refused-parse.ts, fast-syntax-error.ts) are
    // dist/cjs/explain.cjs, required on the first invalid expression, with what only they use.
    expect(atCompile).not.toContain("explain.cjs");
    expect(atDeclined).toContain("explain.cjs");
    expect(atDeclined?.slice(0, atCompile?.length)).toEqual(atCompile);
    expect(atDeclined).not.toContain("full-parser.cjs");
    expect(atStray).toEqual(atDeclined);
    // No known input reaches chevrotain any more (docs/language.md, "Error path").
    expect(atChevrotain).toEqual(atDeclined);
  });

  it("gives each export under require the value import gives", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module";
       const esm = await import("retry-delay"); const cjs = createRequire(import.meta.url)("retry-delay");
       const keys = Object.keys(esm).filter((k) => k !== "default");
       const differ = keys.filter((k) => typeof esm[k] !== typeof cjs[k] || (typeof esm[k] !== "function" && JSON.stringify(esm[k]) !== JSON.stringify(cjs[k])));
       console.log(JSON.stringify({ keys: keys.length, cjsKeys: Object.keys(cjs).length, differ, esModule: cjs.__esModule }));`,
    ]);
    const result = JSON.parse(out) as { keys: number; cjsKeys: number; differ: string[]; esModule: boolean };
    expect(result.differ).toEqual([]);
    expect(result.cjsKeys).toBe(result.keys);
    expect(result.keys).toBeGreaterThan(50);
    expect(result.esModule).toBe(true);
  });

  it("requires the explainers on the first warning or error under require, which word them as import's do", () => {
    const sources = ["retried - 1000", "1 / 0", "pow(2, retries)", "30s"];
    const report = `(m) => ${JSON.stringify(sources)}.map((s) => { const r = m.tryCompile(s, { retries: 4 }); return [r.ok, r.diagnostics]; })`;
    const [atValid, atReported] = requiredBy(`
      const m = require("retry-delay"); m.compile("min(60000, pow(2, retried) * 1000)"); step();
      globalThis.reported = (${report})(m); step();`);
    expect(atValid).not.toContain("explain.cjs");
    expect(atReported).toContain("explain.cjs");
    const required = sameUnderRequireAndImport("retry-delay", report);
    const results = JSON.parse(required) as [boolean, { code: string }[]][];
    expect(results.map(([ok, diagnostics]) => [ok, diagnostics[0]?.code])).toEqual([
      [true, "negative-delay"],
      [false, "division-by-zero"],
      [false, "unknown-variable"],
      [false, "unit-in-expression"],
    ]);
  });

  it("loads retry-delay/runtime as its bundle and the error classes' file, in both formats", () => {
    const out = node([
      "--input-type=commonjs",
      "-e",
      `const m = require("retry-delay/runtime"); m.compile("pow(2, retried) * 1000");
       console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes("/dist/")).map((f) => f.replace(/^.*\\/dist\\//, ""))));`,
    ]);
    expect(JSON.parse(out)).toEqual(["cjs/runtime.cjs", "cjs/chunk-errors.cjs"]);
    const esm = node([
      "--input-type=module",
      "-e",
      `const m = await import("retry-delay/runtime"); m.compile("pow(2, retried) * 1000");
       const { readFileSync } = await import("node:fs");
       const imports = readFileSync(new URL(import.meta.resolve("retry-delay/runtime")), "utf8").match(/from\\s*"[^"]+"/g);
       console.log(JSON.stringify([...new Set(imports)]));`,
    ]);
    expect(JSON.parse(esm)).toEqual(['from"./chunk-errors.js"']);
  });

  it("requires the value checks on the first read of a range or warnings under require, which give import's answers", () => {
    const report = `(m) => { const d = m.compile("min(60000, pow(2, retried) * 1000)", { retries: 9 }); const r = m.tryCompile("retried - 1000"); return [d.range, d.diagnostics, r.diagnostics]; }`;
    const [atCompile, atRange, atWarning] = requiredBy(`
      const m = require("retry-delay"); const d = m.compile("min(60000, pow(2, retried) * 1000)", { retries: 9 }); d(3); step();
      globalThis.range = d.range; step();
      globalThis.warned = m.tryCompile("retried - 1000").diagnostics; step();`);
    expect(atCompile).not.toContain("checks.cjs");
    expect(atRange).toEqual([...(atCompile ?? []), "checks.cjs"]);
    // A warning's wording is the explainers'.
    expect(atWarning).toContain("explain.cjs");
    const required = sameUnderRequireAndImport("retry-delay", report);
    const [range, diagnostics, warned] = JSON.parse(required) as [{ max: number }, unknown[], { code: string }[]];
    expect(range.max).toBe(60000);
    expect(diagnostics).toEqual([]);
    expect(warned.map((d) => d.code)).toEqual(["negative-delay"]);
  });

  it("requires retry-delay/runtime's short diagnostics on the first declined source under require, which word them as import's do", () => {
    // Each stage of decline.ts: a stray character (scan), an unclosed parenthesis (parse), nesting past the limit (size).
    const sources = ["Math.pow(2, retried)", "pow(2, retried * 1000", `${"(".repeat(80)}1${")".repeat(80)}`];
    const report = `(m) => ${JSON.stringify(sources)}.map((s) => m.tryCompile(s).diagnostics)`;
    const [atValid, atDeclined] = requiredBy(`
      const m = require("retry-delay/runtime"); m.compile("pow(2, retried) * 1000"); step();
      globalThis.reported = (${report})(m); step();`);
    expect(atValid).toEqual(["runtime.cjs", "chunk-errors.cjs"]);
    expect(atDeclined).toEqual(["runtime.cjs", "chunk-errors.cjs", "runtime-explain.cjs"]);
    const required = sameUnderRequireAndImport("retry-delay/runtime", report);
    const codes = (JSON.parse(required) as { code: string }[][]).map((diagnostics) => diagnostics.map((d) => d.code));
    expect(codes).toEqual([["unexpected-character"], ["unclosed-paren"], ["too-deeply-nested"]]);
  });

  it("requires the error drawing on the first render under require, which draws as import's does", () => {
    const source = "pow(2, retries) * 1000";
    const render = `(m) => { try { m.compile(${JSON.stringify(source)}); } catch (error) { return [error.render(), new m.RetryDelayError(error.source || ${JSON.stringify(source)}, error.diagnostics).render()]; } }`;
    const [atCompile, atRender] = requiredBy(`
      const m = require("retry-delay/runtime"); try { m.compile(${JSON.stringify(source)}); } catch {} step();
      globalThis.drawn = (${render})(m); step();`);
    expect(atCompile).toEqual(["runtime.cjs", "chunk-errors.cjs"]);
    expect(atRender).toEqual(["runtime.cjs", "chunk-errors.cjs", "chunk-render.cjs"]);
    const required = sameUnderRequireAndImport("retry-delay/runtime", render);
    const [compact, full] = JSON.parse(required) as [string, string];
    expect(compact).toMatch(/^error\[unknown-variable\]: unknown variable `retries`/);
    expect(full).toContain("\n 1 | pow(2, retries) * 1000\n");
  });

  // The facades (index, ast, tables: getters that Node's cjs-module-lexer does not read) and the
  // ESLint plugin (`module.exports` is the plugin) are left out: `import` reaches none of them.
  it("names each converted CommonJS file's exports for import as require gives them", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module"; import { readdirSync } from "node:fs";
       const require = createRequire(import.meta.url); const dir = ${JSON.stringify(`${root}/dist/cjs/`)};
       const differ = [];
       for (const file of readdirSync(dir).filter((f) => f.endsWith(".cjs") && !["index.cjs", "ast.cjs", "tables.cjs", "eslint.cjs"].includes(f))) {
         const names = (o) => Object.keys(o).filter((k) => !["default", "module.exports", "__esModule"].includes(k)).sort().join();
         const imported = await import(dir + file);
         if (names(imported) !== names(require(dir + file))) differ.push(file);
       }
       console.log(JSON.stringify({ differ, files: readdirSync(dir).length }));`,
    ]);
    const { differ, files } = JSON.parse(out) as { differ: string[]; files: number };
    expect(differ).toEqual([]);
    expect(files).toBeGreaterThan(10);
  });
});
