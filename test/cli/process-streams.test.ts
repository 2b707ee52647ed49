import { spawn, spawnSync } from "node:child_process";
import fs, { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bin } from "./run.js";

/*
 * src/cli/process-streams.ts: output to a pipe, a file or /dev/null goes to
 * the descriptor itself, so a run builds none of Node's streams (about a
 * third of `retry-delay check`'s start-up); a terminal still gets
 * process.stdout. A reader that hangs up costs nothing but that output; a
 * failed write ends the run with 74.
 */

/** The Node modules a CLI run loads beyond Node's own start, with standard output on `stdout` ("pipe", or a descriptor). */
function modulesLoadedBy(args: readonly string[], stdout: "pipe" | number = "pipe"): string[] {
  const dir = mkdtempSync(join(tmpdir(), "retry-delay-streams-"));
  try {
    const hook = join(dir, "hook.cjs");
    const report = join(dir, "loaded.txt");
    writeFileSync(
      hook,
      `const before = new Set(process.moduleLoadList);
process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, process.moduleLoadList.filter((m) => !before.has(m)).join("\\n")));`,
    );
    const run = spawnSync(process.execPath, ["--require", hook, bin, ...args], { encoding: "utf8", stdio: ["pipe", stdout, "pipe"] });
    expect(run.status).not.toBeNull();
    return readFileSync(report, "utf8").split("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const STREAM_MODULES = /^NativeModule (stream|net|tty|internal\/streams\/)/;

describe("the CLI's output to a pipe or /dev/null", () => {
  it.each([
    ["a valid expression", ["check", "pow(2, retried) * 1000"]],
    ["an invalid one (stderr)", ["check", "pow(2, retried"]],
    ["a usage error", ["check", "--retries", "x", "1"]],
  ])("loads none of Node's stream modules: %s", (_, args) => {
    expect(modulesLoadedBy(args).filter((m) => STREAM_MODULES.test(m))).toEqual([]);
  });

  it.runIf(existsSync("/dev/null"))("loads none of them for output to /dev/null (a check run only for its exit code)", () => {
    const devNull = openSync("/dev/null", "w");
    try {
      expect(modulesLoadedBy(["check", "pow(2, retried) * 1000"], devNull).filter((m) => STREAM_MODULES.test(m))).toEqual([]);
    } finally {
      closeSync(devNull);
    }
  });
});

/** Runs the CLI with standard output a pipe whose reader has already gone; its exit code and standard error. */
async function withReaderGone(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  // Hung up before the CLI has started (it takes tens of milliseconds to), so its first write finds the pipe closed.
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stderr };
}

describe("a reader that hangs up before the CLI writes", () => {
  it("keeps the command's exit code (1: invalid)", async () => {
    expect(await withReaderGone(["check", "pow(2, retried", "--json"])).toEqual({ code: 1, stderr: "" });
  });

  it("keeps the command's exit code (2: usage)", async () => {
    expect((await withReaderGone([])).code).toBe(2);
  });

  it("keeps what the command still writes to standard error", async () => {
    const run = await withReaderGone(["publish", "--url", "https://example.com/hook", "--delay", "1000s"]);
    expect(run).toEqual({ code: 0, stderr: "note: Upstash-Delay: 1000s is 16m40s\n" });
  });
});

describe.runIf(existsSync("/dev/full"))("a write that fails (/dev/full: no space left)", () => {
  it("ends the run with 74 and says why on standard error", () => {
    const full = openSync("/dev/full", "w");
    try {
      const run = spawnSync(process.execPath, [bin, "simulate", "--default"], { encoding: "utf8", stdio: ["ignore", full, "pipe"] });
      expect(run.status).toBe(74);
      expect(run.stderr).toBe("retry-delay: cannot write the output: ENOSPC\n");
    } finally {
      closeSync(full);
    }
  });
});

describe("writerTo, for a pipe or a file", () => {
  afterEach(() => vi.restoreAllMocks());

  /** A fresh copy of the module (its record of closed outputs is per process), with standard output and error as pipes whose writeSync answers each call from `answers`. */
  async function pipesAnswering(answers: (number | string)[]) {
    vi.resetModules();
    // A regular file's own Stats: not a character device, as a pipe is not.
    vi.spyOn(fs, "fstatSync").mockReturnValue(fs.statSync(bin));
    const written: { fd: number; text: string }[] = [];
    vi.spyOn(fs, "writeSync").mockImplementation((...args: unknown[]) => {
      const [fd, buffer, offset] = args as [number, Uint8Array | string, number | undefined];
      const bytes = typeof buffer === "string" ? Buffer.from(buffer) : buffer;
      const start = typeof buffer === "string" ? 0 : (offset ?? 0);
      const answer = answers.shift() ?? bytes.length - start;
      if (typeof answer === "string") throw Object.assign(new Error(answer), { code: answer });
      written.push({ fd, text: Buffer.from(bytes.subarray(start, start + answer)).toString("utf8") });
      return answer;
    });
    const streams = await import("../../src/cli/process-streams.js");
    return { ...streams, written };
  }

  it("writes all of the text, over short writes and a full pipe (EAGAIN)", async () => {
    const { writerTo, written, outputFailureExitCode } = await pipesAnswering([3, "EAGAIN", 2, "EAGAIN"]);
    writerTo(1)("delay → 1s\n");
    expect(written.map((w) => w.text).join("")).toBe("delay → 1s\n");
    expect(written.length).toBeGreaterThan(2);
    expect(outputFailureExitCode()).toBeUndefined();
  });

  it.each(["EPIPE", "EOF"])("drops the rest of an output whose reader has gone (%s), and nothing else", async (code) => {
    const { writerTo, written, outputFailureExitCode } = await pipesAnswering([code]);
    const [out, err] = [writerTo(1), writerTo(2)];
    out("first\n");
    out("second\n");
    err("note\n");
    expect(written).toEqual([{ fd: 2, text: "note\n" }]);
    expect(outputFailureExitCode()).toBeUndefined();
  });

  it("reports any other failed write once, after the command, and asks for exit code 74", async () => {
    const { writerTo, written, outputFailureExitCode } = await pipesAnswering(["EIO"]);
    const out = writerTo(1);
    out("first\n");
    out("second\n");
    expect(written).toEqual([]);
    expect(outputFailureExitCode()).toBe(74);
    expect(written).toEqual([{ fd: 2, text: "retry-delay: cannot write the output: EIO\n" }]);
  });
});

describe("on a Node older than 20.16 (no process.getBuiltinModule)", () => {
  it("says in one line which Node it needs, and exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "retry-delay-old-node-"));
    try {
      const hook = join(dir, "old-node.cjs");
      writeFileSync(hook, "delete process.getBuiltinModule;\n");
      const run = spawnSync(process.execPath, ["--require", hook, bin, "check", "1"], { encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`retry-delay needs Node.js 20.19 or later; this is ${process.version}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Whether util-linux `script` can give a child a pseudo-terminal here (a container may have none). */
const pseudoTerminal =
  existsSync("/usr/bin/script") && /^\/dev\//.test(spawnSync("/usr/bin/script", ["-qec", "tty", "/dev/null"], { encoding: "utf8" }).stdout);

describe.runIf(pseudoTerminal)("the CLI's output to a terminal", () => {
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
