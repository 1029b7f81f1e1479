/**
 * Sentence (and paragraph) alignment of two monotonic lists of segments: dynamic programming over bead shapes
 * (1-0, 0-1 and k-l up to 3×6), in passes that each cost time linear in the length of the input:
 *
 *  1. coarse: a weighted longest-common-path over 1-1 segment similarities in a band around the length diagonal
 *     (widened when the path runs along its edge), which finds where the translation is;
 *  2. learned: word pairs that keep co-occurring in the coarse links (Dice ≥ 0.5, seen ≥ 3 times: names the
 *     translator invented, words CC-CEDICT lacks) join the lexicon for this document;
 *  3. fine: the full bead-shape search in a narrow corridor around the coarse path.
 *
 * Signals: lexical coverage (IDF-weighted share of each side's content words translated on the other side,
 * harmonic mean), length (ratio learned from the document), anchors (numbers, Latin words, ? ! quotes),
 * transliterated names (pinyin). Chinese–English only for the lexicon and names; other pairs use the rest.
 */
import { ConcordError } from '../model.js';
import { lexiconAvailable, loadLexicon, type Lexicon } from '../lang/lexicon.js';
import { chineseTokens, ChineseVocabulary, englishTokens, StemSpace, visibleLength, weigh } from './features.js';
import { countNameMatches, keyPrefixes, nameWords, pinyinKeys, type NameWord } from './names.js';
import { anchorScore, packAnchors, type PackedAnchors } from './anchors.js';
import { bandAround, corridorAround, lengthDiagonal, type Corridor } from './corridor.js';
import { learnWordPairs, MIN_LEARNING_LINKS } from './learn.js';
import { GlossTables, type GlossSlot } from './gloss.js';
import { entryLevel, entryToken, evidenceEntry, PairRows, type PairRow } from './pairs.js';
import { StampedSet } from './stamped-set.js';
import { DEFAULT_PARAMETERS, type AlignOptions, type AlignParameters, type Bead } from './options.js';

export type { AlignOptions, AlignParameters, Bead } from './options.js';
export { DEFAULT_PARAMETERS } from './options.js';

const MAX_COARSE_CELLS = 16_000_000;

/** Confident coarse links needed to learn the document's length ratio. */
const MIN_RATIO_LINKS = 5;

/** Upper bound of segments per side; beyond it the input is refused rather than exhausting memory. */
export const MAX_SEGMENTS = 2_000_000;

const isChinese = (lang: string) => /^(zh|cmn|yue|lzh)\b/i.test(lang);
const isEnglish = (lang: string) => /^en\b/i.test(lang);

/** Aligns segments `a` (language `langA`) with `b` (language `langB`). Monotonic; every segment is in exactly one bead. */
export function alignSentences(a: string[], b: string[], langA: string, langB: string, options: AlignOptions = {}): Bead[] {
  if (a.length > MAX_SEGMENTS || b.length > MAX_SEGMENTS) throw new ConcordError(`too many segments to align (${Math.max(a.length, b.length)}; at most ${MAX_SEGMENTS})`);
  if (!a.length && !b.length) return [];
  if (!a.length) return b.map((_, j) => ({ a: [], b: [j], confidence: 1 }));
  if (!b.length) return a.map((_, i) => ({ a: [i], b: [], confidence: 1 }));
  // The lexical model reads Chinese on side X and English on side Y: swap when given the other way round.
  if (isEnglish(langA) && isChinese(langB)) {
    const swapped = alignSentences(b, a, langB, langA, { ...options, maxBead: options.maxBead ? [options.maxBead[1], options.maxBead[0]] : undefined });
    return swapped.map((bead) => ({ a: bead.b, b: bead.a, confidence: bead.confidence }));
  }
  const chineseEnglish = isChinese(langA) && isEnglish(langB);
  const useLexicon = chineseEnglish && options.lexicon !== false && lexiconAvailable();
  const aligner = new Aligner(a, b, useLexicon ? loadLexicon() : undefined, chineseEnglish, options);
  try {
    return aligner.run();
  } finally {
    aligner.release();
  }
}

