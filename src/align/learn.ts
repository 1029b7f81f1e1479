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
  const countX = new Map<number, number>();
  const countY = new Map<number, number>();
  const joint = new Map<number, Map<number, number>>();
  let linked = 0;
  for (const link of links) {
    if (!link.a.length || !link.b.length) continue;
    // Only what the lexicon leaves unexplained in this link: Chinese words none of whose glosses occur in the
    // English, English stems no Chinese word here glosses. Fewer, better candidates.
    const stemsY = new Set<number>();
    for (const y of link.b) for (const id of rawY[y]!) stemsY.add(id);
    const glossed = new Set<number>();
    const wordsX = new Set<number>();
    for (const x of link.a) {
      for (const id of rawX[x]!) {
        let explained = false;
        for (const s of vocabulary.full[id]!) {
          glossed.add(s);
          if (stemsY.has(s)) explained = true;
        }
        if (!explained && vocabulary.words[id]!.length <= 4) wordsX.add(id);
      }
    }
    const wordsY = new Set<number>();
    for (const s of stemsY) if (!glossed.has(s)) wordsY.add(s);
    if (wordsX.size * wordsY.size > 4000) continue;
    linked++;
    for (const s of wordsY) countY.set(s, (countY.get(s) ?? 0) + 1);
    for (const w of wordsX) {
      countX.set(w, (countX.get(w) ?? 0) + 1);
      let row = joint.get(w);
      if (!row) joint.set(w, (row = new Map()));
      for (const s of wordsY) row.set(s, (row.get(s) ?? 0) + 1);
    }
  }
  if (linked < 10) return 0;
  let learned = 0;
  for (const [w, row] of joint) {
    const cw = countX.get(w)!;
    if (cw < minCount) continue;
    for (const [s, together] of row) {
      if (together >= minCount && (2 * together) / (cw + countY.get(s)!) >= minDice) {
        vocabulary.learn(w, s);
        learned++;
      }
    }
  }
  return learned;
}
