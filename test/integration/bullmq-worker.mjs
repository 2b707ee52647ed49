// A BullMQ worker in its own process, so that a test can SIGKILL it mid-schedule.
// Usage: node bullmq-worker.mjs <redis port> <queue name> <bullmq module: bullmq-5 | bullmq-6>
import { Redis } from "ioredis";
import { retryDelayBackoffStrategy } from "../../dist/bullmq.js";

const [port, queueName, bullmqModule = "bullmq"] = process.argv.slice(2);
const { Worker } = await import(bullmqModule);
// BullMQ 6 loads ioredis only when given options; a client instance works on both majors.
const connection = new Redis({ host: "127.0.0.1", port: Number(port), maxRetriesPerRequest: null });
const worker = new Worker(
  queueName,
  async (job) => {
    // The attempt's start time, in Redis with the job, where the test reads it.
    await job.log(`attempt ${job.attemptsMade + 1} at ${Date.now()}`);
    if (job.attemptsMade < job.data.failTimes) throw new Error(`planned failure ${job.attemptsMade + 1}`);
    return "done";
  },
  {
    connection,
    settings: { backoffStrategy: retryDelayBackoffStrategy() },
    // Short locks, so that a job a killed worker held is recovered quickly.
    lockDuration: 2000,
    stalledInterval: 1000,
  },
);
worker.on("ready", () => process.stdout.write("ready\n"));
worker.on("error", (error) => process.stderr.write(`worker error: ${error.message}\n`));
