// Triggering workflow runs with @upstash/workflow: each mistake below is reported where it is.
import { Client } from "@upstash/workflow";

const client = new Client({ token: process.env.QSTASH_TOKEN });

export async function startOnboarding(userId) {
  await client.trigger({
    url: "https://example.com/api/onboarding",
    body: { userId },
    retries: 5,
    // A typo: the variable is `retried`.
    retryDelay: "pow(2, retryd) * 1000",
    // 0 allows no calls at all.
    flowControl: { key: `user-${userId}`, rate: 0, period: "1m" },
  });
}

export async function startReports(ids) {
  // A batch: the second item has no scheme, and 8 days is over the free plan's 7.
  await client.trigger([
    { url: "https://example.com/api/report", body: ids[0] },
    { url: "example.com/api/report", delay: "8d" },
  ]);
}

export async function remind() {
  // A misspelt option would be ignored by the SDK.
  await client.trigger({ url: "https://example.com/api/remind", retrys: 2 });
}
