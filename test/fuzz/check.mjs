// The fuzzing oracle, shared by test/fuzz/run.mjs and the CI slice: calls the
// function(s) of one language on one generated input and says whether the
// outcome is acceptable. Types: check.d.mts.
//
// Acceptable: a value or diagnostics in the documented shape, within the time
// bound; a `RetryDelayError` with `invalid-argument` only where the function
// documents it (malformed build options; the closure given a symbol). Anything
// else is a failure with a signature: failures with one signature are taken
// for one bug.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { INHERITED_MARKER, materialize, materializeHeaders, scanDescriptor } from "./generators.mjs";

const SEVERITIES = new Set(["error", "warning", "info"]);

/** Numbers, quoted text and long runs folded, so one bug has one signature. */
function normalize(message) {
  return String(message)
    .replace(/[\w$]+\.(?=[\w$]+ is not a function)/g, "….") // minified names in dist differ from src
    .replace(/`[^`]*`/g, "`…`")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d+(\.\d+)?/g, "N")
    .slice(0, 120);
}

/** A header name with its free part folded: `Upstash-Forward-x` → `Upstash-Forward-*`. */
function headerKind(name) {
  const m = /^(upstash-(?:failure-callback-)?forward-)/i.exec(name);
  if (m) return `${m[1]}*`;
  return /^upstash-/i.test(name) ? name : "(other header)";
}

class Failure extends Error {
  constructor(fn, kind, detail, signatureDetail = detail) {
    super(`${fn}: ${detail}`);
    this.fn = fn;
    this.kind = kind;
    this.signature = `${fn}: ${kind}: ${signatureDetail}`;
  }
}

/**
 * The checker for one build of the library (`dist/index.js` or `src/index.ts`).
 *
 * @param {any} lib the library's exports
 * @param {{ timeBoundMs?: number }} [settings]
 */
export function makeChecker(lib, settings = {}) {
  const bound = settings.timeBoundMs ?? 50;

  /** Calls `call(make())`, timing the call; over the bound, tries twice more and keeps the fastest. */
  function timed(fn, make, call, factor = 1, allowInvalidArgument = false) {
    const limit = bound * Math.max(1, factor);
    let best = Infinity;
    let outcome;
    for (let attempt = 0; attempt < 3; attempt++) {
      const args = make();
      const start = performance.now();
      try {
        outcome = { value: call(args) };
      } catch (error) {
        outcome = { error };
      }
      best = Math.min(best, performance.now() - start);
      if (best <= limit || best > 10 * limit || "error" in outcome) break; // far over: no noise could explain it
    }
    if ("error" in outcome) {
      const error = outcome.error;
      const isInvalidArgument = error instanceof lib.RetryDelayError && error.diagnostics?.[0]?.code === "invalid-argument";
      if (isInvalidArgument && allowInvalidArgument) return { threw: error };
      const name =
        error instanceof lib.RetryDelayError
          ? `RetryDelayError(${error.diagnostics?.[0]?.code})`
          : (error?.constructor?.name ?? typeof error);
      const message = error instanceof Error ? error.message : String(error);
      const failure = new Failure(fn, "throws", `${name}: ${message}`, `${name}: ${normalize(message)}`);
      failure.stack = error instanceof Error ? String(error.stack).split("\n").slice(0, 8).join("\n") : undefined;
      throw failure;
    }
    if (best > limit) throw new Failure(fn, "over-time-bound", `took ${best.toFixed(1)} ms (bound ${limit} ms)`, "over time bound");
    return { value: outcome.value };
  }

  function checkDiagnostics(fn, diagnostics, source) {
    if (!Array.isArray(diagnostics)) throw new Failure(fn, "bad-shape", "diagnostics is not an array");
    for (const d of diagnostics) {
      if (d === null || typeof d !== "object") throw new Failure(fn, "bad-shape", "a diagnostic is not an object");
      if (typeof d.code !== "string" || d.code === "") throw new Failure(fn, "bad-shape", "a diagnostic has no code");
      if (!SEVERITIES.has(d.severity)) throw new Failure(fn, "bad-shape", `diagnostic ${d.code} has severity ${String(d.severity)}`);
      if (typeof d.message !== "string") throw new Failure(fn, "bad-shape", `diagnostic ${d.code} has no message`);
      if (d.hint !== undefined && typeof d.hint !== "string")
        throw new Failure(fn, "bad-shape", `diagnostic ${d.code} has a hint that is no string`);
      const s = d.span;
      const text = typeof d.input === "string" ? d.input : source;
      if (
        s === null ||
        typeof s !== "object" ||
        !Number.isInteger(s.start) ||
        !Number.isInteger(s.end) ||
        s.start < 0 ||
        s.end < s.start ||
        (typeof text === "string" && s.end > text.length)
      ) {
        throw new Failure(
          fn,
          "bad-shape",
          `diagnostic ${d.code} has span ${JSON.stringify(s)} outside its input of ${typeof text === "string" ? text.length : "?"} characters`,
          `diagnostic ${d.code} span outside its input`,
        );
      }
    }
    return diagnostics.some((d) => d.severity === "error");
  }

  /** `{ ok, value?, diagnostics }`, ok exactly when no diagnostic is an error. */
  function checkResult(fn, result, source) {
    if (result === null || typeof result !== "object" || typeof result.ok !== "boolean")
      throw new Failure(fn, "bad-shape", "the result is not { ok, diagnostics }");
    const errors = checkDiagnostics(fn, result.diagnostics, source);
    if (result.ok === errors) throw new Failure(fn, "bad-shape", `ok is ${result.ok} with${errors ? "" : "out"} error diagnostics`);
    if (result.ok && !("value" in result)) throw new Failure(fn, "bad-shape", "ok without a value");
  }

  function checkHeaders(fn, headers, where = "") {
    if (headers === null || typeof headers !== "object") throw new Failure(fn, "bad-shape", "headers is not an object");
    const entries = Object.entries(headers);
    // Fast path: every name and value through node:http, and all of them at once through one `Headers`;
    // only when that refuses, one `Headers` per header to name the culprit.
    let perHeader = false;
    for (const [name, value] of entries)
      if (typeof value !== "string") throw new Failure(fn, "bad-shape", `header ${headerKind(name)} is not a string`);
    try {
      for (const [name, value] of entries) {
        http.validateHeaderName(name);
        http.validateHeaderValue(name, value);
      }
      new Headers(entries);
    } catch {
      perHeader = true;
    }
    if (!perHeader) return;
    for (const [name, value] of entries) {
      const kind = `${where}${headerKind(name)}`;
      try {
        http.validateHeaderName(name);
      } catch (error) {
        throw new Failure(
          fn,
          "unsafe-header",
          `http.validateHeaderName rejects ${JSON.stringify(name)}: ${error.code}`,
          `name of ${kind} rejected by http`,
        );
      }
      try {
        http.validateHeaderValue(name, value);
      } catch (error) {
        throw new Failure(
          fn,
          "unsafe-header",
          `http.validateHeaderValue rejects ${kind}: ${JSON.stringify(value).slice(0, 200)}: ${error.code}`,
          `value of ${kind} rejected by http`,
        );
      }
      try {
        new Headers([[name, value]]);
      } catch (error) {
        throw new Failure(
          fn,
          "unsafe-header",
          `new Headers rejects ${kind}: ${JSON.stringify(value).slice(0, 200)}: ${error.message}`,
          `${kind} rejected by Headers`,
        );
      }
    }
  }

  function checkTriggerBuild(fn, result) {
    if (result === null || typeof result !== "object" || typeof result.ok !== "boolean")
      throw new Failure(fn, "bad-shape", "the result is not { ok, request, diagnostics }");
    const errors = checkDiagnostics(fn, result.diagnostics, undefined);
    for (const d of result.diagnostics)
      if (typeof d.path !== "string" || typeof d.input !== "string")
        throw new Failure(fn, "bad-shape", `diagnostic ${d.code} has no path or input`);
    if (result.ok === errors) throw new Failure(fn, "bad-shape", `ok is ${result.ok} with${errors ? "" : "out"} error diagnostics`);
    if (result.ok !== (result.request !== undefined)) throw new Failure(fn, "bad-shape", "ok disagrees with request");
    if (!result.ok) return;
    const request = result.request;
    if (request.method !== "POST" || typeof request.url !== "string")
      throw new Failure(fn, "bad-shape", "the request has no method or url");
    if (/[\0\r\n]/.test(request.url))
      throw new Failure(fn, "unsafe-url", "the request URL holds CR, LF or NUL", "request URL holds CR, LF or NUL");
    if (request.body !== undefined && typeof request.body !== "string") throw new Failure(fn, "bad-shape", "the body is not a string");
    checkHeaders(fn, request.headers);
    try {
      lib.toCurl(request);
    } catch (error) {
      throw new Failure("toCurl", "throws", `${error?.name}: ${error?.message}`, `${error?.name}: ${normalize(error?.message)}`);
    }
  }

  const inheritedRead = (fn, result, scan) => {
    if (!scan.inherit) return; // no prototype in the input carries the marker
    let text;
    try {
      text = JSON.stringify(result);
    } catch {
      return;
    }
    if (text.includes(INHERITED_MARKER))
      throw new Failure(fn, "reads-inherited", "a value inherited from the options' prototype was read as an option");
  };

  const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).join(",");
  const cleanProto = protoKeys();
  const checkPollution = (fn) => {
    const now = protoKeys();
    if (now !== cleanProto) {
      for (const key of Object.getOwnPropertyNames(Object.prototype))
        if (!cleanProto.split(",").includes(key)) delete Object.prototype[key];
      throw new Failure(fn, "pollutes-prototype", `Object.prototype gained keys: ${now}`);
    }
  };

  const LANGUAGE_CHECKS = {
    expression(input) {
      const { value: result } = timed(
        "tryCompile",
        () => input.source,
        (source) => lib.tryCompile(source, { retries: input.retries }),
      );
      checkResult("tryCompile", result, input.source);
      if (!result.ok) return;
      const delay = result.value;
      if (typeof delay !== "function" || delay.source !== input.source)
        throw new Failure("tryCompile", "bad-shape", "the value is not a compiled delay of the source");
      const points = [0, 1, 2, Math.max(0, input.retries - 1), 1_000_000, 2.5, -1, Number.NaN, "2", 2 ** 53];
      for (const retried of points) {
        const { value } = timed(
          "closure",
          () => retried,
          (r) => delay(r),
        );
        if (typeof value !== "number") throw new Failure("closure", "bad-shape", `delay(${String(retried)}) returned ${typeof value}`);
      }
    },
    "duration-strict": (input) => duration(input),
    "duration-go": (input) => duration(input),
    "flow-control"(input) {
      const { value: result } = timed(
        "parseFlowControlValue",
        () => input.text,
        (text) => lib.parseFlowControlValue(text),
      );
      checkResult("parseFlowControlValue", result, input.text);
    },
    "retry-after"(input) {
      const { value: result } = timed(
        "parseRetryAfter",
        () => input.text,
        (text) => lib.parseRetryAfter(text, { now: input.now }),
      );
      checkResult("parseRetryAfter", result, input.text);
      if (
        result.ok &&
        !(Number.isFinite(result.value.ms) && result.value.ms >= 0 && (result.value.kind === "delay" || result.value.kind === "ignore"))
      ) {
        throw new Failure("parseRetryAfter", "bad-value", `value ${JSON.stringify(result.value)}`, "ms not a finite non-negative number");
      }
    },
    "trigger-headers"(input) {
      const fn = "parseTriggerHeaders";
      const factor = input.form === "many" ? input.many / 1000 : 1;
      const { value: result } = timed(
        fn,
        () => ({ headers: materializeHeaders(input), context: materialize(input.context) }),
        ({ headers, context }) => lib.parseTriggerHeaders(headers, context),
        factor,
      );
      checkPollution(fn);
      if (
        result === null ||
        typeof result !== "object" ||
        typeof result.ok !== "boolean" ||
        result.options === null ||
        typeof result.options !== "object"
      )
        throw new Failure(fn, "bad-shape", "the result is not { ok, options, diagnostics }");
      const errors = checkDiagnostics(fn, result.diagnostics, undefined);
      if (result.ok === errors) throw new Failure(fn, "bad-shape", `ok is ${result.ok} with${errors ? "" : "out"} error diagnostics`);
      if (!result.ok) return;
      // What parses without an error is what the builder would send back: it must be a valid header value.
      const o = result.options;
      const fields = [
        ["workflowRunId", o.workflowRunId],
        ["retryDelay", o.retryDelay],
        ["delay", o.delay],
        ["failureUrl", o.failureUrl],
        ["flowControl.key", o.flowControl?.key],
        ["flowControl.period", o.flowControl?.period],
      ];
      for (const label of [o.label].flat()) fields.push(["label", label]);
      for (const [name, value] of Object.entries(o.headers ?? {}))
        fields.push(
          [`headers[${headerKind(`upstash-forward-${name}`) === "upstash-forward-*" ? "…" : name}]`, value],
          ["header name", name],
        );
      for (const [field, value] of fields) {
        if (typeof value !== "string") continue;
        try {
          if (field === "header name") http.validateHeaderName(value);
          else http.validateHeaderValue("x", value);
        } catch {
          throw new Failure(
            fn,
            "accepts-unsafe-value",
            `ok with options.${field} = ${JSON.stringify(value).slice(0, 200)}, which no HTTP header can carry`,
            `accepts options.${field} that no header can carry`,
          );
        }
      }
    },
    options(input) {
      const buildDesc = input.build;
      const malformed = buildDesc !== null && typeof buildDesc === "object" && buildDesc.$malformed === true;
      const makeBuild = () => {
        if (!malformed) return materialize(buildDesc);
        const { $malformed, ...rest } = buildDesc;
        return materialize(rest);
      };
      const scan = scanDescriptor(input);
      const headerCount = scan.many === 0 ? 1 : scan.many / 1000;
      const single = timed(
        "buildTriggerRequest",
        () => ({ options: materialize(input.options), build: makeBuild() }),
        ({ options, build }) => lib.buildTriggerRequest(options, build),
        headerCount,
        malformed,
      );
      checkPollution("buildTriggerRequest");
      if ("value" in single) {
        checkTriggerBuild("buildTriggerRequest", single.value);
        inheritedRead("buildTriggerRequest", single.value, scan);
      }
      if (input.batch === "none") return;
      const makeItems = () => (input.batch === "same" ? [materialize(input.options)] : materialize(input.batch));
      const items = Array.isArray(input.batch) ? input.batch.length : 1;
      const batch = timed(
        "buildBatchTriggerRequest",
        () => ({ items: makeItems(), build: makeBuild() }),
        ({ items, build }) => lib.buildBatchTriggerRequest(items, build),
        Math.max(items, headerCount),
        malformed,
      );
      checkPollution("buildBatchTriggerRequest");
      if ("value" in batch) {
        const result = batch.value;
        checkTriggerBuild("buildBatchTriggerRequest", result);
        inheritedRead("buildBatchTriggerRequest", result, scan);
        if (result.ok) {
          let messages;
          try {
            messages = JSON.parse(result.request.body);
          } catch {
            throw new Failure("buildBatchTriggerRequest", "bad-shape", "the batch body is not JSON");
          }
          for (const message of messages) checkHeaders("buildBatchTriggerRequest", message.headers, "batch item ");
        }
      }
    },
  };

  function duration(input) {
    const { value: result } = timed(
      "parseDuration",
      () => input.text,
      (text) => lib.parseDuration(text, input.options),
    );
    checkResult("parseDuration", result, input.text);
    if (result.ok && !(Number.isFinite(result.value.ms) && typeof result.value.canonical === "string")) {
      throw new Failure("parseDuration", "bad-value", `value ${JSON.stringify(result.value)}`, "ms not finite");
    }
  }

  return {
    /**
     * The failure this input causes, or undefined when every outcome is acceptable.
     * @returns {undefined | { fn: string, kind: string, signature: string, message: string, stack?: string }}
     */
    check(language, input) {
      const run = LANGUAGE_CHECKS[language];
      if (run === undefined) throw new Error(`unknown language ${language}`);
      try {
        run(input);
        return undefined;
      } catch (error) {
        if (error instanceof Failure)
          return {
            fn: error.fn,
            kind: error.kind,
            signature: `${language}: ${error.signature}`,
            message: error.message,
            ...(error.stack && error.kind === "throws" ? { stack: error.stack } : {}),
          };
        // A bug of the harness itself, or a throw from materializing: report it, never hide it.
        return {
          fn: "harness",
          kind: "harness-error",
          signature: `${language}: harness: ${normalize(error?.message)}`,
          message: String(error?.stack ?? error),
        };
      }
    },
  };
}

/** The corpus file name of an input: `<language>-<hash>.json`. */
export function corpusFileName(language, input) {
  return `${language}-${createHash("sha256")
    .update(`${language}\n${JSON.stringify(input)}`)
    .digest("hex")
    .slice(0, 12)}.json`;
}

/** Every reproducer in a corpus folder, with its file name. */
export function loadCorpus(dir) {
  let names = [];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort();
  } catch {
    return [];
  }
  return names.map((file) => ({ file, ...JSON.parse(readFileSync(join(dir, file), "utf8")) }));
}
