// Grammar-aware fast-check generators for every language retry-delay reads,
// shared by `npm run fuzz` (test/fuzz/run.mjs) and the CI slice
// (test/fuzz/slice.test.ts). Types: generators.d.mts.
//
// Every generated input is plain JSON data (a "descriptor"), so a failing
// input can be stored in test/fuzz/corpus/ as it is and replayed later.
// Hostile host values (Proxies, getters that throw, undefined, NaN, objects
// with a `__proto__` own key, …) are described by tagged objects `{ $: … }`
// and built by `materialize` just before the call.
import fc from "fast-check";

/** The languages, in the order the fuzzer runs them. */
export const LANGUAGES = Object.freeze([
  "expression",
  "duration-strict",
  "duration-go",
  "flow-control",
  "retry-after",
  "trigger-headers",
  "options",
]);

// ---------------------------------------------------------------------------
// Characters that break header values and lexers.

/** Control characters and code points that no header value may carry, or that lexers mistake. */
export const HOSTILE_CHARS = Object.freeze([
  "\r",
  "\n",
  "\r\n",
  "\0",
  "\u2028",
  "\u2029",
  "\ud800",
  "\udfff",
  "\udc00x",
  "\u0100",
  "\u20ac",
  "\ud83d\ude00",
  "\u00a0",
  "\t",
  "\v",
  "\f",
  "\x7f",
  "\x1b",
  "\ufeff",
  "\u00e9",
  "\u00ff",
  "\u0085",
  "\u200b",
  "\u03bc",
  "\u00b5",
]);

// ---------------------------------------------------------------------------
// Token tables. Simplest tokens first: shrinking moves indices toward 0.

const NUMBERS = [
  "1",
  "0",
  "2",
  "10",
  "1000",
  "007",
  "2.5",
  "0.5",
  "1e3",
  "2.5E-1",
  "1e+2",
  "1e-7",
  "1e308",
  "1.7976931348623157e308",
  "1e309",
  "1e400",
  "4e-324",
  "9007199254740993",
  "9".repeat(40),
  "1".repeat(400),
  "0." + "0".repeat(30) + "1",
  ".5",
  "5.",
  "1_000",
  "0x10",
  "1e",
  "1e+",
  "0b1",
  "1.2.3",
  "NaN",
  "Infinity",
  "-0",
];
const BUILTIN_NAMES = ["pow", "exp", "sqrt", "abs", "floor", "ceil", "round", "min", "max"];
const NEAR_NAMES = [
  "Pow",
  "POW",
  "retries",
  "retry",
  "Retried",
  "retried_",
  "powr",
  "mx",
  "maxx",
  "pow2",
  "e",
  "PI",
  "Math.pow",
  "log",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "this",
  "x",
  "_",
  "$",
];
const EXPR_OPS = ["+", "-", "*", "/", "%", "^", "**", "++", "--", "&&", "||", "==", "!", "~", "<", ">", "<<", "?", ":", ";", "=", "."];
const EXPR_PUNCT = ["(", ")", ",", "[", "]", "{", "}", '"', "'", "`", "#", "\\", "@"];
const SPACES = [" ", "  ", "\t"];

/** The expression language's token soup: every token the lexer knows, near-misses, and hostile characters. */
export const EXPRESSION_TOKENS = Object.freeze([
  "1",
  "retried",
  "+",
  "(",
  ")",
  ",",
  " ",
  ...NUMBERS,
  ...BUILTIN_NAMES,
  ...EXPR_OPS,
  ...EXPR_PUNCT,
  ...NEAR_NAMES,
  ...SPACES,
  ...HOSTILE_CHARS,
]);

const DURATION_NUMBERS = [
  "1",
  "0",
  "10",
  "30",
  "90",
  "007",
  "1.5",
  "0.5",
  ".5",
  "5.",
  "1.",
  "9".repeat(20),
  "9".repeat(40),
  "0." + "0".repeat(20) + "1",
  "1." + "9".repeat(17),
  "1e3",
  "1_0",
  "2147483648",
  "9223372036854775807",
];
const DURATION_UNITS = [
  "s",
  "m",
  "h",
  "d",
  "ns",
  "us",
  "\u00b5s",
  "\u03bcs",
  "ms",
  "w",
  "y",
  "S",
  "M",
  "H",
  "D",
  "sec",
  "min",
  "hr",
  "hours",
  "mo",
  "\u00b5",
  "u",
];
/** The duration language's token soup. */
export const DURATION_TOKENS = Object.freeze([
  "1",
  "s",
  ...DURATION_NUMBERS,
  ...DURATION_UNITS,
  "+",
  "-",
  " ",
  ".",
  ",",
  "=",
  "_",
  ...HOSTILE_CHARS,
]);

