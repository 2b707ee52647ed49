/**
 * The headers of one message as they are assembled: names are
 * case-insensitive, so a later `set` of `x-a` replaces an earlier `X-A`
 * (keeping the first spelling), as `Headers.set` does. Lookups are by a Map
 * of lower-cased names, so assembling n headers costs O(n), not O(n²).
 */
export class HeaderList {
  private readonly byLower = new Map<string, { name: string; value: string }>();

  set(name: string, value: string): void {
    const lower = name.toLowerCase();
    const existing = this.byLower.get(lower);
    if (existing === undefined) this.byLower.set(lower, { name, value });
    else existing.value = value;
  }

  get(name: string): string | undefined {
    return this.byLower.get(name.toLowerCase())?.value;
  }

  delete(name: string): void {
    this.byLower.delete(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byLower.has(name.toLowerCase());
  }

  /** The headers as a prototype-free-safe record (names written with defineProperty, so `__proto__` stays a header). */
  toRecord(): Record<string, string> {
    const record: Record<string, string> = {};
    for (const { name, value } of this.byLower.values())
      Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
    return record;
  }

  entries(): IterableIterator<{ name: string; value: string }> {
    return this.byLower.values();
  }
}
