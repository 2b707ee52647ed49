import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODE_LANGUAGES, PAGES, readPage, ROOT, where } from "./markdown.js";

/*
 * The docs teach the 0.2 API. The deprecated root names are read from the API
 * report (api/retry-delay.api.md, kept fresh by test/package/api-report.test.ts):
 *
 * - no example imports a deprecated name from the root (each has a new home);
 * - a name that no entry exports any more (parse → parseExpression,
 *   printExpression → formatExpression, checkFlowControl → tryFormatFlowControlValue…)
 *   appears only in a paragraph about deprecation;
 * - examples read a result's `value` (and `partial`): not the 0.1 `options`
 *   of parseTriggerHeaders/parseRequestHeaders, nor the builders' `request`.
 */

interface ApiName {
  readonly entry: string;
  readonly name: string;
  readonly deprecated: boolean;
}

function apiNames(): ApiName[] {
  let entry = "";
  return readFileSync(`${ROOT}api/retry-delay.api.md`, "utf8")
    .split("\n")
    .flatMap((line) => {
      const heading = /^## (retry-delay\S*)/.exec(line);
      if (heading !== null) entry = heading[1] ?? "";
      const item = /^- (?:const|function|type|interface|class|enum|namespace) `([A-Za-z_$][\w$]*)/.exec(line);
      return item === null ? [] : [{ entry, name: item[1] ?? "", deprecated: line.trimEnd().endsWith("(deprecated)") }];
    });
}

const names = apiNames();
const deprecatedRoot = new Set(names.filter((n) => n.entry === "retry-delay" && n.deprecated).map((n) => n.name));
const current = new Set(names.filter((n) => !n.deprecated).map((n) => n.name));
/** Deprecated names that no entry exports under the same name: renamed or made internal. */
const gone = [...deprecatedRoot].filter((name) => !current.has(name));

const pages = [...PAGES, "CONTRIBUTING.md"].map(readPage);
const codeBlocks = pages.flatMap((page) => page.fences.filter((fence) => CODE_LANGUAGES.has(fence.lang)));

function paragraphs(page: ReturnType<typeof readPage>): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (const { line, text } of page.prose) {
    const last = out.at(-1);
    if (text.trim() === "") out.push({ line: line + 1, text: "" });
    else if (last === undefined) out.push({ line, text });
    else last.text += `\n${text}`;
  }
  return out.filter((p) => p.text !== "");
}

describe("the 0.2 API in the docs", () => {
  it("reads the deprecated names from the API report", () => {
    expect(deprecatedRoot.size).toBeGreaterThanOrEqual(30);
    for (const name of ["parse", "printExpression", "compileExpression", "checkFlowControl", "renderDiagnostic", "CheckReport"])
      expect(gone).toContain(name);
    expect(gone).not.toContain("BUILTINS"); // moved to retry-delay/ast under its own name
  });

  it("imports no deprecated name from the root", () => {
    const found = codeBlocks.flatMap((fence) =>
      [...fence.body.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*["']retry-delay["']/g)].flatMap((match) =>
        (match[1] ?? "")
          .split(",")
          .map((part) => part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0] ?? "")
          .filter((name) => deprecatedRoot.has(name))
          .map((name) => `${where(fence)}: ${name}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("calls no renamed or removed function in an example", () => {
    const found = codeBlocks.flatMap((fence) =>
      gone.filter((name) => new RegExp(`(?<![\\w.$])${name}\\s*[(<]`).test(fence.body)).map((name) => `${where(fence)}: ${name}`),
    );
    expect(found).toEqual([]);
  });

  it("names a renamed or removed function in prose only where it says it is deprecated", () => {
    const found = pages.flatMap((page) =>
      paragraphs(page)
        .filter((p) => !/deprecat|0\.1\b/i.test(p.text))
        .flatMap((p) =>
          gone
            // Another library's function of the same name (filtrex `compileExpression`, expr-eval's `parse`) is not ours.
            .filter((name) => new RegExp(`(?<!(?:filtrex|expr-eval|expr-eval's|mathjs) )\`${name}(?:\\([^\`]*\\))?\``).test(p.text))
            .map((name) => `${page.file}:${p.line}: ${name}`),
        ),
    );
    expect(found).toEqual([]);
  });

  it("reads results as value (and partial), not options or request", () => {
    const found = codeBlocks
      .filter((fence) => /\b(?:parse(?:Trigger|Request)Headers|build\w*Request)\s*\(/.test(fence.body))
      .filter((fence) => /\.(?:options|request)\b|\{[^}]*\b(?:options|request)\b[^}]*\}\s*=/.test(fence.body))
      .map(where);
    expect(found).toEqual([]);
  });
});
