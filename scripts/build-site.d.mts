/** Builds the playground (index.html, style.css, app.js) into `outdir`; returns it. */
export function buildPlayground(outdir?: string): Promise<string>;
/** Every relative href/src in the HTML files under `dir` that does not resolve to a file, as "page -> url". */
export function brokenLinks(dir: string): string[];
