/**
 * A set of small non-negative integers (word or stem ids) that empties in constant time: a member is an id whose
 * mark equals the current stamp, and emptying moves the stamp on. One instance serves every document of a thread,
 * so the marks (one per stem of the lexicon: 34,000) are neither allocated nor zeroed per document.
 */
export class StampedSet {
  private marks = new Int32Array(0);
  private stamp = 0;

  /** Empties the set and makes room for ids below `size`. */
  reset(size: number): void {
    if (this.stamp === 0x7fffffff) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
    if (this.marks.length < size) this.marks = new Int32Array(Math.max(size, this.marks.length * 2));
  }

  add(id: number): void {
    this.marks[id] = this.stamp;
  }

  has(id: number): boolean {
    return this.marks[id] === this.stamp;
  }
}
