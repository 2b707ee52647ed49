import { build } from "esbuild";
import fc from "fast-check";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostShims, UNUSED_GRAMMAR_MODULES } from "../../scripts/esbuild-plugins.mjs";
import { parseWithChevrotain } from "../../src/expression/chevrotain-parse.js";
import { ExpressionGrammar } from "../../src/expression/grammar.js";

/*
 * Every build bundles chevrotain through hostShims, which leaves chevrotain's
 * Lexer out (the parser's tokens come from our scanner) and puts a subset of
 * lodash written on the built-ins (scripts/lodash-subset.mjs) in lodash-es's
 * place. Bundled the same way here, the parser must keep none of the lexer's
 * modules and no lodash-es, build the same grammar, and give exactly the
 * diagnostics the unbundled source (with chevrotain's own lodash-es) gives.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const LEXER_MODULES =
  /chevrotain[\\/]lib[\\/]src[\\/]scan[\\/](?:lexer\.js|lexer_errors_public\.js|reg_exp\.js|reg_exp_parser\.js)|regexp-to-ast/;

/** chevrotain's grammar-analysis modules that the builds replace with stubs. */
const GRAMMAR_DIR = join(root, "node_modules/chevrotain/lib/src/parse/grammar");
const STUBBED = /chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]grammar[\\/](?:checks|llk_lookahead|lookahead|interpreter)\.js$/;

let dir: string;
let inputs: string[];
/** Bytes each stubbed module left in the bundle. */
let stubBytes: Map<string, number>;
let bundled: typeof parseWithChevrotain;
let BundledGrammar: typeof ExpressionGrammar;

beforeAll(async () => {
  // A fresh `npm ci` has no node_modules/.cache until some tool makes one.
  mkdirSync(join(root, "node_modules/.cache"), { recursive: true });
  dir = mkdtempSync(join(root, "node_modules/.cache/chevrotain-bundle-"));
  const result = await build({
    stdin: {
      contents: [
        `export { parseWithChevrotain } from "./src/expression/chevrotain-parse.ts";`,
        `export { ExpressionGrammar } from "./src/expression/grammar.ts";`,
      ].join("\n"),
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    metafile: true,
    logLevel: "silent",
    plugins: [hostShims],
  });
  // The modules that left code in the bundle (the metafile's inputs also list the ones tree-shaken to nothing).
  inputs = Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs).flatMap(([path, { bytesInOutput }]) => (bytesInOutput > 0 ? [path] : [])),
  );
  stubBytes = new Map(
    Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs).flatMap(([path, { bytesInOutput }]): [string, number][] =>
        STUBBED.test(path) ? [[path.replace(/^.*[\\/]/, ""), bytesInOutput]] : [],
      ),
    ),
  );
  const file = join(dir, "parser.mjs");
  writeFileSync(file, result.outputFiles[0]?.text ?? "");
  ({ parseWithChevrotain: bundled, ExpressionGrammar: BundledGrammar } = (await import(pathToFileURL(file).href)) as {
    parseWithChevrotain: typeof parseWithChevrotain;
    ExpressionGrammar: typeof ExpressionGrammar;
  });
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the chevrotain parser as the builds bundle it", () => {
  it("bundles chevrotain's parser without its Lexer, the lexer's pattern analysis or its regexp parser", () => {
    expect(inputs.some((path) => path.includes("chevrotain/lib/src/parse/parser/parser.js"))).toBe(true);
    expect(inputs.filter((path) => LEXER_MODULES.test(path))).toEqual([]);
  });

  it("bundles no lodash-es, and builds the same grammar with the lodash subset", () => {
    expect(inputs.filter((path) => path.includes("lodash-es"))).toEqual([]);
    expect(inputs.some((path) => path.endsWith("scripts/lodash-subset.mjs"))).toBe(true);
    for (const unsupported of ["report", "omit"] as const) {
      expect(new BundledGrammar({ unsupported }).getSerializedGastProductions()).toEqual(
        new ExpressionGrammar({ unsupported }).getSerializedGastProductions(),
      );
    }
  });

  it("builds chevrotain's Parser class with the linear applyMixins, into the same prototype chain", () => {
    expect(inputs.some((path) => path.endsWith("scripts/chevrotain-apply-mixins.mjs"))).toBe(true);
    expect(inputs.filter((path) => path.includes("apply_mixins.js"))).toEqual([]);
    /** The own property names of each prototype from the grammar up to Object.prototype. */
    const chain = (grammar: object): string[][] => {
      const levels: string[][] = [];
      for (
        let proto = Object.getPrototypeOf(grammar) as object | null;
        proto !== null && proto !== Object.prototype;
        proto = Object.getPrototypeOf(proto) as object | null
      )
        levels.push(Object.getOwnPropertyNames(proto));
      return levels;
    };
    expect(chain(new BundledGrammar())).toEqual(chain(new ExpressionGrammar()));
  });

  it("stubs exactly the exports of chevrotain's unused grammar-analysis modules, and PROD_TYPE keeps its values", async () => {
    expect(Object.keys(UNUSED_GRAMMAR_MODULES).sort()).toEqual(["checks.js", "interpreter.js", "llk_lookahead.js", "lookahead.js"]);
    for (const [file, stub] of Object.entries(UNUSED_GRAMMAR_MODULES)) {
      // A new or renamed export in chevrotain (a version past ~11.2.0) fails here, before a build can miss it.
      const real = (await import(pathToFileURL(join(GRAMMAR_DIR, file)).href)) as Record<string, unknown>;
      const values = stub.values ?? {};
      expect([...stub.functions, ...stub.classes, ...Object.keys(values)].sort(), file).toEqual(Object.keys(real).sort());
      for (const name of stub.functions) expect(typeof real[name], `${file} ${name}`).toBe("function");
      for (const name of stub.classes) expect(String(real[name]), `${file} ${name}`).toMatch(/^class /);
      for (const [name, value] of Object.entries(values)) expect(value, `${file} ${name}`).toEqual(real[name]);
    }
  });

  it("leaves only the stubs of the unused grammar-analysis modules in the bundle", () => {
    // The whole modules were ~16 % of the bundled chevrotain; a stub is a line per name the parser imports.
    expect([...stubBytes.keys()].sort()).toEqual(["checks.js", "interpreter.js", "llk_lookahead.js", "lookahead.js"]);
    for (const [file, bytes] of stubBytes) expect(bytes, file).toBeLessThan(statSync(join(GRAMMAR_DIR, file)).size / 2);
  });

  it("parses any token soup exactly as the source does", () => {
    const pieces = [
      "1",
      "2.5",
      ".5",
      "1_0",
      "retried",
      "pow",
      "max",
      "foo",
      "(",
      ")",
      ",",
      "+",
      "-",
      "*",
      "/",
      "^",
      "**",
      "%",
      " ",
      "$",
      "30s",
    ];
    const asData = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const source = parts.join("");
        expect(asData(bundled(source))).toEqual(asData(parseWithChevrotain(source)));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    "pow(2, retried * 1000",
    "pow(2, retries) * 1000",
    "max(1000, 2 ^ retried)",
    "1000 * ",
    "Math.pow(2, retried)",
    "30s",
    "(1 2",
    "",
    "1 ** 2 % 3 +",
    "$ 1",
    "max(1, )",
    "1) + (2",
    "pow(2, retried) * 1000",
    "-min(2, retried) / 3 - +1.5e3",
  ])("parses %j exactly as the source does", (source) => {
    // As data: a call node's builtin carries functions, which are the bundle's own copies.
    const asData = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    expect(asData(bundled(source))).toEqual(asData(parseWithChevrotain(source)));
  });
});
