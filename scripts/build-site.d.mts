import type { Server } from "node:http";

/** Builds the playground into `outdir` as one self-contained index.html (script and styles inline) beside syntax-diagrams.html; returns `outdir`. */
export function buildPlayground(outdir?: string): Promise<string>;
/** Every relative href/src in the HTML files under `dir` that does not resolve to a file, as "page -> url". */
export function brokenLinks(dir: string): string[];
/** Serves `dir` on 127.0.0.1 (default port 4173, else any free one), prints the URL, and with `open` tries to open a browser. */
export function servePlayground(dir: string, options?: { port?: number; open?: boolean; log?: (line: string) => void }): Promise<Server>;
