import { describe, expect, it } from "vitest";
import {
  describeFlowControl,
  FLOW_CONTROL_LIMITS,
  formatFlowControlValue,
  parseFlowControlKey,
  parseFlowControlValue,
  RetryDelayError,
  toFlowControlOptions,
  tryFormatFlowControlValue,
} from "../../src/index.js";
import { listNames } from "../../src/flow-control/fields.js";
import { checkResourceName } from "../../src/flow-control/key.js";

/*
 * Survivors of the whole flow-control mutation run (docs/mutation-testing.md):
 * each test reads the exact words, spans and shapes a mutant changed.
 */

const diagnosticsOf = (text: string) => parseFlowControlValue(text).diagnostics;
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
};
const missingKey = {
  code: "missing-key",
  severity: "warning",
  message: "flow control has no `key`, so no flow-control headers are sent",
  span: { start: 0, end: 0 },
  hint: "add `key`: calls that share a key share the limits",
};

describe("item problems say what is wrong in words", () => {
  it("an empty item", () => {
    expect(diagnosticsOf("rate=1,,period=1m")).toStrictEqual([
      {
        code: "empty-item",
        severity: "error",
        message: "empty item between commas",
        span: { start: 7, end: 7 },
        hint: "remove the extra comma",
        fix: { span: { start: 6, end: 7 }, text: "", message: "remove the extra comma" },
      },
    ]);
  });

  it("spaces around =", () => {
    expect(diagnosticsOf("rate = 1")).toStrictEqual([
      {
        code: "spaces-around-equals",
        severity: "warning",
        message: "spaces around `=`",
        span: { start: 0, end: 8 },
        hint: "write `rate=1`",
        fix: { span: { start: 0, end: 8 }, text: "rate=1", message: "write `rate=1`" },
      },
    ]);
  });

  it("an unknown key, with and without a likely name", () => {
    expect(diagnosticsOf("foo=1")).toStrictEqual([
      {
        code: "unknown-key",
        severity: "error",
        message: "unknown key `foo`",
        span: { start: 0, end: 3 },
        hint: "the keys are `parallelism`, `rate` and `period`",
      },
    ]);
    expect(diagnosticsOf("paralelism=1")).toStrictEqual([
      {
        code: "unknown-key",
        severity: "error",
        message: "unknown key `paralelism`",
        span: { start: 0, end: 10 },
        hint: "did you mean `parallelism`?",
        suggestions: [{ span: { start: 0, end: 10 }, text: "parallelism", message: "replace `paralelism` with `parallelism`" }],
      },
    ]);
  });

  it("a repeated key", () => {
    expect(diagnosticsOf("rate=1,rate=2")).toStrictEqual([
      {
        code: "repeated-key",
        severity: "error",
        message: "`rate` is given more than once",
        span: { start: 7, end: 11 },
        hint: "keep one",
        related: [{ span: { start: 0, end: 4 }, message: "first given here" }],
        suggestions: [
          { span: { start: 6, end: 13 }, text: "", message: "remove `rate=2`, keep `rate=1`" },
          { span: { start: 0, end: 7 }, text: "", message: "remove `rate=1`, keep `rate=2`" },
        ],
      },
    ]);
  });

  it("a control character is named by its upper-case code point", () => {
    expect(diagnosticsOf("rate=1\x1b")[0]?.message).toBe("the value holds U+001B, a control character");
  });
});

describe("field values", () => {
  it("a decimal count gets a whole-number hint only when it is digits.digits", () => {
    const hint = (text: string) => diagnosticsOf(`rate=${text}`)[0]?.hint;
    expect(hint("12.5")).toBe("write a whole number, e.g. `rate=12`");
    expect(hint("1.55")).toBe("write a whole number, e.g. `rate=1`");
    expect(hint("1.5x")).toBe("`rate` is the number of calls started per period, a whole number");
    expect(hint("x1.5")).toBe("`rate` is the number of calls started per period, a whole number");
  });

  it("a bad period carries the duration parser's first error and hint", () => {
    expect(diagnosticsOf("rate=1,period=1x")).toStrictEqual([
      {
        code: "invalid-period",
        severity: "error",
        message: "`period` must be a duration such as `1m` or a number of seconds: unknown unit `x`",
        span: { start: 14, end: 16 },
        hint: "did you mean `s`?",
      },
    ]);
    // The duration's warning (units out of order) comes first; the message is the first error's.
    expect(diagnosticsOf("rate=1,period=1s1m1x")[0]?.message).toBe(
      "`period` must be a duration such as `1m` or a number of seconds: unknown unit `x`",
    );
    // A duration error without a hint of its own gets the field's example.
    expect(diagnosticsOf("rate=1,period=1m1s-")[0]?.hint).toBe("write e.g. `period=1m`");
    expect(diagnosticsOf("rate=1,period=-")).toStrictEqual([
      {
        code: "invalid-period",
        severity: "error",
        message: "`period` must be a duration such as `1m` or a number of seconds: a duration here cannot be negative",
        span: { start: 14, end: 15 },
        hint: "remove the `-`",
      },
    ]);
  });
});

describe("period without rate", () => {
  it("offers to rename parallelism to rate only when parallelism has a valid value", () => {
    const suggestions = (text: string) =>
      diagnosticsOf(text)
        .find((d) => d.code === "period-without-rate")
        ?.suggestions?.map((f) => f.message);
    expect(suggestions("parallelism=2,period=1m")).toEqual([
      "remove `period=1m`: without `rate` it changes nothing",
      "write `rate=2`: at most 2 calls started per 1m, instead of 2 calls in flight at once",
    ]);
    expect(suggestions("parallelism=x,period=1m")).toEqual(["remove `period=1m`: without `rate` it changes nothing"]);
  });
});

