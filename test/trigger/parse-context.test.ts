import { describe, expect, it } from "vitest";
import { parseRequestHeaders, parseTriggerHeaders } from "../../src/index.js";

describe("the parse context", () => {
  it("takes one of the five endpoints, and says which when it is not", () => {
    const message = "context.endpoint must be one of trigger, publish, enqueue, batch, schedule";
    for (const endpoint of ["x", "Publish", "", 5, undefined])
      expect(() => parseRequestHeaders({}, { endpoint } as never)).toThrow(message);
    for (const endpoint of ["trigger", "publish", "enqueue", "batch", "schedule"] as const)
      expect(parseRequestHeaders({}, { endpoint }).ok).toBe(true);
  });

  it("names the context when it is not an object", () => {
    expect(() => parseRequestHeaders({}, 5 as never)).toThrow("the context must be an object, not a number");
    expect(() => parseTriggerHeaders({}, 5 as never)).toThrow("the context must be an object, not a number");
    expect(() => parseTriggerHeaders({}, { url: 5 } as never)).toThrow("context.url must be a string, not a number");
    expect(() => parseTriggerHeaders({}, { query: 5 } as never)).toThrow("context.query must be a string, not a number");
  });

  it('gives back the destination under the endpoint\'s own name, "" when not given', () => {
    expect(parseTriggerHeaders({}).options.url).toBe("");
    expect(parseTriggerHeaders({}, { url: "https://example.com/wf" }).options.url).toBe("https://example.com/wf");
    expect(parseRequestHeaders({}, { endpoint: "schedule" }).options).toEqual({ destination: "" });
    expect(parseRequestHeaders({}, { endpoint: "publish", url: "https://example.com/x" }).options).toEqual({
      url: "https://example.com/x",
    });
  });
});
