import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brokenLinks } from "../../scripts/build-site.mjs";

describe("the site's link check", () => {
  it("finds relative links and sources that resolve to nothing, and ignores anchors and external URLs", () => {
    const dir = mkdtempSync(join(tmpdir(), "retry-delay-links-"));
    mkdirSync(join(dir, "documents"));
    writeFileSync(
      join(dir, "index.html"),
      '<a href="documents/a.html#x">a</a> <a href="missing.html">m</a> <a href="https://example.com/x">e</a> <a href="#top">t</a>',
    );
    writeFileSync(join(dir, "documents", "a.html"), '<a href="../index.html">home</a> <img src="../media/gone.png">');
    expect(brokenLinks(dir).sort()).toEqual(["documents/a.html -> ../media/gone.png", "index.html -> missing.html"]);
  });
});
