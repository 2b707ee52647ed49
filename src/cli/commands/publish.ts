import { buildEnqueueRequest, buildPublishRequest, buildScheduleRequest } from "../../request/api.js";
import type { EnqueueOptions, PublishOptions, ScheduleCreateOptions } from "../../request/options.js";
import { requestCommand } from "./request.js";
import { stringFlag } from "./shared.js";

export const publishCommand = requestCommand({
  name: "publish",
  summary: "validate QStash publish (or, with --queue-name, enqueue) options and print the request",
  describe: [
    "Checks every option of a QStash message (@upstash/qstash's publish / publishJSON, or",
    "queue(...).enqueue with --queue-name) and prints the request for POST /v2/publish/{url}",
    "or POST /v2/enqueue/{queue}/{url}: its headers, or a ready curl command.",
  ].join(" "),
  examples: [
    {
      args: ["publish", "--url", "https://example.com/hook", "--timeout", "30s", "--redact", "body", "--curl"],
      says: "A publish with a timeout, its body hidden in logs, as curl",
    },
    {
      args: ["publish", "--url", "https://example.com/hook", "--queue-name", "emails", "--body", "-"],
      says: "Enqueue it, with the body read from stdin",
    },
  ],
  endpointOf: (context) => (stringFlag(context, "queue-name") === undefined ? "publish" : "enqueue"),
  flagsOf: "enqueue",
  build: (endpoint, options, build) =>
    endpoint === "enqueue"
      ? buildEnqueueRequest(options as unknown as EnqueueOptions, build)
      : buildPublishRequest(options as unknown as PublishOptions, build),
});

export const scheduleCommand = requestCommand({
  name: "schedule",
  summary: "validate QStash schedule options (schedules.create) and print the request",
  describe: [
    "Checks every option of a QStash schedule (@upstash/qstash's schedules.create) and prints",
    "the request for POST /v2/schedules/{destination}: its headers, or a ready curl command.",
  ].join(" "),
  examples: [
    {
      args: ["schedule", "--url", "https://example.com/nightly", "--cron", "0 3 * * *", "--retry-delay", "1000 * (1 + retried)"],
      says: "A nightly schedule with a linear backoff",
    },
  ],
  endpointOf: () => "schedule",
  flagsOf: "schedule",
  build: (_endpoint, options, build) => buildScheduleRequest(options as unknown as ScheduleCreateOptions, build),
});
