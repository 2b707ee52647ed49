import { describe, expect, it } from "vitest";
import { buildEnqueueRequest, buildPublishRequest, buildTriggerRequest, type RequestBuildResult } from "../../src/index.js";

/*
 * The text-valued options (src/request/values/text.ts): what each refuses,
 * warns about or leaves out, with the words a user reads.
 */

const url = "https://example.com/wf";
const NOW = 1_900_000_000_000;
const publish = (options: object): RequestBuildResult => buildPublishRequest({ url, ...options }, { now: NOW });
const trigger = (options: object): RequestBuildResult => buildTriggerRequest({ url, ...options }, { now: NOW });
const only = (result: RequestBuildResult) => {
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0];
};

describe("url options", () => {
  it("suggests https:// for a bare host, and says what a URL starts with otherwise", () => {
    expect(only(buildPublishRequest({ url: "example.com/x" }))).toEqual({
      code: "invalid-url",
      severity: "error",
      message: "`url` must be an absolute http:// or https:// URL",
      span: { start: 0, end: 13 },
      path: "url",
      input: "example.com/x",
      hint: "write `https://example.com/x`",
    });
    expect(only(buildPublishRequest({ url: "example.com" }))?.hint).toBe("write `https://example.com`");
    for (const bad of ["ftp://example.com", "example", "http:/example.com", "localhost:8080"])
      expect(only(buildPublishRequest({ url: bad }))?.hint).toBe("it must start with `http://` or `https://`");
    expect(only(buildPublishRequest({ url: 5 } as never))).toMatchObject({
      input: "5",
      hint: "it must start with `http://` or `https://`",
    });
  });

  it("takes the scheme in any case, and refuses one not at the start", () => {
    expect(buildPublishRequest({ url: "HTTPS://example.com" }).ok).toBe(true);
    expect(buildPublishRequest({ url: "x https://example.com" }).ok).toBe(false);
  });

  it("refuses a URL without a host, or with a space or control character", () => {
    for (const bad of ["https://", "https://exa mple.com", "https://example.com/\u007f", "https://example.com/a\tb"]) {
      expect(only(buildPublishRequest({ url: bad }))).toMatchObject({
        code: "invalid-url",
        message: "`url` is not a valid URL",
        path: "url",
        input: bad,
      });
    }
  });

  it('failureUrl "" on a trigger means no failure callback, and says so; on publish it is a bad URL', () => {
    expect(trigger({ failureUrl: "" }).diagnostics).toEqual([
      {
        code: "empty-value-omitted",
        severity: "info",
        message: "an empty `failureUrl` sends no failure callback at all",
        span: { start: 0, end: 0 },
        path: "failureUrl",
        input: "",
        hint: "leave `failureUrl` out for Upstash's default: the workflow's own failure function",
      },
    ]);
    expect(only(publish({ failureCallback: "" }))).toMatchObject({ code: "invalid-url", severity: "error", path: "failureCallback" });
  });
});

describe("workflowRunId", () => {
  it("must be visible ASCII, non-empty", () => {
    for (const bad of ["", "a b", "é", 5]) {
      expect(only(trigger({ workflowRunId: bad }))).toMatchObject({
        code: "invalid-run-id",
        severity: "error",
        message: "`workflowRunId` must be a non-empty string of visible ASCII characters",
        path: "workflowRunId",
      });
    }
    expect(trigger({ workflowRunId: "!~" }).request?.headers["Upstash-Workflow-RunId"]).toBe("wfr_!~");
  });

  it("warns about a wfr_ prefix the SDK doubles, pointing at it", () => {
    const result = trigger({ workflowRunId: "wfr_abc" });
    expect(result.request?.headers["Upstash-Workflow-RunId"]).toBe("wfr_wfr_abc");
    expect(result.diagnostics).toEqual([
      {
        code: "doubled-run-id-prefix",
        severity: "warning",
        message: "the run id becomes `wfr_wfr_abc`: the `wfr_` prefix is added for you",
        span: { start: 0, end: 4 },
        path: "workflowRunId",
        input: "wfr_abc",
        hint: "pass `abc`",
      },
    ]);
    expect(trigger({ workflowRunId: "xwfr_" }).diagnostics).toEqual([]);
  });
});

describe("method", () => {
  it("is one of the five upper-case methods; a lower-case one gets the spelling", () => {
    expect(only(publish({ method: "put" }))).toEqual({
      code: "invalid-method",
      severity: "error",
      message: "`method` must be one of GET, POST, PUT, PATCH, DELETE, not put",
      span: { start: 0, end: 3 },
      path: "method",
      input: "put",
      hint: "write `PUT`",
    });
    expect(only(publish({ method: "FETCH" }))).toEqual({
      code: "invalid-method",
      severity: "error",
      message: "`method` must be one of GET, POST, PUT, PATCH, DELETE, not FETCH",
      span: { start: 0, end: 5 },
      path: "method",
      input: "FETCH",
    });
    expect(only(publish({ method: 3 }))).not.toHaveProperty("hint");
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"])
      expect(publish({ method }).request?.headers["Upstash-Method"]).toBe(method);
  });
});

