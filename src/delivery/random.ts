/*
 * Counter-based randomness: every draw is a hash of (seed, run, attempt,
 * stream), not the next number of a shared stream. A call's duration and
 * answer therefore do not depend on the order in which the simulation
 * happens to make its draws (ties, model options), only on which run and
 * attempt it is: the same seed gives the same result, and a change of model
 * changes the schedule without reshuffling the endpoint's behaviour.
 */

/** murmur3's 32-bit finalizer: a bijection that spreads every input bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Which quantity a draw is for; distinct streams give independent numbers for the same call. */
export const STREAM = { duration: 1, outcome: 2, durationExtra: 3 } as const;

/** A uniform number in [0, 1) for one call's one quantity. */
export function draw(seed: number, run: number, attempt: number, stream: number): number {
  let h = mix(seed ^ 0x9e3779b9);
  h = mix(h ^ run);
  h = mix(h ^ Math.imul(attempt, 0x27d4eb2f));
  h = mix(h ^ Math.imul(stream, 0x165667b1));
  return (h >>> 0) / 4294967296;
}
