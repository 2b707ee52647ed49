import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cliJson, root } from "./run.js";

/*
 * Every `--json` output has a published JSON Schema,
 * docs/schema/cli-<command>.schema.json. Each is checked with Ajv (strict)
 * against real output of the built CLI for valid and invalid input, and
 * shown to refuse documents that break it.
 */

const dir = `${root}/docs/schema`;
const BASE = "https://raw.githubusercontent.com/retry-delay/retry-delay/main/docs/schema/";
const ajv = new Ajv2020({ strict: true, allErrors: true, strictTypes: false });
const files = readdirSync(dir).filter((f) => f.startsWith("cli-") || f === "deliver-output.schema.json");
for (const file of files) {
  const schema = JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as { $id?: string };
  ajv.addSchema(schema, schema.$id ?? `${BASE}${file}`);
}
const validatorOf = (command: string) => {
  const validate = ajv.getSchema(`${BASE}cli-${command}.schema.json`);
  if (validate === undefined) throw new Error(`no schema for ${command}`);
  return (doc: unknown): string => (validate(doc) ? "valid" : ajv.errorsText(validate.errors));
};

const start = "2026-11-23T08:00:00Z";
const url = "https://example.com/api/workflow";

/** Command lines whose --json output each schema must accept: valid input, invalid input, and the edges. */
const RUNS: Record<string, readonly (readonly string[])[]> = {
  check: [
    ["check", "pow(2, retried) * 1000"],
    ["check", "Pow(2, retries) * 1000"],
    ["check", "1000 - 600 * retried"],
    ["check", "1000", "--retries", "0"],
    ["check", "pow("],
  ],
  simulate: [
    ["simulate", "pow(2, retried) * 1000", "--retries", "5", "--start", start],
    ["simulate", "--default", "--delay", "10s", "--start", start, "--tz", "Asia/Tokyo"],
    ["simulate", "1000 - 600 * retried", "--retries", "3", "--start", start],
    ["simulate", "0 / (retried - retried)", "--start", start],
    ["simulate", "pow(", "--start", start],
    ["simulate", "1e40", "--start", start],
  ],
  duration: [
    ["duration", "1d10h30m"],
    ["duration", "10"],
    ["duration", "1.5h", "--go"],
  ],
  "flow-control": [
    ["flow-control", "rate=10,parallelism=20,period=60"],
    ["flow-control", "Rate=10"],
    ["flow-control", "period=1m"],
  ],
  trigger: [
    [
      "trigger",
      "--url",
      url,
      "--retries",
      "5",
      "--retry-delay",
      "pow(2, retried) * 1000",
      "--delay",
      "1000",
      "--header",
      "X-A: b",
      "--body",
      "{}",
    ],
    ["trigger", "--url", url, "--flow-control", "rate=abc", "--retry-delay", "pow(2, retries)"],
  ],
  publish: [
    ["publish", "--url", url, "--timeout", "30s", "--redact", "body"],
    ["publish", "--url", url, "--queue-name", "emails"],
    ["publish", "--url", "example.com/hook"],
  ],
  schedule: [
    ["schedule", "--url", url, "--cron", "0 3 * * *"],
    ["schedule", "--url", url],
  ],
  deliver: [
    ["deliver", "--runs", "20", "--flow-control", "parallelism=2, rate=5, period=1s", "--fail-first", "1", "--at", "2s"],
    ["deliver", "--runs", "5", "--flow-control", "rate=0"],
  ],
  help: [["help"], ["help", "trigger"]],
};

describe("docs/schema/cli-*.schema.json", () => {
  it("there is a schema for every command that prints --json, and none for another", () => {
    const commands = (cliJson(["help"]).doc as { commands: { name: string }[] }).commands
      .map((c) => c.name)
      .filter((name) => name !== "completion");
    const schemas = files
      .filter((f) => f.startsWith("cli-") && f !== "cli-common.schema.json")
      .map((f) => f.slice(4, -".schema.json".length));
    expect(new Set(schemas)).toEqual(new Set(commands));
    expect(Object.keys(RUNS).sort()).toEqual([...commands].sort());
  });

  it.each(Object.entries(RUNS))("%s: real output, valid and invalid input, follows its schema", (command, runs) => {
    const validate = validatorOf(command);
    const verdicts = new Set<boolean>();
    for (const args of runs) {
      const { code, doc } = cliJson(args);
      expect(code === 0 || code === 1, args.join(" ")).toBe(true);
      expect(validate(doc), args.join(" ")).toBe("valid");
      verdicts.add((doc as { valid?: boolean }).valid ?? true);
    }
    // Each command is checked on output for valid input and, where input can be invalid, for invalid input.
    expect(verdicts.has(true)).toBe(true);
    if (command !== "help") expect(verdicts.has(false)).toBe(true);
  });

  it("refuses documents that break them", () => {
    const mutate = (command: string, args: readonly string[], change: (doc: Record<string, unknown>) => void): string => {
      const doc = cliJson(args).doc as Record<string, unknown>;
      change(doc);
      return validatorOf(command)(doc);
    };
    expect(mutate("check", RUNS.check?.[0] ?? [], (d) => delete d.range)).toContain("must have required property 'range'");
    expect(mutate("check", RUNS.check?.[1] ?? [], (d) => (d.canonical = "x"))).not.toBe("valid");
    expect(mutate("simulate", RUNS.simulate?.[0] ?? [], (d) => (d.start = "2026-11-23 08:00:00 UTC"))).toContain("must match pattern");
    expect(mutate("simulate", RUNS.simulate?.[0] ?? [], (d) => (d.schemaVersion = 2))).not.toBe("valid");
    expect(mutate("duration", RUNS.duration?.[0] ?? [], (d) => (d.mode = "loose"))).not.toBe("valid");
    expect(mutate("flow-control", RUNS["flow-control"]?.[0] ?? [], (d) => (d.extra = 1))).toContain("must NOT have additional properties");
    expect(mutate("trigger", RUNS.trigger?.[0] ?? [], (d) => (d.command = "publish"))).not.toBe("valid");
    expect(
      mutate("trigger", RUNS.trigger?.[0] ?? [], (d) => ((d.request as { headers: Record<string, string> }).headers["X-Evil"] = "a\r\nb")),
    ).toContain("must match pattern");
    expect(mutate("trigger", RUNS.trigger?.[1] ?? [], (d) => ((d.diagnostics as { severity: string }[])[0]!.severity = "fatal"))).not.toBe(
      "valid",
    );
    expect(mutate("help", ["help"], (d) => ((d.commands as { examples: unknown[] }[])[0]!.examples = []))).not.toBe("valid");
    expect(mutate("deliver", RUNS.deliver?.[0] ?? [], (d) => delete (d.summary as Record<string, unknown>).maxWaitList)).not.toBe("valid");
  });
});