const FLOW_KEYS = [
  "rate",
  "parallelism",
  "period",
  "Rate",
  "PERIOD",
  "parallel",
  "ratelimit",
  "rate ",
  " rate",
  "__proto__",
  "constructor",
  "toString",
  "key",
];
const FLOW_VALUES = [
  "1",
  "10",
  "0",
  "5",
  "01",
  "-1",
  "1.5",
  "1e3",
  "2147483647",
  "2147483648",
  "9".repeat(30),
  "1m",
  "1s",
  "7d",
  "8d",
  "1h30m",
  "500ms",
  "0s",
  "1",
  "",
];
/** The flow-control language's token soup. */
export const FLOW_CONTROL_TOKENS = Object.freeze([
  "rate",
  "=",
  "1",
  ",",
  ", ",
  " ",
  ...FLOW_KEYS,
  ...FLOW_VALUES,
  "==",
  ";",
  ":",
  "&",
  ...HOSTILE_CHARS,
]);

const DAYS = ["Wed", "Mon", "Tue", "Thu", "Fri", "Sat", "Sun", "wed", "Wednesday", "Xyz"];
const MONTH_NAMES = ["Oct", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Nov", "Dec", "oct", "October"];
/** The Retry-After language's token soup. */
export const RETRY_AFTER_TOKENS = Object.freeze([
  "30",
  " ",
  "0",
  "1",
  "1.5",
  "86400",
  "86401",
  "999999999",
  "1000000000",
  "1e3",
  "-1",
  "9".repeat(25),
  "2026",
  "26",
  "1969",
  "0000",
  "9999",
  "275760",
  ":",
  "00",
  "07",
  "28",
  "59",
  "60",
  "61",
  "23",
  "24",
  "29",
  "31",
  "32",
  ",",
  ", ",
  "GMT",
  "UTC",
  "gmt",
  ...DAYS,
  ...MONTH_NAMES,
  "m",
  "s",
  "h",
  "d",
  "ms",
  "1m30s",
  "24h",
  "25h",
  "1d",
  "\u00b5s",
  ...HOSTILE_CHARS,
]);

// ---------------------------------------------------------------------------
// Choice-sequence builders of valid inputs. An array of small naturals is
// consumed left to right; a shorter array or smaller numbers give a simpler
// input, so fast-check's shrinking of the array shrinks the input.

function chooser(choices) {
  let i = 0;
  return (n) => (i < choices.length ? choices[i++] % n : 0);
}

const VALID_NUMBERS = ["1", "2", "1000", "0", "10", "2.5", "1e3", "0.5", "100", "60000", "1.5e2"];
const ARITY = { pow: 2, exp: 1, sqrt: 1, abs: 1, floor: 1, ceil: 1, round: 1, min: 2, max: 2 };

/** Tokens of a valid expression built from `choices`. */
export function validExpressionTokens(choices) {
  const pick = chooser(choices);
  const out = [];
  const walk = (depth) => {
    const c = depth > 4 ? pick(2) : pick(10);
    if (c === 0) out.push(VALID_NUMBERS[pick(VALID_NUMBERS.length)]);
    else if (c === 1) out.push("retried");
    else if (c <= 4) {
      walk(depth + 1);
      out.push(["+", "-", "*", "/"][pick(4)]);
      walk(depth + 1);
    } else if (c === 5) {
      out.push(pick(2) === 0 ? "-" : "+");
      walk(depth + 1);
    } else if (c === 6) {
      out.push("(");
      walk(depth + 1);
      out.push(")");
    } else {
      const name = BUILTIN_NAMES[pick(BUILTIN_NAMES.length)];
      out.push(name, "(");
      walk(depth + 1);
      if (ARITY[name] === 2) {
        out.push(",");
        walk(depth + 1);
      }
      out.push(")");
    }
  };
  walk(0);
  return out;
}

/** Tokens of a valid duration: strict `<integer><unit>` parts, or Go's with decimals and a sign. */
export function validDurationTokens(choices, mode) {
  const pick = chooser(choices);
  const out = [];
  if (mode === "go" && pick(6) === 0) out.push(["+", "-"][pick(2)]);
  const parts = 1 + pick(4);
  const units = mode === "go" ? ["s", "m", "h", "d", "ms", "us", "\u00b5s", "ns"] : ["s", "m", "h", "d"];
  for (let p = 0; p < parts; p++) {
    const n = ["1", "10", "30", "0", "90", "2", "59", "1000"][pick(8)];
    out.push(mode === "go" && pick(4) === 0 ? `${n}.${["5", "25", "1", "999"][pick(4)]}` : n);
    out.push(units[pick(units.length)]);
  }
  return out;
}

/** Tokens of a valid flow-control value. */
export function validFlowControlTokens(choices) {
  const pick = chooser(choices);
  const out = [];
  const keys = [
    ["rate"],
    ["parallelism"],
    ["rate", "period"],
    ["parallelism", "rate"],
    ["parallelism", "rate", "period"],
    ["period", "rate"],
  ][pick(6)];
  keys.forEach((key, i) => {
    if (i > 0) out.push(pick(2) === 0 ? "," : ", ");
    const value = key === "period" ? ["1m", "1s", "10s", "1h", "7d", "60"][pick(6)] : ["1", "5", "10", "100", "2147483647"][pick(5)];
    out.push(key, "=", value);
  });
  return out;
}

/** Tokens of a valid Retry-After value: seconds, an IMF-fixdate, or a duration. */
export function validRetryAfterTokens(choices) {
  const pick = chooser(choices);
  const form = pick(3);
  if (form === 0) return [["30", "0", "1", "120", "86400", "1.5"][pick(6)]];
  if (form === 1) return [["1m30s", "10s", "2h", "500ms", "1.5s"][pick(5)]];
  const two = (n) => String(n).padStart(2, "0");
  return [
    DAYS[pick(7)],
    ",",
    " ",
    two(1 + pick(28)),
    " ",
    MONTH_NAMES[pick(12)],
    " ",
    String(2000 + pick(40)),
    " ",
    two(pick(24)),
    ":",
    two(pick(60)),
    ":",
    two(pick(60)),
    " ",
    "GMT",
  ];
}

// ---------------------------------------------------------------------------
// Mutations of token arrays.

/**
 * Applies mutations `[op, at, arg]` to a token array: 0 delete, 1 duplicate,
 * 2 swap, 3 insert a soup token, 4 insert a hostile character, 5 replace with a
 * soup token, 6 repeat a token many times.
 */
export function mutateTokens(tokens, mutations, soup) {
  const out = tokens.slice();
  for (const [op, at, arg] of mutations) {
    const i = out.length === 0 ? 0 : at % out.length;
    switch (op) {
      case 0:
        out.splice(i, 1);
        break;
      case 1:
        if (out.length > 0) out.splice(i, 0, out[i]);
        break;
      case 2: {
        if (out.length === 0) break;
        const j = out.length === 0 ? 0 : arg % out.length;
        const t = out[i];
        out[i] = out[j];
        out[j] = t;
        break;
      }
      case 3:
        out.splice(at % (out.length + 1), 0, soup[arg % soup.length]);
        break;
      case 4:
        out.splice(at % (out.length + 1), 0, HOSTILE_CHARS[arg % HOSTILE_CHARS.length]);
        break;
      case 5:
        if (out.length > 0) out[i] = soup[arg % soup.length];
        break;
      default:
        if (out.length > 0 && out[i].length <= 64) out.splice(i, 1, out[i].repeat(1 + (arg % 300)));
        break;
    }
  }
  return out.filter((t) => t !== undefined);
}

const mutationArb = fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 1 << 16 }), fc.nat({ max: 1 << 16 }));
const choicesArb = fc.array(fc.nat({ max: 1 << 10 }), { maxLength: 40 });

