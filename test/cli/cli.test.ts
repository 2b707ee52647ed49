import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = `${root}/dist/cli.js`;
const start = "2026-11-23T08:00:00Z";

/** Runs the built binary as a user would, without a terminal (so without colour). */
function cli(args: readonly string[], options: { input?: string; env?: Record<string, string | undefined> } = {}) {
  if (!existsSync(bin)) throw new Error("dist/cli.js is missing: run `npm run build` (npm test does)");
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    input: options.input ?? "",
    env: { ...process.env, NO_COLOR: "", FORCE_COLOR: undefined, COLUMNS: undefined, TZ: undefined, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (args: readonly string[], input?: string) => {
  const result = cli([...args, "--json"], input === undefined ? {} : { input });
  return { code: result.code, doc: JSON.parse(result.stdout) as Record<string, unknown> };
};

describe("retry-delay (the built binary)", () => {
  it("prints help and exits 0 with --help, 2 without a command", () => {
    expect(cli(["--help"])).toMatchObject({ code: 0 });
    expect(cli(["--help"]).stdout).toContain("simulate");
    expect(cli([]).code).toBe(2);
    for (const command of ["check", "simulate", "duration", "flow-control", "trigger"]) {
      const help = cli([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: retry-delay ${command}`));
    }
  });

  it("answers usage errors with one line plus usage, exit 2, no stack trace", () => {
    for (const args of [
      ["frobnicate"],
      ["check"],
      ["check", "1", "--bogus"],
      ["check", "1", "--retries", "-1"],
      ["check", "1", "2"],
      ["simulate", "1", "--start", "yesterday"],
      ["trigger"],
      ["trigger", "--url", "https://e.com/wf", "--header", "no-colon"],
      ["trigger", "--url", "https://e.com/wf", "--plan", "gold"],
      ["trigger", "--url", "https://e.com/wf", "--base-url", "pow(2, retried)"],
    ]) {
      const result = cli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toMatch(/^retry-delay: /);
      expect(result.stderr).toContain("Usage: retry-delay");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  describe("check", () => {
    it("accepts a valid expression, with min and max", () => {
      const result = cli(["check", "max(1000, pow(2, retried) * 100)", "--retries", "6"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        "valid: max(1000, pow(2, retried) * 100)\ndelay over 6 retries: min 1s (1000 ms, retried = 0), max 3s200ms (3200 ms, retried = 5)\n",
      );
    });

    it("rejects an invalid one with caret diagnostics, exit 1", () => {
      const result = cli(["check", "Pow(2, retries) * 1000"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        "error[unknown-function]: unknown function `Pow`\n 1 | Pow(2, retries) * 1000\n   | ^^^ did you mean `pow`?",
      );
      expect(result.stderr).toContain("^^^^^^^ did you mean `retried`?");
      expect(result.stderr).toContain("invalid: 2 errors");
    });

    it('says "more than 50 errors" when the report is capped', () => {
      const result = cli(["check", Array.from({ length: 60 }, () => "zz").join("+")]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("error[too-many-errors]: and 10 more errors, not shown");
      expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("invalid: more than 50 errors");
    });

    it("prints domain warnings and still exits 0", () => {
      const result = cli(["check", "1000 - 600 * retried"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("warning[negative-delay]");
      expect(result.stdout).toContain("valid with 1 warning");
    });

    it("reads the expression from stdin when it is -", () => {
      const result = cli(["check", "-"], { input: "pow(2, retried) * 1000\n" });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("valid: pow(2, retried) * 1000");
    });

    it("takes an expression that starts with -", () => {
      expect(cli(["check", "-1000 + 2000 * (retried + 1)"]).code).toBe(0);
    });

    it("--json: the documented schema", () => {
      const ok = json(["check", "pow(2,retried)*1000"]);
      expect(ok.code).toBe(0);
      expect(ok.doc).toEqual({
        schemaVersion: 1,
        command: "check",
        input: "pow(2,retried)*1000",
        valid: true,
        canonical: "pow(2, retried) * 1000",
        retries: 3,
        range: { min: 1000, max: 4000, minAt: 0, maxAt: 2 },
        diagnostics: [],
      });
      const bad = json(["check", "1 +"]);
      expect(bad.code).toBe(1);
      expect(bad.doc).toMatchObject({
        valid: false,
        canonical: null,
        range: null,
        diagnostics: [{ code: "unexpected-end", severity: "error", span: { start: 3, end: 3 } }],
      });
    });
  });

  describe("simulate", () => {
    it("prints the explanation, the table with bars, and the summary", () => {
      const result = cli(["simulate", "pow(2, retried) * 1000", "--retries", "5", "--start", start]);
      expect(result.code).toBe(0);
      const lines = result.stdout.split("\n");
      expect(lines[0]).toBe("pow(2, retried) * 1000");
      expect(lines[1]).toBe("doubles every retry, starting at 1s; 5 retries over 31s");
      expect(lines[3]).toMatch(/^attempt\s+retried\s+delay\s+since trigger\s+at$/);
      expect(lines[4]).toMatch(/^\s+1\s+–\s+0s\s+0s\s+2026-11-23 08:00:00 UTC\s+first delivery$/);
      expect(lines[9]).toMatch(/^\s+6\s+4\s+16s\s+31s\s+2026-11-23 08:00:31 UTC\s+█{24}$/);
      expect(lines[5]).toMatch(/█▌$/);
      expect(result.stdout).toContain("total span 31s · longest gap 16s (before attempt 6) · last attempt 2026-11-23 08:00:31 UTC");
    });

    it("starts now, to the whole second, without --start", () => {
      const before = Date.now();
      const doc = json(["simulate", "1000", "--retries", "0"]).doc as { start: string };
      const started = Date.parse(doc.start);
      expect(started % 1000).toBe(0);
      expect(Math.abs(started - before)).toBeLessThan(5000);
    });

    it("simulates the default backoff, with a first delay", () => {
      const doc = json(["simulate", "--default", "--retries", "6", "--delay", "10s", "--start", start]).doc as {
        entries: { delay: string }[];
        defaultBackoff: boolean;
      };
      expect(doc.defaultBackoff).toBe(true);
      expect(doc.entries.map((e) => e.delay)).toEqual(["10s", "12s", "2m28s", "30m8s", "6h7m6s", "1d", "1d"]);
    });

    it("honours --not-before over --delay", () => {
      const doc = json([
        "simulate",
        "1000",
        "--retries",
        "1",
        "--delay",
        "1h",
        "--not-before",
        String(Date.parse(start) / 1000 + 60),
        "--start",
        start,
      ]).doc as { entries: { delayMs: number }[] };
      expect(doc.entries[0]?.delayMs).toBe(60_000);
    });

    it("--json: the documented schema", () => {
      const { code, doc } = json(["simulate", "1000 - 600 * retried", "--retries", "3", "--start", start]);
      expect(code).toBe(0);
      expect(doc).toMatchObject({
        schemaVersion: 1,
        command: "simulate",
        valid: true,
        expression: "1000 - 600 * retried",
        defaultBackoff: false,
        retries: 3,
        start: "2026-11-23T08:00:00.000Z",
        explanation: "shrinks every retry, starting at 1s; 3 retries over 1s400ms; 1 delay normalized (negative)",
        summary: {
          attempts: 4,
          totalSpanMs: 1400,
          longestGapMs: 1000,
          longestGapBefore: 2,
          lastAttemptAt: "2026-11-23T08:00:01.400Z",
          endedBy: "retries-exhausted",
        },
      });
      expect((doc.entries as unknown[])[3]).toEqual({
        attempt: 4,
        retried: 2,
        delayMs: 0,
        delay: "0s",
        cumulativeMs: 1400,
        cumulative: "1s400ms",
        at: "2026-11-23T08:00:01.400Z",
        source: "expression",
        normalized: true,
        rawDelayMs: -200,
        normalizedBecause: "negative",
      });
    });

    it("exits 1 on an invalid expression", () => {
      expect(cli(["simulate", "2 ^ retried"]).code).toBe(1);
    });
  });

  describe("duration", () => {
    it("prints ms and the canonical form", () => {
      expect(cli(["duration", "90m"])).toMatchObject({ code: 0, stdout: "valid: 5400000 ms = 1h30m\n" });
      expect(cli(["duration", "1.5h", "--go"])).toMatchObject({ code: 0, stdout: "valid: 5400000 ms = 1h30m\n" });
    });

    it("explains a bare number, exit 1", () => {
      const result = cli(["duration", "10"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("add a unit, e.g. `10s`");
    });

    it("--json", () => {
      expect(json(["duration", "1d10h30m"]).doc).toEqual({
        schemaVersion: 1,
        command: "duration",
        input: "1d10h30m",
        mode: "strict",
        valid: true,
        ms: 124_200_000,
        canonical: "1d10h30m",
        diagnostics: [],
      });
      expect(json(["duration", "-"], "2m\n").doc).toMatchObject({ input: "2m", ms: 120_000 });
    });
  });

  describe("flow-control", () => {
    it("prints the canonical form and meaning", () => {
      expect(cli(["flow-control", "rate=10,parallelism=20,period=60"])).toMatchObject({
        code: 0,
        stdout: "valid: parallelism=20, rate=10, period=1m\nat most 20 calls in flight at once; at most 10 calls started per 1m\n",
      });
    });

    it("reports errors with the server's wording, exit 1", () => {
      const result = cli(["flow-control", "period=1m"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        "Upstash-Flow-Control-Value should be either rate=X or parallelism=Y, or both as comma-separated values",
      );
    });

    it("--json", () => {
      expect(json(["flow-control", "rate=3"]).doc).toEqual({
        schemaVersion: 1,
        command: "flow-control",
        input: "rate=3",
        valid: true,
        value: { parallelism: null, rate: 3, periodMs: 1000, periodGiven: false },
        canonical: "rate=3",
        meaning: "at most 3 calls started per 1s (the default period)",
        diagnostics: [],
      });
    });
  });

  describe("trigger", () => {
    const base = ["trigger", "--url", "https://example.com/api/wf"];

    it("prints the request headers, with a placeholder token", () => {
      const result = cli([...base, "--retries", "5", "--retry-delay", "pow(2, retried) * 1000", "--header", "X-Trace: abc"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        [
          "POST https://qstash.upstash.io/v2/trigger/https://example.com/api/wf",
          "Authorization: Bearer <QSTASH_TOKEN>",
          "Upstash-Retries: 5",
          "Upstash-Retry-Delay: pow(2, retried) * 1000",
          "Upstash-Forward-X-Trace: abc",
          "",
        ].join("\n"),
      );
    });

    it("prints a curl command that reads the token from the environment", () => {
      const result = cli([
        ...base,
        "--flow-control-key",
        "user-42",
        "--flow-control",
        "rate=10,period=1m",
        "--label",
        "a",
        "--label",
        "b",
        "--body",
        "it's",
        "--curl",
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        [
          "curl -X POST 'https://qstash.upstash.io/v2/trigger/https://example.com/api/wf' \\",
          '  -H "Authorization: Bearer $QSTASH_TOKEN" \\',
          "  -H 'Upstash-Flow-Control-Key: user-42' \\",
          "  -H 'Upstash-Flow-Control-Value: rate=10, period=1m' \\",
          "  -H 'Upstash-Label: a,b' \\",
          "  --data-raw 'it'\\''s'",
          "",
        ].join("\n"),
      );
    });

    it("reports every invalid option, tagged with its path, exit 1", () => {
      const result = cli(["trigger", "--url", "example.com", "--delay", "10x", "--retry-delay", "pow(2, retries)", "--plan", "free"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(" --> url");
      expect(result.stderr).toContain(" --> delay");
      expect(result.stderr).toContain(" --> retryDelay");
    });

    it("checks delays against a plan", () => {
      expect(cli([...base, "--delay", "8d", "--plan", "free"]).code).toBe(1);
      expect(cli([...base, "--delay", "8d", "--plan", "pay-as-you-go"]).code).toBe(0);
    });

    it("--json", () => {
      const { code, doc } = json([...base, "--retries", "0"]);
      expect(code).toBe(0);
      expect(doc).toMatchObject({
        schemaVersion: 1,
        command: "trigger",
        valid: true,
        request: { method: "POST", headers: { "Upstash-Retries": "0" } },
        diagnostics: [],
      });
      expect(doc.curl).toContain("curl -X POST");
      expect(json([...base, "--flow-control", "period=1m"]).doc).toMatchObject({
        valid: false,
        request: null,
        diagnostics: [{ code: "missing-limit", path: "flowControl" }],
      });
    });
  });

  it("stops quietly when its reader closes the pipe early (`| head`)", async () => {
    const child = spawn(process.execPath, [bin, "simulate", "--default", "--retries", "1000", "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Read one chunk of the ~270 KB of JSON, then hang up, as `head` does.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("does not colour when the output is not a terminal, unless FORCE_COLOR asks", () => {
    expect(cli(["check", "Pow(1, 2)"]).stderr).not.toContain("\u001b[");
    expect(cli(["check", "Pow(1, 2)"], { env: { FORCE_COLOR: "1" } }).stderr).toContain("\u001b[31merror[unknown-function]");
  });

  // util-linux `script` runs the binary on a pseudo-terminal, as a person would.
  it.runIf(existsSync("/usr/bin/script"))("colours on a terminal, unless NO_COLOR is set", () => {
    const onTerminal = (env: Record<string, string>) =>
      spawnSync("/usr/bin/script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} check 'Pow(1, 2)'`, "/dev/null"], {
        encoding: "utf8",
        env: { ...process.env, ...env },
      }).stdout;
    expect(onTerminal({ NO_COLOR: "" })).toContain("\u001b[31merror[unknown-function]");
    const plain = onTerminal({ NO_COLOR: "1" });
    expect(plain).toContain("error[unknown-function]");
    expect(plain).not.toContain("\u001b[");
  });

  describe("exit codes: 70 is a bug in retry-delay, never bad input", () => {
    it.each([
      [["simulate", "1e40"], "schedule-out-of-range"],
      [["simulate", "pow(10, retried*100)"], "schedule-out-of-range"],
      [["simulate", "1000", "--start", "+275760-09-13T00:00:00Z"], "schedule-out-of-range"],
      [["simulate", "1000", "--retries", "2", "--start", "+275760-09-12T23:59:59Z"], "schedule-out-of-range"],
      [["check", "1e400"], "number-out-of-range"],
      [["check", "1000\r\n+ retried"], "unexpected-character"],
    ])("%j exits 1 with a diagnostic", (args, code) => {
      const result = cli(args);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`error[${code}]`);
      expect(result.stderr).not.toContain("internal error");
      const asJson = cli([...args, "--json"]);
      expect(asJson.code).toBe(1);
      expect(asJson.stderr).not.toContain("internal error");
    });

    it("answers a closure that is infinite or NaN with warnings and the fallback, exit 0", () => {
      for (const expression of ["pow(10, retried * 400)", "0 / (retried - retried)"]) {
        const result = cli(["simulate", expression, "--start", start]);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/warning\[(infinite|nan)-delay\]/);
        expect(result.stdout).toContain("normalized");
      }
    });
  });
});
