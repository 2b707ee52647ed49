import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { performanceDocSections, resultsSectionMarkdown, updatePerformanceDoc } from "../../bench/performance-doc.mjs";

/*
 * bench/performance-doc.mjs writes docs/performance.md's measured sections from a run's document.
 * A small synthetic run: the verdicts follow the figures, and nothing outside the markers moves.
 */

const row = (name: string, median: number, ratio: number) => ({ name, median, ratio });

/** A run whose table mode beats hand-written on `tableWins` of the three expressions, at load `load` on 2 cores. */
function run(tableWins: number, load = 0.5) {
  const evaluation = [0, 1, 2].map((i) => ({
    expression: `e${i}`,
    rows: [
      row("hand-written", 10, 1),
      row("retry-delay closure", 11, 1.1),
      row("retry-delay table", i < tableWins ? 1 : 12, i < tableWins ? 0.1 : 1.2),
      row("mathjs", 200, 20),
    ],
  }));
  const stream = (name: string) => ({
    stream: name,
    rows: [
      { name: "retry-delay compile (parse + check + compile)", median: 500, oursOver: 1 },
      { name: "mathjs compile", median: 50, oursOver: 10 },
      { name: "expr-eval parse", median: 100, oursOver: 5 },
    ],
  });
  return {
    date: "2026-12-02T00:00:00.000Z",
    node: "v20.20.2",
    cpus: 2,
    cpu: "test CPU",
    load: [load, load, load],
    rounds: 21,
    evaluation,
    compiles: [stream("workload"), stream("10,000 distinct")],
    cold: [
      { name: "retry-delay CLI: check", aboveNodeMs: 22.7 },
      { name: "retry-delay: import + first compile", aboveNodeMs: 27.2 },
    ],
  };
}

const verdictOf = (markdown: string, target: string) =>
  markdown
    .split("\n")
    .find((line) => line.startsWith(`| ${target}`))
    ?.split(" | ")
    .at(-1);

describe("the results section's first targets", () => {
  it.each([
    [3, "**met** |"],
    [2, "**met on 2 of 3** |"],
    [0, "**not met** |"],
  ])("table mode faster than hand-written on %i of 3: %s", (wins, verdict) => {
    expect(verdictOf(resultsSectionMarkdown(run(wins)), "table mode faster than hand-written")).toBe(verdict);
  });

  it("judges each target from the run's figures", () => {
    const markdown = resultsSectionMarkdown(run(3));
    expect(verdictOf(markdown, "closure ≤ 1.5× hand-written")).toBe("**met** |");
    expect(verdictOf(markdown, "closure faster than every peer")).toBe("**met** |");
    expect(verdictOf(markdown, "`compile` ≥ 4× mathjs")).toBe("**met** |");
    expect(verdictOf(markdown, "`compile` ≥ 2× expr-eval")).toBe("**met** |");
    expect(verdictOf(markdown, "cold start < 25 ms above `node -e 0`, CLI")).toBe("**met** |");
    expect(verdictOf(markdown, "cold start < 25 ms above `node -e 0`, `import`")).toBe("**not met** |");
  });

  it("draws no timing verdict from an overloaded run", () => {
    const markdown = resultsSectionMarkdown(run(2, 3.5));
    expect(verdictOf(markdown, "table mode faster than hand-written")).toBe("unreliable: overloaded run |");
    expect(verdictOf(markdown, "closure ≤ 1.5× hand-written")).toBe("unreliable: overloaded run |");
  });
});

describe("updatePerformanceDoc", () => {
  it("replaces what is between each section's markers, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "retry-delay-perf-doc-"));
    try {
      const file = join(dir, "performance.md");
      const sections = [
        { start: "<!-- a:start -->", end: "<!-- a:end -->", markdown: "<!-- a:start -->\nnew a\n<!-- a:end -->" },
        { start: "<!-- b:start -->", end: "<!-- b:end -->", markdown: "<!-- b:start -->\nnew b\n<!-- b:end -->" },
      ];
      writeFileSync(file, "# Doc\n\n<!-- a:start -->\nold a\n<!-- a:end -->\n\nprose\n\n<!-- b:start -->\nold b\n<!-- b:end -->\n\nend\n");
      updatePerformanceDoc(file, sections);
      expect(readFileSync(file, "utf8")).toBe(
        "# Doc\n\n<!-- a:start -->\nnew a\n<!-- a:end -->\n\nprose\n\n<!-- b:start -->\nnew b\n<!-- b:end -->\n\nend\n",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("docs/performance.md shows what bench/results/latest.json holds, section for section", () => {
    const root = new URL("../../", import.meta.url);
    const run = JSON.parse(readFileSync(new URL("bench/results/latest.json", root), "utf8")) as Record<string, unknown>;
    const doc = readFileSync(new URL("docs/performance.md", root), "utf8");
    const sections = performanceDocSections(run);
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(section.markdown.startsWith(section.start) && section.markdown.endsWith(section.end)).toBe(true);
      expect(doc).toContain(section.markdown);
    }
  });
});