/**
 * A string of one language: token soup, a valid input, a mutated valid input,
 * or a long repetition near a documented limit.
 */
function stringLanguage(soup, valid, long) {
  const soupArb = fc.array(fc.nat({ max: soup.length - 1 }), { maxLength: 24 }).map((ix) => ix.map((i) => soup[i]).join(""));
  const validArb = choicesArb.map(valid);
  const joined = (tokens, spaced) => tokens.join(spaced ? " " : "");
  return fc.oneof(
    { weight: 3, arbitrary: soupArb },
    { weight: 2, arbitrary: fc.tuple(validArb, fc.boolean()).map(([t, s]) => joined(t, s)) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(validArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), fc.boolean())
        .map(([t, m, s]) => joined(mutateTokens(t, m, soup), s)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(long, fc.array(mutationArb, { maxLength: 1 }))
        .map(([text, m]) =>
          m.length === 0
            ? text
            : mutateTokens(
                [text.slice(0, m[0][1] % (text.length + 1)), text.slice(m[0][1] % (text.length + 1))],
                [[4, 1, m[0][2]]],
                soup,
              ).join(""),
        ),
    },
  );
}

/** `unit` repeated so the text is `length` long, cut to size. */
function repeatTo(unit, length, suffix = "") {
  const body = unit.repeat(Math.ceil(length / unit.length));
  return body.slice(0, Math.max(0, length - suffix.length)) + suffix;
}

/** Long expressions near 8,192 characters, 2,048 terms and nesting 64. */
const longExpression = fc.oneof(
  fc
    .tuple(fc.constantFrom("retried+", "1+", "1 + ", "retried*", "(1)+", " ", "1"), fc.integer({ min: 8185, max: 8200 }))
    .map(([u, n]) => repeatTo(u, n, "1")),
  fc.tuple(fc.constantFrom("1+", "retried+", "1*"), fc.integer({ min: 2040, max: 2052 })).map(([u, n]) => u.repeat(n) + "1"),
  fc
    .tuple(
      fc.constantFrom(
        ["(", ")"],
        ["-", ""],
        ["+", ""],
        ["sqrt(", ")"],
        ["abs(", ")"],
        ["pow(2,", ")"],
        ["max(1,", ")"],
        ["2^", ""],
        ["-(", ")"],
      ),
      fc.integer({ min: 56, max: 72 }),
    )
    .map(([[open, close], d]) => open.repeat(d) + "retried" + close.repeat(d)),
  fc.tuple(fc.constantFrom("(", "pow(", "-", "min(1,"), fc.integer({ min: 200, max: 5000 })).map(([open, d]) => open.repeat(d) + "1"),
  fc.integer({ min: 8185, max: 8200 }).map((n) => "1".repeat(n)),
  fc.integer({ min: 8185, max: 8200 }).map((n) => "0." + "0".repeat(n - 3) + "1"),
);

