// Valid options, and values only known at run time: nothing to report.
import { Client } from "@upstash/workflow";

const client = new Client({ token: process.env.QSTASH_TOKEN });
const RETRY_DELAY = "min(60000, pow(2, retried) * 1000)";

export async function start(url, retries) {
  await client.trigger({ url: "https://example.com/api/workflow", retries: 5, retryDelay: RETRY_DELAY, flowControl: { key: "imports", parallelism: 5 } });
  await client.trigger({ url, retries, retryDelay: process.env.RETRY_DELAY });
}
