import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The built package in both of Node's module formats, loaded through its own
 * exports map (a package can import itself by name): every entry loads with
 * `import` and with `require` and exports the same names; each format has
 * one RetryDelayError, which every entry throws; errors carry their real
 * class names; and a stack maps back to src/ through the shipped source maps.
 * `npm test` builds first; test/package/pack.test.ts does the same from a
 * packed tarball in fresh projects.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { exports: Record<string, unknown> };
const specifiers = Object.keys(pkg.exports)
  .filter((subpath) => subpath !== "./package.json")
  .map((subpath) => (subpath === "." ? "retry-delay" : `retry-delay/${subpath.slice(2)}`));

const node = (args: readonly string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });
const esm = (script: string, flags: readonly string[] = []): string => node([...flags, "--input-type=module", "-e", script]);
const cjs = (script: string, flags: readonly string[] = []): string => node([...flags, "--input-type=commonjs", "-e", script]);

describe("the built package in ESM and CommonJS", () => {
  if (!existsSync(`${root}/dist/cjs/index.cjs`)) throw new Error("dist/ is missing: run `npm run build` (npm test does)");

  it("loads every entry with import and with require, with the same export names", () => {
    const names = (load: string) => `Object.keys(${load}).filter((k) => k !== "__esModule" && k !== "module.exports").sort()`;
    const fromEsm = JSON.parse(
      esm(
        `const all = {}; for (const s of ${JSON.stringify(specifiers)}) all[s] = ${names("await import(s)")}; console.log(JSON.stringify(all));`,
      ),
    ) as Record<string, string[]>;
    const fromCjs = JSON.parse(
      cjs(
        `const all = {}; for (const s of ${JSON.stringify(specifiers)}) all[s] = ${names("require(s)")}; console.log(JSON.stringify(all));`,
      ),
    ) as Record<string, string[]>;
    expect(Object.keys(fromEsm)).toEqual(specifiers);
    for (const specifier of specifiers) {
      // retry-delay/eslint is the plugin object under require, its default export under import.
      if (specifier === "retry-delay/eslint") expect(fromEsm[specifier]).toEqual(["default"]);
      else expect(fromCjs[specifier], specifier).toEqual(fromEsm[specifier]);
      expect(fromEsm[specifier]?.length, specifier).toBeGreaterThan(0);
    }
  });

  it("requires the ESLint plugin itself, as CommonJS configs expect", () => {
    const out = cjs(
      `const p = require("retry-delay/eslint"); console.log(typeof p.rules["valid-options"].create, Object.keys(p.configs).join())`,
    );
    expect(out.trim()).toBe("function recommended");
  });

  const throwers = `
    const thrown = (f) => { try { f(); } catch (e) { return e; } throw new Error("no throw"); };
    const errors = {
      root: thrown(() => root.compile("pow(2, retried * 1000")),
      runtime: thrown(() => runtime.compile("pow(2, retried * 1000")),
      client: thrown(() => client.withValidation(null)),
      bullmq: thrown(() => bullmq.retryDelayBackoffStrategy({ cache: 1 })),
      tables: thrown(() => tables.checkDelayForPlan(-1, "nope")),
    };
    console.log(JSON.stringify(Object.fromEntries(Object.entries(errors).map(([k, e]) =>
      [k, [e instanceof root.RetryDelayError, e.constructor.name, e.name]]))));`;

  it.each([
    [
      "ESM",
      () =>
        esm(
          `const [root, runtime, client, bullmq, tables] = await Promise.all(["retry-delay", "retry-delay/runtime", "retry-delay/client", "retry-delay/bullmq", "retry-delay/tables"].map((s) => import(s)));${throwers}`,
        ),
    ],
    [
      "CommonJS",
      () =>
        cjs(
          `const [root, runtime, client, bullmq, tables] = ["retry-delay", "retry-delay/runtime", "retry-delay/client", "retry-delay/bullmq", "retry-delay/tables"].map((s) => require(s));${throwers}`,
        ),
    ],
  ])("has one RetryDelayError in %s, thrown by every entry under its real name", (_, run) => {
    const errors = JSON.parse(run()) as Record<string, [boolean, string, string]>;
    for (const [entry, [sameClass, constructorName, name]] of Object.entries(errors)) {
      expect(sameClass, `${entry}: instanceof the root's RetryDelayError`).toBe(true);
      expect(constructorName, entry).toMatch(/^(RetryDelayError|InvalidOptionsError)$/);
      expect(name, entry).toBe("RetryDelayError");
    }
  });

  it("prints errors with their class names, and maps their stacks to src/ with --enable-source-maps", () => {
    const script = (load: string) =>
      `${load}; try { m.compile("pow(2, retries)") } catch (e) { console.log(require("node:util").inspect(e).split("\\n").slice(0, 4).join("\\n")) }`;
    for (const out of [
      cjs(script('const m = require("retry-delay")'), ["--enable-source-maps"]),
      esm(
        script(
          'import { createRequire } from "node:module"; const require = createRequire(import.meta.url); const m = await import("retry-delay")',
        ),
        ["--enable-source-maps"],
      ),
    ]) {
      expect(out).toMatch(/^RetryDelayError: unknown variable `retries`/);
      expect(out).not.toMatch(/_RetryDelayError|\[RetryDelayError\]/);
      expect(out).toMatch(/src\/expression\/(api|compile-source)\.ts:\d+:\d+/);
    }
  });
});