const longDuration = fc.oneof(
  fc.tuple(fc.constantFrom("1s", "1h", "10m", "1.5h", "0s", "9"), fc.integer({ min: 120, max: 136 })).map(([u, n]) => repeatTo(u, n, "s")),
  fc.integer({ min: 120, max: 136 }).map((n) => "1" + "0".repeat(n - 2) + "s"),
  fc.integer({ min: 120, max: 136 }).map((n) => "0." + "0".repeat(n - 4) + "1s"),
  fc.integer({ min: 1000, max: 20000 }).map((n) => "1s".repeat(n)),
);

const longFlowControl = fc.oneof(
  fc
    .tuple(fc.constantFrom("rate=1,", "parallelism=1, ", " ", "rate=1", "period=1m,"), fc.integer({ min: 248, max: 264 }))
    .map(([u, n]) => repeatTo(u, n, "1")),
  fc.integer({ min: 248, max: 264 }).map((n) => "rate=" + "9".repeat(n - 5)),
  fc.integer({ min: 1000, max: 20000 }).map((n) => "rate=1,".repeat(n)),
);

const longRetryAfter = fc.oneof(
  fc.tuple(fc.constantFrom("9", " ", "1s", "0", "1m"), fc.integer({ min: 248, max: 264 })).map(([u, n]) => repeatTo(u, n, "1")),
  fc.integer({ min: 248, max: 264 }).map((n) => " ".repeat(n - 2) + "30"),
  fc.integer({ min: 1000, max: 20000 }).map((n) => "9".repeat(n)),
);

/** Strings of each text language. */
export const expressionText = stringLanguage(EXPRESSION_TOKENS, validExpressionTokens, longExpression);
export const strictDurationText = stringLanguage(DURATION_TOKENS, (c) => validDurationTokens(c, "strict"), longDuration);
export const goDurationText = stringLanguage(DURATION_TOKENS, (c) => validDurationTokens(c, "go"), longDuration);
export const flowControlText = stringLanguage(FLOW_CONTROL_TOKENS, validFlowControlTokens, longFlowControl);
export const retryAfterText = stringLanguage(RETRY_AFTER_TOKENS, validRetryAfterTokens, longRetryAfter);

/** Any string: mostly short, with hostile characters. */
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom("a", "1", " ", "-", ...HOSTILE_CHARS), { maxLength: 8 }).map((a) => a.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

/** `retries` for the domain check: mostly small, rarely the documented maximum (the costly case). */
const retriesArb = fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom(3, 0, 1, 5, 10, 100) },
  { weight: 6, arbitrary: fc.nat({ max: 1000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1_000_000, 999_999, 100_000) },
);

// ---------------------------------------------------------------------------
// Host values: descriptors and materialize.

/**
 * Builds the value a descriptor describes. Plain JSON values stand for
 * themselves, except objects: a plain JSON object is built key by key with
 * `defineProperty`, as `JSON.parse` does (so `__proto__` is an own key). Tags:
 * - `{ $: "undefined" }`, `{ $: "num", v: "NaN" | "Infinity" | "-Infinity" | "-0" }`, `{ $: "bigint", v }`, `{ $: "symbol" }`, `{ $: "function" }`
 * - `{ $: "object", props: [[key, desc], …], assign?, throwing?: [key…], proto?: "null" | "Date" | "Array" | "inherit", inherit?: desc }`
 *   (`assign` sets keys with `=`, so `__proto__` replaces the prototype)
 * - `{ $: "proxy", target: desc, mode: "revoked" | "throwing" | "lying" }`
 * - `{ $: "date", v }`, `{ $: "fakeDate" }`, `{ $: "boxed", v }`, `{ $: "map", entries }`, `{ $: "headers", entries }`
 * - `{ $: "many", n, key, value }`: an object with n generated keys `key0 … key{n-1}`.
 * - `{ $: "array", items, holes?: true, extra?: [[key, desc]] }`
 */
