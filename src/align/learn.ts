/**
 * Word pairs learned from a first alignment: Chinese words and English stems that the lexicon leaves unexplained
 * in a link but that keep turning up together (Dice ≥ minDice, seen ≥ minCount times) — names the translator
 * invented (韦小宝 → Trinket), words CC-CEDICT lacks. They join the lexicon for this document only.
 */
import type { ChineseVocabulary } from './features.js';

export interface IndexLink {
  a: number[];
  b: number[];
}

/** Adds the learned pairs to `vocabulary`; returns how many. `rawX` / `rawY`: every token id of each segment. */
export function learnWordPairs(links: IndexLink[], rawX: Int32Array[], rawY: Int32Array[], vocabulary: ChineseVocabulary, minCount: number, minDice: number): number {
  // Too few links teach nothing (checked again below, on the links actually counted): most sentence groups are
  // that small, and sizing the per-stem arrays would be most of their cost.
  let candidates = 0;
  for (const link of links) if (link.a.length && link.b.length) candidates++;
  if (candidates < MIN_LEARNING_LINKS) return 0;
  // Ids are small dense integers: per-link sets are arrays stamped with the link's number (nothing to allocate or
  // clear per link), counts are typed arrays.
  let stemCount = 0;
  let wordCount = 0;
  for (const sentence of rawY) for (let i = 0; i < sentence.length; i++) stemCount = Math.max(stemCount, sentence[i]! + 1);
  for (const sentence of rawX) {
    for (let i = 0; i < sentence.length; i++) {
      wordCount = Math.max(wordCount, sentence[i]! + 1);
      for (const s of vocabulary.full[sentence[i]!]!) stemCount = Math.max(stemCount, s + 1);
    }
  }
  const { inLinkY, glossedInLink, seenInLinkX, countX, countY } = scratchFor(stemCount, wordCount, links.length);
  for (const sentence of rawY) for (let i = 0; i < sentence.length; i++) countY[sentence[i]!] = 0;
  for (const sentence of rawX) for (let i = 0; i < sentence.length; i++) countX[sentence[i]!] = 0;
  const joint = pairCounts();
  const stemsY: number[] = [];
  const wordsX: number[] = [];
  const wordsY: number[] = [];
  let linked = 0;
  let stamp = scratch.stamp;
  for (const link of links) {
    if (!link.a.length || !link.b.length) continue;
    stamp++;
    // Only what the lexicon leaves unexplained in this link: Chinese words none of whose glosses occur in the
    // English, English stems no Chinese word here glosses. Fewer, better candidates.
    stemsY.length = 0;
    for (const y of link.b) {
      const sentence = rawY[y]!;
      for (let i = 0; i < sentence.length; i++) {
        const id = sentence[i]!;
        if (inLinkY[id] !== stamp) (inLinkY[id] = stamp), stemsY.push(id);
      }
    }
    wordsX.length = 0;
    for (const x of link.a) {
      const sentence = rawX[x]!;
      for (let i = 0; i < sentence.length; i++) {
        const id = sentence[i]!;
        if (seenInLinkX[id] === stamp) continue; // a repeated word: same glosses, same verdict
        seenInLinkX[id] = stamp;
        let explained = false;
        for (const s of vocabulary.full[id]!) {
          glossedInLink[s] = stamp;
          if (inLinkY[s] === stamp) explained = true;
        }
        if (!explained && vocabulary.words[id]!.length <= 4) wordsX.push(id);
      }
    }
    wordsY.length = 0;
    for (const s of stemsY) if (glossedInLink[s] !== stamp) wordsY.push(s);
    if (wordsX.length * wordsY.length > 4000) continue;
    linked++;
    for (const s of wordsY) countY[s]!++;
    for (const w of wordsX) {
      countX[w]!++;
      for (const s of wordsY) joint.increment(w, s);
    }
  }
  scratch.stamp = stamp;
  if (linked < MIN_LEARNING_LINKS) return 0;
  let learned = 0;
  for (let slot = 0; slot < joint.capacity; slot++) {
    const together = joint.count[slot]!;
    if (together < minCount) continue; // also skips empty slots (count 0)
    const w = joint.word[slot]!;
    const s = joint.stem[slot]!;
    const cw = countX[w]!;
    if (cw >= minCount && (2 * together) / (cw + countY[s]!) >= minDice) {
      vocabulary.learn(w, s);
      learned++;
    }
  }
  return learned;
}

