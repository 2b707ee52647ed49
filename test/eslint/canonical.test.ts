import { RuleTester } from "@typescript-eslint/rule-tester";
import { canonical } from "../../src/eslint/rules/canonical.js";
import { asTested, QSTASH, WORKFLOW } from "./tester.js";

const tester = new RuleTester();
const trigger = (options: string): string => `${WORKFLOW}client.trigger(${options});`;
const publish = (options: string): string => `${QSTASH}qstash.publish(${options});`;

tester.run("canonical", asTested(canonical), {
  valid: [
    trigger(`{ url: "https://e.com", retryDelay: "1000 * (1 + retried)" }`),
    publish(`{ url: "https://e.com", headers: { "Upstash-Flow-Control-Value": "parallelism=5, rate=10" } }`),
    // Invalid values are valid-options' business: no canonical form is offered.
    trigger(`{ url: "https://e.com", retryDelay: "1000*(1+retryd)" }`),
    publish(`{ url: "https://e.com", headers: { "Upstash-Flow-Control-Value": "rate=0,parallelism=5" } }`),
    // Not an SDK call.
    `foo.trigger({ retryDelay: "1000*(1+retried)" });`,
    // Dynamic.
    trigger(`{ url: "https://e.com", retryDelay: \`1000*(1+\${r})\` }`),
  ],
  invalid: [
    {
      code: trigger(`{ url: "https://e.com", retryDelay: "1000*(1+retried)" }`),
      output: trigger(`{ url: "https://e.com", retryDelay: "1000 * (1 + retried)" }`),
      errors: [{ messageId: "canonical", data: { canonical: "1000 * (1 + retried)" }, line: 3, column: 52, endLine: 3, endColumn: 70 }],
    },
    {
      code: trigger('[{ url: "https://e.com", retryDelay: `((pow(2,retried)))*1e3` }]'),
      output: trigger('[{ url: "https://e.com", retryDelay: `pow(2, retried) * 1000` }]'),
      errors: [{ messageId: "canonical" }],
    },
    {
      code: publish(`{ url: "https://e.com", headers: { "upstash-flow-control-value": "rate=10,parallelism=5,period=60" } }`),
      output: publish(`{ url: "https://e.com", headers: { "upstash-flow-control-value": "parallelism=5, rate=10, period=1m" } }`),
      errors: [{ messageId: "canonical" }],
    },
    {
      code: publish(`{ url: "https://e.com", headers: { "Upstash-Retry-Delay": 'max(1000,pow(2,retried))' } }`),
      output: publish(`{ url: "https://e.com", headers: { "Upstash-Retry-Delay": 'max(1000, pow(2, retried))' } }`),
      errors: [{ messageId: "canonical" }],
    },
    {
      // The escape is rewritten with the rest; the value stays the same.
      code: trigger(`{ url: "https://e.com", retryDelay: "1000\\u002a2" }`),
      output: trigger(`{ url: "https://e.com", retryDelay: "1000 * 2" }`),
      errors: [{ messageId: "canonical" }],
    },
  ],
});
