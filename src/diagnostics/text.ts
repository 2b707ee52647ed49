/*
 * Keeping terminal escapes out of drawn text: the caret drawing (draw.ts)
 * and the compact error's lines (compact-error.ts) both pass every message
 * through here.
 */

/** What a control character is shown as. */
export const REPLACEMENT = "\uFFFD";

/** Replaces control characters so that messages cannot carry terminal escapes. */
export function sanitize(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isControl(code) ? REPLACEMENT : text.charAt(i);
  }
  return out;
}

export function isControl(code: number): boolean {
  return code < 32 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}