export function materialize(desc) {
  if (desc === null || typeof desc !== "object") return desc;
  if (Array.isArray(desc)) return desc.map(materialize);
  switch (desc.$) {
    default: {
      // No tag (or a `$` key from generated JSON): a plain object, built as JSON.parse builds it.
      const out = {};
      for (const key of Object.keys(desc))
        Object.defineProperty(out, key, { value: materialize(desc[key]), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case "undefined":
      return undefined;
    case "num":
      return Number(desc.v === "-0" ? -0 : desc.v);
    case "bigint":
      return BigInt(desc.v);
    case "symbol":
      return Symbol("fuzz");
    case "function":
      return function fuzz() {
        return 1;
      };
    case "date":
      return new Date(desc.v);
    case "fakeDate":
      return Object.create(Date.prototype);
    case "boxed":
      return Object(desc.v);
    case "map":
      return new Map(desc.entries.map(([k, v]) => [k, materialize(v)]));
    case "many": {
      const out = {};
      for (let i = 0; i < desc.n; i++) out[`${desc.key}${i}`] = desc.value;
      return out;
    }
    case "array": {
      const out = desc.holes ? new Array(desc.items.length) : desc.items.map(materialize);
      for (const [k, v] of desc.extra ?? []) out[k] = materialize(v);
      return out;
    }
    case "object": {
      let proto = Object.prototype;
      if (desc.proto === "null") proto = null;
      else if (desc.proto === "Date") proto = Date.prototype;
      else if (desc.proto === "Array") proto = Array.prototype;
      else if (desc.proto === "inherit") proto = materialize(desc.inherit);
      const out = Object.create(proto);
      for (const [key, value] of desc.props) {
        if (desc.assign) {
          try {
            out[key] = materialize(value);
            continue;
          } catch {
            // A revoked or throwing Proxy set as the prototype refuses assignment: define instead.
          }
        }
        Object.defineProperty(out, key, { value: materialize(value), enumerable: true, writable: true, configurable: true });
      }
      for (const key of desc.throwing ?? []) {
        Object.defineProperty(out, key, {
          get() {
            throw new Error("a getter throws");
          },
          enumerable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "proxy": {
      const target = materialize(desc.target);
      if (desc.mode === "revoked") {
        const { proxy, revoke } = Proxy.revocable(target, {});
        revoke();
        return proxy;
      }
      if (desc.mode === "throwing") {
        const boom = () => {
          throw new Error("proxy trap throws");
        };
        return new Proxy(target, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
      }
      // "lying": each read of a key gives a different value (read-once checks).
      let reads = 0;
      return new Proxy(target, {
        get: (t, k, r) => (typeof k === "string" && ++reads % 2 === 0 ? "1\r\nX-Injected: 1" : Reflect.get(t, k, r)),
      });
    }
  }
}

// ---------------------------------------------------------------------------
// Trigger options.

const URLS = [
  "https://a.example/wf",
  "http://localhost:3000/api/workflow",
  "https://example.com/api/workflow?x=1&y=2",
  "https://a.example/wf#frag",
  "https://user:pw@a.example/wf",
  "example.com",
  "ftp://a.example",
  "",
  "https://",
  "javascript:alert(1)",
  "https://a.example/" + "x".repeat(3000),
];
const LABELS = ["l1", "my-label", "a,b", "", " ", "x".repeat(600), "label with space"];

/** Values that a string field should not hold. */
const wrongValue = fc.oneof(
  fc.constantFrom(
    { $: "undefined" },
    null,
    true,
    0,
    -1,
    1.5,
    { $: "num", v: "NaN" },
    { $: "num", v: "Infinity" },
    { $: "num", v: "-0" },
    { $: "bigint", v: "12345678901234567890" },
    { $: "symbol" },
    { $: "function" },
    [],
    ["a"],
    {},
    { $: "boxed", v: "10s" },
    { $: "date", v: 0 },
    { $: "fakeDate" },
    1e21,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    -1e21,
  ),
  fc.constantFrom(
    { $: "object", props: [["toString", "x"]] },
    { $: "object", props: [], throwing: ["toString", "valueOf"] },
    { $: "proxy", target: {}, mode: "revoked" },
    { $: "proxy", target: {}, mode: "throwing" },
  ),
);

const headerNameArb = fc.oneof(
  fc.constantFrom(
    "x-trace",
    "X-Request-Id",
    "content-type",
    "Authorization",
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    "Upstash-Retries",
    "Upstash-Retry-Delay",
  ),
  hostileString,
);
/** A long value with a run of whitespace (or a hostile character) inside: trimming and scanning must stay linear. */
const longHeaderValue = fc
  .tuple(
    fc.constantFrom("a", "\r", "1", ""),
    fc.constantFrom(" ", "\t", " \t", "a "),
    fc.integer({ min: 1000, max: 8200 }),
    fc.constantFrom("b", "1", "", " "),
  )
  .map(([head, unit, n, tail]) => head + unit.repeat(Math.ceil(n / unit.length)) + tail);
const headerValueArb = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom("abc", "1", "", " x ", "a\u00e9") },
  { weight: 20, arbitrary: hostileString },
  { weight: 1, arbitrary: longHeaderValue },
);

/** A `flowControl` option: valid, or with fields from the flow-control soup. */
const flowControlOption = fc.record(
  {
    key: fc.oneof(fc.constantFrom("user-42", "k", "a.b_c-1", ""), hostileString, wrongValue),
    rate: fc.oneof(fc.constantFrom(10, 1, 0, -1, 2147483647, 2147483648, 1.5), wrongValue),
    parallelism: fc.oneof(fc.constantFrom(5, 1, 0, 2147483648), wrongValue),
    period: fc.oneof(fc.constantFrom("1m", "1s", 60, "7d", "8d", "0s"), strictDurationText, goDurationText, wrongValue),
  },
  { requiredKeys: ["key"] },
);

/** One field of trigger options: a valid value, a value from its language, or a wrong type. */
const optionFields = {
  url: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...URLS) },
    { weight: 2, arbitrary: hostileString.map((s) => `https://a.example/${s}`) },
    { weight: 1, arbitrary: wrongValue },
  ),
  workflowRunId: fc.oneof(fc.constantFrom("run-1", "wfr_abc", ""), hostileString, wrongValue),
  body: fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.jsonValue({ maxDepth: 3 }),
    wrongValue,
    fc.constant({ $: "object", props: [["a", 1]], throwing: ["toJSON"] }),
  ),
  headers: fc.oneof(
    {
      weight: 24,
      arbitrary: fc.array(fc.tuple(headerNameArb, headerValueArb), { maxLength: 5 }).map((entries) => ({ $: "object", props: entries })),
    },
    { weight: 12, arbitrary: wrongValue },
    // Many headers: the work-bound (linear) path. Rare, and the 30,000 case rarest (≈ 1 input in 15,000,
    // a few hundred ms each), so they stay a small share of a run's time; bench/scaling.mjs measures the curve.
    {
      weight: 1,
      arbitrary: fc.oneof(
        { weight: 400, arbitrary: fc.constant({ $: "many", n: 100, key: "x-h", value: "v" }) },
        { weight: 4, arbitrary: fc.constant({ $: "many", n: 3000, key: "x-h", value: "v" }) },
        { weight: 1, arbitrary: fc.constant({ $: "many", n: 30000, key: "x-h", value: "v" }) },
      ),
    },
  ),
  retries: fc.oneof(
    { weight: 6, arbitrary: retriesArb },
    { weight: 1, arbitrary: fc.constantFrom(1_000_001, 1e21, 2 ** 53, -0, 3.5, "5") },
    { weight: 1, arbitrary: wrongValue },
  ),
  retryDelay: fc.oneof({ weight: 6, arbitrary: expressionText }, { weight: 1, arbitrary: wrongValue }),
  delay: fc.oneof(
    { weight: 3, arbitrary: strictDurationText },
    { weight: 2, arbitrary: goDurationText },
    { weight: 2, arbitrary: fc.constantFrom(10, 0, 1.5, 1e21, 1e20, -5, 604800, 2 ** 53 + 1) },
    { weight: 1, arbitrary: wrongValue },
  ),
  notBefore: fc.oneof(fc.constantFrom(1_900_000_000, 0, 1.5, 2 ** 53 + 2, 1e21, -1, 8.64e12, 8.64e15 + 1), fc.nat(), wrongValue),
  flowControl: fc.oneof({ weight: 5, arbitrary: flowControlOption }, { weight: 1, arbitrary: wrongValue }),
  failureUrl: fc.oneof(
    fc.constantFrom(...URLS),
    hostileString.map((s) => `https://f.example/${s}`),
    wrongValue,
  ),
  label: fc.oneof(
    fc.constantFrom(...LABELS),
    hostileString,
    fc.array(fc.oneof(fc.constantFrom(...LABELS), hostileString), { maxLength: 4 }),
    wrongValue,
  ),
};

/** Marker carried by inherited option values: if it shows up in a result, an inherited value was read. */
export const INHERITED_MARKER = "7771237";
const INHERITED_OPTIONS = {
  $: "object",
  props: [
    ["url", `https://inherited.example/${INHERITED_MARKER}`],
    ["retryDelay", INHERITED_MARKER],
    ["delay", `${INHERITED_MARKER}s`],
    ["label", `l${INHERITED_MARKER}`],
    ["workflowRunId", `r${INHERITED_MARKER}`],
    ["failureUrl", `https://f.example/${INHERITED_MARKER}`],
    ["retries", 7],
    ["headers", { [`x-${INHERITED_MARKER}`]: "1" }],
  ],
};

/** A generated option set (own keys, in generated order). */
const validOptionSet = fc.record(optionFields, { requiredKeys: ["url"] }).map((o) => Object.entries(o));

const extraKey = fc.tuple(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "baseUrl",
    "retryDelays",
    "Retries",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "disableTelemetry",
    "redact",
  ),
  fc.oneof(
    fc.constant({ url: "https://p.example" }),
    fc.constant({ $: "object", props: [["retryDelay", "1\r\n2"]] }),
    fc.jsonValue({ maxDepth: 2 }),
    wrongValue,
  ),
);

/**
 * A trigger options object: a generated option set, then maybe mutated: a
 * field of the wrong type, prototype-polluting keys, getters that throw, a
 * Proxy (revoked, throwing, or giving a different value on each read), an
 * inherited prototype carrying options, a null prototype, or not an object.
 */
export const triggerOptionsDesc = fc.oneof(
  { weight: 6, arbitrary: validOptionSet.map((props) => ({ $: "object", props })) },
  {
    weight: 6,
    arbitrary: fc
      .record({
        props: validOptionSet,
        extra: fc.array(extraKey, { maxLength: 3 }),
        assign: fc.boolean(),
        throwing: fc.subarray(
          ["url", "retries", "retryDelay", "delay", "flowControl", "headers", "label", "body", "notBefore", "failureUrl", "workflowRunId"],
          { maxLength: 2 },
        ),
        proto: fc.constantFrom("default", "default", "null", "inherit", "Array", "Date"),
      })
      .map(({ props, extra, assign, throwing, proto }) => {
        const desc = { $: "object", props: [...props, ...extra], assign };
        if (throwing.length > 0) {
          desc.throwing = throwing;
          desc.props = desc.props.filter(([k]) => !throwing.includes(k));
        }
        if (proto === "inherit") {
          desc.proto = "inherit";
          desc.inherit = INHERITED_OPTIONS;
          desc.props = desc.props.filter(([k]) => !["retryDelay", "delay", "label", "workflowRunId", "failureUrl", "headers"].includes(k));
        } else if (proto !== "default") desc.proto = proto;
        return desc;
      }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(validOptionSet, fc.constantFrom("revoked", "throwing", "lying"))
      .map(([props, mode]) => ({ $: "proxy", target: { $: "object", props }, mode })),
  },
  { weight: 1, arbitrary: fc.oneof(wrongValue, fc.jsonValue({ maxDepth: 2 })) },
);

/** Build options: the defaults, a valid set, or (rarely) a malformed one that may throw `invalid-argument`. */
const buildOptionsDesc = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ $: "undefined" }) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        baseUrl: fc.constantFrom("http://localhost:8080", "https://qstash.upstash.io/"),
        token: fc.constantFrom("tok", "a.b-c_1"),
        plan: fc.constantFrom("free", "pay-as-you-go", "fixed"),
        now: fc.constantFrom(1_800_000_000_000, 0),
      },
      { requiredKeys: [] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      $: "object",
      props: [],
      proto: "inherit",
      inherit: {
        $: "object",
        props: [
          ["baseUrl", `https://evil.example/${INHERITED_MARKER}`],
          ["token", INHERITED_MARKER],
        ],
      },
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        {
          baseUrl: fc.oneof(hostileString, wrongValue),
          token: fc.oneof(hostileString, wrongValue),
          plan: fc.oneof(hostileString, wrongValue),
          now: wrongValue,
        },
        { requiredKeys: [] },
      )
      .map((o) => ({ ...o, $malformed: true })),
  },
);

