/** Builds the playground (index.html, style.css, app.js) into `outdir`; returns it. */
export function buildPlayground(outdir?: string): Promise<string>;
