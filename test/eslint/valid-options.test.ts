import { RuleTester } from "@typescript-eslint/rule-tester";
import { validOptions } from "../../src/eslint/rules/valid-options.js";
import { asTested, at, QSTASH, WORKFLOW } from "./tester.js";

/*
 * retry-delay/valid-options: valid and invalid cases for every option and
 * every call shape, with the exact place of each report (see `at`: it finds
 * the text in the source, so an escape before it must be stepped over by the
 * rule for the columns to match), and the suggestions with their output.
 */
const tester = new RuleTester();
const rule = asTested(validOptions);

const trigger = (options: string): string => `${WORKFLOW}client.trigger(${options});`;
const publish = (options: string): string => `${QSTASH}qstash.publish(${options});`;
const error = (code: string, needle: string, after = "") => ({ messageId: "diagnostic" as const, ...at(code, needle, after) });
const withText = (code: string, needle: string, text: string, after = "") => ({ ...error(code, needle, after), data: { text } });

const cases = {
  retryDelay: trigger(`{ url: "https://e.com", retryDelay: "pow(2, retryd) * 1000" }`),
  domain: trigger(`{ url: "https://e.com", retries: 10, retryDelay: "1000 - 200 * retried" }`),
  delay: trigger(`{ url: "https://e.com", delay: "10x" }`),
  negativeDelay: trigger(`{ url: "https://e.com", delay: -5 }`),
  notBefore: trigger(`{ url: "https://e.com", notBefore: "soon" }`),
  flow: trigger(`{ url: "https://e.com", flowControl: { key: "bad key", rate: 0, period: "1x" } }`),
  keyless: trigger(`{ url: "https://e.com", flowControl: { rate: 1 } }`),
  noLimit: trigger(`{ url: "https://e.com", flowControl: { key: "k" } }`),
  urls: trigger(`{ url: "example.com", retries: -1, failureUrl: "nope" }`),
  labels: trigger(`{ url: "https://e.com", label: ["ok", "b d"], redact: { body: "yes", headers: true }, workflowRunId: "wfr_abc" }`),
  missingUrl: trigger(`{ retries: 3 }`),
  emptyBatch: trigger(`[]`),
  batch: trigger(`[{ url: "https://e.com" }, { url: "nope" }]`),
  typo: trigger(`{ url: "https://e.com", retrys: 3 }`),
  publish: publish(`{ url: "https://e.com", method: "get", callback: "nope", contentBasedDeduplication: "yes", timeout: "10x" }`),
  rawHeaders: publish(
    `{ url: "https://e.com", headers: { "Upstash-Retry-Delay": "pow(2, retryd)", "Upstash-Flow-Control-Value": "rate=0" } }`,
  ),
  queue: `${QSTASH}qstash.queue({ queueName: "bad name" }).enqueueJSON({ url: "https://e.com" });`,
  queueVariable: `${QSTASH}const q = qstash.queue({ queueName: "emails" });\nq.enqueue({ url: "https://e.com", delay: "1x" });`,
  batchJSON: `${QSTASH}qstash.batchJSON([{ url: "https://e.com", body: {} }, { url: "https://e.com", delay: "10x" }]);`,
  schedule: `${QSTASH}qstash.schedules.create({ destination: "https://e.com", cron: "0 3 * * * *" });\nqstash.schedules.create({ destination: "https://e.com" });`,
  serve: `import { serve } from "@upstash/workflow/nextjs";\nexport const { POST } = serve(async (context) => {\n  await context.call("s", { url: "https://e.com", retryDelay: "(", timeout: "5x" });\n  await context.invoke("i", { workflow: w, retries: -1 });\n}, { retries: 2, retryDelay: "retryd", verbose: true, failureUrl: "nope" });`,
  annotated: `import type { TriggerOptions } from "@upstash/workflow";\nimport type { PublishRequest } from "@upstash/qstash";\nconst o: TriggerOptions = { url: "https://e.com", delay: "1x" };\nconst p = { url: "x" } satisfies PublishRequest;`,
  constant: `${WORKFLOW}const DELAY = "pow(2, retryd)";\nclient.trigger({ url: "https://e.com", retryDelay: DELAY });\nclient.trigger({ url: "https://e.org", retryDelay: DELAY });`,
  required: `const { Client } = require("@upstash/qstash");\nconst qstash = new Client({ token: "t" });\nqstash.publish({ url: "https://e.com", delay: "1x" });`,
  requiredServe: `const { serve: route } = require("@upstash/workflow/express");\nmodule.exports = route(async (context) => {}, { retries: -1 });`,
  namespaceServe: `import * as workflow from "@upstash/workflow/nextjs";\nexport const { POST } = workflow.serve(async (context) => {\n  await context.call("s", { url: "https://e.com", timeout: "5x" });\n}, { retryDelay: "(" });`,
  namespace: `import * as workflow from "@upstash/workflow";\nconst client = new workflow.Client({ token: "t" });\nclient.trigger({ url: "https://e.com", delay: "1x" });`,
  annotatedParameter: `import type { Client } from "@upstash/qstash";\nexport async function send(qstash: Client) {\n  await qstash.publishJSON({ url: "https://e.com", body: {}, retryDelay: "1000 *" });\n}`,
};

