import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MARKDOWN_FILES, ROOT, splitMarkdown } from "./markdown.js";

/** The H1 headings of a page, outside code blocks: ATX (`# Title`) and setext (a line of `=` under text). */
function h1s(text: string): string[] {
  const { prose } = splitMarkdown("page.md", text);
  return prose.flatMap(({ text: line }, i) => {
    if (/^ {0,3}#(?:\s|$)/.test(line)) return [line.trim()];
    const next = prose[i + 1];
    const underlined = next !== undefined && next.line === (prose[i]?.line ?? 0) + 1 && /^ {0,3}=+\s*$/.test(next.text);
    return underlined && line.trim() !== "" ? [line.trim()] : [];
  });
}

describe("one H1 per page", () => {
  it.each(MARKDOWN_FILES)("%s has exactly one H1, on its first line", (file) => {
    const text = readFileSync(`${ROOT}${file}`, "utf8");
    expect(h1s(text)).toHaveLength(1);
    expect(text.split("\n")[0]).toMatch(/^# \S/);
  });

  it("counts ATX and setext H1s, and none inside code blocks", () => {
    expect(h1s("# A\n\ntext\n\n## B\n")).toEqual(["# A"]);
    expect(h1s("# A\n\nB\n===\n")).toEqual(["# A", "B"]);
    expect(h1s("# A\n\n```sh\n# a shell comment\n```\n\n~~~\n# x\n~~~\n")).toEqual(["# A"]);
    expect(h1s("#hashtag\n    # indented code\n")).toEqual([]);
  });
});

describe("the documentation site", () => {
  it("has one H1 on its home page (the README) and on a guide's page", () => {
    // The site's own typedoc.json, with one entry and one guide so that it builds in seconds.
    const out = mkdtempSync(join(tmpdir(), "retry-delay-site-"));
    try {
      execFileSync(
        process.execPath,
        [
          `${ROOT}node_modules/typedoc/bin/typedoc`,
          "--options",
          `${ROOT}typedoc.json`,
          "--entryPoints",
          "src/tables.ts",
          "--projectDocuments",
          "docs/durations.md",
          "--out",
          out,
          "--skipErrorChecking",
          "--logLevel",
          "Error",
          "--treatWarningsAsErrors",
          "false",
          "--treatValidationWarningsAsErrors",
          "false",
          "--validation.invalidLink",
          "false",
        ],
        { cwd: ROOT, stdio: "pipe" },
      );
      for (const page of ["index.html", "documents/durations.html"]) {
        const html = readFileSync(join(out, page), "utf8");
        expect([...html.matchAll(/<h1[\s>]/g)], page).toHaveLength(1);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
