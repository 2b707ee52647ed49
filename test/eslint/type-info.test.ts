import { RuleTester } from "@typescript-eslint/rule-tester";
import { fileURLToPath } from "node:url";
import { validOptions } from "../../src/eslint/rules/valid-options.js";
import { asTested, at } from "./tester.js";

/*
 * With typescript-eslint's type information the rule also finds clients the
 * source does not construct in view: returned by a function, held in a class
 * field, a queue of unknown name. Without it, the same code is not checked.
 */
const fixture = fileURLToPath(new URL("./fixture", import.meta.url));
const filename = "file.ts";
const typed = new RuleTester({ languageOptions: { parserOptions: { project: "./tsconfig.json", tsconfigRootDir: fixture } } });
const untyped = new RuleTester();
const rule = asTested(validOptions);

const returned = `import { Client } from "@upstash/workflow";\ndeclare function getClient(): Client;\nvoid getClient().trigger({ url: "https://e.com", retryDelay: "pow(2, retryd)" });`;
const field = `import { Client as QStash } from "@upstash/qstash";\nexport class Jobs {\n  constructor(private readonly qstash: QStash) {}\n  send() {\n    return this.qstash.publish({ url: "https://e.com", timeout: "10x" as "10s" });\n  }\n}`;
const queue = `import { Client as QStash } from "@upstash/qstash";\ndeclare const queue: ReturnType<QStash["queue"]>;\nvoid queue.enqueueJSON({ url: "nope", body: {} });`;
const unrelated = `declare const other: { trigger(options: object): void };\nother.trigger({ url: "x", retryDelay: "(" });`;

typed.run("valid-options with type information", rule, {
  valid: [{ code: unrelated, filename }],
  invalid: [
    {
      code: returned,
      filename,
      errors: [
        {
          messageId: "diagnostic",
          ...at(returned, "retryd"),
          suggestions: [{ messageId: "repair", output: returned.replace("retryd", "retried") }],
        },
      ],
    },
    {
      code: field,
      filename,
      errors: [
        {
          messageId: "diagnostic",
          ...at(field, "x", "10"),
          suggestions: [{ messageId: "repair", output: field.replace(`"10x"`, `"10s"`) }],
        },
      ],
    },
    { code: queue, filename, errors: [{ messageId: "diagnostic", ...at(queue, "nope") }] },
  ],
});

untyped.run("valid-options without type information", rule, {
  valid: [returned, field, queue, unrelated],
  invalid: [],
});
