import { build } from "esbuild";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "dist");
const CLI_PARSER_FILE = "cli-full-parser.cjs";
// The CLI's entry (it turns on Node's compile cache) and its body.
const CLI_FILES = ["cli.js", "cli-main.js"];
// A chevrotain class name that survives any minification, as an error's name.
const CHEVROTAIN_MARK = "NotAllInputParsedException";

interface Target {
  readonly types: string;
  readonly default: string;
}
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies?: unknown;
  exports: Record<string, string | { module: string; import: Target; require: Target }>;
};
const entries = Object.entries(pkg.exports).flatMap(([subpath, target]) => (typeof target === "string" ? [] : [{ subpath, ...target }]));

/** Every JavaScript file under a folder of dist. */
function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(extension))
    .map((f) => join(dir, f));
}
const library = [
  ...readdirSync(dist)
    .filter((f) => f.endsWith(".js") && !CLI_FILES.includes(f))
    .map((f) => join(dist, f)),
  ...filesUnder(join(dist, "cjs"), ".cjs"),
  ...filesUnder(join(dist, "modules"), ".js"),
];

/** The relative files a built file imports or requires, resolved. */
function dependenciesOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*|\brequire\()\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
  return specifiers.map((s) => (s.startsWith(".") ? resolve(dirname(file), s) : s));
}

/** A built file and everything it loads. */
function loadedBy(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dependency of dependenciesOf(file)) if (dependency.startsWith("/")) loadedBy(dependency, seen);
  return seen;
}
const text = (files: Iterable<string>) => [...files].map((f) => readFileSync(f, "utf8")).join("\n");

