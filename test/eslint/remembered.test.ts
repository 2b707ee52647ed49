// The plugin keeps each call's diagnostics for the rest of the lint run,
// keyed by the options' value: values that print alike but that the builders
// tell apart (a number and its string, `undefined` and a missing key, `-0`)
// must not share an entry. Linted in one process, in this order, so that a
// key that confused them would hand the first verdict to the second.
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/index.js";
import { WORKFLOW } from "./tester.js";

const linter = new Linter();
const config = [plugin.configs.recommended];
const codes = (options: string): string[] =>
  linter.verify(`${WORKFLOW}client.trigger(${options});`, config, { filename: "a.js" }).map((m) => m.message.replace(/^.*\((.*)\)$/, "$1"));

describe("the plugin's memo of checked calls", () => {
  it("tells a number from the same digits in a string", () => {
    expect(codes(`{ url: "https://e.com", retries: 3, delay: 10 }`)).toEqual([]);
    expect(codes(`{ url: "https://e.com", retries: "3", delay: "10" }`)).toEqual(["invalid-retries", "missing-unit"]);
    expect(codes(`{ url: "https://e.com", retries: 3, delay: 10 }`)).toEqual([]);
  });

  it("tells `undefined` from a missing option, and -0 from 0", () => {
    expect(codes(`{ url: "https://e.com" }`)).toEqual([]);
    expect(codes(`{ url: "https://e.com", retrys: undefined }`)).toEqual(["unknown-option"]);
    expect(codes(`{ url: "https://e.com", notBefore: 0 }`)).toEqual(codes(`{ url: "https://e.com", notBefore: 0 }`));
    const zero = linter.verify(`${WORKFLOW}client.trigger({ url: "https://e.com", notBefore: 0 });`, config, { filename: "a.js" });
    const negative = linter.verify(`${WORKFLOW}client.trigger({ url: "https://e.com", notBefore: -0 });`, config, { filename: "a.js" });
    expect(zero.map((m) => (m.endColumn ?? 0) - m.column)).toEqual([1]);
    expect(negative.map((m) => (m.endColumn ?? 0) - m.column)).toEqual([2]);
  });

  it("tells a key from the same text in a nested object", () => {
    expect(codes(`{ url: "https://e.com", label: "a" }`)).toEqual([]);
    expect(codes(`{ url: "https://e.com", label: ["a", "b c"] }`)).toEqual(["invalid-label"]);
    expect(codes(`{ url: "https://e.com", headers: { label: "a" } }`)).toEqual([]);
  });
});