/** Links needed before anything is learned. */
export const MIN_LEARNING_LINKS = 10;

/**
 * Per-id arrays shared by the calls of this thread (one at a time). Stamps keep counting up from call to call, so
 * the stamp arrays never need clearing; counts are zeroed at the ids a call uses. Allocating and zeroing them per
 * call (stem ids run to the lexicon's 34,000 stems) cost more than the counting.
 */
const scratch = {
  stamp: 0,
  inLinkY: new Int32Array(0),
  glossedInLink: new Int32Array(0),
  seenInLinkX: new Int32Array(0),
  countX: new Int32Array(0),
  countY: new Int32Array(0),
};

/** The scratch arrays, grown to hold the ids, with room for `links` more stamps. */
function scratchFor(stemCount: number, wordCount: number, links: number): typeof scratch {
  if (scratch.stamp > 0x7fffffff - links - 1) {
    // Stamps would overflow: start again from zero.
    scratch.inLinkY.fill(0);
    scratch.glossedInLink.fill(0);
    scratch.seenInLinkX.fill(0);
    scratch.stamp = 0;
  }
  if (scratch.inLinkY.length < stemCount) {
    const size = Math.max(stemCount, scratch.inLinkY.length * 2);
    scratch.inLinkY = new Int32Array(size);
    scratch.glossedInLink = new Int32Array(size);
    scratch.countY = new Int32Array(size);
  }
  if (scratch.seenInLinkX.length < wordCount) {
    const size = Math.max(wordCount, scratch.seenInLinkX.length * 2);
    scratch.seenInLinkX = new Int32Array(size);
    scratch.countX = new Int32Array(size);
  }
  return scratch;
}

let sharedPairCounts: PairCounts | undefined;

/** An empty co-occurrence table (the thread's, cleared; a table that grew is replaced by a small one). */
function pairCounts(): PairCounts {
  if (sharedPairCounts?.capacity === INITIAL_PAIR_CAPACITY) sharedPairCounts.clear();
  else sharedPairCounts = new PairCounts();
  return sharedPairCounts;
}

const INITIAL_PAIR_CAPACITY = 1 << 12;

/**
 * Co-occurrence counts of (word, stem) pairs: an open-addressing hash table in typed arrays (a Map of Maps
 * allocated an entry per pair, hundreds of thousands per document).
 */
class PairCounts {
  capacity = INITIAL_PAIR_CAPACITY;
  word = new Int32Array(this.capacity);
  stem = new Int32Array(this.capacity);
  /** 0: empty slot. */
  count = new Int32Array(this.capacity);
  private size = 0;

  clear(): void {
    this.count.fill(0);
    this.size = 0;
  }

  increment(w: number, s: number): void {
    const mask = this.capacity - 1;
    let slot = hashPair(w, s) & mask;
    for (;;) {
      if (this.count[slot] === 0) break;
      if (this.word[slot] === w && this.stem[slot] === s) {
        this.count[slot]!++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.word[slot] = w;
    this.stem[slot] = s;
    this.count[slot] = 1;
    if (++this.size * 2 > this.capacity) this.grow();
  }

  private grow(): void {
    const { word, stem, count } = this;
    this.capacity *= 2;
    this.word = new Int32Array(this.capacity);
    this.stem = new Int32Array(this.capacity);
    this.count = new Int32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let old = 0; old < count.length; old++) {
      if (count[old] === 0) continue;
      let slot = hashPair(word[old]!, stem[old]!) & mask;
      while (this.count[slot] !== 0) slot = (slot + 1) & mask;
      this.word[slot] = word[old]!;
      this.stem[slot] = stem[old]!;
      this.count[slot] = count[old]!;
    }
  }
}

function hashPair(w: number, s: number): number {
  const h = Math.imul(w, 0x9e3779b1) ^ Math.imul(s, 0x85ebca6b);
  return h ^ (h >>> 15);
}