class Aligner {
  private readonly p: AlignParameters;
  private readonly n: number;
  private readonly m: number;
  private readonly lengthX: Float64Array;
  private readonly lengthY: Float64Array;
  private readonly anchorsX: PackedAnchors;
  private readonly anchorsY: PackedAnchors;
  private readonly useAnchors: boolean;
  private readonly useLength: boolean;
  private readonly useNames: boolean;
  private readonly shapes: [number, number][];
  /** Y length per X length unit (a double from the start: a field that changes representation deoptimises). */
  private ratio = Number.NaN;
  // Lexical model (Chinese X, English Y).
  private vocabulary?: ChineseVocabulary;
  private stems?: StemSpace;
  private rawX: Int32Array[] = [];
  private rawY: Int32Array[] = [];
  private tokensX: Int32Array[] = [];
  private weightsX: Float64Array[] = [];
  private totalX: Float64Array = new Float64Array(0);
  private tokensY: Int32Array[] = [];
  private weightsY: Float64Array[] = [];
  private totalY: Float64Array = new Float64Array(0);
  private namesY: NameWord[][] = [];
  /** Gloss tables of the X segments being read (coarse pass: one at a time; fine pass: the last few). */
  private glossTables?: GlossTables;
  /** Per X segment: the pinyin keys it shares with some name word of Y (computed once). */
  private nameKeysX: Set<string>[] = [];
  /**
   * Token-level evidence of the pairs the fine search reads: per pair, the X content tokens then the Y content
   * tokens matched on the other side, at level 1 (character gloss) or 2 (word gloss); and the name matches.
   */
  private pairRows: PairRows;
  /** Scratch of `pairSimilarity` and `computePair`: evidence levels of the X tokens. */
  private scratchX: Uint8Array;

  constructor(
    private readonly a: string[],
    private readonly b: string[],
    private readonly lexicon: Lexicon | undefined,
    chineseEnglish: boolean,
    private readonly options: AlignOptions,
  ) {
    this.p = { ...DEFAULT_PARAMETERS, ...options.parameters };
    const spare = takeSpareBuffers();
    this.pairRows = spare?.pairRows ?? new PairRows(8);
    this.scratchX = spare?.scratchX ?? new Uint8Array(256);
    this.glossTables = spare?.glossTables;
    this.n = a.length;
    this.m = b.length;
    this.useAnchors = options.anchors !== false;
    this.useLength = options.length !== false;
    this.useNames = chineseEnglish && options.pinyin !== false && lexiconAvailable();
    this.lengthX = Float64Array.from(a, visibleLength);
    this.lengthY = Float64Array.from(b, visibleLength);
    const latinIds = new Map<string, number>();
    this.anchorsX = packAnchors(a, this.useAnchors, latinIds);
    this.anchorsY = packAnchors(b, this.useAnchors, latinIds);
    const [maxA, maxB] = options.maxBead ?? (chineseEnglish ? [3, 6] : [4, 4]);
    this.shapes = [];
    for (let k = 1; k <= maxA; k++) for (let l = 1; l <= maxB; l++) this.shapes.push([k, l]);
    if (this.lexicon) {
      this.vocabulary = new ChineseVocabulary(this.lexicon);
      this.stems = new StemSpace(this.lexicon);
      this.rawX = chineseTokens(a, this.vocabulary, options.segmenter ?? 'fmm');
      this.rawY = englishTokens(b, this.stems);
      this.glossTables ??= new GlossTables(this.stems.size);
      this.glossTables.reuse(this.stems.size);
      this.reweigh();
    }
    if (this.useNames) this.prepareNames();
  }

  /**
   * Name words of the Y side, weighted by rarity: a name in most Chinese segments (the hero of a novel)
   * says little about which segment a sentence translates.
   */
  private prepareNames(): void {
    const lexicon = this.lexicon ?? loadLexicon();
    this.namesY = this.b.map((t) => (t.length > 20_000 ? [] : nameWords(t, (stem) => lexicon.stemId(stem) >= 0)));
    const frequency = new Map<string, number>();
    for (const names of this.namesY) for (const name of names) for (const key of name.keys) frequency.set(key, 0);
    const none = new Set<string>();
    this.nameKeysX = this.a.map(() => none);
    if (!frequency.size) return;
    const prefixes = keyPrefixes(frequency.keys());
    for (let x = 0; x < this.n; x++) {
      if (this.a[x]!.length > 20_000) continue;
      const found = pinyinKeys(this.a[x]!, lexicon, frequency, prefixes);
      for (const key of found) frequency.set(key, frequency.get(key)! + 1);
      if (found.size) this.nameKeysX[x] = found;
    }
    const norm = Math.log(this.n + 1);
    for (const names of this.namesY) {
      for (const name of names) {
        const df = Math.max(...name.keys.map((k) => frequency.get(k)!));
        name.weight = df === 0 ? 0 : Math.max(0, Math.log((this.n + 1) / df) / norm);
      }
    }
  }

