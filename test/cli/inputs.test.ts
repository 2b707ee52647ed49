import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson } from "./run.js";

/*
 * Where values come from and how they are read: --body from stdin or a
 * file, a bare number of seconds for a duration flag, and the time zone of
 * the wall times simulate prints.
 */

const url = "https://example.com/api/workflow";
const start = "2026-11-23T08:00:00Z";
const dir = mkdtempSync(join(tmpdir(), "retry-delay-body-"));
writeFileSync(join(dir, "order.json"), '{"orderId":42}\n');

const bodyOf = (args: readonly string[], input?: string) => {
  const { code, doc } = cliJson(args, input === undefined ? {} : { input });
  return { code, body: (doc as { request: { body?: string } | null }).request?.body };
};

describe("--body", () => {
  it("- reads stdin, without the newline echo adds", () => {
    expect(bodyOf(["trigger", "--url", url, "--body", "-"], '{"a":1}\n')).toEqual({ code: 0, body: '{"a":1}' });
    expect(bodyOf(["publish", "--url", url, "--body", "-"], "hello\n")).toEqual({ code: 0, body: "hello" });
  });

  it("@FILE reads the file as it is; a relative path is read from the working directory", () => {
    expect(bodyOf(["trigger", "--url", url, "--body", `@${join(dir, "order.json")}`])).toEqual({ code: 0, body: '{"orderId":42}\n' });
    const relative = cli(["schedule", "--url", url, "--cron", "0 3 * * *", "--body", "@order.json"], { cwd: dir });
    expect(relative.code).toBe(0);
    expect(relative.stdout).toContain('\n{"orderId":42}\n');
  });

  it("@@ stands for a literal @; anything else is the body itself", () => {
    expect(bodyOf(["trigger", "--url", url, "--body", "@@admin"]).body).toBe("@admin");
    expect(bodyOf(["trigger", "--url", url, "--body", "a@b"]).body).toBe("a@b");
    expect(bodyOf(["publish", "--url", url, "--body=-x"]).body).toBe("-x");
  });

  it("a file that cannot be read, or @ alone, is a usage error that names the escape", () => {
    const missing = cli(["trigger", "--url", url, "--body", "@no-such-file.json"], { cwd: dir, env: { COLUMNS: "1000" } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "retry-delay: --body @no-such-file.json: cannot read the file (no such file); write @@ for a body that starts with @",
    );
    expect(missing.stderr).toContain("--body V|-|@FILE");
    expect(cli(["trigger", "--url", url, "--body", `@${dir}`], { env: { COLUMNS: "1000" } }).stderr).toContain(
      "cannot read the file (it is a directory)",
    );
    expect(cli(["trigger", "--url", url, "--body", "@"], { env: { COLUMNS: "1000" } }).stderr).toContain(
      "--body @ needs a file name after the @ (write @@ for a body that starts with @)",
    );
  });
});

describe("a bare number for a duration flag is seconds, as the SDKs send a number", () => {
  it("trigger --delay 1000 sends 1000s, with a note that it is 16m40s", () => {
    const result = cli(["trigger", "--url", url, "--delay", "1000"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Upstash-Delay: 1000s\n");
    expect(result.stderr).toBe("note: Upstash-Delay: 1000s is 16m40s\n");
  });

  it("the number is rounded as the SDK rounds it, and a duration still works", () => {
    expect(cli(["trigger", "--url", url, "--delay", "1.6"]).stdout).toContain("Upstash-Delay: 2s\n");
    expect(cli(["trigger", "--url", url, "--delay", "10s"]).stdout).toContain("Upstash-Delay: 10s\n");
    expect(cli(["publish", "--url", url, "--timeout", "30"]).stdout).toContain("Upstash-Timeout: 30s\n");
  });

  it("over the plan's limit it is still checked", () => {
    const result = cli(["trigger", "--url", url, "--delay", String(8 * 86_400), "--plan", "free"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(" --> delay");
  });
});

describe("simulate --tz and TZ", () => {
  const times = (args: readonly string[], env: Record<string, string | undefined> = {}) =>
    cli(["simulate", "1000", "--retries", "1", "--start", start, ...args], { env }).stdout;

  it("UTC by default", () => {
    expect(times([])).toContain("2026-11-23 08:00:01 UTC");
    expect(times([])).not.toContain("times in");
  });

  it("--tz prints wall times with the offset of that moment", () => {
    const tokyo = times(["--tz", "Asia/Tokyo"]);
    expect(tokyo).toContain("times in Asia/Tokyo");
    expect(tokyo).toContain("      2        0     1s             1s  2026-11-23 17:00:01 +09:00");
    expect(tokyo).toContain("last attempt 2026-11-23 17:00:01 +09:00");
    expect(times(["--tz", "Asia/Kolkata"])).toContain("2026-11-23 13:30:01 +05:30");
    // Daylight saving: New York is -05:00 in November and -04:00 in July.
    expect(times(["--tz", "America/New_York"])).toContain("2026-11-23 03:00:01 -05:00");
    const july = cli(["simulate", "1000", "--retries", "1", "--start", "2026-07-01T08:00:00Z", "--tz", "America/New_York"]).stdout;
    expect(july).toContain("2026-07-01 04:00:01 -04:00");
    expect(times(["--tz", "europe/berlin"])).toContain("times in Europe/Berlin");
  });

  it("TZ is the default, and --tz overrides it", () => {
    expect(times([], { TZ: "Europe/Berlin" })).toContain("2026-11-23 09:00:01 +01:00");
    expect(times(["--tz", "UTC"], { TZ: "Europe/Berlin" })).toContain("2026-11-23 08:00:01 UTC");
    const unknown = cli(["simulate", "1000", "--retries", "1", "--start", start], { env: { TZ: "Mars/Olympus" } });
    expect(unknown.code).toBe(0);
    expect(unknown.stdout).toContain("08:00:01 UTC");
    expect(unknown.stderr).toBe("note: TZ='Mars/Olympus' is not a time zone this Node knows; times are in UTC\n");
  });

  it("an unknown --tz is a usage error with the nearest zone", () => {
    const result = cli(["simulate", "1000", "--tz", "Europe/Berln"], { env: { COLUMNS: "1000" } });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "retry-delay: --tz must be an IANA time zone such as Europe/Berlin or UTC, not 'Europe/Berln'; did you mean 'Europe/Berlin'?",
    );
    expect(cli(["simulate", "1000", "--tz", "Tokio"]).stderr).toContain("did you mean 'Asia/Tokyo'?");
    expect(cli(["simulate", "1000", "--tz", "Nowhere/Atall"]).stderr).not.toContain("did you mean");
  });

  it("--json keeps ISO times in UTC and names the zone", () => {
    const { doc } = cliJson(["simulate", "1000", "--retries", "1", "--start", start, "--tz", "Asia/Tokyo"]);
    expect(doc).toMatchObject({
      timeZone: "Asia/Tokyo",
      start: "2026-11-23T08:00:00.000Z",
      entries: [{}, { at: "2026-11-23T08:00:01.000Z" }],
    });
  });
});
