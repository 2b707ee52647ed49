import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPage, ROOT } from "./markdown.js";

/*
 * The README's promises to a new user: its first two lines are the two
 * commands to run on a fresh machine (the main job, the whole test suite),
 * CI runs the second one exactly, and the output it shows for the first is
 * what the CLI prints; then an install line and a 30-second block for each of
 * the three users. The blocks themselves run in runnable.test.ts.
 */

const readme = readPage("README.md");
const [first, shown] = readme.fences;

describe("README.md", () => {
  it("opens with the two commands of a fresh machine, after the title", () => {
    expect(readme.text.split("\n").slice(0, 3)).toEqual(["# retry-delay", "", "```sh skip=ci"]);
    expect(first?.body.split("\n")).toEqual([
      "npm ci && npm run -s cli -- simulate 'pow(2, retried) * 1000' --retries 5",
      "npm ci && npm test",
    ]);
  });

  it("gives CI's exact test command", () => {
    const ci = readFileSync(`${ROOT}.ci/run`, "utf8").split("\n");
    const testCommand = first?.body.split("\n")[1] ?? "";
    expect(ci.some((line) => line === testCommand || line.startsWith(`${testCommand} `))).toBe(true);
  });

  it("shows what the first command prints (at the README's start time)", () => {
    const command = (first?.body.split("\n")[0] ?? "").replace(/^npm ci && npm run -s cli -- /, "");
    const printed = execFileSync("bash", ["-c", `node dist/cli.js ${command} --start 2026-11-23T08:00:00Z`], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, TZ: "UTC", NO_COLOR: "1", FORCE_COLOR: undefined },
    });
    expect(shown?.lang).toBe("text");
    expect(printed.trimEnd()).toBe(shown?.body.trimEnd());
  });

  it("has an install line", () => {
    const install = readme.fences.find((fence) => fence.body.trim() === "npm install retry-delay");
    expect(install?.lang).toBe("sh");
    const headings = readme.prose.map((p) => p.text).filter((text) => text.startsWith("## "));
    expect(headings.slice(0, 2)).toEqual(["## Install", "## Use it in 30 seconds"]);
  });

  it.each([
    ["### Validate", /buildTriggerRequest|tryCompile|check/],
    ["### Simulate", /simulateSchedule|simulateDelivery/],
    ["### Embed", /decideRetry|createCompileCache/],
  ])("has a 30-second block for %s that runs", (heading, api) => {
    const section = readme.prose.find((p) => p.text.startsWith(`${heading}:`));
    expect(section, heading).toBeDefined();
    const next = readme.prose.find((p) => p.line > (section?.line ?? 0) && p.text.startsWith("#"));
    const blocks = readme.fences.filter((fence) => fence.line > (section?.line ?? 0) && fence.line < (next?.line ?? Infinity));
    expect(blocks.some((fence) => fence.meta.includes("run") && fence.lang === "ts" && api.test(fence.body))).toBe(true);
  });
});