  /** Leaves the aligner's buffers to the next aligner of this thread (this one must not run again). */
  release(): void {
    spareBuffers = { glossTables: this.glossTables, pairRows: this.pairRows, scratchX: this.scratchX };
  }

  private get lexical(): boolean {
    return this.lexicon !== undefined;
  }

  private reweigh(): void {
    const vocabulary = this.vocabulary!;
    const x = weigh(this.rawX, (id) => vocabulary.isContent(id));
    this.tokensX = x.tokens;
    this.weightsX = x.weights;
    this.totalX = x.total;
    // An English stem is content when some Chinese word in the document could translate it.
    const translatable = translatableStems;
    const seen = seenWords;
    translatable.reset(this.stems!.size);
    seen.reset(vocabulary.words.length);
    for (const sentence of this.tokensX) {
      for (const id of sentence) {
        if (seen.has(id)) continue;
        seen.add(id);
        for (const s of vocabulary.full[id]!) translatable.add(s);
        for (const s of vocabulary.half[id]!) translatable.add(s);
      }
    }
    const y = weigh(this.rawY, (id) => translatable.has(id));
    this.tokensY = y.tokens;
    this.weightsY = y.weights;
    this.totalY = y.total;
    this.glossTables?.clear();
    this.pairRows.clear();
  }

  run(): Bead[] {
    this.ratio = this.initialRatio();
    if (!this.coarsePassMatters()) return this.fine(wholeTable(this.n, this.m));
    const { path: coarse, similarity: coarseSimilarity } = this.coarsePath();
    if (this.useLength) this.ratio = this.learnRatio(coarse, coarseSimilarity) ?? this.ratio;
    // Word pairs learned from the coarse links (names the translator invented, words CC-CEDICT lacks) join
    // the lexicon before the fine search: as good as learning from a first fine alignment, at half the cost.
    if (this.lexical && this.options.secondPass !== false) {
      const links = coarse.map(([x, y]) => ({ a: [x], b: [y] }));
      if (learnWordPairs(links, this.rawX, this.rawY, this.vocabulary!, this.p.learnMinCount, this.p.learnMinDice)) this.reweigh();
    }
    const beads = this.fine(corridorAround(coarse, this.p.corridor, this.n, this.m));
    return beads.map((bead) => ({ a: bead.a, b: bead.b, confidence: bead.confidence }));
  }

  /**
   * Whether the coarse pass can change the beads. Its links (at most min(n, m)) teach a length ratio from
   * MIN_RATIO_LINKS of them and word pairs from MIN_LEARNING_LINKS, and the corridor around them is the whole
   * table when Y has no more segments than the corridor's half-width: most paragraph groups of a document have
   * a few sentences, and for them the fine search over the whole table gives the same beads.
   */
  private coarsePassMatters(): boolean {
    return this.m > this.p.corridor || Math.min(this.n, this.m) >= Math.min(MIN_RATIO_LINKS, MIN_LEARNING_LINKS);
  }

  // ───────────── length ─────────────

  private initialRatio(): number {
    let lx = 0;
    let ly = 0;
    for (const v of this.lengthX) lx += v;
    for (const v of this.lengthY) ly += v;
    return lx > 0 && ly > 0 ? ly / lx : 1;
  }

  /** Length ratio from confident 1-1 links of the coarse path (robust to untranslated passages). */
  private learnRatio(path: [number, number][], similarity: number[]): number | undefined {
    const ratios: number[] = [];
    path.forEach(([x, y], i) => {
      if (this.lengthX[x]! >= 4 && this.lengthY[y]! >= 4 && similarity[i]! >= 0.3) ratios.push(this.lengthY[y]! / this.lengthX[x]!);
    });
    if (ratios.length < MIN_RATIO_LINKS) return undefined;
    // Sum-based over the middle half: the median of single-sentence ratios is biased by 1-2 splits.
    ratios.sort((p, q) => p - q);
    const middle = ratios.slice(Math.floor(ratios.length / 4), Math.ceil((ratios.length * 3) / 4));
    return middle.reduce((s, r) => s + r, 0) / middle.length;
  }

