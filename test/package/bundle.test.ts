import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bundlePath = `${root}/dist/index.js`;
const CLI_PARSER_FILE = "cli-full-parser.cjs";

// `npm test` builds before it runs the tests; these check what would be published.
describe("the built package", () => {
  if (!existsSync(bundlePath)) throw new Error("dist/index.js is missing: run `npm run build` (npm test does)");
  // The root, retry-delay/ast and retry-delay/tables share chunks (esbuild splitting): the bundle is
  // every file the root entry loads, and the only imports allowed are of those sibling chunks.
  const entry = readFileSync(bundlePath, "utf8");
  const chunks = [...new Set([...entry.matchAll(/from\s*"\.\/(chunk-[\w-]+\.js)"/g)].map((m) => m[1] ?? ""))];
  const bundle = [entry, ...chunks.map((file) => readFileSync(`${root}/dist/${file}`, "utf8"))]
    .join("\n")
    .replace(/(?:import|export)\s*\{[^}]*\}\s*from\s*"\.\/chunk-[\w-]+\.js";?|import\s*"\.\/chunk-[\w-]+\.js";?/g, "");

  it("contains no eval and no Function constructor, so it runs under a strict CSP", () => {
    expect(bundle).not.toMatch(/\bnew\s+Function\b/);
    expect(bundle).not.toMatch(/(^|[^.\w])eval\s*\(/m);
    expect(bundle).not.toMatch(/(^|[^.\w])Function\s*\(/m);
  });

  it("imports nothing: no node: modules and no runtime dependencies", () => {
    expect(bundle).not.toMatch(/^\s*import\s/m);
    expect(bundle).not.toMatch(/\bfrom\s*["']/);
    expect(bundle).not.toMatch(/["']node:/);
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
  });

  it("resolves through the package's exports map, with types, and compiles", () => {
    const out = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'import { compile } from "retry-delay"; const d = compile("pow(2, retried) * 1000"); console.log(d(3));',
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(out.trim()).toBe("8000");
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { exports: { ".": { types: string; import: string } } };
    expect(existsSync(`${root}/${pkg.exports["."].types}`)).toBe(true);
    expect(existsSync(`${root}/${pkg.exports["."].import}`)).toBe(true);
  });

  it("serves retry-delay/bullmq as a small entry that imports the core bundle, not a copy of it", () => {
    const adapter = readFileSync(`${root}/dist/bullmq.js`, "utf8");
    expect([...adapter.matchAll(/from\s*"([^"]+)"/g)].map((m) => m[1])).toEqual(["./index.js", "./tables.js"]);
    expect(adapter.length).toBeLessThan(4096);
    const out = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'import { retryDelayBackoffStrategy } from "retry-delay/bullmq"; console.log(retryDelayBackoffStrategy()(3, "retry-delay:pow(2, retried) * 1000", undefined, { opts: { attempts: 4 } }));',
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(out.trim()).toBe("4000");
  });

  it("keeps chevrotain out of the CLI's start: it is required from its own file on the first invalid expression", () => {
    const cli = readFileSync(`${root}/dist/cli.js`, "utf8");
    const parser = readFileSync(`${root}/dist/cli-full-parser.cjs`, "utf8");
    // A chevrotain class name that survives minification, as an error name.
    expect(cli).not.toContain("NotAllInputParsedException");
    expect(parser).toContain("NotAllInputParsedException");
    expect(parser).not.toMatch(/\bnew\s+Function\b|(^|[^.\w])eval\s*\(/m);

    // The CLI alone, without the parser file: a valid expression never looks for it; an invalid one must.
    const dir = mkdtempSync(`${tmpdir()}/retry-delay-cli-`);
    try {
      writeFileSync(`${dir}/package.json`, '{ "type": "module" }');
      copyFileSync(`${root}/dist/cli.js`, `${dir}/cli.js`);
      const run = (expression: string) => spawnSync(process.execPath, [`${dir}/cli.js`, "check", expression], { encoding: "utf8" });
      expect(run("pow(2, retried) * 1000").status).toBe(0);
      const invalid = run("pow(2, retried * 1000");
      expect(invalid.status).not.toBe(1);
      expect(invalid.stderr).toContain(CLI_PARSER_FILE);

      copyFileSync(`${root}/dist/cli-full-parser.cjs`, `${dir}/cli-full-parser.cjs`);
      const reported = run("pow(2, retried * 1000");
      expect(reported.status).toBe(1);
      expect(reported.stderr).toContain("error[unclosed-paren]");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the README's example script", () => {
    const out = execFileSync(process.execPath, ["examples/compile.mjs", "max(1000, pow(2, retried) * 100)", "6"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(out).toContain("retry 5 (retried = 4): 1600 ms");
    expect(out).toContain("min 1000 ms, max 3200 ms over 6 retries");
  });
});
