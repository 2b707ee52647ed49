// Generates, from OPTION_TABLE and TRIGGER_CODES of the built library (run
// `node scripts/build.mjs` first), the options → headers table and the
// request codes table in docs/trigger.md, one JSON Schema per endpoint in
// docs/schema/, and the TypeScript option interfaces in
// src/request/option-types.ts. Nothing here lists options: every row comes
// from the table.
//
//   node scripts/options-docs.mjs            rewrite the files
//   node scripts/options-docs.mjs --check    exit 1, naming each stale file
//   --root <dir>                             read and write <dir>/docs instead (tests)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL("..", import.meta.url));
const dist = join(here, "dist/index.js");
if (!existsSync(dist)) {
  console.error("dist/index.js is missing: run `node scripts/build.mjs` first (npm run docs:options does)");
  process.exit(2);
}
const { OPTION_TABLE, TRIGGER_CODES, optionName } = await import(dist);

/** Each endpoint once, in the order the table first names them. */
const ENDPOINTS = [...new Set(OPTION_TABLE.flatMap((row) => row.endpoints))];

/** The builder of each endpoint, for titles. */
const BUILDERS = {
  trigger: "buildTriggerRequest",
  publish: "buildPublishRequest",
  enqueue: "buildEnqueueRequest",
  batch: "buildBatchRequest",
  schedule: "buildScheduleRequest",
};

/** What the endpoint's SDK call requires, as the rows say (the builders report the same). */
function requiredFor(endpoint) {
  return OPTION_TABLE.filter((row) => row.endpoints.includes(endpoint) && row.required?.on.includes(endpoint)).map((row) =>
    optionName(row, endpoint),
  );
}

const cell = (text) => String(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (text) => `\`${text}\``;

const PLACES = {
  destination: "the path (`/v2/…/{url}`), or a batch item's `destination`",
  body: "the request body",
  headers: "`Upstash-Forward-<name>`",
  none: "none (an SDK setting that sends nothing)",
};

function headerCell(row) {
  return row.kind === "payload" ? PLACES[row.place] : row.headers.map(code).join(", ");
}

function endpointsCell(row) {
  return row.endpoints.length === ENDPOINTS.length ? "all" : row.endpoints.join(", ");
}

function copiesCell(row) {
  if (row.kind === "payload") return row.failureCopy ? "trigger: `Upstash-Failure-Callback-Forward-<name>`" : "–";
  const rest = (header) => header.replace(/^Upstash-/, "");
  const parts = [];
  if (row.failureCopy) parts.push(`trigger: ${row.headers.map((h) => code(`Upstash-Failure-Callback-${rest(h)}`)).join(", ")}`);
  if (row.callbackFamilies) parts.push("parsed in `Upstash-Callback-*` and `Upstash-Failure-Callback-*`");
  return parts.length === 0 ? "–" : parts.join("; ");
}

export function optionsTable() {
  const lines = [
    "| option | header(s) | value language | endpoints | failure-callback copy / callback families | doc |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const row of OPTION_TABLE) {
    const renamed = Object.entries(row.renamed ?? {}).map(([endpoint, name]) => `${code(name)} for ${endpoint}`);
    const name = renamed.length === 0 ? code(row.option) : `${code(row.option)} (${renamed.join(", ")})`;
    lines.push(
      `| ${name} | ${cell(headerCell(row))} | ${cell(row.language)} | ${cell(endpointsCell(row))} | ${cell(copiesCell(row))} | ${cell(row.doc)} |`,
    );
  }
  return lines.join("\n");
}

export function codesTable() {
  const lines = ["| code | severity | summary |", "| --- | --- | --- |"];
  for (const [name, { severity, summary }] of Object.entries(TRIGGER_CODES))
    lines.push(`| ${code(name)} | ${severity} | ${cell(summary)} |`);
  return lines.join("\n");
}

export function schemaFor(endpoint) {
  const properties = {};
  for (const row of OPTION_TABLE) {
    if (!row.endpoints.includes(endpoint)) continue;
    properties[optionName(row, endpoint)] = { ...row.schema, description: row.doc };
  }
  const item = endpoint === "batch" ? "one item of" : "the options of";
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `retry-delay: ${item} ${BUILDERS[endpoint] ?? endpoint}`,
    description: `Generated from OPTION_TABLE by scripts/options-docs.mjs; do not edit by hand.`,
    type: "object",
    properties,
    required: requiredFor(endpoint),
    additionalProperties: false,
  };
}