  private lengthScore(lx: number, ly: number): number {
    if (!this.useLength) return 0;
    const c = this.p.lengthSmoothing;
    const d = Math.log((ly + c) / (this.ratio * lx + c));
    // Long segments (paragraphs) keep the ratio more tightly than short ones (Gale & Church's variance ∝ length).
    const scale = Math.min(this.p.lengthScaleMax, Math.max(1, (ly + this.ratio * lx) / (2 * this.p.lengthScaleChars)));
    return -this.p.lengthWeight * scale * d * d;
  }

  // ───────────── lexical evidence ─────────────

  private glosses(x: number): GlossSlot {
    return this.glossTables!.of(x, this.tokensX[x]!, this.vocabulary!);
  }

  /** The cell of pair (x, y) in `row` (the row of x), computing its evidence on first use. */
  private pairCell(row: PairRow, x: number, y: number): number {
    let c = row.cell(y);
    if (c < 0) {
      // Before the row's base (the search never asks this; restarting the row is always safe, it is a cache).
      row.reset(x, y);
      c = row.cell(y);
    }
    if (row.start[c]! < 0) this.computePair(row, c, x, y);
    return c;
  }

  private computePair(row: PairRow, c: number, x: number, y: number): void {
    row.names[c] = this.useNames && this.namesY[y]!.length ? countNameMatches(this.namesY[y]!, this.nameKeysX[x]!) : 0;
    row.length[c] = 0;
    row.countX[c] = 0;
    row.start[c] = row.used;
    if (!this.lexical) return;
    const glosses = this.glosses(x);
    const { entries, build } = glosses;
    const nx = this.tokensX[x]!.length;
    const tokensY = this.tokensY[y]!;
    // A token's level is the best any gloss gives it: X levels are settled in dense scratch, then only the matched
    // tokens are kept. Y entries go past room for every X token, and move down behind the X entries at the end.
    if (this.scratchX.length < nx) this.scratchX = new Uint8Array(nx * 2);
    const levelsX = this.scratchX;
    levelsX.fill(0, 0, nx);
    const offset = row.reserve(nx + tokensY.length);
    const arena = row.arena;
    const yStart = offset + nx;
    let countY = 0;
    for (let u = 0; u < tokensY.length; u++) {
      const entry = tokensY[u]! * 3;
      if (entries[entry] !== build) continue;
      let cell = entries[entry + 1]!;
      if (cell >= 0) {
        arena[yStart + countY++] = evidenceEntry(u, 2);
        for (; cell >= 0; cell = glosses.next[cell]!) levelsX[glosses.token[cell]!] = 2;
        continue;
      }
      cell = entries[entry + 2]!;
      if (cell >= 0) {
        arena[yStart + countY++] = evidenceEntry(u, 1);
        for (; cell >= 0; cell = glosses.next[cell]!) if (levelsX[glosses.token[cell]!] === 0) levelsX[glosses.token[cell]!] = 1;
      }
    }
    if (countY === 0) return;
    let countX = 0;
    for (let t = 0; t < nx; t++) if (levelsX[t]) arena[offset + countX++] = evidenceEntry(t, levelsX[t]!);
    arena.copyWithin(offset + countX, yStart, yStart + countY);
    row.used += countX + countY;
    row.countX[c] = countX;
    row.length[c] = countX + countY;
  }

