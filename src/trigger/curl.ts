import { expectObject, expectString, invalidArgument } from "../diagnostics/arguments.js";
import { PLACEHOLDER_TOKEN, type HttpRequest } from "./build.js";
import { firstUnsafeCharacter, isHeaderName } from "../request/safety.js";

/**
 * A ready-to-run `curl` command for a built request. The token is never
 * embedded: `Authorization` reads `$QSTASH_TOKEN` from the shell, so the
 * command can be shared and pasted as it is. Every other value is
 * single-quoted for POSIX shells.
 *
 * @example
 * ```ts
 * const { request } = buildTriggerRequest({ url: "https://example.com/wf", retries: 5 });
 * if (request) console.log(toCurl(request));
 * // curl -X POST 'https://qstash.upstash.io/v2/trigger/https://example.com/wf' \
 * //   -H "Authorization: Bearer $QSTASH_TOKEN" \
 * //   -H 'Upstash-Retries: 5'
 * ```
 */
export function toCurl(request: HttpRequest): string {
  const checked = expectObject(request, "the request");
  const method = expectString(checked.method, "request.method");
  // The method is not quoted, so it must be a plain HTTP token.
  if (!/^[A-Za-z]+$/.test(method)) invalidArgument(`request.method must be an HTTP method such as POST, not \`${method}\``);
  const headers = expectObject(checked.headers, "request.headers");
  const lines = [`curl -X ${method} ${shellQuote(expectString(checked.url, "request.url"))}`];
  for (const [name, value] of Object.entries(headers)) {
    const text = expectString(value, `request.headers[${JSON.stringify(name)}]`);
    // A hand-made request can hold anything: a line break would print a command that sends another header.
    if (!isHeaderName(name) || firstUnsafeCharacter(text) !== undefined)
      invalidArgument(
        `request.headers[${JSON.stringify(name.slice(0, 80))}] cannot be sent as a header: names are HTTP tokens, values hold no CR, LF, NUL or characters above U+00FF`,
      );
    if (name.toLowerCase() === "authorization" && text === `Bearer ${PLACEHOLDER_TOKEN}`)
      lines.push(`-H "Authorization: Bearer $QSTASH_TOKEN"`);
    else lines.push(`-H ${shellQuote(`${name}: ${text}`)}`);
  }
  if (checked.body !== undefined) lines.push(`--data-raw ${shellQuote(expectString(checked.body, "request.body"))}`);
  return lines.join(" \\\n  ");
}

/**
 * Single-quotes a word for POSIX shells: `it's` → `'it'\''s'`.
 *
 * @example
 * ```ts
 * shellQuote("it's"); // "'it'\\''s'"
 * ```
 */
export function shellQuote(text: string): string {
  return `'${expectString(text, "the text to quote").replace(/'/g, `'\\''`)}'`;
}
