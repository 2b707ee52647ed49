import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * The Node bundles compile at load the functions that `import` + a first compile call
 * (scripts/eager-functions.mjs): each such function is a parenthesized function expression at
 * the top of its file, and its source map still points into src/.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const FIRST_COMPILE = 'compile("pow(2, retried) * 1000")(3)';

/**
 * From V8's function-event log of `script`: the offsets of the functions in `file` it called
 * (first executions; Node 24 logs none for a function compiled eagerly at load, Node 20 does),
 * and how many of the file's functions V8 compiled at all, which proves the log was read.
 */
function calledIn(file: string, script: string, { module }: { module: boolean }): { called: number[]; compiled: number } {
  const dir = mkdtempSync(`${tmpdir()}/retry-delay-eager-test-`);
  try {
    const log = `${dir}/v8.log`;
    execFileSync(process.execPath, [
      "--log-function-events",
      `--logfile=${log}`,
      "--no-logfile-per-isolate",
      ...(module ? ["--input-type=module"] : []),
      "-e",
      script,
    ]);
    const lines = readFileSync(log, "utf8").split("\n");
    const ids = new Set(
      lines
        .map((l) => l.split(","))
        .filter((f) => f[0] === "script-details" && (f[2] === file || f[2] === pathToFileURL(file).href))
        .map((f) => f[1]),
    );
    const events = lines.map((l) => l.split(",")).filter((f) => f[0] === "function" && ids.has(f[2] ?? ""));
    return {
      called: events.filter((f) => f[1] === "first-execution").map((f) => Number(f[3])),
      compiled: events.filter((f) => f[1] === "interpreter").length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The offsets of the parameter lists of `text`'s top-level `function name(` declarations (minified: one statement after another). */
function declaredFunctions(text: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const match of text.matchAll(/(?:^|[;}\n])function ([\w$]+)\(/g)) found.set(match.index + match[0].length - 1, match[1] ?? "");
  return found;
}

/** The offsets of the top-level `var name = (…) => …` arrows of `text` that bind nothing a function expression would rebind. */
function declaredArrows(text: string): Map<number, string> {
  const source = ts.createSourceFile("bundle.js", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = new Map<number, string>();
  for (const statement of source.statements.filter(ts.isVariableStatement))
    for (const { name, initializer } of statement.declarationList.declarations)
      if (initializer !== undefined && ts.isArrowFunction(initializer) && ts.isIdentifier(name)) {
        const start = initializer.getStart(source);
        if (!/\b(?:this|arguments|super|new\.target)\b/.test(text.slice(start, initializer.end))) found.set(start, name.text);
      }
  return found;
}

describe("the functions a first compile calls", () => {
  if (!existsSync(`${root}/dist/cjs/runtime.cjs`)) throw new Error("dist/ is missing: run `npm run build` (npm test does)");

  it.each([
    ["retry-delay/runtime, require", `${root}dist/cjs/runtime.cjs`, false],
    ["retry-delay/runtime, import", `${root}dist/runtime.js`, true],
  ])("are compiled at load, not declared lazily: %s", (_name, file, module) => {
    const script = module
      ? `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); m.${FIRST_COMPILE};`
      : `require(${JSON.stringify(file)}).${FIRST_COMPILE};`;
    const { called, compiled } = calledIn(file, script, { module });
    const text = readFileSync(file, "utf8");
    const declared = declaredFunctions(text);
    // The log holds the calls (the file's own body among them), and the file still declares the functions nothing called.
    expect(compiled).toBeGreaterThan(20);
    expect(called.length).toBeGreaterThan(10);
    expect(declared.size).toBeGreaterThan(20);
    expect(called.filter((offset) => declared.has(offset)).map((offset) => declared.get(offset))).toEqual([]);
    expect(text).toMatch(/var compileWith=\(function compileWith\(/);
    // So are the arrows it calls, written as function expressions (V8 compiles an arrow lazily, parentheses or not).
    const arrows = declaredArrows(text);
    expect(arrows.size).toBeGreaterThan(3);
    expect(called.filter((offset) => arrows.has(offset)).map((offset) => arrows.get(offset))).toEqual([]);
    expect(text).toMatch(/\bisDigit=\(function isDigit\(/);
  });

  it.each([
    ["retry-delay/runtime", "require", "./dist/cjs/runtime.cjs", "src/runtime.ts"],
    ["retry-delay/runtime", "import", "./dist/runtime.js", "src/runtime.ts"],
    ["retry-delay", "require", "./dist/cjs/index.cjs", "src/expression/api.ts"],
    ["retry-delay", "import", "./dist/index.js", "src/expression/api.ts"],
  ])("keep stacks mapped to their lines in src/: %s under %s", (_entry, how, path, caller) => {
    const load = how === "require" ? `const m = require(${JSON.stringify(path)});` : `const m = await import(${JSON.stringify(path)});`;
    const stack = execFileSync(
      process.execPath,
      [
        "--enable-source-maps",
        ...(how === "import" ? ["--input-type=module"] : []),
        "-e",
        `${load} try { m.compile("pow(2, retries)"); } catch (error) { console.log(error.stack); }`,
      ],
      { cwd: root, encoding: "utf8" },
    );
    const lineOf = (file: string, text: string): number =>
      readFileSync(`${root}${file}`, "utf8")
        .split("\n")
        .findIndex((line) => line.includes(text)) + 1;
    const thrown = lineOf("src/expression/compile-source.ts", "throw new entry.ErrorClass");
    const called = lineOf(caller, "return compileWith(");
    expect(thrown).toBeGreaterThan(0);
    expect(called).toBeGreaterThan(0);
    expect(stack).toMatch(new RegExp(`\\n +at compileWith \\(.*/src/expression/compile-source\\.ts:${thrown}:\\d+\\)\\n`));
    expect(stack).toMatch(new RegExp(`\\n +at \\w+\\.compile \\(.*/${caller.replace(/[./]/g, "\\$&")}:${called}:\\d+\\)\\n`));
  });
});
