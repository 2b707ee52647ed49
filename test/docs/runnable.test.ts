import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { CODE_LANGUAGES, metaValue, PAGES, readPage, SKIP_REASONS, where, type Fence } from "./markdown.js";
import { makeProject, runBlock, withChecks } from "./run-block.js";

/*
 * Every code block of README.md and docs/*.md is either run here, against the
 * built package, or says why not (see markdown.ts for the markers). What a run
 * block shows (`// → value`, or a `text output` block after it) is checked, and
 * so is every terminal transcript (a text block of `$ command` lines, each
 * followed by what it prints).
 */

const pages = PAGES.map(readPage);
// docs/cli.md is written by scripts/cli-docs.mjs from real runs of the CLI (test/package/docs.test.ts keeps it fresh).
const GENERATED = new Set(["docs/cli.md"]);
const code = pages
  .filter((page) => !GENERATED.has(page.file))
  .flatMap((page) => page.fences.filter((fence) => CODE_LANGUAGES.has(fence.lang)));
const runnable = code.filter((fence) => fence.meta.includes("run"));

/** The `text output` block right after a run block: what it prints. */
function shownOutput(fence: Fence): string | undefined {
  const fences = pages.find((page) => page.file === fence.file)?.fences ?? [];
  const next = fences[fences.indexOf(fence) + 1];
  return next?.lang === "text" && next.meta.includes("output") ? next.body : undefined;
}

const normalized = (text: string): string =>
  text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n+$/, "");

describe("the docs' code blocks", () => {
  it("are each marked run, or skip with a reason", () => {
    const unmarked = code
      .filter((fence) => !fence.meta.includes("run"))
      .filter((fence) => !SKIP_REASONS.has(metaValue(fence, "skip") ?? ""))
      .map((fence) => `${where(fence)} \`\`\`${fence.lang} ${fence.meta.join(" ")}`);
    expect(unmarked).toEqual([]);
  });

  it("has an output block only after a run block", () => {
    const orphans = pages.flatMap((page) =>
      page.fences
        .filter((fence, i) => fence.lang === "text" && fence.meta.includes("output") && !(page.fences[i - 1]?.meta.includes("run") ?? false))
        .map(where),
    );
    expect(orphans).toEqual([]);
  });

  it("run every whole program: a block that imports retry-delay is run, unless it is a config file or needs the network", () => {
    const programs = code.filter((fence) => /^import .* from "retry-delay(?:\/[a-z]+)?";$/m.test(fence.body));
    const notRun = programs.filter((fence) => !fence.meta.includes("run") && !["config", "network"].includes(metaValue(fence, "skip") ?? ""));
    expect(notRun.map(where)).toEqual([]);
    expect(runnable.length).toBeGreaterThanOrEqual(20);
  });
});

describe("`// → value` checks", () => {
  const fence = (body: string): Fence => ({ file: "x.md", line: 10, lang: "ts", meta: ["run"], body });
  it("check an expression, a declared name, or part of an object", () => {
    expect(withChecks(fence('f(1); // → "a"'))).toBe('__expect((f(1)), ("a"), 11, false);');
    expect(withChecks(fence("  const x = g(); // → 2"))).toBe("  const x = g(); __expect(x, (2), 11, false);");
    expect(withChecks(fence("h(); // → { a: 1, … }"))).toBe("__expect((h()), ({ a: 1 }), 11, true);");
    expect(withChecks(fence("f();\n// → [1, 2]"))).toBe("__expect((f()), ([1, 2]), 11, false);\n");
    expect(withChecks(fence("// → alone\nplain(); // a comment"))).toBe("// → alone\nplain(); // a comment");
  });

  it("fail a block whose shown value is wrong", async () => {
    const project = makeProject();
    try {
      const run = await runBlock(project, fence('import { formatDuration } from "retry-delay";\nformatDuration(90_000); // → "1m31s"'));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('line 12: the block shows \'1m31s\'\n  but it is \'1m30s\'');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe.each(pages.filter((page) => runnable.some((fence) => fence.file === page.file)).map((page) => page.file))("%s", (file) => {
  const project = makeProject();
  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
  });

  it.each(runnable.filter((fence) => fence.file === file).map((fence) => [where(fence), fence] as const))(
    "%s runs and shows what it prints",
    async (_, fence) => {
      const run = await runBlock(project, fence);
      const context = `${where(fence)}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
      expect(run.code, context).toBe(Number(metaValue(fence, "exit") ?? 0));
      const shown = shownOutput(fence);
      if (shown !== undefined) expect(normalized(run.stdout), context).toBe(normalized(shown));
    },
  );
});

interface Transcript {
  readonly fence: Fence;
  readonly command: string;
  readonly printed: string;
}

function transcripts(): Transcript[] {
  return pages
    .filter((page) => !GENERATED.has(page.file))
    .flatMap((page) => page.fences.filter((fence) => fence.lang === "text" && fence.body.startsWith("$ ")))
    .flatMap((fence) =>
      fence.body
        .split(/^\$ /m)
        .slice(1)
        .map((part) => {
          const [command = "", ...printed] = part.split("\n");
          return { fence, command, printed: printed.join("\n") };
        }),
    );
}

describe("terminal transcripts in the docs", () => {
  const all = transcripts();
  const project = makeProject();
  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
  });

  it("are found (each `$ retry-delay …` of a text block)", () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.every((t) => t.command.startsWith("retry-delay "))).toBe(true);
  });

  it.each(all.map((t) => [`${where(t.fence)} $ ${t.command}`, t] as const))("%s prints what is shown", async (_, transcript) => {
    const run = await runBlock(project, { ...transcript.fence, lang: "sh", meta: ["run"], body: transcript.command });
    expect(normalized(run.stdout), `${where(transcript.fence)}\n${run.stdout}`).toBe(normalized(transcript.printed));
  });
});
