import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import {
  buildBatchRequest,
  buildEnqueueRequest,
  buildPublishRequest,
  buildScheduleRequest,
  buildTriggerRequest,
  OPTION_TABLE,
  optionName,
} from "../../src/index.js";

/*
 * docs/trigger.md's generated tables and docs/schema/*.schema.json come from
 * the built library (scripts/options-docs.mjs imports dist/index.js; `npm
 * test` builds first). Regenerate with `npm run docs:options`.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = `${root}/scripts/options-docs.mjs`;
const ENDPOINTS = ["trigger", "publish", "enqueue", "batch", "schedule"] as const;

function runGenerator(...args: string[]): { status: number | null; output: string } {
  if (!existsSync(`${root}/dist/index.js`)) throw new Error("dist/index.js is missing: run `npm run build` (npm test does)");
  const run = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A copy of the generated files in a temporary root, for the check mode to judge. */
function copyOfDocs(): string {
  const dir = mkdtempSync(join(tmpdir(), "retry-delay-options-docs-"));
  cpSync(`${root}/docs/trigger.md`, `${dir}/docs/trigger.md`);
  cpSync(`${root}/docs/schema`, `${dir}/docs/schema`, { recursive: true });
  cpSync(`${root}/src/request/option-types.ts`, `${dir}/src/request/option-types.ts`);
  return dir;
}

describe("scripts/options-docs.mjs", () => {
  it("finds the committed docs up to date (regenerate with `npm run docs:options`)", () => {
    const { status, output } = runGenerator("--check");
    expect(output).not.toMatch(/stale/);
    expect(status).toBe(0);
  });

  it("names the stale file and exits 1 when a generated table was edited", () => {
    const dir = copyOfDocs();
    const text = readFileSync(`${dir}/docs/trigger.md`, "utf8");
    writeFileSync(`${dir}/docs/trigger.md`, text.replace(/^\| `retries` \|.*\n/m, ""));
    const { status, output } = runGenerator("--check", "--root", dir);
    expect(status).toBe(1);
    expect(output).toContain("stale: docs/trigger.md");
    expect(output).not.toContain("schema.json");
  });

  it("names a stale or missing schema", () => {
    const dir = copyOfDocs();
    writeFileSync(`${dir}/docs/schema/publish-options.schema.json`, "{}\n");
    writeFileSync(`${dir}/docs/schema/nowhere-options.schema.json`, "{}\n");
    const { status, output } = runGenerator("--check", "--root", dir);
    expect(status).toBe(1);
    expect(output).toContain("stale: docs/schema/publish-options.schema.json");
    expect(output).toContain("stale: docs/schema/nowhere-options.schema.json");
    expect(output).not.toContain("docs/trigger.md");
  });

  it("names the option interfaces stale when a field was edited by hand", () => {
    const dir = copyOfDocs();
    const path = `${dir}/src/request/option-types.ts`;
    writeFileSync(path, readFileSync(path, "utf8").replace("readonly retries?: number;", "readonly retries?: number | string;"));
    const { status, output } = runGenerator("--check", "--root", dir);
    expect(status).toBe(1);
    expect(output).toContain("stale: src/request/option-types.ts");
    expect(output).not.toContain("docs/");
  });

  it("gives each endpoint's interface one field per row, named and required as the table says", () => {
    const text = readFileSync(`${root}/src/request/option-types.ts`, "utf8");
    const interfaces = new Map([...text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}$/gm)].map((m) => [m[1], m[2] ?? ""]));
    const names = {
      trigger: "TriggerOptions",
      publish: "PublishOptions",
      enqueue: "EnqueueOptions",
      batch: "BatchItem",
      schedule: "ScheduleCreateOptions",
    };
    for (const endpoint of ENDPOINTS) {
      const body = interfaces.get(names[endpoint]) ?? "";
      const fields = [...body.matchAll(/readonly (\w+)(\??):/g)].map((m) => `${m[1]}${m[2]}`);
      const rows = OPTION_TABLE.filter((row) => row.endpoints.includes(endpoint));
      expect(fields).toEqual(rows.map((row) => `${optionName(row, endpoint)}${row.required?.on.includes(endpoint) ? "" : "?"}`));
    }
  });

  it("lists every row of the table in docs/trigger.md", () => {
    const text = readFileSync(`${root}/docs/trigger.md`, "utf8");
    for (const row of OPTION_TABLE) expect(text).toMatch(new RegExp(`^\\| \`${row.option}\``, "m"));
  });
});

