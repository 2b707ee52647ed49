import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../cli/run.js";

/*
 * docs/language.md's "Common mistakes" shows each mistake as `retry-delay`
 * prints it. This runs every `$ retry-delay …` command of that section with
 * the CLI's own entry point and compares the whole output, so a change of
 * wording, span or fix shows up here and in review of the docs.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const language = readFileSync(`${root}/docs/language.md`, "utf8");
const section = language.slice(language.indexOf("## Common mistakes"));

/** The shell words of a command line: single-quoted words and bare words, as the docs write them. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
}

/** What the CLI prints for `argv`, stdout and stderr in the order written, without colour. */
function cli(argv: readonly string[]): string {
  return runInProcess(argv, { now: Date.UTC(2026, 10, 23) }).trimEnd();
}

const examples = [...section.matchAll(/```text\n\$ retry-delay (.*)\n([\s\S]*?)```/g)].map(
  (m) => [m[1] ?? "", (m[2] ?? "").trimEnd()] as const,
);

describe("docs/language.md: Common mistakes", () => {
  it("has an example for each mistake class", () => {
    const codes = [...section.matchAll(/^### .*\(`([a-z-]+)`, (error|warning|info)\)$/gm)].map((m) => m[1]);
    expect(codes).toEqual(["unit-in-expression", "short-delay", "strategy-name", "unknown-variable", "flat-delay"]);
    for (const code of codes)
      expect(
        examples.some(([, output]) => output.includes(`[${code}]`)),
        code,
      ).toBe(true);
  });

  it.each(examples)("retry-delay %s", (command, output) => {
    expect(cli(words(command))).toBe(output);
  });
});