  /** Similarity of one X segment and one Y segment (coarse pass, ratio learning): computed directly, nothing cached. */
  private pairSimilarity(x: number, y: number): number {
    let sim: number;
    if (this.lexical) {
      const glosses = this.glosses(x);
      const { entries, build } = glosses;
      const tokensX = this.tokensX[x]!;
      if (this.scratchX.length < tokensX.length) this.scratchX = new Uint8Array(tokensX.length * 2);
      const levelsX = this.scratchX;
      levelsX.fill(0, 0, tokensX.length);
      const tokensY = this.tokensY[y]!;
      const wy = this.weightsY[y]!;
      const half = this.p.halfWeight;
      let cy = 0;
      for (let u = 0; u < tokensY.length; u++) {
        const entry = tokensY[u]! * 3;
        if (entries[entry] !== build) continue;
        let cell = entries[entry + 1]!;
        if (cell >= 0) {
          cy += wy[u]!;
          for (; cell >= 0; cell = glosses.next[cell]!) levelsX[glosses.token[cell]!] = 2;
          continue;
        }
        cell = entries[entry + 2]!;
        if (cell >= 0) {
          cy += wy[u]! * half;
          for (; cell >= 0; cell = glosses.next[cell]!) if (levelsX[glosses.token[cell]!] === 0) levelsX[glosses.token[cell]!] = 1;
        }
      }
      let cx = 0;
      const wx = this.weightsX[x]!;
      for (let t = 0; t < tokensX.length; t++) if (levelsX[t]) cx += wx[t]! * (levelsX[t] === 2 ? 1 : half);
      sim = this.similarity(cx, this.totalX[x]!, cy, this.totalY[y]!);
    } else {
      sim = this.useLength ? Math.exp(2 * this.lengthScore(this.lengthX[x]!, this.lengthY[y]!)) : 0.5;
    }
    const names = this.useNames && this.namesY[y]!.length ? countNameMatches(this.namesY[y]!, this.nameKeysX[x]!) : 0;
    if (this.useAnchors) sim += 0.5 * this.anchorScore(x, x + 1, y, y + 1, names);
    else sim += 0.5 * names * this.p.nameMatch;
    return sim;
  }


  private similarity(coveredX: number, totalX: number, coveredY: number, totalY: number): number {
    const hasX = totalX > 0;
    const hasY = totalY > 0;
    if (!hasX && !hasY) return this.p.emptySimilarity;
    const px = hasX ? coveredX / totalX : 0;
    const py = hasY ? coveredY / totalY : 0;
    if (!hasX) return Math.min(py, this.p.emptySimilarity * 2);
    if (!hasY) return Math.min(px, this.p.emptySimilarity * 2);
    return px + py > 0 ? (2 * px * py) / (px + py) : 0;
  }

  // ───────────── anchors ─────────────

  /** Anchor evidence for the bead X[x0, x1) × Y[y0, y1). */
  private anchorScore(x0: number, x1: number, y0: number, y1: number, names: number): number {
    return this.useAnchors ? anchorScore(this.anchorsX, this.anchorsY, x0, x1, y0, y1, this.p) + names * this.p.nameMatch : names * this.p.nameMatch;
  }

  // ───────────── pass 1: coarse path ─────────────

  /**
   * Weighted longest common path over 1-1 similarities, skips free, in a band around the diagonal. Returns the
   * 1-1 links [x, y]. Widens the band (up to the whole table for short inputs) when the path runs along its edge.
   */
  private coarsePath(): CoarsePath {
    const center = lengthDiagonal(this.lengthX, this.lengthY);
    let half = this.p.coarseBand;
    for (;;) {
      const { path, similarity, touchesEdge } = this.coarseSearch(bandAround(center, half, this.m));
      const whole = half >= Math.max(this.n, this.m);
      // Memory stays bounded: 9 bytes a cell, at most MAX_COARSE_CELLS cells (~150 MB) after widening.
      const cells = (this.n + 1) * (2 * half * 2 + 1);
      if (!touchesEdge || whole || cells > MAX_COARSE_CELLS) return { path, similarity };
      half *= 2;
    }
  }

