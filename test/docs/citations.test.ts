import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MARKDOWN_FILES, ROOT } from "./markdown.js";

/*
 * The docs cite Upstash's public pages (https://upstash.com/docs/…), never a
 * file outside this repository: a reader of the package or the site has only
 * the repository. That covers the Markdown pages and the doc comments in
 * src/ (typedoc publishes them) and examples/.
 */

function filesUnder(dir: string, ends: readonly string[]): string[] {
  return readdirSync(`${ROOT}${dir}`).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(`${ROOT}${path}`).isDirectory()) return name === "node_modules" ? [] : filesUnder(path, ends);
    return ends.some((end) => name.endsWith(end)) ? [path] : [];
  });
}

const SCANNED = [...MARKDOWN_FILES, "api/retry-delay.api.md", ...filesUnder("src", [".ts"]), ...filesUnder("examples", [".mjs", ".js", ".ts"])];

/** Names of the notes this project was written from, which live outside the repository. */
const OUTSIDE = [
  /\b(?:FACTS|HEADERS|FLOW-CONTROL)\.md\b/,
  /\bupstash-docs\b/,
  /(?:^|[\s(`"'[])(?:\.\.\/)*shared\//,
  /\/work\//,
  /\brest-(?:batch-)?trigger-(?:openapi|page)\b/,
  /\bworkflow-client-(?:overview|trigger)\b/,
];

function outsideCitations(text: string): string[] {
  return text
    .split("\n")
    .map((line, i) => ({ line, at: i + 1 }))
    .filter(({ line }) => OUTSIDE.some((pattern) => pattern.test(line)))
    .map(({ line, at }) => `${at}: ${line.trim()}`);
}

/** Relative Markdown links and images: the targets, without their #anchor. */
function relativeLinks(text: string): string[] {
  const withoutCode = text.replace(/^(```|~~~)[\s\S]*?^\1/gm, "").replace(/`[^`\n]*`/g, "");
  return [...withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1] ?? "")
    .filter((target) => !/^(?:[a-z][a-z+.-]*:|#)/i.test(target))
    .map((target) => decodeURI(target.split("#")[0] ?? ""));
}

describe("citations", () => {
  it("the check finds each way the outside notes were cited", () => {
    expect(outsideCitations("see FACTS.md")).toHaveLength(1);
    expect(outsideCitations("(shared/upstash-docs/HEADERS.md)")).toHaveLength(1);
    expect(outsideCitations("[flow control](../shared/FLOW-CONTROL.md)")).toHaveLength(1);
    expect(outsideCitations("/work/shared/upstash-docs/rest-trigger-openapi.md")).toHaveLength(1);
    expect(outsideCitations("[retry](https://upstash.com/docs/qstash/features/retry)\nshared state, sharedFoo/")).toEqual([]);
  });

  it.each(SCANNED)("%s cites no file outside the repository", (file) => {
    expect(outsideCitations(readFileSync(`${ROOT}${file}`, "utf8"))).toEqual([]);
  });

  it.each(MARKDOWN_FILES)("%s links only to files that exist in the repository", (file) => {
    const broken = relativeLinks(readFileSync(`${ROOT}${file}`, "utf8")).filter((target) => {
      const path = resolve(dirname(join(ROOT, file)), target);
      return relative(ROOT, path).startsWith("..") || !existsSync(path);
    });
    expect(broken).toEqual([]);
  });

  it("cites Upstash's public pages", () => {
    const cited = MARKDOWN_FILES.flatMap((file) => [
      ...readFileSync(`${ROOT}${file}`, "utf8").matchAll(/https:\/\/upstash\.com\/docs\/[\w/.#-]+/g),
    ]);
    expect(cited.length).toBeGreaterThan(10);
  });
});
