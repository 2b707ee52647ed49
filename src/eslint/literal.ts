/*
 * Where each character of a string literal's value sits in the source. A
 * diagnostic's span counts UTF-16 units of the value (`"\t"` is one); the
 * report must point at the source, where that tab is two characters and a
 * `\u{1F600}` is nine. Template literals also fold `\r\n` to `\n`.
 */

/**
 * `offsets[i]` is where value unit `i` starts in `raw`, and
 * `offsets[value.length]` where the value ends (the closing quote). `raw` is
 * the literal's whole source text, quotes included.
 */
export function valueOffsets(raw: string, kind: "string" | "template"): number[] {
  const offsets: number[] = [];
  const end = raw.length - 1;
  let i = 1;
  while (i < end) {
    const c = raw[i];
    if (c === "\\") {
      i = readEscape(raw, i, end, offsets);
    } else if (kind === "template" && c === "\r") {
      offsets.push(i);
      i += raw[i + 1] === "\n" ? 2 : 1;
    } else {
      offsets.push(i);
      i++;
    }
  }
  offsets.push(end);
  return offsets;
}

/** Reads the escape at `at` (a backslash), records the units it makes, and returns where the next character starts. */
function readEscape(raw: string, at: number, end: number, offsets: number[]): number {
  const next = raw[at + 1] ?? "";
  // A line continuation makes no character.
  if (next === "\r") return raw[at + 2] === "\n" ? at + 3 : at + 2;
  if (next === "\n" || next === "\u2028" || next === "\u2029") return at + 2;
  if (next === "x") return unit(offsets, at, at + 4);
  if (next === "u") {
    if (raw[at + 2] !== "{") return unit(offsets, at, at + 6);
    const close = raw.indexOf("}", at + 3);
    const after = close < 0 || close > end ? end : close + 1;
    const code = Number.parseInt(raw.slice(at + 3, close), 16);
    // An astral code point is two UTF-16 units; both start at the escape.
    if (code > 0xffff) offsets.push(at);
    return unit(offsets, at, after);
  }
  // Legacy octal escapes (`\0`, `\12`, `\377`) in sloppy-mode strings.
  const octal = /^[0-7]{1,3}/.exec(raw.slice(at + 1, at + 4))?.[0];
  if (octal !== undefined) {
    const length = octal.length > 1 && Number.parseInt(octal, 8) > 0o377 ? octal.length - 1 : octal.length;
    return unit(offsets, at, at + 1 + length);
  }
  return unit(offsets, at, at + 2);
}

function unit(offsets: number[], start: number, after: number): number {
  offsets.push(start);
  return after;
}

/**
 * The value as source text inside a literal with `quote` as its delimiter:
 * what a fix writes between the quotes so the value reads back the same.
 */
export function escapeFor(value: string, quote: string): string {
  let out = "";
  for (const c of value) {
    if (c === "\\") out += "\\\\";
    else if (c === quote) out += `\\${c}`;
    else if (c === "\n") out += quote === "`" ? c : "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\u2028" || c === "\u2029") out += c === "\u2028" ? "\\u2028" : "\\u2029";
    else if (quote === "`" && c === "$") out += "\\$";
    else out += c;
  }
  return out;
}