describe("numeric options", () => {
  it("a numeric period of 0 is refused as too short, not as a fraction", () => {
    expect(tryFormatFlowControlValue({ rate: 1, period: 0 })).toStrictEqual({
      ok: false,
      diagnostics: [
        missingKey,
        {
          code: "invalid-period",
          severity: "error",
          message: "`period` must be at least 1s, not 0s",
          span: { start: 15, end: 17 },
          hint: "remove `period` for the 1s default",
        },
      ],
    });
  });

  it("a negative or fractional numeric period is whole seconds", () => {
    for (const [period, end] of [
      [-1, 18],
      [1.5, 19],
    ] as const) {
      expect(tryFormatFlowControlValue({ rate: 1, period }).diagnostics).toStrictEqual([
        missingKey,
        {
          code: "invalid-period",
          severity: "error",
          message: `a numeric \`period\` is whole seconds, not ${period}`,
          span: { start: 15, end },
        },
      ]);
    }
  });

  it("a negative count is a count problem, not a period one", () => {
    const [, problem] = tryFormatFlowControlValue({ rate: -1 }).diagnostics;
    expect(problem).toMatchObject({ code: "invalid-count", severity: "error" });
  });

  it("an array is not an object of options", () => {
    expect(tryFormatFlowControlValue([] as never)).toStrictEqual({
      ok: false,
      diagnostics: [
        {
          code: "invalid-input",
          severity: "error",
          message: "flow control must be an object such as `{ key, parallelism, rate, period }`",
          span: { start: 0, end: 0 },
        },
      ],
    });
  });

  it("formatFlowControlValue on a non-object throws with an empty source", () => {
    const error = thrown(() => formatFlowControlValue(5 as never));
    expect(error).toBeInstanceOf(RetryDelayError);
    expect((error as RetryDelayError).source).toBe("");
    expect((error as RetryDelayError).message).toBe("flow control must be an object such as `{ key, parallelism, rate, period }`");
  });
});

describe("keys", () => {
  const messageOf = (key: string) => parseFlowControlKey(key).diagnostics[0];
  it("DEL is a code point, `~` is shown as itself, é in upper-case hex", () => {
    expect(messageOf("a\x7fb")?.message).toBe("the flow-control key holds U+007F; only letters, digits, `-`, `_` and `.` are allowed");
    expect(messageOf("a~b")?.message).toBe("the flow-control key holds `~`; only letters, digits, `-`, `_` and `.` are allowed");
    expect(messageOf("é")?.message).toBe("the flow-control key holds U+00E9; only letters, digits, `-`, `_` and `.` are allowed");
  });

  it("a run of bad characters becomes one dash in the hint", () => {
    expect(messageOf("a~~b")).toStrictEqual({
      code: "invalid-key",
      severity: "error",
      message: "the flow-control key holds `~`; only letters, digits, `-`, `_` and `.` are allowed",
      span: { start: 1, end: 2 },
      hint: "e.g. `a-b`",
    });
  });

  it("a key that is too long has no hint field at all, not an undefined one", () => {
    const max = FLOW_CONTROL_LIMITS.maxKeyLength;
    expect(messageOf("k".repeat(max + 2))).toStrictEqual({
      code: "invalid-key",
      severity: "error",
      message: `the flow-control key is ${max + 2} characters long; the limit is ${max}`,
      span: { start: max, end: max + 2 },
    });
  });

  it("checkResourceName names its bad argument", () => {
    expect(() => checkResourceName("a", 5 as never)).toThrow(/^what the name is for \(`what`\) must be a string/);
  });
});

describe("describeFlowControl and toFlowControlOptions name the bad argument", () => {
  it.each([
    [5, "the flow-control value must be an object, not a number"],
    [{ rate: "x", periodMs: 1000, periodGiven: false }, "value.rate must be a number, not a string"],
    [{ parallelism: "x", periodMs: 1000, periodGiven: false }, "value.parallelism must be a number, not a string"],
    [{ rate: 1, periodMs: "x", periodGiven: false }, "value.periodMs must be a number, not a string"],
    [{ rate: 1, periodMs: 1000, periodGiven: 3 }, "value.periodGiven must be true or false, not a number"],
  ])("describeFlowControl(%j)", (value, message) => {
    expect(() => describeFlowControl(value as never)).toThrow(message);
  });

  it("toFlowControlOptions on a non-object", () => {
    expect(() => toFlowControlOptions(5 as never)).toThrow("the flow-control value must be an object, not a number");
  });

  it("toFlowControlOptions writes only the fields that hold numbers, and a period only when given as a number", () => {
    expect(toFlowControlOptions({ rate: 1, periodMs: 60_000, periodGiven: false })).toStrictEqual({ rate: 1 });
    expect(toFlowControlOptions({ rate: "1", parallelism: undefined, periodMs: 60_000, periodGiven: true } as never)).toStrictEqual({
      period: "1m",
    });
    expect(toFlowControlOptions({ rate: 1, periodMs: "x", periodGiven: true } as never)).toStrictEqual({ rate: 1 });
  });
});

describe("listNames", () => {
  it("one name is just that name; none is empty", () => {
    expect(listNames(["a"])).toBe("`a`");
    expect(listNames([])).toBe("");
    expect(listNames(["a", "b"], "or")).toBe("`a` or `b`");
  });
});
