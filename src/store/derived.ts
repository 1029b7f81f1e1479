/**
 * Timeline and entity results kept between calls until the archive changes.
 *
 * Both are derived from every stored fact (grouping needs them all), which costs about a second per 10k dated
 * facts; the reader asks for them on every page view. A change token read from the database (the highest fact
 * row id and the number of revisions, both index lookups) tells whether anything was added since: any ingest
 * that changes facts inserts new fact rows, and any new revision adds a revision row — from this process or
 * from another one writing to the same database. Results are shared: callers must not modify them.
 */
export class DerivedCache {
  private token: string | undefined;
  private readonly results = new Map<string, Promise<unknown>>();

  /** At most this many option sets are kept (filters make distinct keys). */
  constructor(private readonly capacity = 32) {}

  async get<T>(token: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (token !== this.token) {
      this.results.clear();
      this.token = token;
    }
    let result = this.results.get(key) as Promise<T> | undefined;
    if (!result) {
      result = compute();
      this.results.set(key, result);
      // A failed computation is not remembered.
      result.catch(() => this.results.get(key) === result && this.results.delete(key));
      if (this.results.size > this.capacity) this.results.delete(this.results.keys().next().value!);
    } else {
      // Most recently used last, so the oldest key is the one evicted.
      this.results.delete(key);
      this.results.set(key, result);
    }
    return result;
  }
}

/** A cache key for an options object (property order does not matter). */
export function optionsKey(kind: string, options: object): string {
  return kind + JSON.stringify(Object.entries(options).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
}
