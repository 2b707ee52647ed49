import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { delimiter, join } from "node:path";
import { describe } from "vitest";

/*
 * A real redis-server for the BullMQ tests: started by the test on a free
 * loopback port, without persistence, and stopped after it. `.ci/run`
 * installs redis-server from Debian when it is missing, so in CI these tests
 * always run; locally (`apt-get install -y redis-server`) they are skipped,
 * with the reason printed, only when the binary is absent.
 */

/** redis-server on the PATH (as `which redis-server` finds it), or where Debian and Homebrew put it. */
const REDIS_BINARY = [...(process.env.PATH ?? "").split(delimiter).filter(Boolean), "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
  .map((dir) => join(dir, "redis-server"))
  .find((path) => existsSync(path));

/** The BullMQ majors the adapter supports, as the npm aliases the dev dependencies install them. */
export const BULLMQ_MAJORS = [
  { alias: "bullmq-5", major: 5 },
  { alias: "bullmq-6", major: 6 },
] as const;

/** `describe`, or `describe.skip` with the reason printed when redis-server is not installed outside CI. */
export function describeWithRedis(name: string, body: () => void): void {
  if (REDIS_BINARY === undefined && process.env.CI === undefined) {
    console.warn(`skipped "${name}": redis-server is not installed (apt-get install -y redis-server)`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

export interface RedisServer {
  readonly port: number;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  if (REDIS_BINARY === undefined) throw new Error("redis-server is not installed: apt-get install -y redis-server");
  const port = await freePort();
  const server = spawn(REDIS_BINARY, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForLine(server, /Ready to accept connections/);
  return {
    port,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === "object" && address !== null ? address.port : 0);
      });
    });
  });
}

export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => {
      reject(new Error(`timed out waiting for ${pattern}; saw: ${seen.slice(-500)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited (${code}) before ${pattern}; saw: ${seen.slice(-500)}`));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
