// Characters a duration cannot hold because it travels in an HTTP header.
import type { Span } from "../diagnostics/diagnostic.js";

export const HEADER_HINT =
  "durations travel in HTTP headers (`Upstash-Delay`, the flow-control `period`), and a header value cannot carry line breaks or control characters: remove it";

const NAMED_CONTROLS: Readonly<Record<number, string>> = {
  0x00: "a NUL character (U+0000)",
  0x0a: "a line break (LF, U+000A)",
  0x0d: "a line break (CR, U+000D)",
  0x85: "a line break (NEL, U+0085)",
  0x2028: "a line break (U+2028 LINE SEPARATOR)",
  0x2029: "a line break (U+2029 PARAGRAPH SEPARATOR)",
};

/**
 * The first character that would split or corrupt an HTTP header: C0
 * controls other than tab (a tab is only a misplaced space), DEL, C1
 * controls, and the Unicode line separators. Checked before anything else,
 * so the diagnostic names the dangerous character whatever else is wrong.
 */
export function findControlCharacter(text: string): { readonly name: string; readonly span: Span } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
    if (!control) continue;
    const name = NAMED_CONTROLS[c] ?? `a control character (U+${c.toString(16).toUpperCase().padStart(4, "0")})`;
    return { name, span: { start: i, end: i + 1 } };
  }
  return undefined;
}