const escapes = {
  tab: trigger(`{ url: "https://e.com", retryDelay: "pow(2,\\tretryd)" }`),
  unicode: trigger(`{ url: "https://e.com", retryDelay: "\\u0070ow(2, \\x72etryd)" }`),
  astral: trigger(`{ url: "https://e.com", retryDelay: "\\u{1F600}1000" }`),
  continuation: trigger(`{ url: "https://e.com", retryDelay: "max(1000, \\\n pow(2, retryd))" }`),
  multiLineTemplate: trigger('{ url: "https://e.com", retryDelay: `max(1000,\n  pow(2, retried))` }'),
  template: trigger('{ url: "https://e.com", retryDelay: `pow(2, retryd)`, delay: `\\u0031x` }'),
  singleQuoted: trigger(`{ url: 'https://e.com', label: 'it\\'s' }`),
};

tester.run("valid-options", rule, {
  valid: [
    // Valid options of every call shape.
    trigger(
      `{ url: "https://e.com", retries: 5, retryDelay: "pow(2, retried) * 1000", delay: "10s", flowControl: { key: "user-1", rate: 10, period: "1m" }, label: ["a", "b"], redact: { body: true } }`,
    ),
    trigger(`[{ url: "https://e.com/a" }, { url: "https://e.com/b", retries: 0 }]`),
    publish(`{ url: "https://e.com", method: "PUT", timeout: "30s", callback: "https://e.com/cb", deduplicationId: "d1" }`),
    `${QSTASH}qstash.queue({ queueName: "emails" }).enqueueJSON({ url: "https://e.com", body: {} });`,
    `${QSTASH}qstash.schedules.create({ destination: "https://e.com", cron: "*/5 * * * *" });`,
    `${QSTASH}qstash.batchJSON([{ url: "https://e.com", body: {}, queueName: "q" }]);`,
    // Not an SDK client: nothing is checked.
    `foo.trigger({ url: "x", retryDelay: "(" });`,
    `${WORKFLOW}const other = makeClient();\nother.trigger({ url: "x", retryDelay: "(" });`,
    `import { Client } from "some-other-sdk";\nconst client = new Client();\nclient.trigger({ retryDelay: "(" });\nclient.publish({ delay: "1x" });`,
    `${QSTASH}qstash.trigger({ retryDelay: "(" });`,
    // Dynamic values are not checked, and what they might be is not held against the rest.
    trigger(`{ url: process.env.URL, retryDelay: \`pow(2, \${n})\`, delay: d }`),
    trigger(`{ ...base, retryDelay: "pow(2, retried) * 1000" }`),
    trigger(`{ url: "https://e.com", flowControl: { key: userId, rate: 10 } }`),
    trigger(`{ url: "https://e.com", flowControl: { key: "k", rate: limit } }`),
    trigger(`options`),
    trigger(`[...items]`),
    // A dynamic `retries`: the expression is checked at the first retry only (negative from retried = 2 on).
    trigger(`{ url: "https://e.com", retries: n, retryDelay: "1000 - 600 * retried" }`),
    // SDK options the table does not know, and no url where urlGroup stands in.
    publish(`{ urlGroup: "group", body: "x" }`),
    publish(`{ api: { name: "llm" }, body: "x" }`),
    // The same expression over Upstash's 3 retries never goes negative.
    cases.domain.replace("retries: 10", "retries: 3"),
    // Only errors, on request: the negative delay is a warning.
    { code: cases.domain, options: [{ report: "errors" }] },
    // A note (info) is not reported by default.
    trigger(`{ url: "https://e.com", retryDelay: "" }`),
  ],
  invalid: [
    {
      code: cases.retryDelay,
      errors: [
        {
          ...withText(cases.retryDelay, "retryd", "unknown variable `retryd` — did you mean `retried`? (unknown-variable)"),
          suggestions: [
            {
              messageId: "repair",
              data: { text: "replace `retryd` with `retried`" },
              output: cases.retryDelay.replace("retryd", "retried"),
            },
          ],
        },
      ],
    },
    {
      code: cases.domain,
      errors: [
        {
          ...error(cases.domain, "1000 - 200 * retried"),
          suggestions: [
            {
              messageId: "repair",
              data: { text: "clamp it at 0: `max(0, 1000 - 200 * retried)`" },
              output: cases.domain.replace("1000 - 200 * retried", "max(0, 1000 - 200 * retried)"),
            },
          ],
        },
      ],
    },
    {
      code: cases.delay,
      errors: [
        {
          ...withText(cases.delay, "x", "unknown unit `x` — did you mean `s`? (unknown-unit)", "10"),
          suggestions: [{ messageId: "repair", output: cases.delay.replace("10x", "10s") }],
        },
      ],
    },
    {
      code: cases.delay,
      options: [{ plan: "free" }],
      errors: [{ ...error(cases.delay, "x", "10"), suggestions: [{ messageId: "repair", output: cases.delay.replace("10x", "10s") }] }],
    },
    {
      code: trigger(`{ url: "https://e.com", delay: "8d" }`),
      options: [{ plan: "free" }],
      errors: [error(trigger(`{ url: "https://e.com", delay: "8d" }`), `8d`)],
    },
    { code: cases.negativeDelay, errors: [error(cases.negativeDelay, "-5")] },
    { code: cases.notBefore, errors: [error(cases.notBefore, "soon")] },
    {
      code: cases.flow,
      errors: [
        withText(
          cases.flow,
          " ",
          "the flow-control key holds U+0020; only letters, digits, `-`, `_` and `.` are allowed — e.g. `bad-key` (invalid-key)",
          "bad",
        ),
        error(cases.flow, "0", "rate: "),
        error(cases.flow, "1x"),
      ],
    },
    {
      code: cases.keyless,
      errors: [
        withText(
          cases.keyless,
          "{ rate: 1 }",
          "`flowControl` has no `key`; @upstash/workflow would send the key `undefined` — add `key`: calls that share a key share the limits (keyless-flow-control)",
        ),
      ],
    },
    { code: cases.noLimit, errors: [error(cases.noLimit, `{ key: "k" }`)] },
    { code: cases.urls, errors: [error(cases.urls, "example.com"), error(cases.urls, "-1"), error(cases.urls, "nope")] },
    {
      code: cases.labels,
      errors: [
        error(cases.labels, " ", `"b`),
        error(cases.labels, "yes"),
        {
          ...error(cases.labels, "headers"),
          suggestions: [
            { messageId: "repair", data: { text: "write `header`" }, output: cases.labels.replace("headers: true", "header: true") },
          ],
        },
        error(cases.labels, "wfr_"),
      ],
    },
    {
      code: cases.missingUrl,
      errors: [
        withText(
          cases.missingUrl,
          "{ retries: 3 }",
          "`url` is required: where the request goes — e.g. `https://example.com/api/workflow` (missing-url)",
        ),
      ],
    },
    { code: cases.emptyBatch, errors: [error(cases.emptyBatch, "[]")] },
    { code: cases.batch, errors: [error(cases.batch, "nope")] },
    {
      code: cases.typo,
      errors: [
        {
          ...withText(cases.typo, "retrys", "unknown option `retrys`; it is ignored — did you mean `retries`? (unknown-option)"),
          suggestions: [{ messageId: "repair", output: cases.typo.replace("retrys", "retries") }],
        },
      ],
    },
    {
      code: cases.publish,
      errors: [
        error(cases.publish, "get"),
        error(cases.publish, "nope"),
        error(cases.publish, "yes"),
        { ...error(cases.publish, "x", "10"), suggestions: [{ messageId: "repair", output: cases.publish.replace("10x", "10s") }] },
      ],
    },
    {
      code: cases.rawHeaders,
      errors: [
        {
          ...error(cases.rawHeaders, "retryd"),
          suggestions: [{ messageId: "repair", output: cases.rawHeaders.replace("retryd", "retried") }],
        },
        error(cases.rawHeaders, "0", "rate="),
      ],
    },
    { code: cases.queue, errors: [error(cases.queue, " ", "bad")] },
    {
      code: cases.queueVariable,
      errors: [
        {
          ...error(cases.queueVariable, "x", `"1`),
          suggestions: [{ messageId: "repair", output: cases.queueVariable.replace("1x", "1s") }],
        },
      ],
    },
    {
      code: cases.batchJSON,
      errors: [
        { ...error(cases.batchJSON, "x", "10"), suggestions: [{ messageId: "repair", output: cases.batchJSON.replace("10x", "10s") }] },
      ],
    },
    {
      code: cases.schedule,
      errors: [error(cases.schedule, "0 3 * * * *"), error(cases.schedule, `{ destination: "https://e.com" }`, "\n")],
    },
    {
      code: cases.serve,
      errors: [
        error(cases.serve, "(", 'retryDelay: "'),
        { ...error(cases.serve, "x", `"5`), suggestions: [{ messageId: "repair", output: cases.serve.replace("5x", "5s") }] },
        error(cases.serve, "-1"),
        { ...error(cases.serve, "retryd"), suggestions: [{ messageId: "repair", output: cases.serve.replace(`"retryd"`, `"retried"`) }] },
        error(cases.serve, "nope"),
      ],
    },
    {
      code: cases.annotated,
      errors: [
        { ...error(cases.annotated, "x", `"1`), suggestions: [{ messageId: "repair", output: cases.annotated.replace("1x", "1s") }] },
        error(cases.annotated, `"x"`),
      ].map((e, i) => (i === 1 ? { ...e, column: e.column + 1, endColumn: e.endColumn - 1 } : e)),
    },
    // One report for a constant used by two calls, at the constant.
    {
      code: cases.constant,
      errors: [
        { ...error(cases.constant, "retryd"), suggestions: [{ messageId: "repair", output: cases.constant.replace("retryd", "retried") }] },
      ],
    },
    {
      code: cases.required,
      errors: [{ ...error(cases.required, "x", `"1`), suggestions: [{ messageId: "repair", output: cases.required.replace("1x", "1s") }] }],
    },
    // serve by require (renamed) and through a namespace import.
    { code: cases.requiredServe, errors: [error(cases.requiredServe, "-1")] },
    {
      code: cases.namespaceServe,
      errors: [
        {
          ...error(cases.namespaceServe, "x", `"5`),
          suggestions: [{ messageId: "repair", output: cases.namespaceServe.replace("5x", "5s") }],
        },
        error(cases.namespaceServe, "(", 'retryDelay: "'),
      ],
    },
    {
      code: cases.namespace,
      errors: [
        { ...error(cases.namespace, "x", `"1`), suggestions: [{ messageId: "repair", output: cases.namespace.replace("1x", "1s") }] },
      ],
    },
    { code: cases.annotatedParameter, errors: [error(cases.annotatedParameter, "*", "1000 ")] },
    // Notes, on request.
    {
      code: trigger(`{ url: "https://e.com", retryDelay: "" }`),
      options: [{ report: "all" }],
      errors: [{ messageId: "diagnostic", line: 3, column: 53, endLine: 3, endColumn: 53 }],
    },
  ],
});

