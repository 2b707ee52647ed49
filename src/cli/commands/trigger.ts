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
  ].join("\n"),
  endpointOf: () => "trigger",
  flagsOf: "trigger",
  build: (_endpoint, options, build) => buildTriggerRequest(options as unknown as TriggerOptions, build),
});
