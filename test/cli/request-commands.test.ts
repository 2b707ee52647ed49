import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { OPTION_TABLE } from "../../src/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = `${root}/dist/cli.js`;

function cli(args: readonly string[]) {
  if (!existsSync(bin)) throw new Error("dist/cli.js is missing: run `npm run build` (npm test does)");
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    input: "",
    env: { ...process.env, NO_COLOR: "", FORCE_COLOR: undefined, COLUMNS: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const kebab = (option: string) => option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe("request commands: flags from the option table", () => {
  it("every table row of an endpoint has a flag in its command's help", () => {
    for (const [command, endpoint] of [
      ["trigger", "trigger"],
      ["publish", "enqueue"],
      ["schedule", "schedule"],
    ] as const) {
      const help = cli([command, "--help"]).stdout;
      // Every row that sends something; an SDK setting that sends nothing (disableTelemetry) has no flag.
      for (const row of OPTION_TABLE.filter((r) => r.endpoints.includes(endpoint) && (r.kind === "header" || r.place !== "none"))) {
        const flag = row.option === "headers" ? "--header" : `--${kebab(row.option)}`;
        expect(help, `${command} ${flag}`).toContain(flag);
      }
    }
  });

  it("publish prints the qstash request, with every flag's header", () => {
    const result = cli([
      "publish",
      "--url",
      "https://example.com/hook",
      "--timeout",
      "30s",
      "--redact",
      "body",
      "--redact",
      "header[Authorization]",
      "--retries",
      "2",
      "--flow-control-key",
      "k",
      "--flow-control",
      "rate=5",
      "--label",
      "a",
      "--label",
      "b",
      "--content-based-deduplication",
      "--method",
      "PUT",
      "--curl",
    ]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.split(" \\\n  ")).toEqual([
      "curl -X POST 'https://qstash.upstash.io/v2/publish/https://example.com/hook'",
      '-H "Authorization: Bearer $QSTASH_TOKEN"',
      "-H 'Upstash-Method: PUT'",
      "-H 'Upstash-Retries: 2'",
      "-H 'Upstash-Timeout: 30s'",
      "-H 'Upstash-Flow-Control-Key: k'",
      "-H 'Upstash-Flow-Control-Value: rate=5'",
      "-H 'Upstash-Content-Based-Deduplication: true'",
      "-H 'Upstash-Label: a,b'",
      "-H 'Upstash-Redact-Fields: body,header[Authorization]'\n",
    ]);
  });

  it("publish with --queue-name enqueues", () => {
    const result = cli(["publish", "--url", "https://example.com/hook", "--queue-name", "emails", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      command: "publish",
      valid: true,
      request: { url: "https://qstash.upstash.io/v2/enqueue/emails/https://example.com/hook" },
    });
  });

  it("reports every invalid value, not only the first, and exits 1", () => {
    const result = cli([
      "trigger",
      "--url",
      "https://example.com/wf",
      "--flow-control",
      "rate=0",
      "--retry-delay",
      "pow(2, retries)",
      "--delay",
      "10x",
    ]);
    expect(result.code).toBe(1);
    for (const code of ["invalid-count", "unknown-variable", "unknown-unit"]) expect(result.stderr).toContain(`error[${code}]`);
  });

  it("refuses a value with a line break instead of printing a split header", () => {
    const result = cli(["publish", "--url", "https://example.com/hook", "--header", "X-A: 1\r\nInjected: yes", "--curl"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("unsafe-header");
  });

  it("schedule requires --cron", () => {
    const result = cli(["schedule", "--url", "https://example.com/nightly", "--json"]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toContain("missing-cron");
  });
});
