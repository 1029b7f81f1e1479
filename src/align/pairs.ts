/**
 * Pair evidence cache of the fine search: for the few X rows it reads (x − 3 … x − 1), per Y position, the
 * evidence of the pair and its name matches. The evidence lives in one growing arena per row and the cells in
 * typed arrays, so caching a pair allocates nothing (a Uint8Array and an object per pair used to make most of the
 * fine pass's garbage). Rows are overwritten as the search moves on, so memory stays bounded.
 *
 * A pair's evidence is sparse: only the tokens that matched, as `evidenceEntry(token, level)`, X tokens first
 * then Y tokens, each in token order. The search reads every cached pair once per bead shape, and most tokens
 * of a pair match nothing.
 */
export const evidenceEntry = (token: number, level: number): number => (token << 2) | level;
export const entryToken = (entry: number): number => entry >> 2;
export const entryLevel = (entry: number): number => entry & 3;

export class PairRow {
  /** The X segment of this row, or -1. */
  x = -1;
  /** Y position of cell 0. */
  base = 0;
  /** Per cell: offset of its levels in `arena`, -1 while not computed. */
  start = new Int32Array(64).fill(-1);
  /** Per cell: number of evidence entries (X tokens then Y tokens); 0 when no token matched. */
  length = new Int32Array(64);
  /** Per cell: how many of its entries are X tokens'. */
  countX = new Int32Array(64);
  /** Per cell: weighted count of name matches. */
  names = new Float64Array(64);
  arena = new Int32Array(1024);
  used = 0;
  /** One past the highest cell handed out since the last reset (what a reset must clear). */
  private high = 0;

  reset(x: number, base: number): void {
    this.x = x;
    this.base = base;
    this.used = 0;
    this.start.fill(-1, 0, this.high);
    this.high = 0;
  }

  /** Cell of Y position y, growing the row when y lies past its end; -1 when y lies before its base. */
  cell(y: number): number {
    const c = y - this.base;
    if (c < 0) return -1;
    if (c >= this.start.length) {
      let size = this.start.length * 2;
      while (size <= c) size *= 2;
      const start = new Int32Array(size).fill(-1);
      const length = new Int32Array(size);
      const countX = new Int32Array(size);
      const names = new Float64Array(size);
      start.set(this.start);
      length.set(this.length);
      countX.set(this.countX);
      names.set(this.names);
      this.start = start;
      this.length = length;
      this.countX = countX;
      this.names = names;
    }
    if (c >= this.high) this.high = c + 1;
    return c;
  }

  /** Room for `size` more entries; returns where they go. */
  reserve(size: number): number {
    if (this.used + size > this.arena.length) {
      let capacity = this.arena.length * 2;
      while (capacity < this.used + size) capacity *= 2;
      const arena = new Int32Array(capacity);
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    return this.used;
  }
}

export class PairRows {
  private readonly rows: PairRow[];

  constructor(readonly size: number) {
    this.rows = Array.from({ length: size }, () => new PairRow());
  }

  /** The row of X segment x; `base` is the lowest Y position it will be asked for (used when it is started). */
  row(x: number, base: number): PairRow {
    const row = this.rows[x % this.size]!;
    if (row.x !== x || base < row.base) row.reset(x, base);
    return row;
  }

  clear(): void {
    for (const row of this.rows) row.x = -1;
  }
}
