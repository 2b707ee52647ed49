import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PAGES, readPage, ROOT, where } from "./markdown.js";

/*
 * The TypeScript examples that CI runs also type-check, strictly, against the
 * package's published types (dist/types through package.json's exports), as
 * a TypeScript user who pastes them would see them.
 */

const blocks = PAGES.map(readPage).flatMap((page) => page.fences.filter((fence) => fence.lang === "ts" && fence.meta.includes("run")));

describe("the docs' TypeScript examples", () => {
  it("type-check under strict settings against the built types", () => {
    const dir = mkdtempSync(join(tmpdir(), "retry-delay-docs-types-"));
    try {
      mkdirSync(join(dir, "node_modules"));
      symlinkSync(ROOT, join(dir, "node_modules", "retry-delay"), "dir");
      symlinkSync(`${ROOT}node_modules/@types`, join(dir, "node_modules", "@types"), "dir");
      const files = blocks.map((fence, i) => {
        const file = join(dir, `block-${i}.mts`);
        // `export {}` makes each block a module of its own, as a pasted file is.
        writeFileSync(file, `${fence.body}\nexport {};\n`);
        return { file, fence };
      });
      const program = ts.createProgram(
        files.map((f) => f.file),
        {
          strict: true,
          noEmit: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.NodeNext,
          moduleResolution: ts.ModuleResolutionKind.NodeNext,
          types: ["node"],
          skipLibCheck: true,
        },
      );
      const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
        const block = files.find((f) => f.file === diagnostic.file?.fileName);
        const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : 0;
        const at = block === undefined ? "?" : `${block.fence.file}:${block.fence.line + 1 + line}`;
        return `${at}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
      });
      expect(errors).toEqual([]);
      expect(blocks.map(where).length).toBeGreaterThanOrEqual(15);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
