/**
 * A small memo of recent results, keyed by text, for analyses that several stages run on the same sentences of
 * one document (numbers for align, check and extract; word segmentation for align, check and extract).
 *
 * It is bounded and forgets the oldest entry first (a Map keeps insertion order). 1,024 texts cover one document,
 * so it serves repeats within a document only; it is not a cache across a corpus (ours repeats a sentence only
 * ~4,000 texts apart, so benchmark timings stay honest). Texts longer than `maxKeyLength` are not kept, which
 * bounds its memory to a few megabytes. Values are shared between callers, so callers freeze them before storing.
 */
export class RecentMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly capacity = 1024,
    private readonly maxKeyLength = 4000,
  ) {}

  get(key: string): V | undefined {
    return key.length > this.maxKeyLength ? undefined : this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}
