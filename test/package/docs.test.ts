import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { syntaxDiagramsHtml } from "../../grammar/diagrams.js";
import { BUILTINS } from "../../src/ast.js";
import {
  DURATION_CODES,
  EXPRESSION_CODES,
  FLOW_CONTROL_CODES,
  RETRY_AFTER_CODES,
  SCHEDULE_CODES,
  TRIGGER_CODES,
} from "../../src/tables.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const language = readFileSync(`${root}/docs/language.md`, "utf8");

describe("docs/language.md", () => {
  it("documents every diagnostic code with its severity", () => {
    for (const [code, { severity }] of Object.entries(EXPRESSION_CODES)) {
      expect(language, code).toMatch(new RegExp(`^\\| \`${code}\` \\| ${severity} \\|`, "m"));
    }
  });

  it("documents no code that does not exist", () => {
    const documented = [...language.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info) \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(EXPRESSION_CODES).sort());
  });

  it("lists every built-in function as the table defines it", () => {
    for (const builtin of BUILTINS) expect(language).toContain(`| \`${builtin.signature}\` | ${builtin.doc} |`);
    const listed = [...language.matchAll(/^\| `(\w+)\([^)]*\)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(BUILTINS.map((b) => b.name));
  });
});

describe.each([
  ["docs/durations.md", DURATION_CODES],
  ["docs/flow-control.md", FLOW_CONTROL_CODES],
  ["docs/trigger.md", { ...TRIGGER_CODES, ...RETRY_AFTER_CODES }],
  ["docs/schedules.md", SCHEDULE_CODES],
] as const)("%s", (path, table) => {
  const text = readFileSync(`${root}/${path}`, "utf8");
  it("documents exactly the codes that exist, each with its severity", () => {
    for (const [code, { severity }] of Object.entries(table))
      expect(text, code).toMatch(new RegExp(`^\\| \`${code}\` \\| ${severity} \\|`, "m"));
    const documented = [...text.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info) \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(table).sort());
  });
});

describe("docs/cli.md", () => {
  it("shows what the built CLI prints today (regenerate with `npm run docs:cli`)", () => {
    const fresh = execFileSync(process.execPath, [`${root}/scripts/cli-docs.mjs`, "--stdout"], { encoding: "utf8" });
    expect(readFileSync(`${root}/docs/cli.md`, "utf8")).toBe(fresh);
    // About 50 runs of the CLI (in parallel): well within a minute on a busy machine.
  }, 120_000);
});

describe("grammar/syntax-diagrams.html", () => {
  it("is up to date with the parser (regenerate with `npm run diagrams`)", () => {
    expect(readFileSync(`${root}/grammar/syntax-diagrams.html`, "utf8")).toBe(syntaxDiagramsHtml(root));
  });

  it("loads nothing from the network", () => {
    const html = syntaxDiagramsHtml(root);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/);
    for (const rule of ["expression", "additive", "multiplicative", "unary", "primary", "nameOrCall", "parenthesized"])
      expect(html).toContain(`"name": "${rule}"`);
    // `^` and `**` are parsed only to be refused with a fix: the diagrams show the language.
    expect(html).not.toContain(`"name": "power"`);
  });
});

describe("the API reference", () => {
  it("gives every public export a doc comment with an example", () => {
    const out = mkdtempSync(join(tmpdir(), "retry-delay-api-"));
    execFileSync(
      process.execPath,
      [`${root}/node_modules/typedoc/bin/typedoc`, "--json", `${out}/api.json`, "--out", `${out}/html`, "--logLevel", "Error"],
      { cwd: root, stdio: "pipe" },
    );
    interface Reflection {
      name: string;
      kind: number;
      comment?: { blockTags?: { tag: string }[] };
      signatures?: { comment?: { blockTags?: { tag: string }[] } }[];
      children?: Reflection[];
    }
    const api = JSON.parse(readFileSync(`${out}/api.json`, "utf8")) as { children: Reflection[] };
    // function, class, interface, variable, type alias
    const exported = new Set([64, 128, 256, 32, 2097152]);
    const withoutExample = api.children
      .flatMap((module) => module.children ?? [])
      .filter((r) => exported.has(r.kind))
      .filter(
        (r) =>
          ![...(r.comment?.blockTags ?? []), ...(r.signatures ?? []).flatMap((s) => s.comment?.blockTags ?? [])].some(
            (t) => t.tag === "@example",
          ),
      )
      .map((r) => r.name);
    expect(withoutExample).toEqual([]);
    expect(api.children.flatMap((module) => module.children ?? []).length).toBeGreaterThan(100);
  }, 120_000);
});