/** Input of the `options` language: one options object for `buildTriggerRequest`, and a batch for `buildBatchTriggerRequest`. */
export const optionsInput = fc.record({
  options: triggerOptionsDesc,
  build: buildOptionsDesc,
  // "same": the batch of the one options object; "none": no batch call (the single build is the costly part).
  batch: fc.oneof(
    { weight: 2, arbitrary: fc.constant("same") },
    { weight: 1, arbitrary: fc.constant("none") },
    { weight: 1, arbitrary: fc.array(triggerOptionsDesc, { maxLength: 3 }) },
    { weight: 1, arbitrary: wrongValue },
  ),
});

// ---------------------------------------------------------------------------
// Trigger headers.

const HEADER_NAMES = [
  "upstash-retries",
  "upstash-retry-delay",
  "upstash-delay",
  "upstash-not-before",
  "upstash-flow-control-key",
  "upstash-flow-control-value",
  "upstash-failure-callback",
  "upstash-label",
  "upstash-workflow-runid",
  "upstash-callback-retries",
  "upstash-callback-retry-delay",
  "upstash-failure-callback-retries",
  "upstash-failure-callback-retry-delay",
  "upstash-failure-callback-flow-control-key",
  "upstash-failure-callback-flow-control-value",
  "Upstash-Retry-Delay",
  "UPSTASH-DELAY",
  "upstash-forward-x-trace",
  "upstash-forward-__proto__",
  "upstash-failure-callback-forward-x",
  "upstash-retry-delays",
  "upstash-x",
  "upstash-method",
  "content-type",
  "__proto__",
  "constructor",
  "upstash-forward-",
  "",
];

