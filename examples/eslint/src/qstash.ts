// Publishing with @upstash/qstash. TypeScript accepts every value here; the plugin does not.
import { Client, type PublishRequest } from "@upstash/qstash";

const qstash = new Client({ token: process.env.QSTASH_TOKEN ?? "" });

export async function notify(orderId: string): Promise<void> {
  await qstash.publishJSON({
    url: "https://example.com/api/notify",
    body: { orderId },
    // Written "\t" in the source: the report still lands on `Retried`.
    retryDelay: "1000 *\tRetried",
    method: "PUT",
  });
  await qstash.queue({ queueName: "order emails" }).enqueueJSON({ url: "https://example.com/api/email", body: { orderId } });
  await qstash.schedules.create({ destination: "https://example.com/api/cleanup", cron: "0 0 3 * * *" });
}

// An options object checked against the SDK's type is checked by the plugin too.
export const reminder = {
  url: "https://example.com/api/remind",
  retryDelay: "1000*(1+retried)",
} satisfies PublishRequest;

/** A client passed in: found by its type, with type information. */
export async function forward(client: Client, url: string): Promise<void> {
  await client.publish({ url, timeout: "2h", callback: "/api/callback" });
}
