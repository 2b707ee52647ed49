import { describe, expect, it } from "vitest";
import { buildPublishRequest, buildTriggerRequest, shellQuote, toCurl, type HttpRequest } from "../../src/index.js";

const url = "https://example.com/wf";

/** A hand-made request: toCurl checks what a JavaScript caller or JSON hands it, any method included. */
function curlOf(request: { method: string; url: string; headers: Record<string, string>; body?: string }): string {
  return toCurl(request as unknown as HttpRequest);
}

describe("toCurl", () => {
  it("prints the method, the quoted URL, each header and the body, with the token read from the shell", () => {
    const { request } = buildTriggerRequest({ url, retries: 5, body: "it's" });
    expect(toCurl(request as HttpRequest)).toBe(
      [
        "curl -X POST 'https://qstash.upstash.io/v2/trigger/https://example.com/wf' \\",
        '  -H "Authorization: Bearer $QSTASH_TOKEN" \\',
        "  -H 'Upstash-Retries: 5' \\",
        "  --data-raw 'it'\\''s'",
      ].join("\n"),
    );
  });

  it("leaves --data-raw out when there is no body", () => {
    expect(curlOf({ method: "GET", url, headers: {} })).toBe(`curl -X GET '${url}'`);
  });

  it("prints a real token as it is: only the placeholder becomes $QSTASH_TOKEN", () => {
    const { request } = buildPublishRequest({ url }, { token: "secret" });
    expect(toCurl(request as HttpRequest)).toContain(`-H 'Authorization: Bearer secret'`);
    // Any spelling of the name; a placeholder under another name is just a value.
    expect(curlOf({ method: "POST", url, headers: { AUTHORIZATION: "Bearer <QSTASH_TOKEN>" } })).toContain(
      '-H "Authorization: Bearer $QSTASH_TOKEN"',
    );
    expect(curlOf({ method: "POST", url, headers: { "X-Token": "Bearer <QSTASH_TOKEN>" } })).toContain(
      `-H 'X-Token: Bearer <QSTASH_TOKEN>'`,
    );
  });

  it("names the argument that is wrong", () => {
    expect(() => toCurl(null as never)).toThrow("the request must be an object, not null");
    expect(() => toCurl({ method: 1, url, headers: {} } as never)).toThrow("request.method must be a string, not a number");
    expect(() => toCurl({ method: "POST", url, headers: null } as never)).toThrow("request.headers must be an object, not null");
    expect(() => toCurl({ method: "POST", url: 3, headers: {} } as never)).toThrow("request.url must be a string, not a number");
    expect(() => toCurl({ method: "POST", url, headers: { "X-A": 1 } } as never)).toThrow(
      'request.headers["X-A"] must be a string, not a number',
    );
    expect(() => toCurl({ method: "POST", url, headers: {}, body: 1 } as never)).toThrow("request.body must be a string, not a number");
  });

  it("takes only a plain HTTP token as the method, which it prints unquoted", () => {
    for (const method of ["POST; rm -rf /", " POST", "POST ", "PO ST", "", "GET\n"]) {
      expect(() => curlOf({ method, url, headers: {} })).toThrow(`request.method must be an HTTP method such as POST, not \`${method}\``);
    }
    expect(curlOf({ method: "patch", url, headers: {} })).toBe(`curl -X patch '${url}'`);
  });

  it("refuses a header name that is not a token, and a value a header cannot carry, naming (at most 80 characters of) it", () => {
    expect(() => curlOf({ method: "POST", url, headers: { "X A": "1" } })).toThrow(/^request\.headers\["X A"\] cannot be sent as a header/);
    expect(() => curlOf({ method: "POST", url, headers: { "X-A": "\u0100" } })).toThrow(/^request\.headers\["X-A"\] cannot be sent/);
    const long = `${"x".repeat(80)} tail`;
    expect(() => curlOf({ method: "POST", url, headers: { [long]: "1" } })).toThrow(
      `request.headers[${JSON.stringify("x".repeat(80))}] cannot be sent`,
    );
    expect(curlOf({ method: "POST", url, headers: { "X-A": "tab\there, Latin-1 é" } })).toContain("-H 'X-A: tab\there, Latin-1 é'");
  });
});

describe("shellQuote", () => {
  it("single-quotes a word and closes, escapes and reopens around each quote", () => {
    expect(shellQuote("plain")).toBe("'plain'");
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("it's 'x'")).toBe(`'it'\\''s '\\''x'\\'''`);
  });

  it("names its argument when it is not a string", () => {
    expect(() => shellQuote(1 as never)).toThrow("the text to quote must be a string, not a number");
  });
});