const retriesText = fc.oneof(
  fc.constantFrom("3", "0", "5", "1000000", "1000001", "-1", "1.5", "1e3", " 5", "05", "99999999999999999999", ""),
  fc.nat().map(String),
);
const headerValueFor = (name) => {
  const n = name.toLowerCase();
  if (n.endsWith("retry-delay")) return expressionText;
  if (n.endsWith("retries")) return retriesText;
  if (n === "upstash-delay") return fc.oneof(goDurationText, strictDurationText);
  if (n === "upstash-not-before")
    return fc.oneof(fc.nat().map(String), fc.constantFrom("9".repeat(25), "1.5", "-1", "8640000000000001"), hostileString);
  if (n.endsWith("flow-control-value")) return flowControlText;
  return fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom("abc", "https://a.example/cb", "wfr_x", "l1,l2") },
    { weight: 20, arbitrary: hostileString },
    { weight: 1, arbitrary: longHeaderValue },
  );
};
const headerEntry = fc
  .constantFrom(...HEADER_NAMES)
  .chain((name) =>
    fc.tuple(
      fc.constant(name),
      fc.oneof(
        { weight: 8, arbitrary: headerValueFor(name) },
        { weight: 1, arbitrary: fc.array(headerValueFor(name), { maxLength: 3 }) },
        { weight: 1, arbitrary: wrongValue },
      ),
    ),
  );

/**
 * Input of the `trigger-headers` language: `{ form, entries, context }`;
 * `form` is the shape handed over: a record, name/value pairs, a `Headers`,
 * a `Map`, an object with `forEach`, a hostile host value, or many forwarded headers.
 */
export const triggerHeadersInput = fc.record({
  // "many" (thousands of forwarded headers) is the linear-work path: ≈ 1 input in 1,000, and 30,000 headers ≈ 1 in 40,000.
  form: fc.oneof(
    { weight: 1000, arbitrary: fc.constantFrom("record", "record", "record", "pairs", "Headers", "Map", "forEach", "proxy") },
    { weight: 1, arbitrary: fc.constant("many") },
  ),
  entries: fc.array(headerEntry, { maxLength: 8 }),
  many: fc.oneof(
    { weight: 30, arbitrary: fc.constant(100) },
    { weight: 9, arbitrary: fc.constant(3000) },
    { weight: 1, arbitrary: fc.constant(30000) },
  ),
  context: fc.constantFrom({ $: "undefined" }, { url: "https://a.example/wf" }, {}),
});

