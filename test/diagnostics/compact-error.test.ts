import { describe, expect, it } from "vitest";
import { CompactRetryDelayError } from "../../src/diagnostics/compact-error.js";
import { formatDuration, parseDuration, RetryDelayError, type Diagnostic } from "../../src/index.js";
import { RetryDelayError as RuntimeRetryDelayError } from "../../src/runtime.js";

/** What `run` threw. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

const argumentError = (message: string, extra: Partial<Diagnostic> = {}): CompactRetryDelayError =>
  new CompactRetryDelayError("", [{ code: "invalid-argument", severity: "error", message, span: { start: 0, end: 0 }, ...extra }]);

describe("the argument checks' compact RetryDelayError", () => {
  it("is what a malformed option throws, and is a RetryDelayError by instanceof and by name", () => {
    const error = thrown(() => parseDuration("1s", { mode: "fast" as never }));
    expect(error).toBeInstanceOf(CompactRetryDelayError);
    expect(error).toBeInstanceOf(RetryDelayError);
    expect(error).toBeInstanceOf(RuntimeRetryDelayError);
    expect(error).toBeInstanceOf(Error);
    const { name, message, source, diagnostics } = error as RetryDelayError;
    expect({ name, message, source }).toEqual({ name: "RetryDelayError", message: 'options.mode must be "strict" or "go"', source: "" });
    expect(diagnostics.map((d) => d.code)).toEqual(["invalid-argument"]);
    expect(String(error)).toBe('RetryDelayError: options.mode must be "strict" or "go"');
    expect((error as Error).constructor.name).toBe("RetryDelayError");
  });

  it("renders one line per diagnostic, with its hint, since there is no source to draw", () => {
    const error = thrown(() => formatDuration("90s" as never)) as RetryDelayError;
    expect(error.render()).toBe(`error[invalid-argument]: ${error.message}`);
    expect(error.render({ color: true, label: "x" })).toBe(error.render());
    expect(argumentError("a", { hint: "b" }).render()).toBe("error[invalid-argument]: a\n   = b");
  });

  it("keeps terminal escapes out of what it renders", () => {
    const error = argumentError("bad \u001b[2J value", { hint: "line\r\nbreak" });
    expect(error.render()).toBe("error[invalid-argument]: bad \uFFFD[2J value\n   = line\uFFFD\uFFFDbreak");
  });

  it("renders without throwing whatever its diagnostics were replaced with", () => {
    const error = argumentError("original");
    const hostile = [
      null,
      { code: 1 },
      new Proxy(
        {},
        {
          get() {
            throw new Error("trap");
          },
        },
      ),
    ];
    for (const diagnostics of [hostile, "not an array", undefined]) {
      Object.defineProperty(error, "diagnostics", { value: diagnostics });
      expect(error.render()).toBe("original");
    }
  });

  it("leaves instanceof the ordinary prototype test for subclasses of RetryDelayError", () => {
    class Mine extends RetryDelayError {}
    expect(new Mine("", [])).toBeInstanceOf(RetryDelayError);
    expect(argumentError("a")).not.toBeInstanceOf(Mine);
    expect(new RetryDelayError("", [])).not.toBeInstanceOf(Mine);
    expect(new Error("x")).not.toBeInstanceOf(RetryDelayError);
    expect(null).not.toBeInstanceOf(RetryDelayError);
  });

  it("leaves the caret drawing to RetryDelayError, which every other throw and every caller's `new` make", () => {
    const error = new RetryDelayError("1000 *", [{ code: "unexpected-end", severity: "error", message: "m", span: { start: 6, end: 6 } }]);
    expect(error.render()).toBe(["error[unexpected-end]: m", " 1 | 1000 *", "   |       ^"].join("\n"));
  });
});
