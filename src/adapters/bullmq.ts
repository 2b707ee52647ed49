/**
 * retry-delay for BullMQ: jobs carry an `Upstash-Retry-Delay` expression in
 * their backoff options, and the worker's backoff strategy computes each
 * retry's delay from it.
 *
 * ```ts
 * import { Queue, Worker } from "bullmq";
 * import { Redis } from "ioredis";
 * import { retryDelayBackoff, retryDelayBackoffStrategy } from "retry-delay/bullmq";
 *
 * const connection = new Redis({ maxRetriesPerRequest: null });
 * const queue = new Queue("emails", { connection });
 * await queue.add("send", payload, { attempts: 6, backoff: retryDelayBackoff("pow(2, retried) * 1000") });
 * const worker = new Worker("emails", sendEmail, { connection, settings: { backoffStrategy: retryDelayBackoffStrategy() } });
 * ```
 *
 * It imports nothing from bullmq at run time; `bullmq` is an optional peer
 * dependency, so users of the core install nothing extra. Supported: BullMQ 5
 * and 6 (peer range `^5.0.0 || ^6.0.0`; the tests run both, through the dev
 * aliases `bullmq-5` and `bullmq-6`, against a real Redis). BullMQ 5 brings
 * `ioredis` and also takes connection options; BullMQ 6 has it only as an
 * optional peer: install `ioredis` beside it and pass a client, as above, or
 * pass another client BullMQ 6 supports (node-redis, Bun's).
 *
 * @packageDocumentation
 */
// The build splits what the entries share into common chunks (scripts/build.mjs), so these imports make dist/bullmq.js
// a small entry over the core's own code, with its one RetryDelayError, never a copy (test/package/bundle.test.ts).
import { expectOptions, invalidArgument } from "../diagnostics/arguments.js";
import {
  createCompileCache,
  renderDiagnostics,
  RetryDelayError,
  tryCompile,
  type CompileCache,
  type NormalizationPolicy,
} from "../index.js";
import { normalizeDelay } from "../tables.js";

/**
 * The backoff type is this prefix followed by the expression: `retry-delay:pow(2, retried) * 1000`.
 *
 * @example
 * ```ts
 * await queue.add("job", data, { attempts: 4, backoff: { type: `${BACKOFF_TYPE_PREFIX}pow(2, retried) * 1000` } });
 * ```
 */
export const BACKOFF_TYPE_PREFIX = "retry-delay:";

/**
 * The parts of a BullMQ job the strategy reads (and, for an invalid expression, writes).
 *
 * @example
 * ```ts
 * const job: BackoffJob = { opts: { attempts: 4 } };
 * retryDelayBackoffStrategy()(1, "retry-delay:1000", new Error("down"), job); // 1000
 * ```
 */
export interface BackoffJob {
  readonly opts?: { readonly attempts?: number };
  /** BullMQ records this as the job's failure reason after asking the strategy. */
  failedReason?: string;
}

/**
 * BullMQ's `settings.backoffStrategy` signature.
 *
 * @example
 * ```ts
 * const strategy: BackoffStrategy = retryDelayBackoffStrategy();
 * new Worker("queue", processor, { connection, settings: { backoffStrategy: strategy } });
 * ```
 */
export type BackoffStrategy = (attemptsMade: number, type?: string, err?: Error, job?: BackoffJob) => number | Promise<number>;

/**
 * Options of {@link retryDelayBackoffStrategy}.
 *
 * @example
 * ```ts
 * const options: BackoffStrategyOptions = { cache: createCompileCache({ maxEntries: 100 }), otherTypes: () => 5000 };
 * const backoffStrategy = retryDelayBackoffStrategy(options);
 * ```
 */
export interface BackoffStrategyOptions {
  /** Where expressions are compiled; default a cache of 1000 entries for this strategy. */
  readonly cache?: CompileCache;
  readonly normalization?: NormalizationPolicy;
  /** The strategy for backoff types that are not `retry-delay:…` (your other custom types). Without it they fail the job. */
  readonly otherTypes?: BackoffStrategy;
}

/**
 * The `backoff` job option that carries an expression. Checks it first, so a
 * producer learns of a mistake at `queue.add`, not at the first retry.
 *
 * @example
 * ```ts
 * await queue.add("job", data, { attempts: 4, backoff: retryDelayBackoff("1000 * (1 + retried)") });
 * ```
 */
