// A BullMQ queue whose jobs carry their own retry-delay expression.
// Needs a Redis: redis-server --port 6379 --save "" &  then:
//   npm run build && node examples/bullmq.mjs [redis port]
import { Queue, Worker } from "bullmq";
import { retryDelayBackoff, retryDelayBackoffStrategy } from "retry-delay/bullmq";

const connection = { host: "127.0.0.1", port: Number(process.argv[2] ?? 6379), maxRetriesPerRequest: null };
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

// retried = 0, 1, 2 → 200, 400, 800 ms
await queue.add("job", {}, { attempts: 5, backoff: retryDelayBackoff("200 * pow(2, retried)") });
worker.on("completed", async (job) => {
  console.log(`completed after ${job.attemptsMade} attempts`); // attemptsMade counts the successful one too
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
});