  private coarseSearch(corridor: Corridor): CoarsePath & { touchesEdge: boolean } {
    const { lo, hi } = corridor;
    const offsets = new Int32Array(this.n + 2);
    for (let x = 0; x <= this.n; x++) offsets[x + 1] = offsets[x]! + (hi[x]! - lo[x]! + 1);
    const score = new Float64Array(offsets[this.n + 1]!);
    const back = new Uint8Array(offsets[this.n + 1]!); // 1 diagonal, 2 up (skip x), 3 left (skip y)
    for (let x = 0; x <= this.n; x++) {
      for (let y = lo[x]!; y <= hi[x]!; y++) {
        const cell = offsets[x]! + y - lo[x]!;
        let best = x === 0 && y === 0 ? 0 : -Infinity;
        let move = 0;
        if (x > 0 && y > 0) {
          const prev = cellAt(lo, hi, offsets, x - 1, y - 1);
          if (prev >= 0 && score[prev]! > -Infinity) {
            const s = score[prev]! + Math.max(0, this.pairSimilarity(x - 1, y - 1));
            if (s > best) (best = s), (move = 1);
          }
        }
        if (x > 0) {
          const prev = cellAt(lo, hi, offsets, x - 1, y);
          if (prev >= 0 && score[prev]! > best) (best = score[prev]!), (move = 2);
        }
        if (y > 0) {
          const prev = cell - 1;
          if (y - 1 >= lo[x]! && score[prev]! > best) (best = score[prev]!), (move = 3);
        }
        score[cell] = best;
        back[cell] = move;
      }
    }
    return this.coarseLinks(corridor, offsets, back);
  }

  /** Reads the 1-1 links back from the coarse table, noting whether the path ran along the band's edge. */
  /** Similarities of the links are recomputed here (one per link) rather than kept for every cell of the band. */
  private coarseLinks(corridor: Corridor, offsets: Int32Array, back: Uint8Array): CoarsePath & { touchesEdge: boolean } {
    const { lo, hi } = corridor;
    const path: [number, number][] = [];
    const similarity: number[] = [];
    let touchesEdge = false;
    let x = this.n;
    let y = this.m;
    while (x > 0 || y > 0) {
      const move = back[cellAt(lo, hi, offsets, x, y)]!;
      if ((y === lo[x] && lo[x]! > 0) || (y === hi[x] && hi[x]! < this.m)) touchesEdge = true;
      if (move === 1) {
        x--;
        y--;
        const sim = this.pairSimilarity(x, y);
        if (sim > 0) path.push([x, y]), similarity.push(sim);
      } else if (move === 2) x--;
      else if (move === 3) y--;
      else break;
    }
    return { path: path.reverse(), similarity: similarity.reverse(), touchesEdge };
  }

  // ───────────── pass 2: bead shapes in a corridor ─────────────