export function retryDelayBackoff(expression: string): { readonly type: string } {
  const checked = tryCompile(expression, { retries: 0 });
  if (!checked.ok) throw new RetryDelayError(typeof expression === "string" ? expression : "", checked.diagnostics);
  return { type: `${BACKOFF_TYPE_PREFIX}${expression}` };
}

/**
 * The worker's backoff strategy. BullMQ calls it with `attemptsMade` counting
 * the attempt that just failed (1 after the first failure), so the
 * expression sees `retried = attemptsMade - 1`: 0 for the first retry, as
 * Upstash defines it. Values are normalized (negative → 0, fractions
 * truncated, NaN/Infinity → the default backoff). An invalid expression fails
 * the job at once (-1), with the diagnostics as its failure reason; the
 * worker goes on. Never throws.
 *
 * @example
 * ```ts
 * new Worker("queue", processor, { connection, settings: { backoffStrategy: retryDelayBackoffStrategy() } });
 * ```
 */
export function retryDelayBackoffStrategy(given: BackoffStrategyOptions = {}): BackoffStrategy {
  const options = checkStrategyOptions(given);
  const cache = options.cache ?? createCompileCache();
  return (attemptsMade, type, err, job) => {
    if (typeof type !== "string" || !type.startsWith(BACKOFF_TYPE_PREFIX)) {
      if (options.otherTypes !== undefined) return options.otherTypes(attemptsMade, type, err, job);
      setFailedReason(
        job,
        `unknown backoff type ${typeof type === "string" ? JSON.stringify(type) : `(${typeof type})`}; retry-delay handles "${BACKOFF_TYPE_PREFIX}<expression>"`,
      );
      return -1;
    }
    const source = type.slice(BACKOFF_TYPE_PREFIX.length);
    const attempts = attemptsOf(job);
    const retries = typeof attempts === "number" && Number.isInteger(attempts) && attempts >= 1 ? Math.min(attempts - 1, 1_000_000) : 3;
    const compiled = cache.get(source, { retries });
    if (!compiled.ok) {
      setFailedReason(job, `invalid retry-delay expression\n${renderDiagnostics(source, compiled.diagnostics)}`);
      return -1;
    }
    if (typeof attemptsMade !== "number" || !Number.isFinite(attemptsMade)) {
      setFailedReason(
        job,
        `BullMQ passed attemptsMade = ${typeof attemptsMade === "number" ? String(attemptsMade) : `(${typeof attemptsMade})`}; expected a number`,
      );
      return -1;
    }
    const retried = Math.max(0, Math.trunc(attemptsMade) - 1);
    return normalizeDelay(compiled.value(retried), retried, options.normalization).ms;
  };
}

/**
 * The options are the program's: a wrong one throws `invalid-argument` when
 * the strategy is made, never inside a worker. They are read once, own
 * fields only (expectOptions), so a polluted Object.prototype is never read.
 */
function checkStrategyOptions(options: unknown): BackoffStrategyOptions {
  const { cache, otherTypes, normalization } = expectOptions(options, "the strategy options");
  if (cache !== undefined && (typeof cache !== "object" || cache === null || typeof (cache as { get?: unknown }).get !== "function"))
    invalidArgument("options.cache must be a cache from createCompileCache");
  if (otherTypes !== undefined && typeof otherTypes !== "function")
    invalidArgument("options.otherTypes must be a backoff strategy function");
  // normalizeDelay checks a policy and throws invalid-argument for a wrong one.
  normalizeDelay(0, 0, normalization as NormalizationPolicy | undefined);
  return { cache, otherTypes, normalization } as BackoffStrategyOptions;
}

/** `job.opts.attempts`, read without letting a hostile job throw inside the worker. */
function attemptsOf(job: BackoffJob | undefined): unknown {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a job deserialized from redis may be anything, whatever its type says
  if (typeof job !== "object" || job === null) return undefined;
  try {
    return job.opts?.attempts;
  } catch {
    return undefined;
  }
}

/** Tells BullMQ why the job fails. The strategy runs inside a worker, so even a job object that refuses the write must not make it throw. */
function setFailedReason(job: BackoffJob | undefined, reason: string): void {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a job deserialized from redis may be anything, whatever its type says
  if (typeof job !== "object" || job === null) return;
  try {
    job.failedReason = reason;
  } catch {
    // A frozen or proxied job: BullMQ still fails it on the -1.
  }
}
