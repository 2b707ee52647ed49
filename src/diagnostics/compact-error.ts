import { isArraySafe, isPlainObjectLike } from "./own.js";
import { sanitize } from "./text.js";
import type { Diagnostic, RenderOptions } from "./types.js";

/*
 * The error class without the caret renderer. `RetryDelayError` (error.ts)
 * extends it and draws each diagnostic under its source line; that drawing
 * and the checks of caller-made diagnostics it needs are most of what the
 * class costs a bundle (about 1.8 KB gzipped). The argument checks
 * (arguments.ts), which every public function reaches, throw this class
 * instead, so that a bundle of `parseDuration` alone holds no renderer. Its
 * diagnostics say what was wrong with an argument, with an empty source and
 * nothing to underline, so its `render()` is one line per diagnostic.
 * `error instanceof RetryDelayError` holds for it (error.ts), and its `name`
 * is "RetryDelayError".
 */

/**
 * An error carrying diagnostics, rendered without the source excerpt. Not
 * exported by any entry: the package throws it as a {@link RetryDelayError}.
 */
export class CompactRetryDelayError extends Error {
  static {
    // Its identifier is not RetryDelayError's, which a bundle holding both would rename to
    // `RetryDelayError2`; its name, which `constructor.name` and util.inspect show, is the same.
    Object.defineProperty(this, "name", { value: "RetryDelayError" });
  }

  /** Every problem found; at least one has severity `error`. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text the diagnostics' spans point into. */
  readonly source: string;

  /**
   * Never throws, whatever it is given: it is what the package throws in
   * place of every other error, so a caller's malformed diagnostics (or
   * `null`) become an empty list and a source that is no string becomes "".
   */
  constructor(source: string, diagnostics: readonly Diagnostic[]) {
    const list = isArraySafe(diagnostics) ? diagnostics : [];
    super(summarize(list));
    this.name = "RetryDelayError";
    this.source = typeof source === "string" ? source : "";
    this.diagnostics = list;
  }

  /**
   * Each diagnostic as one line, `error[code]: message`, with its hint on
   * the next; there is no source to draw. The options, which only style a
   * drawing, are not read.
   */
  render(_options: RenderOptions = {}): string {
    const lines: string[] = [];
    try {
      for (const d of this.diagnostics) {
        const line = compactLine(d);
        if (line !== undefined) lines.push(line);
      }
    } catch {
      // The list was replaced with something that is not an array, or whose reading throws.
    }
    return lines.length > 0 ? lines.join("\n") : sanitize(this.message);
  }
}

/** One diagnostic, or undefined for a value that is not one (this class never checks its own). */
function compactLine(d: unknown): string | undefined {
  try {
    if (!isPlainObjectLike(d)) return undefined;
    const { code, message, severity, hint } = d as Partial<Record<keyof Diagnostic, unknown>>;
    if (typeof code !== "string" || typeof message !== "string" || typeof severity !== "string") return undefined;
    const head = sanitize(`${severity}[${code}]: ${message}`);
    return typeof hint === "string" ? `${head}\n   = ${sanitize(hint)}` : head;
  } catch {
    // A getter or Proxy trap put in place of a field threw.
    return undefined;
  }
}

function summarize(diagnostics: readonly Diagnostic[]): string {
  try {
    return summarizeChecked(diagnostics);
  } catch {
    // A caller's Proxy or getter threw while its diagnostics were read.
    return "invalid input";
  }
}

function summarizeChecked(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const first = errors[0] ?? diagnostics[0];
  if (first === undefined) return "invalid input";
  const more = errors.length - 1;
  const tail = more > 0 ? ` (and ${more} more ${more === 1 ? "error" : "errors"})` : "";
  return `${typeof first.message === "string" ? first.message : "invalid input"}${tail}`;
}
