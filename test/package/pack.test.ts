import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The package as a user gets it: `npm pack`, the tarball installed with npm
 * (offline: it has no dependencies) into a temporary folder holding a
 * CommonJS project and an ES module project, each of which loads every entry
 * and runs it, and type-checks against it with TypeScript (`.d.cts` for the
 * CommonJS one). The suite runs on Node 20, 22 and 24 in CI (.ci/run), and
 * this test with it.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let workspace = "";
/** The tarball's files, as `npm pack --json` lists them. */
let packedPaths: readonly string[] = [];

const run = (command: string, args: readonly string[], cwd: string): string =>
  execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, npm_config_update_notifier: "false" },
  });

/** What each project's script prints: one value per entry, computed through the package. */
const EXPECTED = {
  root: 8000,
  rootFullDiagnostic: "unit-in-expression",
  runtime: 8000,
  runtimeShortDiagnostic: "missing-operator",
  bullmq: 4000,
  clientErrorIsRetryDelayError: true,
  runtimeErrorIsRetryDelayError: true,
  eslintRules: ["canonical", "valid-options"],
  astFormat: "pow(2, retried) * 1000",
  tablesLimit: 8192,
  duration: 37800000,
};

const body = `
const thrown = (f) => { try { f(); } catch (e) { return e; } return undefined; };
const result = {
  root: root.compile("pow(2, retried) * 1000")(3),
  rootFullDiagnostic: root.tryCompile("30s").diagnostics[0].code,
  runtime: runtime.compile("pow(2, retried) * 1000")(3),
  runtimeShortDiagnostic: runtime.tryCompile("30s").diagnostics[0].code,
  bullmq: bullmq.retryDelayBackoffStrategy()(3, "retry-delay:pow(2, retried) * 1000", undefined, { opts: { attempts: 4 } }),
  clientErrorIsRetryDelayError: thrown(() => client.withValidation(null)) instanceof root.RetryDelayError,
  runtimeErrorIsRetryDelayError: thrown(() => runtime.compile("pow(")) instanceof root.RetryDelayError,
  eslintRules: Object.keys(eslint.rules).sort(),
  astFormat: ast.formatExpression(root.compile("pow(2,retried)*1000").expression),
  tablesLimit: tables.EXPRESSION_LIMITS.maxSourceLength,
  duration: root.parseDuration("10h30m").value.ms,
};
console.log(JSON.stringify(result));
`;

const CJS_APP = `"use strict";
const root = require("retry-delay");
const runtime = require("retry-delay/runtime");
const bullmq = require("retry-delay/bullmq");
const client = require("retry-delay/client");
const eslint = require("retry-delay/eslint");
const ast = require("retry-delay/ast");
const tables = require("retry-delay/tables");
${body}`;

const ESM_APP = `import * as root from "retry-delay";
import * as runtime from "retry-delay/runtime";
import * as bullmq from "retry-delay/bullmq";
import * as client from "retry-delay/client";
import eslint from "retry-delay/eslint";
import * as ast from "retry-delay/ast";
import * as tables from "retry-delay/tables";
${body}`;

/** Type checks: the right declarations for each format, with real types (a wrong call must fail). */
const typed = (eslintImport: string) => `import { compile, RetryDelayError, type CompiledDelay } from "retry-delay";
import { tryCompile } from "retry-delay/runtime";
import { retryDelayBackoffStrategy } from "retry-delay/bullmq";
import { EXPRESSION_LIMITS } from "retry-delay/tables";
${eslintImport}
const delay: CompiledDelay = compile("pow(2, retried) * 1000");
const ms: number = delay(3);
const result = tryCompile("retried");
const code: string | undefined = result.ok ? undefined : result.diagnostics[0]?.code;
const error: Error = new RetryDelayError("", []);
const strategy = retryDelayBackoffStrategy();
const limit: number = EXPRESSION_LIMITS.maxSourceLength;
const rules: object | undefined = plugin.rules;
// @ts-expect-error -- compile takes a string
compile(1);
export { ms, code, error, strategy, limit, rules };
`;

describe("the packed tarball, installed into a CommonJS and an ES module project", () => {
  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), "retry-delay-pack-"));
    const packed = JSON.parse(run(npm, ["pack", "--json", "--pack-destination", workspace], root)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const tarball = join(workspace, packed[0]?.filename ?? "");
    packedPaths = packed[0]?.files.map((f) => f.path) ?? [];
    writeFileSync(join(workspace, "package.json"), JSON.stringify({ name: "workspace", private: true }));
    // No dependencies to fetch: nothing here needs the registry.
    run(npm, ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball], workspace);
    for (const [name, type, app, eslintImport] of [
      ["cjs-app", "commonjs", CJS_APP, 'import plugin = require("retry-delay/eslint");'],
      ["esm-app", "module", ESM_APP, 'import plugin from "retry-delay/eslint";'],
    ] as const) {
      mkdirSync(join(workspace, name));
      writeFileSync(join(workspace, name, "package.json"), JSON.stringify({ name, private: true, type }));
      writeFileSync(join(workspace, name, "app.js"), app);
      writeFileSync(join(workspace, name, "typed.ts"), typed(eslintImport));
    }
  }, 180_000);

  afterAll(() => {
    if (workspace !== "") rmSync(workspace, { recursive: true, force: true });
  });

  it("ships the guides but not the README's screenshots (npm shows those from the repository)", () => {
    expect(packedPaths).toContain("docs/language.md");
    expect(packedPaths).toContain("docs/schema/trigger-options.schema.json");
    expect(packedPaths.filter((path) => path.endsWith(".png"))).toEqual([]);
  });

  // `npm run docs` builds the documentation site into dist/site (5.5 MB), and CI runs it before this suite on Node 22 and 24.
  it("never ships the documentation site, even when it was built", () => {
    expect(packedPaths.filter((path) => path.startsWith("dist/site/"))).toEqual([]);
  });

  it("installs the files the exports map names, and resolves `require` to CommonJS and `import` to ESM", () => {
    const installed = JSON.parse(readFileSync(join(workspace, "node_modules", "retry-delay", "package.json"), "utf8")) as {
      version: string;
    };
    expect(installed.version).toBe((JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version);
    const resolved = run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'import { createRequire } from "node:module"; console.log(createRequire(import.meta.url).resolve("retry-delay/bullmq"), import.meta.resolve("retry-delay/bullmq"));',
      ],
      join(workspace, "esm-app"),
    );
    expect(resolved).toMatch(/node_modules\/retry-delay\/dist\/cjs\/bullmq\.cjs file:\/\/.*node_modules\/retry-delay\/dist\/bullmq\.js/);
  });

  it.each(["cjs-app", "esm-app"])("%s loads every entry and runs it", (project) => {
    const out = run(process.execPath, ["app.js"], join(workspace, project));
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });

  it("type-checks both projects against the installed declarations (.d.cts for CommonJS)", () => {
    const tsconfig = {
      compilerOptions: {
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib: ["es2022"],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files: ["cjs-app/typed.ts", "esm-app/typed.ts"],
    };
    writeFileSync(join(workspace, "tsconfig.json"), JSON.stringify(tsconfig));
    const listed = run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--listFiles"], workspace);
    expect(listed).toMatch(/node_modules\/retry-delay\/dist\/types\/index\.d\.cts/);
    expect(listed).toMatch(/node_modules\/retry-delay\/dist\/types\/index\.d\.ts/);
    expect(listed).toMatch(/node_modules\/retry-delay\/dist\/types\/eslint\/index\.d\.cts/);
  });
});