describe("docs/schema", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const schemaOf = (endpoint: string): object =>
    JSON.parse(readFileSync(`${root}/docs/schema/${endpoint}-options.schema.json`, "utf8")) as object;
  const validators = Object.fromEntries(ENDPOINTS.map((e) => [e, ajv.compile(schemaOf(e))]));
  const url = "https://example.com/hook";

  it("is valid draft 2020-12 and holds exactly the endpoint's rows", () => {
    for (const endpoint of ENDPOINTS) {
      const schema = schemaOf(endpoint) as { $schema: string; properties: Record<string, unknown>; additionalProperties: boolean };
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.additionalProperties).toBe(false);
      const rows = OPTION_TABLE.filter((row) => row.endpoints.includes(endpoint)).map((row) => optionName(row, endpoint));
      expect(Object.keys(schema.properties).sort(), endpoint).toEqual(rows.sort());
    }
  });

  const valid: [(typeof ENDPOINTS)[number], Record<string, unknown>, (o: never) => { ok: boolean }][] = [
    [
      "trigger",
      {
        url,
        retries: 5,
        retryDelay: "pow(2, retried) * 1000",
        delay: "10s",
        flowControl: { key: "user-42", rate: 10, period: "1m" },
        label: ["a", "b"],
        redact: { body: true, header: ["Authorization"] },
        disableTelemetry: true,
      },
      buildTriggerRequest,
    ],
    [
      "publish",
      {
        url,
        body: { id: 1 },
        method: "PUT",
        timeout: 30,
        callback: "https://example.com/cb",
        contentBasedDeduplication: true,
        headers: { "X-Trace": "abc" },
      },
      buildPublishRequest,
    ],
    ["enqueue", { url, queueName: "emails", deduplicationId: "d-1", notBefore: 1_900_000_000 }, buildEnqueueRequest],
    ["batch", { url, queueName: "q", delay: 60 }, (o: never) => buildBatchRequest([o])],
    ["schedule", { destination: url, cron: "CRON_TZ=Europe/Paris 0 3 * * *", scheduleId: "nightly", retries: 1 }, buildScheduleRequest],
  ];

  it.each(valid)("accepts valid %s options, which the builder accepts too", (endpoint, options, build) => {
    const validate = validators[endpoint]!;
    expect(validate(options), JSON.stringify(validate.errors)).toBe(true);
    expect(build(options as never).ok).toBe(true);
  });

  const invalid: [(typeof ENDPOINTS)[number], Record<string, unknown>, string][] = [
    ["trigger", { url, retry: 3 }, "an unknown key"],
    ["trigger", { url, retries: "5" }, "retries as a string"],
    ["trigger", { url, retryDelay: 1000 }, "retryDelay as a number"],
    ["trigger", { url, method: "PUT" }, "a qstash-only option"],
    ["trigger", { url, flowControl: { key: "k", rate: 1, burst: 2 } }, "an unknown flowControl field"],
    ["trigger", { retries: 1 }, "no url"],
    ["publish", { url, timeout: true }, "timeout as a boolean"],
    ["publish", { url, method: "get" }, "a lower-case method"],
    ["publish", { url, label: [] }, "an empty label list"],
    ["publish", { url, redact: { headers: true } }, "redact's docs spelling"],
    ["enqueue", { url }, "no queueName"],
    ["batch", { url, cron: "* * * * *" }, "a schedule-only option"],
    ["schedule", { url, cron: "* * * * *" }, "url instead of destination"],
    ["schedule", { destination: url }, "no cron"],
    ["schedule", { destination: url, cron: "* * * * *", notBefore: 1 }, "notBefore on a schedule"],
  ];

  it.each(invalid)("refuses %s options with %o (%s)", (endpoint, options) => {
    expect(validators[endpoint]!(options)).toBe(false);
  });
});
