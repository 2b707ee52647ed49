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
  ].join("\n"),
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
  ].join("\n"),
  endpointOf: () => "schedule",
  flagsOf: "schedule",
  build: (_endpoint, options, build) => buildScheduleRequest(options as unknown as ScheduleCreateOptions, build),
});