  private fine(corridor: Corridor): Bead[] {
    const { lo, hi } = corridor;
    const n = this.n;
    const offsets = new Int32Array(n + 2);
    for (let x = 0; x <= n; x++) offsets[x + 1] = offsets[x]! + (hi[x]! - lo[x]! + 1);
    const size = offsets[n + 1]!;
    const score = new Float64Array(size).fill(-Infinity);
    const backShape = new Int16Array(size).fill(-1); // index into shapes; -2 skip x; -3 skip y
    const beadScore = new Float32Array(size);
    const beadSimilarity = new Float32Array(size);
    const maxK = Math.max(...this.shapes.map((s) => s[0]));
    const maxL = Math.max(...this.shapes.map((s) => s[1]));
    if (this.pairRows.size < maxK + 2) this.pairRows = new PairRows(maxK + 2);
    this.pairRows.clear();
    // Lowest Y position the search asks row i for: y − l with y ≥ lo[i + 1] ≥ lo[i] and l ≤ maxL.
    const rowBase = (i: number) => Math.max(0, lo[i]! - maxL);
    const allowed = new Uint8Array(100 * (maxK + 1));
    for (const [k, l] of this.shapes) allowed[k * 100 + l] = 1;
    const lexical = this.lexical;
    const useNames = this.useNames;
    const lengthX = this.lengthX;
    const lengthY = this.lengthY;
    const tokensY = this.tokensY;
    const weightsX = this.weightsX;
    const levelWeight = Float64Array.of(0, this.p.halfWeight, 1);
    let bestY = new Uint8Array(64);
    const p = this.p;
    // Running maxima of evidence levels for the X tokens of the span, reused across cells.
    const maxX: Uint8Array[] = Array.from({ length: maxK }, () => new Uint8Array(0));
    // The pair-evidence rows of the span's X segments (fetched once per span, not once per Y extension).
    const spanRows: PairRow[] = [];
    score[0] = 0;
    for (let x = 0; x <= n; x++) {
      for (let y = lo[x]!; y <= hi[x]!; y++) {
        const cell = offsets[x]! + y - lo[x]!;
        if (x === 0 && y === 0) continue;
        let best = -Infinity;
        let bestShape = -1;
        let bestBead = 0;
        let bestSim = 0;
        // Skips.
        if (x > 0) {
          const prev = cellAt(lo, hi, offsets, x - 1, y);
          if (prev >= 0 && score[prev]! - p.skipPenalty > best) (best = score[prev]! - p.skipPenalty), (bestShape = -2), (bestBead = -p.skipPenalty), (bestSim = 0);
        }
        if (y > 0) {
          const prev = cellAt(lo, hi, offsets, x, y - 1);
          if (prev >= 0 && score[prev]! - p.skipPenalty > best) (best = score[prev]! - p.skipPenalty), (bestShape = -3), (bestBead = -p.skipPenalty), (bestSim = 0);
        }
        for (let k = 1; k <= maxK && k <= x; k++) {
          const x0 = x - k;
          let lx = 0;
          let totalX = 0;
          for (let i = x0; i < x; i++) {
            lx += lengthX[i]!;
            spanRows[i - x0] = this.pairRows.row(i, rowBase(i));
            if (lexical) {
              totalX += this.totalX[i]!;
              const slot = i - x0;
              const len = this.tokensX[i]!.length;
              if (maxX[slot]!.length < len) maxX[slot] = new Uint8Array(len * 2);
              maxX[slot]!.fill(0, 0, len);
            }
          }
          let coveredX = 0;
          let coveredY = 0;
          let totalY = 0;
          let ly = 0;
          let names = 0;

          for (let l = 1; l <= maxL && l <= y; l++) {
            const yy = y - l;
            // Longer shapes start further up still: once a bead would start before row x0 of the corridor, none of
            // this k can be scored, and what is summed below only serves them.
            if (yy < lo[x0]!) break;
            ly += lengthY[yy]!;
            if (lexical || useNames) {
              const tokenCount = lexical ? tokensY[yy]!.length : 0;
              if (lexical) {
                totalY += this.totalY[yy]!;
                if (bestY.length < tokenCount) bestY = new Uint8Array(tokenCount * 2);
                bestY.fill(0, 0, tokenCount);
              }
              for (let i = x0; i < x; i++) {
                const row = spanRows[i - x0]!;
                const c = this.pairCell(row, i, yy);
                names += row.names[c]!;
                const size = row.length[c]!;
                if (size === 0) continue;
                const wx = weightsX[i]!;
                const mx = maxX[i - x0]!;
                const arena = row.arena;
                const start = row.start[c]!;
                const endX = start + row.countX[c]!;
                const end = start + size;
                for (let e = start; e < endX; e++) {
                  const t = entryToken(arena[e]!);
                  const level = entryLevel(arena[e]!);
                  const before = mx[t]!;
                  if (level > before) {
                    coveredX += wx[t]! * (levelWeight[level]! - levelWeight[before]!);
                    mx[t] = level;
                  }
                }
                for (let e = endX; e < end; e++) {
                  const u = entryToken(arena[e]!);
                  const level = entryLevel(arena[e]!);
                  if (level > bestY[u]!) bestY[u] = level;
                }
              }
              if (lexical) {
                const wy = this.weightsY[yy]!;
                for (let u = 0; u < tokenCount; u++) if (bestY[u]) coveredY += wy[u]! * levelWeight[bestY[u]!]!;
              }
            }
            if (!allowed[k * 100 + l]) continue;
            const prev = cellAt(lo, hi, offsets, x0, yy);
            if (prev < 0 || score[prev]! === -Infinity) continue;
            const sim = lexical ? this.similarity(coveredX, totalX, coveredY, totalY) : 0;
            let bead = (k + l) * p.lexicalWeight * sim + this.lengthScore(lx, ly) + this.anchorScore(x0, x, yy, y, names);
            bead -= p.mergePenalty * (k + l - 2) + (k > 1 && l > 1 ? p.manyToManyPenalty : 0);
            if (score[prev]! + bead > best) {
              best = score[prev]! + bead;
              bestShape = k * 100 + l;
              bestBead = bead;
              bestSim = sim;
            }
          }
        }
        score[cell] = best;
        backShape[cell] = bestShape;
        beadScore[cell] = bestBead;
        beadSimilarity[cell] = bestSim;
      }
    }
    this.pairRows.clear();
    if (score[cellAt(lo, hi, offsets, n, this.m)]! === -Infinity) throw new ConcordError('alignment failed: no path through the search corridor');
    return this.fineBeads(corridor, offsets, backShape, beadScore, beadSimilarity);
  }

