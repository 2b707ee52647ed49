/**
 * Shows printable text in backticks and anything invisible as U+XXXX, so a
 * message never carries a control character. Its own module, free of
 * chevrotain, since both the chevrotain lexer's diagnostics and the fast
 * syntax diagnosis (fast-syntax-error.ts) word tokens with it.
 */
export function describeCharacters(text: string): string {
  const shown = text.length > 16 ? `${text.slice(0, 16)}…` : text;
  const printable = /^[^\p{C}\p{Z}]*$/u.test(shown.replace(/ /g, "x"));
  if (printable) return `\`${shown}\``;
  return Array.from(shown)
    .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`)
    .join(" ");
}
