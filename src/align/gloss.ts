/**
 * For the few Chinese (X) segments a search reads at once, which of their tokens each English stem translates.
 *
 * A table per segment used to be a Map from stem to a token list, allocated for every segment and rebuilt
 * after learning: most of the aligner's garbage. Here each of a handful of slots holds one dense per-stem array
 * stamped with a build number (a stale stamp means "no entry", so a rebuild clears nothing) and linked lists of
 * tokens in flat typed arrays: building a table allocates nothing once the buffers have grown, a lookup is two
 * or three reads of one cache line.
 */
export class GlossSlot {
  /** The X segment this slot describes, or -1. */
  x = -1;
  /** Build number of the current table. */
  build = 0;
  /**
   * Three ints per stem s: at 3s the build that wrote the entry (stale: no entry), at 3s + 1 the first list cell
   * of the tokens whose word glosses s, at 3s + 2 that of the tokens whose characters' glosses give s (-1: none).
   */
  entries: Int32Array;
  /** List cells: the token index, and the next cell of the same list (-1 ends it). */
  token = new Int32Array(256);
  next = new Int32Array(256);
  private used = 0;

  constructor(stemCount: number) {
    this.entries = new Int32Array(stemCount * 3);
  }

  /**
   * Room for stem ids below `stemCount` (a table far too large for them is replaced, so one huge document does
   * not keep its memory); a new table has no entry, as stamp 0 is no build.
   */
  reserve(stemCount: number): void {
    const size = this.entries.length / 3;
    if (size < stemCount || size > 4 * stemCount + 65_536) this.entries = new Int32Array(Math.ceil(stemCount * 1.25) * 3);
    this.x = -1;
  }

  /** Drops every entry: stamps restart (the build counter is about to overflow). */
  restart(): void {
    this.entries.fill(0);
    this.x = -1;
  }

  fill(x: number, build: number, tokens: Int32Array, vocabulary: GlossCodes): void {
    this.x = x;
    this.build = build;
    this.used = 0;
    const entries = this.entries;
    for (let t = 0; t < tokens.length; t++) {
      const codes = vocabulary.glossCodes(tokens[t]!);
      if (this.used + codes.length > this.token.length) this.grow(this.used + codes.length);
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i]!;
        const list = code % 3;
        const entry = code - list;
        if (entries[entry] !== build) {
          entries[entry] = build;
          entries[entry + 1] = -1;
          entries[entry + 2] = -1;
        }
        this.token[this.used] = t;
        this.next[this.used] = entries[code]!;
        entries[code] = this.used++;
      }
    }
  }

  private grow(needed: number): void {
    let size = this.token.length * 2;
    while (size < needed) size *= 2;
    const token = new Int32Array(size);
    const next = new Int32Array(size);
    token.set(this.token);
    next.set(this.next);
    this.token = token;
    this.next = next;
  }
}

/** A word's glosses as codes into `GlossSlot.entries`: 3 × stem + 1 for a word gloss, 3 × stem + 2 for a character gloss. */
export interface GlossCodes {
  glossCodes(word: number): Int32Array;
}

/** A ring of gloss tables: segment x lives in slot x mod size, so any `size` consecutive segments coexist. */
export class GlossTables {
  private readonly slots: GlossSlot[];
  private builds = 0;

  constructor(stemCount: number, size = 4) {
    this.slots = Array.from({ length: size }, () => new GlossSlot(stemCount));
  }

  /** The table of segment x (built now unless its slot already holds it). */
  of(x: number, tokens: Int32Array, vocabulary: GlossCodes): GlossSlot {
    const slot = this.slots[x % this.slots.length]!;
    if (slot.x !== x) {
      if (this.builds === MAX_BUILD) this.restart();
      slot.fill(x, ++this.builds, tokens, vocabulary);
    }
    return slot;
  }

  /** Forgets every table (the segments' tokens or glosses changed). */
  clear(): void {
    for (const slot of this.slots) slot.x = -1;
  }

  /**
   * Makes the tables ready for another set of segments with stem ids below `stemCount`. Entries need no
   * clearing: builds keep counting up, so every stamp left by earlier segments is stale.
   */
  reuse(stemCount: number): void {
    for (const slot of this.slots) slot.reserve(stemCount);
  }

  private restart(): void {
    for (const slot of this.slots) slot.restart();
    this.builds = 0;
  }
}

/** Build numbers are stored in an Int32Array. */
const MAX_BUILD = 0x7fffffff;
