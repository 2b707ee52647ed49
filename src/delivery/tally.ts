/**
 * The running totals the summary needs, kept in constant memory: starts,
 * peaks, time waited, and calls per period counted in windows
 * `[k · period, (k + 1) · period)` from 0.
 */
export class Tally {
  attempts = 0;
  lastStartMs = 0;
  maxInFlight = 0;
  maxWaitList = 0;
  maxWaitListAtMs = 0;
  waitedTotalMs = 0;
  maxWaitMs = 0;
  private bucket = -1;
  private bucketCalls = 0;
  maxCallsPerPeriod = 0;
  maxCallsAtMs = 0;

  constructor(readonly periodMs: number) {}

  /** A call started at `t` after waiting `waited` ms since it fell due. */
  started(t: number, waited: number): void {
    this.attempts++;
    this.lastStartMs = t;
    this.waitedTotalMs += waited;
    if (waited > this.maxWaitMs) this.maxWaitMs = waited;
    const bucket = Math.floor(t / this.periodMs);
    if (bucket !== this.bucket) {
      this.bucket = bucket;
      this.bucketCalls = 0;
    }
    if (++this.bucketCalls > this.maxCallsPerPeriod) {
      this.maxCallsPerPeriod = this.bucketCalls;
      this.maxCallsAtMs = bucket * this.periodMs;
    }
  }

  /** The state after everything at `t`. */
  observe(t: number, inFlight: number, waitList: number): void {
    if (inFlight > this.maxInFlight) this.maxInFlight = inFlight;
    if (waitList > this.maxWaitList) {
      this.maxWaitList = waitList;
      this.maxWaitListAtMs = t;
    }
  }

  /** Mean calls per period, over the periods from 0 to the one of the last start. */
  get meanCallsPerPeriod(): number {
    return this.attempts === 0 ? 0 : this.attempts / (Math.floor(this.lastStartMs / this.periodMs) + 1);
  }
}
