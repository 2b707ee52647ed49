import { describe, expect, it } from "vitest";
import { interpret, RetryDelayError } from "../../src/index.js";
import { blamePackage, guardTreeWalk, guardWalk } from "../../src/expression/guard.js";
import { malformedTree } from "../../src/expression/tree-shape.js";

const span = { start: 0, end: 1 };
const valid = { kind: "binary", operator: "*", left: { kind: "retried", span }, right: { kind: "number", value: 1000, span }, span };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof RetryDelayError) return error.diagnostics[0]?.code;
    throw error;
  }
  return undefined;
}

describe("guardTreeWalk: whose fault is a failure", () => {
  it("blames a failure on a well-formed tree on the package (internal-error), not the caller", () => {
    const thrown = (() => {
      try {
        guardTreeWalk(() => {
          throw new TypeError("Cannot read properties of undefined");
        }, valid);
      } catch (error) {
        return error as RetryDelayError;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(RetryDelayError);
    expect(thrown?.diagnostics[0]).toMatchObject({
      code: "internal-error",
      message: expect.stringMatching(/failed on a valid expression tree: .*Cannot read properties/) as unknown,
      hint: expect.stringMatching(/bug in retry-delay/) as unknown,
    });
  });

  it("blames a malformed hand-built tree on the caller (invalid-input), saying what is wrong", () => {
    const bad = { kind: "binary", operator: "%", left: valid, right: valid, span };
    expect(
      codeOf(() =>
        guardTreeWalk(() => {
          throw new TypeError("x");
        }, bad),
      ),
    ).toBe("invalid-input");
    expect(codeOf(() => interpret({ kind: "binary", operator: "*", left: null, right: valid, span } as never, 1))).toBe("invalid-input");
  });

  it("turns stack exhaustion into too-deeply-nested and passes RetryDelayError through", () => {
    const overflow = (): number => overflow() + 1;
    expect(codeOf(() => guardTreeWalk(overflow, valid))).toBe("too-deeply-nested");
    const own = new RetryDelayError("", [{ code: "invalid-argument", severity: "error", message: "m", span }]);
    expect(() =>
      guardTreeWalk(() => {
        throw own;
      }, valid),
    ).toThrow(own);
  });
});

describe("guardWalk: the blame is the caller's choice", () => {
  const failing = (): never => {
    throw new TypeError("Cannot read properties of null");
  };

  it("blames a failure on the package when the tree is the package's own (blamePackage), without looking at any tree", () => {
    let thrown: unknown;
    try {
      guardWalk(failing, blamePackage);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RetryDelayError);
    expect((thrown as RetryDelayError).diagnostics).toEqual([
      {
        code: "internal-error",
        severity: "error",
        message: "retry-delay failed on a valid expression tree: reading it threw: Cannot read properties of null",
        span: { start: 0, end: 0 },
        hint: "this is a bug in retry-delay; please report it with the expression",
      },
    ]);
  });

  it("gives a walker that passes no tree the caller's invalid-input, and still turns stack exhaustion into too-deeply-nested", () => {
    expect(codeOf(() => guardTreeWalk(failing))).toBe("invalid-input");
    const overflow = (): number => overflow() + 1;
    expect(codeOf(() => guardWalk(overflow, blamePackage))).toBe("too-deeply-nested");
  });
});

describe("malformedTree", () => {
  it.each([
    [valid, undefined],
    [null, "a node is not an object"],
    [{ kind: "number", value: "1", span }, "a number node's `value` is not a number"],
    [{ kind: "retried" }, "a node has no `span` of two numbers"],
    [{ kind: "ternary", span }, "a node's `kind` is not number, retried, unary, binary or call"],
    [{ kind: "unary", operator: "!", operand: valid, span }, "a unary node's `operator` is not `+` or `-`"],
  ])("%j → %s", (tree, problem) => {
    expect(malformedTree(tree)).toBe(problem);
  });

  it("finds a cycle instead of walking forever, and a throwing getter instead of throwing", () => {
    const cyclic: Record<string, unknown> = { kind: "unary", operator: "-", span };
    cyclic.operand = cyclic;
    expect(malformedTree(cyclic)).toBe("the tree contains a cycle");
    const trap = {
      kind: "number",
      span,
      get value(): number {
        throw new Error("boom");
      },
    };
    expect(malformedTree(trap)).toMatch(/^the tree could not be read: .*boom/);
  });
});