/** Builds the header input that `parseTriggerHeaders` receives. */
export function materializeHeaders(input) {
  const entries = input.entries.map(([n, v]) => [n, materialize(v)]);
  switch (input.form) {
    case "pairs":
      return entries;
    case "Map":
      return new Map(entries);
    case "Headers": {
      const h = new Headers();
      for (const [n, v] of entries) {
        try {
          h.append(n, String(v));
        } catch {
          /* a value Headers refuses never reaches a server */
        }
      }
      return h;
    }
    case "forEach":
      return {
        forEach(cb) {
          for (const [n, v] of entries) cb(v, n);
        },
      };
    case "proxy":
      return materialize({ $: "proxy", target: Object.fromEntries(input.entries.filter(([n]) => n !== "__proto__")), mode: "throwing" });
    case "many": {
      const out = {};
      for (const [n, v] of entries) Object.defineProperty(out, n, { value: v, enumerable: true, writable: true, configurable: true });
      for (let i = 0; i < input.many; i++) out[`upstash-forward-x-${i}`] = "v";
      return out;
    }
    default: {
      const out = {};
      for (const [n, v] of entries) Object.defineProperty(out, n, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    }
  }
}

// ---------------------------------------------------------------------------
// One arbitrary per language.

const durationOptions = (mode) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant({ mode }) },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          mode: fc.constant(mode),
          max: fc.constant({ ms: 604_800_000, label: "the maximum period" }),
          min: fc.constant({ ms: 1000, label: "the minimum" }),
          allowNegative: fc.boolean(),
        },
        { requiredKeys: ["mode"] },
      ),
    },
  );

/** The input arbitrary of each language; every value is JSON data. */
export const ARBITRARIES = Object.freeze({
  expression: fc.record({ source: expressionText, retries: retriesArb }),
  "duration-strict": fc.record({ text: strictDurationText, options: durationOptions("strict") }),
  "duration-go": fc.record({ text: goDurationText, options: durationOptions("go") }),
  "flow-control": fc.record({ text: flowControlText }),
  "retry-after": fc.record({ text: retryAfterText, now: fc.constantFrom(1_792_000_000_000, 0, 8.64e15, 1_700_000_000_000) }),
  "trigger-headers": triggerHeadersInput,
  options: optionsInput,
});

const SPACE_RUN = /[^\t ][\t ]{500,}[^\t ]/;

/**
 * What a descriptor holds that matters to the oracle and the scheduler, found
 * by one walk (no JSON.stringify per input): the largest `{ $: "many" }` key
 * count, the largest numeric `retries` option, and whether an inherited
 * prototype carries options (only then can the inherited marker show up),
 * and whether a string holds a run of 500 or more spaces or tabs between two
 * other characters (the input that a backtracking trim regex makes quadratic).
 * @returns {{ many: number, retries: number, inherit: boolean, spaceRun: boolean }}
 */
export function scanDescriptor(desc, out = { many: 0, retries: 0, inherit: false, spaceRun: false }) {
  if (typeof desc === "string") {
    if (desc.length >= 500 && !out.spaceRun && SPACE_RUN.test(desc)) out.spaceRun = true;
    return out;
  }
  if (desc === null || typeof desc !== "object") return out;
  if (Array.isArray(desc)) {
    if (desc.length === 2 && desc[0] === "retries" && typeof desc[1] === "number" && desc[1] > out.retries) out.retries = desc[1];
    for (const d of desc) scanDescriptor(d, out);
    return out;
  }
  if (desc.$ === "many") out.many = Math.max(out.many, desc.n);
  if (desc.$ === "object" && desc.proto === "inherit") out.inherit = true;
  for (const key in desc) scanDescriptor(desc[key], out);
  return out;
}

/**
 * The class of inputs whose cost grows with a count the input names: `retries`
 * (the domain check evaluates the closure that often), thousands of keys, or a
 * long run of whitespace inside a value (trimming it must stay linear).
 * Once a call of one class has gone over its time bound, the fuzzer skips the
 * rest of that class in that language, so one known slow path does not eat
 * the run.
 */
export function slowClass(language, input) {
  if (language === "expression") return input.retries > 10_000 ? "huge-retries" : undefined;
  if (language === "trigger-headers") {
    if (input.form === "many" && input.many > 1000) return "many-headers";
    if (input.entries.some(([n, v]) => /retries$/i.test(n) && typeof v === "string" && /^\d{5,}$/.test(v))) return "huge-retries";
    return scanDescriptor(input.entries).spaceRun ? "long-space-run" : undefined;
  }
  if (language === "options") {
    const scan = scanDescriptor(input);
    if (scan.many >= 1000) return "many-headers";
    if (scan.retries >= 10_000) return "huge-retries";
    if (scan.spaceRun) return "long-space-run";
  }
  return undefined;
}