/** The TypeScript interface of each endpoint's options: its name, and its doc comment with an example. */
const INTERFACES = {
  trigger: {
    name: "TriggerOptions",
    doc: ["The options of a workflow trigger, as `client.trigger` in @upstash/workflow takes them."],
    example:
      'const options: TriggerOptions = { url: "https://example.com/wf", retries: 5, retryDelay: "pow(2, retried) * 1000", delay: "10s" };',
  },
  publish: {
    name: "PublishOptions",
    doc: ["The options of a message, as @upstash/qstash's `publish` / `publishJSON` take them."],
    example: 'const options: PublishOptions = { url: "https://example.com/api/hook", retries: 5, retryDelay: "pow(2, retried) * 1000" };',
  },
  enqueue: {
    name: "EnqueueOptions",
    doc: ["A message for a queue: `POST /v2/enqueue/{queueName}/{url}`, as `queue.enqueueJSON` sends it."],
    example: 'const options: EnqueueOptions = { queueName: "emails", url: "https://example.com/send" };',
  },
  batch: {
    name: "BatchItem",
    doc: ["One item of `POST /v2/batch`, as `batchJSON` takes it."],
    example: 'const item: BatchItem = { url: "https://example.com/a", queueName: "emails" };',
  },
  schedule: {
    name: "ScheduleCreateOptions",
    doc: ["A schedule, as @upstash/qstash's `schedules.create` takes it."],
    example: 'const options: ScheduleCreateOptions = { destination: "https://example.com/nightly", cron: "0 3 * * *" };',
  },
};

/** A doc comment at `indent`, one `*` line per line of `lines`. */
function docComment(lines, indent) {
  if (lines.length === 1) return `${indent}/** ${lines[0]} */`;
  return [`${indent}/**`, ...lines.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`].join("\n");
}

/** src/request/option-types.ts: one interface per endpoint, one field per row, each field's doc from the row. */
export function optionTypes() {
  const out = [
    "// Generated from OPTION_TABLE (src/request/table.ts) by scripts/options-docs.mjs: run `npm run docs:options`",
    "// after changing a row. Do not edit by hand; a test fails when this file differs from the table.",
    'import type { FlowControlOptions } from "../flow-control/types.js";',
    'import type { RedactOptions } from "./redact-options.js";',
  ];
  for (const endpoint of ENDPOINTS) {
    const facts = INTERFACES[endpoint];
    if (facts === undefined) throw new Error(`INTERFACES has no entry for the endpoint ${endpoint}`);
    const example = ["@example", "```ts", facts.example, "```"];
    out.push("", docComment([...facts.doc, "", ...example], ""), `export interface ${facts.name} {`);
    for (const row of OPTION_TABLE) {
      if (!row.endpoints.includes(endpoint)) continue;
      const optional = row.required?.on.includes(endpoint) ? "" : "?";
      out.push(docComment([row.doc], "  "), `  readonly ${optionName(row, endpoint)}${optional}: ${row.tsType};`);
    }
    out.push("}");
  }
  return `${out.join("\n")}\n`;
}

/** Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->`. */
function between(text, name, content, file) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** Every generated file: path relative to the root → its expected content. */
export function expectedFiles(root) {
  const files = new Map();
  const triggerPath = "docs/trigger.md";
  let trigger = readFileSync(join(root, triggerPath), "utf8");
  trigger = between(trigger, "options", optionsTable(), triggerPath);
  trigger = between(trigger, "codes", codesTable(), triggerPath);
  files.set(triggerPath, trigger);
  for (const endpoint of ENDPOINTS)
    files.set(`docs/schema/${endpoint}-options.schema.json`, `${JSON.stringify(schemaFor(endpoint), null, 2)}\n`);
  files.set("src/request/option-types.ts", optionTypes());
  return files;
}

function main(argv) {
  const check = argv.includes("--check");
  const at = argv.indexOf("--root");
  const root = at >= 0 ? argv[at + 1] : here;
  if (root === undefined) throw new Error("--root needs a directory");
  const files = expectedFiles(root);
  if (check) {
    const stale = [];
    for (const [path, content] of files) {
      const full = join(root, path);
      if (!existsSync(full) || readFileSync(full, "utf8") !== content) stale.push(path);
    }
    const schemaDir = join(root, "docs/schema");
    if (existsSync(schemaDir))
      for (const name of readdirSync(schemaDir))
        if (name.endsWith("-options.schema.json") && !files.has(`docs/schema/${name}`))
          stale.push(`docs/schema/${name} (no endpoint has it)`);
    for (const path of stale) console.error(`stale: ${path}`);
    if (stale.length > 0) {
      console.error("regenerate with `npm run docs:options`");
      process.exit(1);
    }
    console.log(`up to date: ${files.size} files`);
    return;
  }
  mkdirSync(join(root, "docs/schema"), { recursive: true });
  mkdirSync(join(root, "src/request"), { recursive: true });
  for (const [path, content] of files) {
    const full = join(root, path);
    if (existsSync(full) && readFileSync(full, "utf8") === content) continue;
    writeFileSync(full, content);
    console.log(`wrote ${path}`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
