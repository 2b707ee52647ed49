// Types for bench/performance-doc.mjs: the sections of docs/performance.md that `npm run bench` writes.

/** A run's document, as bench/run.mjs writes it to bench/results/latest.json (the fields the sections read). */
export type BenchDocument = Readonly<Record<string, unknown>>;

/** One marked section: its two markers and the Markdown between them, markers included. */
export interface DocSection {
  readonly start: string;
  readonly end: string;
  readonly markdown: string;
}

export function serverSectionMarkdown(d: BenchDocument): string;
export function resultsSectionMarkdown(d: BenchDocument): string;
export function performanceDocSections(d: BenchDocument): DocSection[];
export function updatePerformanceDoc(file: string, sections: readonly DocSection[]): void;