tester.run("valid-options (positions through escapes)", rule, {
  valid: [],
  invalid: [
    // `\t` is two characters in the source and one in the value: `retryd` starts at column 61, not 60.
    {
      code: escapes.tab,
      errors: [
        {
          messageId: "diagnostic",
          line: 3,
          column: 61,
          endLine: 3,
          endColumn: 67,
          suggestions: [{ messageId: "repair", output: escapes.tab.replace("retryd", "retried") }],
        },
      ],
    },
    {
      code: escapes.unicode,
      errors: [
        {
          ...error(escapes.unicode, "\\x72etryd"),
          suggestions: [{ messageId: "repair", output: escapes.unicode.replace("\\x72etryd", "retried") }],
        },
      ],
    },
    // One escape, two UTF-16 units: the report covers the whole escape.
    { code: escapes.astral, errors: [{ messageId: "diagnostic", line: 3, column: 53, endLine: 3, endColumn: 62 }] },
    {
      code: escapes.continuation,
      errors: [
        {
          messageId: "diagnostic",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 15,
          suggestions: [{ messageId: "repair", output: escapes.continuation.replace("retryd", "retried") }],
        },
      ],
    },
    // A line break cannot travel in a header: the report starts at the break on line 3 and ends at the start of line 4.
    { code: escapes.multiLineTemplate, errors: [{ messageId: "diagnostic", line: 3, column: 62, endLine: 4, endColumn: 1 }] },
    {
      code: escapes.multiLineTemplate.replace("\n", "\r\n"),
      errors: [{ messageId: "diagnostic", line: 3, column: 62, endLine: 4, endColumn: 1 }],
    },
    {
      code: escapes.template,
      errors: [
        {
          ...error(escapes.template, "retryd"),
          suggestions: [{ messageId: "repair", output: escapes.template.replace("retryd", "retried") }],
        },
        {
          ...error(escapes.template, "x", "0031"),
          suggestions: [{ messageId: "repair", output: escapes.template.replace("\\u0031x", "\\u0031s") }],
        },
      ],
    },
    // The apostrophe is `\\'` in the source: the report covers both characters.
    { code: escapes.singleQuoted, errors: [error(escapes.singleQuoted, "\\'", "it")] },
  ],
});
