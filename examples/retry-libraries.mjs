// ky and got retrying with an Upstash-Retry-Delay expression, against a local
// server that fails twice. Run: npm run build && node examples/retry-libraries.mjs
import { createServer } from "node:http";
import got from "got";
import ky from "ky";
import { gotCalculateDelay, retryDelayHook } from "retry-delay";

let failures = 0;
const server = createServer((request, response) => {
  const fail = failures++ % 3 < 2;
  response.statusCode = fail ? 503 : 200;
  response.end(fail ? "busy" : "ok");
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const expression = "100 * pow(2, retried)"; // 100 ms, then 200 ms

let start = performance.now();
const viaKy = await ky(url, { retry: { limit: 3, delay: retryDelayHook(expression) } }).text();
console.log(`ky:  ${viaKy} after 2 retries in ${Math.round(performance.now() - start)} ms (schedule: 100 + 200 ms)`);

start = performance.now();
const viaGot = await got(url, { retry: { limit: 3, calculateDelay: gotCalculateDelay(expression) } }).text();
console.log(`got: ${viaGot} after 2 retries in ${Math.round(performance.now() - start)} ms (schedule: 100 + 200 ms)`);
server.close();