  /** Reads the beads back from the filled table (a function of its own, so the table loop stays optimised). */
  private fineBeads(corridor: Corridor, offsets: Int32Array, backShape: Int16Array, beadScore: Float32Array, beadSimilarity: Float32Array): Bead[] {
    const { lo, hi } = corridor;
    const beads: Bead[] = [];
    let x = this.n;
    let y = this.m;
    while (x > 0 || y > 0) {
      const cell = cellAt(lo, hi, offsets, x, y);
      const shape = backShape[cell]!;
      if (shape === -2) {
        beads.push({ a: [x - 1], b: [], confidence: this.skipConfidence(x - 1, y, true) });
        x--;
      } else if (shape === -3) {
        beads.push({ a: [], b: [y - 1], confidence: this.skipConfidence(y - 1, x, false) });
        y--;
      } else {
        const k = Math.floor(shape / 100);
        const l = shape % 100;
        beads.push({ a: range(x - k, x), b: range(y - l, y), confidence: this.confidence(beadSimilarity[cell]!, beadScore[cell]!, k, l) });
        x -= k;
        y -= l;
      }
    }
    return beads.reverse();
  }

  /** A link's confidence: its similarity and per-sentence score mapped through a logistic curve. */
  private confidence(similarity: number, score: number, k: number, l: number): number {
    const perSentence = score / (k + l);
    // Coefficients from a logistic fit of "bead identical to the gold bead" on MAC-Dev, so that a confidence of
    // 0.8 means about 8 in 10 such links are exactly right (literary text; statements score higher).
    const z = this.lexical ? 2.2 * (similarity - 0.25) + 0.75 * perSentence + 1.3 : 3 * perSentence + 1;
    return round3(1 / (1 + Math.exp(-z)));
  }

  /**
   * How sure we are that a segment has no counterpart: 1 minus its best similarity with the segments of the
   * other side around where it would sit.
   */
  private skipConfidence(index: number, otherPosition: number, onX: boolean): number {
    const otherCount = onX ? this.m : this.n;
    let best = 0;
    for (let o = Math.max(0, otherPosition - 1); o < Math.min(otherCount, otherPosition + 1); o++) {
      best = Math.max(best, onX ? this.pairSimilarity(index, o) : this.pairSimilarity(o, index));
    }
    return round3(1 - Math.min(1, Math.max(0, best)));
  }

}

/**
 * Buffers a finished aligner leaves for the next one of this thread: allocating and zeroing the per-stem gloss
 * tables (4 × 400 KB) for every aligner — one per paragraph group of every document — cost more than filling
 * them. An aligner takes them while it runs, so two aligners never share them.
 */
interface SpareBuffers {
  glossTables?: GlossTables;
  pairRows: PairRows;
  scratchX: Uint8Array;
}

let spareBuffers: SpareBuffers | undefined;

function takeSpareBuffers(): SpareBuffers | undefined {
  const spare = spareBuffers;
  spareBuffers = undefined;
  return spare;
}

/** `reweigh`'s sets, shared by the aligners of this thread (one runs at a time). */
const translatableStems = new StampedSet();
const seenWords = new StampedSet();

/** The coarse pass's 1-1 links [x, y] in order, and the similarity of each. */
interface CoarsePath {
  path: [number, number][];
  similarity: number[];
}

/** The corridor of every cell of an n × m table. */
function wholeTable(n: number, m: number): Corridor {
  return { lo: new Int32Array(n + 1), hi: new Int32Array(n + 1).fill(m) };
}

/** Index of cell (x, y) in a corridor's flat arrays, or -1 outside it. */
function cellAt(lo: Int32Array, hi: Int32Array, offsets: Int32Array, x: number, y: number): number {
  return y < lo[x]! || y > hi[x]! ? -1 : offsets[x]! + y - lo[x]!;
}

function range(from: number, to: number): number[] {
  const r: number[] = [];
  for (let i = from; i < to; i++) r.push(i);
  return r;
}

function round3(v: number): number {
  return Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
}
