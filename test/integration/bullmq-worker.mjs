// A BullMQ worker in its own process, so that a test can SIGKILL it mid-schedule.
// Usage: node bullmq-worker.mjs <redis port> <queue name>
import { Worker } from "bullmq";
import { retryDelayBackoffStrategy } from "../../dist/bullmq.js";

const [port, queueName] = process.argv.slice(2);
const worker = new Worker(
  queueName,
  async (job) => {
    // The attempt's start time, in Redis with the job, where the test reads it.
    await job.log(`attempt ${job.attemptsMade + 1} at ${Date.now()}`);
    if (job.attemptsMade < job.data.failTimes) throw new Error(`planned failure ${job.attemptsMade + 1}`);
    return "done";
  },
  {
    connection: { host: "127.0.0.1", port: Number(port), maxRetriesPerRequest: null },
    settings: { backoffStrategy: retryDelayBackoffStrategy() },
    // Short locks, so that a job a killed worker held is recovered quickly.
    lockDuration: 2000,
    stalledInterval: 1000,
  },
);
worker.on("ready", () => process.stdout.write("ready\n"));
worker.on("error", (error) => process.stderr.write(`worker error: ${error.message}\n`));
