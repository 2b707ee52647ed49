import { spawnSync } from "node:child_process";
import fs, { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writerTo } from "../../src/cli/process-streams.js";
import { bin } from "./run.js";

/*
 * src/cli/process-streams.ts: output to a pipe or a file goes to the
 * descriptor itself, so a run builds none of Node's streams (about a third
 * of `retry-delay check`'s start-up); a terminal still gets process.stdout.
 */

/** The Node modules a CLI run loads beyond Node's own start, with both outputs piped. */
function modulesLoadedBy(args: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "retry-delay-streams-"));
  try {
    const hook = join(dir, "hook.cjs");
    const report = join(dir, "loaded.txt");
    writeFileSync(
      hook,
      `const before = new Set(process.moduleLoadList);
process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, process.moduleLoadList.filter((m) => !before.has(m)).join("\\n")));`,
    );
    const run = spawnSync(process.execPath, ["--require", hook, bin, ...args], { encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
    expect(`${run.stdout}${run.stderr}`).not.toBe("");
    return readFileSync(report, "utf8").split("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the CLI's output to a pipe", () => {
  it.each([
    ["a valid expression", ["check", "pow(2, retried) * 1000"]],
    ["an invalid one (stderr)", ["check", "pow(2, retried"]],
    ["a usage error", ["check", "--retries", "x", "1"]],
  ])("loads none of Node's stream modules: %s", (_, args) => {
    const loaded = modulesLoadedBy(args);
    expect(loaded.filter((m) => /^NativeModule (stream|net|tty|internal\/streams\/)/.test(m))).toEqual([]);
  });
});

describe("writerTo, for a pipe or a file", () => {
  afterEach(() => vi.restoreAllMocks());

  /** Standard output as a pipe, with writeSync answering each call from `answers` (bytes written, or an error code). */
  function pipeAnswering(answers: (number | string)[]) {
    // A regular file's own Stats: not a character device, as a pipe is not.
    vi.spyOn(fs, "fstatSync").mockReturnValue(fs.statSync(bin));
    const written: string[] = [];
    vi.spyOn(fs, "writeSync").mockImplementation((...args: unknown[]) => {
      const [, buffer, offset] = args as [number, Uint8Array, number | undefined];
      const start = offset ?? 0;
      const answer = answers.shift() ?? buffer.length - start;
      if (typeof answer === "string") throw Object.assign(new Error(answer), { code: answer });
      written.push(Buffer.from(buffer.subarray(start, start + answer)).toString("utf8"));
      return answer;
    });
    return written;
  }

  it("writes all of the text, over short writes and a full pipe (EAGAIN)", () => {
    const written = pipeAnswering([3, "EAGAIN", 2, "EAGAIN"]);
    writerTo(1)("delay → 1s\n");
    expect(written.join("")).toBe("delay → 1s\n");
    expect(written.length).toBeGreaterThan(2);
  });

  it("stops quietly, with the command's exit code, when the reader has gone (EPIPE)", () => {
    pipeAnswering(["EPIPE"]);
    const exit = vi.spyOn(process, "exit").mockImplementation(() => {
      throw new Error("exited");
    });
    expect(() => {
      writerTo(2)("error\n");
    }).toThrow("exited");
    expect(exit).toHaveBeenCalledWith();
  });

  it("lets any other write error through", () => {
    pipeAnswering(["EIO"]);
    expect(() => {
      writerTo(1)("x\n");
    }).toThrow("EIO");
  });
});

// util-linux `script` runs the binary on a pseudo-terminal, as a person would.
describe.runIf(existsSync("/usr/bin/script"))("the CLI's output to a terminal", () => {
  /** `help check`'s lines on a pseudo-terminal `columns` wide, with COLUMNS unset: the width can only come from the terminal. */
  const helpLines = (columns: number) =>
    spawnSync(
      "/usr/bin/script",
      ["-qec", `stty cols ${columns}; ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} help check`, "/dev/null"],
      {
        encoding: "utf8",
        env: { ...process.env, COLUMNS: undefined, NO_COLOR: "1" },
      },
    )
      .stdout.split(/\r?\n/)
      .filter((line) => line.trim() !== "");

  it("goes through process.stdout, which knows the terminal's width", () => {
    const narrow = helpLines(40);
    const wide = helpLines(100);
    expect(narrow.length).toBeGreaterThan(wide.length);
    expect(Math.max(...wide.map((line) => line.length))).toBeGreaterThan(60);
  });
});
