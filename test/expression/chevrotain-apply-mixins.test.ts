import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { applyMixins } from "../../scripts/chevrotain-apply-mixins.mjs";

/*
 * The builds bundle scripts/chevrotain-apply-mixins.mjs in place of
 * chevrotain's applyMixins (`fastMixins` in scripts/esbuild-plugins.mjs).
 * chevrotain must still build its parser with that function from that
 * module, and ours must give a class exactly what chevrotain's gives it.
 */
const chevrotainLib = dirname(createRequire(import.meta.url).resolve("chevrotain"));
const parserModule = join(chevrotainLib, "parse/parser/parser.js");
const mixinsModule = join(chevrotainLib, "parse/parser/utils/apply_mixins.js");
const stock = (await import(pathToFileURL(mixinsModule).href)) as { applyMixins: typeof applyMixins };

type Apply = typeof applyMixins;

/** Trait classes as chevrotain's are: methods, accessors, a name two of them define (the later wins), fields set in init methods. */
function traits() {
  class Engine {
    initEngine(): void {}
    consume(): string {
      return "engine";
    }
    get input(): string {
      return "in";
    }
    set input(_value: string) {}
  }
  class Recorder {
    consume(): string {
      return "recorder";
    }
    static create(): void {}
    record(): void {}
  }
  class Tracer {
    get traced(): boolean {
      return true;
    }
  }
  return [Engine, Recorder, Tracer];
}

/** Everything a class's prototype holds after the mixins, and how an instance of a subclass sees it. */
function build(apply: Apply) {
  const bases = traits();
  class Parser {
    own(): void {}
  }
  apply(Parser, bases);
  class Subclass extends Parser {}
  const instance = new Subclass() as unknown as Record<string, unknown>;
  const proto = Parser.prototype as unknown as Record<string, unknown>;
  const describe = (name: string) => {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (d === undefined) return undefined;
    const origin = (f: unknown) => (typeof f === "function" ? String(f) : f);
    return { ...d, value: origin(d.value), get: origin(Reflect.get(d, "get")), set: origin(Reflect.get(d, "set")) };
  };
  return {
    names: Object.getOwnPropertyNames(proto),
    descriptors: Object.getOwnPropertyNames(proto).map(describe),
    seen: { consume: (instance.consume as () => string)(), input: instance.input, traced: instance.traced },
  };
}

describe("the applyMixins the builds bundle in chevrotain's place", () => {
  it("replaces a function chevrotain still builds its Parser class with", () => {
    expect(typeof stock.applyMixins).toBe("function");
    const parser = readFileSync(parserModule, "utf8");
    expect(parser).toContain('import { applyMixins } from "./utils/apply_mixins.js";');
    expect(parser).toMatch(/applyMixins\(Parser, \[/);
  });

  it("gives a class the same properties, in the same order, with the same descriptors, as chevrotain's", () => {
    expect(build(applyMixins)).toEqual(build(stock.applyMixins));
    expect(build(applyMixins).seen).toEqual({ consume: "recorder", input: "in", traced: true });
  });
});
