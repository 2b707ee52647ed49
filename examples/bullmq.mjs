// A BullMQ queue whose jobs carry their own retry-delay expression. Runs on BullMQ 5 and 6.
//
//   npm install retry-delay bullmq ioredis
//   redis-server --port 6379 --save "" &
//   node examples/bullmq.mjs [redis port]        (in this repository: npm run build first)
//
// BullMQ 6 no longer depends on ioredis: given connection options, it loads ioredis itself and
// stops with "could not load the optional 'ioredis' package" when it is not installed (and in
// native ESM it asks for a client instance). So the example makes its Redis client with ioredis,
// which BullMQ 5 accepts too.
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { retryDelayBackoff, retryDelayBackoffStrategy } from "retry-delay/bullmq";

const port = Number(process.argv[2] ?? 6379);
// A worker needs maxRetriesPerRequest: null; it duplicates this client for its blocking reads.
const connection = new Redis({ host: "127.0.0.1", port, maxRetriesPerRequest: null });
const queue = new Queue("retry-delay-example", { connection });
const started = Date.now();

const worker = new Worker(
  queue.name,
  async (job) => {
    console.log(`+${Date.now() - started} ms  attempt ${job.attemptsMade + 1} of ${job.opts.attempts}`);
    if (job.attemptsMade < 3) throw new Error("not yet");
    return "done";
  },
  { connection, settings: { backoffStrategy: retryDelayBackoffStrategy() } },
);

worker.on("completed", async (job) => {
  console.log(`completed after ${job.attemptsMade} attempts`); // attemptsMade counts the successful one too
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit(); // BullMQ closes only the connections it made
});

// retried = 0, 1, 2 → 200, 400, 800 ms
await queue.add("job", {}, { attempts: 5, backoff: retryDelayBackoff("200 * pow(2, retried)") });
