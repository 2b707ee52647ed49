import { buildTriggerRequest } from "../../request/api.js";
import type { TriggerOptions } from "../../trigger/build.js";
import { requestCommand } from "./request.js";

export const triggerCommand = requestCommand({
  name: "trigger",
  summary: "validate workflow trigger options and print the REST request or a curl command",
  describe: [
    "Checks every option of a workflow trigger (@upstash/workflow's client.trigger) with the",
    "languages of this library and prints the request for POST /v2/trigger/{url}: its headers,",
    "or a ready curl command.",
  ].join(" "),
  examples: [
    {
      args: [
        "trigger",
        "--url",
        "https://example.com/api/workflow",
        "--retries",
        "5",
        "--retry-delay",
        "pow(2, retried) * 1000",
        "--delay",
        "10s",
      ],
      says: "The headers of a trigger with five retries, an exponential backoff and a 10s delay",
    },
    {
      args: [
        "trigger",
        "--url",
        "https://example.com/api/workflow",
        "--flow-control-key",
        "user-42",
        "--flow-control",
        "rate=10, period=1m",
        "--body",
        "@order.json",
        "--curl",
      ],
      says: "A ready curl command under flow control, with the body read from order.json",
    },
    {
      args: ["trigger", "--url", "https://example.com/api/workflow", "--delay", "1000"],
      says: "A bare number is seconds, as the SDK sends it (1000 is 16m40s)",
    },
  ],
  endpointOf: () => "trigger",
  flagsOf: "trigger",
  build: (_endpoint, options, build) => buildTriggerRequest(options as unknown as TriggerOptions, build),
});
