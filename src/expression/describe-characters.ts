/**
 * Shows printable text in backticks and anything invisible as U+XXXX, so a
 * message never carries a control character. Its own module, free of
 * chevrotain, since both the chevrotain lexer's diagnostics and the fast
 * syntax diagnosis (fast-syntax-error.ts) word tokens with it.
 */
export function describeCharacters(text: string): string {
  const shown = text.length > 16 ? `${text.slice(0, 16)}…` : text;
  // Every token's text is printable ASCII: only stray characters need the Unicode test, whose
  // pattern V8 compiles on first use, ~1.5M instructions of a process's first syntax error.
  if (printableAscii(shown) || (visible ??= unicodeVisible()).test(shown.replace(/ /g, "x"))) return `\`${shown}\``;
  return Array.from(shown)
    .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`)
    .join(" ");
}

let visible: RegExp | undefined;

/**
 * No character of Unicode's categories C (control, format, unassigned...) or Z (separators).
 * Made from a string on first use, not written as a literal: V8 checks a literal's pattern
 * as it parses the file, and a property escape makes that check build ICU's sets, ~1.4M
 * instructions of every start that loads the file (callgrind, Node 20).
 */
function unicodeVisible(): RegExp {
  return new RegExp("^[^\\p{C}\\p{Z}]*$", "u");
}

/** Whether every character is printable ASCII, space to `~`: none is in \p{C}, and the space is allowed. */
function printableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}
