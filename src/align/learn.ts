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
  const inLinkY = new Int32Array(stemCount);
  const glossedInLink = new Int32Array(stemCount);
  const seenInLinkX = new Int32Array(wordCount);
  const countX = new Int32Array(wordCount);
  const countY = new Int32Array(stemCount);
  const joint = new PairCounts();
  const stemsY: number[] = [];
  const wordsX: number[] = [];
  const wordsY: number[] = [];
  let linked = 0;
  let stamp = 0;
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
  if (linked < 10) return 0;
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

/**
 * Co-occurrence counts of (word, stem) pairs: an open-addressing hash table in typed arrays (a Map of Maps
 * allocated an entry per pair, hundreds of thousands per document).
 */
class PairCounts {
  capacity = 1 << 12;
  word = new Int32Array(this.capacity);
  stem = new Int32Array(this.capacity);
  /** 0: empty slot. */
  count = new Int32Array(this.capacity);
  private size = 0;

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
