/**
 * The bead text format of the MAC-Dev / Bertalign / Vecalign gold files (`[0,1]:[0]`, `[]` for an empty side,
 * one bead per line, 0-based line numbers) and the strict / lax precision-recall scoring those projects use.
 */
import { ConcordError } from '../model.js';

export interface IndexBead {
  a: number[];
  b: number[];
}

export function formatBead(bead: IndexBead): string {
  return `[${bead.a.join(',')}]:[${bead.b.join(',')}]`;
}

export function formatBeads(beads: IndexBead[]): string {
  return beads.map((bead) => formatBead(bead) + '\n').join('');
}

export function parseBeads(text: string, origin = 'beads'): IndexBead[] {
  const beads: IndexBead[] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const match = /^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]$/.exec(trimmed);
    if (!match) throw new ConcordError(`${origin}:${index + 1}: not a bead ("[0,1]:[2]" expected): ${trimmed.slice(0, 40)}`);
    const list = (s: string) => s.split(',').map((v) => v.trim()).filter(Boolean).map(Number);
    beads.push({ a: list(match[1]!), b: list(match[2]!) });
  });
  return beads;
}

export interface Counts {
  strictHits: number;
  strictMisses: number;
  laxHits: number;
  laxMisses: number;
}

export interface Scores {
  strict: { precision: number; recall: number; f1: number };
  lax: { precision: number; recall: number; f1: number };
}

const key = (bead: IndexBead) => `${bead.a.join(',')}:${bead.b.join(',')}`;

/** Hits of `test` beads against `gold` (Vecalign's `_precision`): strict = identical bead, lax = shares a link. */
export function precisionCounts(gold: IndexBead[], test: IndexBead[]): Counts {
  const goldKeys = new Set(gold.filter((g) => g.a.length || g.b.length).map(key));
  const goldTargets = new Map<number, Set<number>>();
  for (const g of gold) {
    for (const a of g.a) {
      let set = goldTargets.get(a);
      if (!set) goldTargets.set(a, (set = new Set()));
      for (const b of g.b) set.add(b);
    }
  }
  const counts: Counts = { strictHits: 0, strictMisses: 0, laxHits: 0, laxMisses: 0 };
  const seen = new Set<string>();
  for (const t of test) {
    if (!t.a.length && !t.b.length) continue;
    const k = key(t);
    if (seen.has(k)) continue;
    seen.add(k);
    if (goldKeys.has(k)) {
      counts.strictHits++;
      counts.laxHits++;
      continue;
    }
    counts.strictMisses++;
    const lax = t.a.some((a) => t.b.some((b) => goldTargets.get(a)?.has(b)));
    if (lax) counts.laxHits++;
    else counts.laxMisses++;
  }
  return counts;
}

export interface DocumentCounts {
  precision: Counts;
  recall: Counts;
}

/** Counts for one document: precision over all test beads, recall over gold beads with both sides non-empty. */
export function documentCounts(gold: IndexBead[], test: IndexBead[]): DocumentCounts {
  const bothSides = (beads: IndexBead[]) => beads.filter((b) => b.a.length && b.b.length);
  return { precision: precisionCounts(gold, test), recall: precisionCounts(bothSides(test), bothSides(gold)) };
}

function add(x: Counts, y: Counts): Counts {
  return { strictHits: x.strictHits + y.strictHits, strictMisses: x.strictMisses + y.strictMisses, laxHits: x.laxHits + y.laxHits, laxMisses: x.laxMisses + y.laxMisses };
}

export function sumCounts(all: DocumentCounts[]): DocumentCounts {
  const zero: Counts = { strictHits: 0, strictMisses: 0, laxHits: 0, laxMisses: 0 };
  return all.reduce((s, d) => ({ precision: add(s.precision, d.precision), recall: add(s.recall, d.recall) }), { precision: zero, recall: zero });
}

/** Ratios from counts summed over documents (as Bertalign and Vecalign report). */
export function scoresOf(counts: DocumentCounts): Scores {
  const ratio = (hits: number, misses: number) => (hits + misses ? hits / (hits + misses) : 0);
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const sp = ratio(counts.precision.strictHits, counts.precision.strictMisses);
  const sr = ratio(counts.recall.strictHits, counts.recall.strictMisses);
  const lp = ratio(counts.precision.laxHits, counts.precision.laxMisses);
  const lr = ratio(counts.recall.laxHits, counts.recall.laxMisses);
  return { strict: { precision: sp, recall: sr, f1: f1(sp, sr) }, lax: { precision: lp, recall: lr, f1: f1(lp, lr) } };
}
