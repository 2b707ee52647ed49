import type { NameWording } from "./name-problems.js";

/*
 * The one seam between the root entry and retry-delay/runtime. Parsing and
 * checking decide everything both entries answer: whether a source is
 * valid, and each diagnostic's code, severity and span. An entry's wording
 * only gives those diagnostics their text: the root explains each with
 * hints, fixes and suggestions (root-wording.ts); the runtime, which leaves
 * those explanations out of its bundle, says in one line what is wrong and
 * that the root entry explains it (src/runtime/wording.ts).
 */

/** How an entry words the diagnostics that parsing and checking decide. */
export interface Wording {
  /** A problem with a name: unknown, not called, called with the wrong number of arguments, a strategy word. */
  readonly name: NameWording;
}