describe("deduplicationId and contentBasedDeduplication", () => {
  it("deduplicationId is a non-empty string, trimmed as Headers trims it", () => {
    expect(only(publish({ deduplicationId: "" }))).toMatchObject({
      code: "invalid-option-type",
      severity: "error",
      message: "`deduplicationId` must be a non-empty string, not ",
      path: "deduplicationId",
    });
    expect(only(publish({ deduplicationId: 7 }))).toMatchObject({
      code: "invalid-option-type",
      message: "`deduplicationId` must be a non-empty string, not 7",
    });
    const trimmed = publish({ deduplicationId: " a\t" });
    expect(trimmed.request?.headers["Upstash-Deduplication-Id"]).toBe("a");
    expect(trimmed.diagnostics).toEqual([
      {
        code: "header-value-trimmed",
        severity: "warning",
        message: "`deduplicationId` has leading or trailing whitespace, which HTTP strips",
        span: { start: 0, end: 3 },
        path: "deduplicationId",
        input: " a\t",
        hint: "it is sent as `a`",
      },
    ]);
  });

  it("contentBasedDeduplication is a boolean; only true is sent", () => {
    expect(only(publish({ contentBasedDeduplication: "yes" }))).toEqual({
      code: "invalid-option-type",
      severity: "error",
      message: "`contentBasedDeduplication` must be true or false, not yes",
      span: { start: 0, end: 3 },
      path: "contentBasedDeduplication",
      input: "yes",
    });
    expect(publish({ contentBasedDeduplication: true }).request?.headers["Upstash-Content-Based-Deduplication"]).toBe("true");
    const off = publish({ contentBasedDeduplication: false });
    expect(off.diagnostics).toEqual([]);
    expect(off.request?.headers).not.toHaveProperty("Upstash-Content-Based-Deduplication");
  });
});

describe("retryDelay", () => {
  it("must be a string", () => {
    expect(only(trigger({ retryDelay: 5 }))).toEqual({
      code: "invalid-option-type",
      severity: "error",
      message: "`retryDelay` must be an expression string such as `pow(2, retried) * 1000`, not 5",
      span: { start: 0, end: 1 },
      path: "retryDelay",
      input: "5",
    });
  });

  it("empty: a trigger leaves it out and says so; qstash-js would send it empty, so publish refuses it", () => {
    const omitted = trigger({ retryDelay: "" });
    expect(omitted.request?.headers).not.toHaveProperty("Upstash-Retry-Delay");
    expect(omitted.diagnostics).toEqual([
      {
        code: "empty-value-omitted",
        severity: "info",
        message: "an empty `retryDelay` is not sent, so the default backoff applies",
        span: { start: 0, end: 0 },
        path: "retryDelay",
        input: "",
        hint: "leave the option out to say the same",
      },
    ]);
    expect(only(publish({ retryDelay: "" }))).toMatchObject({ code: "empty-expression", severity: "error", path: "retryDelay" });
  });

  it("is trimmed, with a warning naming what is sent", () => {
    const result = trigger({ retryDelay: " 1000 " });
    expect(result.request?.headers["Upstash-Retry-Delay"]).toBe("1000");
    expect(result.diagnostics).toEqual([
      {
        code: "header-value-trimmed",
        severity: "warning",
        message: "`retryDelay` has leading or trailing whitespace, which HTTP strips",
        span: { start: 0, end: 6 },
        path: "retryDelay",
        input: " 1000 ",
        hint: "it is sent as `1000`",
      },
    ]);
  });

  it("is checked over the retries given, or the default 3 when retries is not a count", () => {
    // 1000 - 400 * retried is negative from retried = 3, reached with 4 retries.
    expect(trigger({ retries: 3, retryDelay: "1000 - 400 * retried" }).ok).toBe(true);
    expect(trigger({ retries: 4, retryDelay: "1000 - 400 * retried" }).diagnostics.map((d) => d.path)).toEqual(["retryDelay"]);
    expect(trigger({ retries: "x", retryDelay: "1000 - 400 * retried" }).diagnostics.map((d) => d.path)).toEqual(["retries"]);
    expect(trigger({ retries: 4.5, retryDelay: "1000 - 400 * retried" }).diagnostics.map((d) => d.path)).toEqual(["retries"]);
  });
});

describe("resource names", () => {
  it("a queue name is checked with the SDKs' rule, its problems coded invalid-name", () => {
    expect(only(buildEnqueueRequest({ url, queueName: "a b" }))).toMatchObject({
      code: "invalid-name",
      severity: "error",
      path: "queueName",
      input: "a b",
      span: { start: 1, end: 2 },
    });
    expect(only(buildEnqueueRequest({ url, queueName: 5 } as never))).toMatchObject({
      code: "invalid-name",
      severity: "error",
      path: "queueName",
      input: "5",
    });
    expect(buildEnqueueRequest({ url, queueName: "q-1" }).ok).toBe(true);
  });
});