// `npm test` builds before it runs the tests; these check what would be published.
describe("the built package", () => {
  if (!existsSync(join(dist, "index.js"))) throw new Error("dist/index.js is missing: run `npm run build` (npm test does)");

  it("contains no eval and no Function constructor in any format, so it runs under a strict CSP", () => {
    for (const file of library) {
      const code = readFileSync(file, "utf8");
      expect(code, file).not.toMatch(/\bnew\s+Function\b/);
      expect(code, file).not.toMatch(/(^|[^.\w])eval\s*\(/m);
      expect(code, file).not.toMatch(/(^|[^.\w])Function\s*\(/m);
    }
  });

  it("loads nothing but its own files: no node: modules and no runtime dependencies", () => {
    expect(pkg.dependencies).toBeUndefined();
    for (const file of library) {
      for (const dependency of dependenciesOf(file)) {
        expect(dependency, `${relative(root, file)} loads ${dependency}`).toMatch(/^\//);
        expect(existsSync(dependency), `${relative(root, file)} loads ${dependency}`).toBe(true);
      }
    }
  });

  it("has every file the exports map names, for both formats and their types", () => {
    for (const entry of entries) {
      for (const file of [entry.module, entry.import.default, entry.import.types, entry.require.default, entry.require.types])
        expect(existsSync(join(root, file)), `${entry.subpath}: ${file}`).toBe(true);
    }
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
  });

  it("serves retry-delay/bullmq and retry-delay/client as small entries over the shared chunks, not copies of the core", () => {
    for (const name of ["bullmq", "client"]) {
      for (const file of [join(dist, `${name}.js`), join(dist, "cjs", `${name}.cjs`)]) {
        const code = readFileSync(file, "utf8");
        expect(code.length, file).toBeLessThan(8192);
        expect(code, file).not.toMatch(/class\s+\w*\s*extends\s+Error\b/);
        expect(
          dependenciesOf(file).every((d) => /[\\/]chunk-[\w-]+\.c?js$/.test(d)),
          file,
        ).toBe(true);
      }
    }
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

  it("keeps chevrotain out of everything retry-delay/runtime loads, in every format", () => {
    const runtime = entries.find((e) => e.subpath === "./runtime");
    const index = entries.find((e) => e.subpath === ".");
    if (runtime === undefined || index === undefined) throw new Error("exports has no ./runtime or .");
    for (const format of ["import", "require"] as const) {
      expect(text(loadedBy(join(root, runtime[format].default)))).not.toContain(CHEVROTAIN_MARK);
      // The root has it, so the mark is a fair test.
      expect(text(loadedBy(join(root, index[format].default)))).toContain(CHEVROTAIN_MARK);
    }
    expect(text(loadedBy(join(root, runtime.module)))).not.toContain(CHEVROTAIN_MARK);
    expect(text(loadedBy(join(root, index.module)))).toContain(CHEVROTAIN_MARK);
  });

  it("tree-shakes in an application's bundler: each import pulls in only the modules it uses", async () => {
    const bundled = async (specifier: string, name: string) => {
      const result = await build({
        stdin: { contents: `export { ${name} } from "${specifier}";`, resolveDir: root },
        bundle: true,
        write: false,
        format: "esm",
        platform: "browser",
        metafile: true,
        logLevel: "silent",
      });
      // The files that have code in the output: esbuild reads every imported module, then drops the unused ones.
      const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
        Object.entries(output.inputs).flatMap(([file, { bytesInOutput }]) => (bytesInOutput > 0 && file !== "<stdin>" ? [file] : [])),
      );
      return { code: result.outputFiles[0]?.text ?? "", inputs };
    };
    // Bundlers take the per-module build (the "module" condition).
    const runtime = await bundled("retry-delay/runtime", "compile");
    expect(runtime.inputs.every((file) => file.startsWith("dist/modules/"))).toBe(true);
    expect(runtime.code).not.toContain(CHEVROTAIN_MARK);
    // The runtime walks only trees it parsed (no validator of hand-built trees), explains nothing in full (no
    // strategy offers, printer, grammar plan or root wording), and runs none of the checks that only warn
    // (domain.ts gives it two constants, not its search).
    const runtimeOnly = runtime.inputs.map((file) => file.replace(/^dist\/modules\//, ""));
    for (const left of [
      "expression/tree-shape.js",
      "expression/strategies.js",
      "expression/strategy-context.js",
      "expression/operator-plan.js",
      "expression/print.js",
      "expression/root-wording.js",
      "expression/names.js",
      "expression/domain-report.js",
      "expression/domain-origin.js",
      "expression/delay-intent.js",
    ])
      expect(runtimeOnly).not.toContain(left);
    expect(runtimeOnly).toContain("runtime/range.js");
    expect(runtime.code).not.toMatch(/\bDomainScan\b|\bDomainFindings\b/);
    const duration = await bundled("retry-delay", "parseDuration");
    expect(duration.inputs.filter((file) => /\/(expression|flow-control|request|trigger|schedule)\//.test(file))).toEqual([]);
    // Its only throw is the argument check's compact RetryDelayError: no caret renderer.
    expect(duration.inputs.filter((file) => /\/diagnostics\/(draw|error|render)\.js$/.test(file))).toEqual([]);
    const compile = await bundled("retry-delay", "compile");
    expect(compile.code).toContain(CHEVROTAIN_MARK);
    expect(compile.inputs.some((file) => file.includes("/request/"))).toBe(false);
  });

  it("keeps chevrotain out of the CLI's start: it is required from its own file on the first invalid expression", () => {
    const cli = CLI_FILES.map((f) => readFileSync(join(dist, f), "utf8")).join("\n");
    const parser = readFileSync(join(dist, CLI_PARSER_FILE), "utf8");
    expect(cli).not.toContain(CHEVROTAIN_MARK);
    expect(parser).toContain(CHEVROTAIN_MARK);
    expect(parser).not.toMatch(/\bnew\s+Function\b|(^|[^.\w])eval\s*\(/m);

    // The CLI alone, without the parser file: a valid expression never looks for it; an invalid one must.
    const dir = mkdtempSync(`${tmpdir()}/retry-delay-cli-`);
    try {
      writeFileSync(`${dir}/package.json`, '{ "type": "module" }');
      for (const f of CLI_FILES) copyFileSync(join(dist, f), `${dir}/${f}`);
      const run = (expression: string) => spawnSync(process.execPath, [`${dir}/cli.js`, "check", expression], { encoding: "utf8" });
      expect(run("pow(2, retried) * 1000").status).toBe(0);
      // A stray character is explained without chevrotain (lex-scan.ts), so it never looks for the file either.
      const stray = run("Math.pow(2, retried)");
      expect(stray.status).toBe(1);
      expect(stray.stderr).toContain("error[unexpected-character]");
      // A syntax error beside a refused operator: explained without chevrotain too (docs/language.md, "Error path").
      const reported = run("2 ^ retried +");
      expect(reported.status).toBe(1);
      expect(reported.stderr).toContain("error[unsupported-operator]");
      expect(reported.stderr).toContain("error[unexpected-end]");
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
