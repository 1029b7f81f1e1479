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

/**
 * What the lexicon says about one word, shared by every document that uses it: its glosses and their packed
 * codes (see `GlossCodes` in gloss.ts). Never mutated: a document that learns a gloss copies first.
 */
interface WordGlosses {
  readonly full: readonly number[];
  readonly half: readonly number[];
  readonly codes: Int32Array;
}

/**
 * Glosses per word, per lexicon: each document re-met the same few thousand words and decoded their entries and
 * their characters' entries again (a tenth of the aligner's time). Bounded: past the limit words are not kept.
 */
const wordGlossCache = new WeakMap<Lexicon, Map<string, WordGlosses>>();
const MAX_CACHED_WORDS = 200_000;

function glossCacheOf(lexicon: Lexicon): Map<string, WordGlosses> {
  let cache = wordGlossCache.get(lexicon);
  if (!cache) wordGlossCache.set(lexicon, (cache = new Map()));
  return cache;
}

function wordGlosses(lexicon: Lexicon, cache: Map<string, WordGlosses>, word: string): WordGlosses {
  let glosses = cache.get(word);
  if (glosses) return glosses;
  const full = ZH_FUNCTION_WORDS.has(word) ? [] : [...(lexicon.entry(word)?.stemIds ?? [])];
  let half: number[] = [];
  if ([...word].length > 1 && /\p{Script=Han}/u.test(word)) {
    const set = new Set<number>();
    for (const ch of word) if (!ZH_FUNCTION_WORDS.has(ch)) for (const s of lexicon.entry(ch)?.stemIds ?? []) set.add(s);
    for (const s of full) set.delete(s);
    half = [...set];
  }
  if (/^[A-Za-z0-9]/.test(word)) full.push(...latinStemIds(lexicon, word));
  glosses = { full, half, codes: packGlossCodes(full, half) };
  if (cache.size < MAX_CACHED_WORDS) cache.set(word, glosses);
  return glosses;
}

/** Word glosses then character glosses, as codes into `GlossSlot.entries`. */
function packGlossCodes(full: readonly number[], half: readonly number[]): Int32Array {
  const codes = new Int32Array(full.length + half.length);
  for (let i = 0; i < full.length; i++) codes[i] = full[i]! * 3 + 1;
  for (let i = 0; i < half.length; i++) codes[full.length + i] = half[i]! * 3 + 2;
  return codes;
}

/** Chinese side: the document's vocabulary with glosses (full) and per-character fallback glosses (half weight). */
export class ChineseVocabulary {
  readonly words: string[] = [];
  readonly ids = new Map<string, number>();
  /** Stem ids that gloss each word (shared with other documents: never mutate, `learn` replaces). */
  readonly full: (readonly number[])[] = [];
  /** Stem ids of the word's characters' glosses (multi-character words only): a half-weight fallback. */
  readonly half: (readonly number[])[] = [];
  /** Per word: its glosses packed for gloss tables; undefined after learning until asked again. */
  private readonly codes: (Int32Array | undefined)[] = [];

  private readonly glossCache: Map<string, WordGlosses>;

  constructor(private readonly lexicon: Lexicon) {
    this.glossCache = glossCacheOf(lexicon);
  }

  id(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.ids.set(word, id);
    this.words.push(word);
    const glosses = wordGlosses(this.lexicon, this.glossCache, word);
    this.full.push(glosses.full);
    this.half.push(glosses.half);
    this.codes.push(glosses.codes);
    return id;
  }

  /** Adds a learned translation (second pass), for this document only. */
  learn(wordId: number, stemId: number): void {
    const full = this.full[wordId]!;
    if (full.includes(stemId)) return;
    this.full[wordId] = [...full, stemId];
    this.codes[wordId] = undefined;
  }

  /** The word's glosses packed for gloss tables (see `GlossCodes` in gloss.ts): word glosses, then character glosses. */
  glossCodes(wordId: number): Int32Array {
    return (this.codes[wordId] ??= packGlossCodes(this.full[wordId]!, this.half[wordId]!));
  }

  isContent(id: number): boolean {
    return this.full[id]!.length > 0 || this.half[id]!.length > 0;
  }
}

/** English stems get lexicon ids; stems the lexicon lacks get ids past its end, so they can be learned. */
export class StemSpace {
  private readonly extra = new Map<string, number>();
  readonly extraStems: string[] = [];
  private readonly wordStems: Map<string, number | string>;
  constructor(readonly lexicon: Lexicon | undefined) {
    this.wordStems = stemCacheOf(lexicon);
  }
  /** One past the largest id handed out. */
  get size(): number {
    return this.lexiconSize + this.extraStems.length;
  }
  get lexiconSize(): number {
    return this.lexicon?.stems.length ?? 0;
  }
  id(stem: string): number {
    const known = this.lexicon ? this.lexicon.stemId(stem) : -1;
    return known >= 0 ? known : this.extraId(stem);
  }
  /** Id of a stem the lexicon lacks (handed out on first use). */
  private extraId(stem: string): number {
    let id = this.extra.get(stem);
    if (id === undefined) {
      id = this.lexiconSize + this.extraStems.length;
      this.extra.set(stem, id);
      this.extraStems.push(stem);
    }
    return id;
  }
  /** Stem id of an English word as written, or -1 for a stop word. */
  wordId(word: string): number {
    const stem = wordStem(this.lexicon, this.wordStems, word);
    return typeof stem === 'number' ? stem : this.extraId(stem);
  }
  stem(id: number): string {
    return id < this.lexiconSize ? this.lexicon!.stems[id]! : this.extraStems[id - this.lexiconSize]!;
  }
}

/**
 * English words as written → their lexicon stem id (-1: a stop word), or the stem itself when the lexicon lacks
 * it; per lexicon, shared by every document (a text repeats its words, and so do the documents). Bounded.
 */
const wordStemCache = new WeakMap<object, Map<string, number | string>>();
const NO_LEXICON = {};
const MAX_CACHED_STEMS = 500_000;

function stemCacheOf(lexicon: Lexicon | undefined): Map<string, number | string> {
  const key = lexicon ?? NO_LEXICON;
  let cache = wordStemCache.get(key);
  if (!cache) wordStemCache.set(key, (cache = new Map()));
  return cache;
}

function wordStem(lexicon: Lexicon | undefined, cache: Map<string, number | string>, word: string): number | string {
  let stem = cache.get(word);
  if (stem !== undefined) return stem;
  const text = stemEnglish(word);
  const known = text && lexicon ? lexicon.stemId(text) : -1;
  stem = !text ? -1 : known >= 0 ? known : text;
  if (cache.size < MAX_CACHED_STEMS) cache.set(word, stem);
  return stem;
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

/** `weigh`'s per-id verdicts. */
const UNKNOWN = 0;
const CONTENT = 1;
const NOT_CONTENT = 2;

function newWeighScratch(size: number) {
  return { frequency: new Int32Array(size), lastSentence: new Int32Array(size), content: new Uint8Array(size) };
}

let weighScratch = newWeighScratch(1024);

/**
 * Keeps the content tokens of each sentence and weighs them by IDF over the document's sentences
 * (a word in every sentence tells nothing about which sentences correspond).
 */
export function weigh(all: Int32Array[], isContent: (id: number) => boolean): { tokens: Int32Array[]; weights: Float64Array[]; total: Float64Array } {
  // Ids are small dense integers (vocabulary or stem ids): counts in typed arrays, no Set per sentence. The arrays
  // are shared scratch, reset only at the ids this call meets (stem ids run to the lexicon's 34,000 stems).
  let maxId = -1;
  for (const sentence of all) for (let t = 0; t < sentence.length; t++) if (sentence[t]! > maxId) maxId = sentence[t]!;
  if (weighScratch.frequency.length <= maxId) weighScratch = newWeighScratch(Math.max(maxId + 1, weighScratch.frequency.length * 2));
  const { frequency: documentFrequency, lastSentence, content } = weighScratch;
  for (const sentence of all) {
    for (let t = 0; t < sentence.length; t++) {
      const id = sentence[t]!;
      documentFrequency[id] = 0;
      lastSentence[id] = -1;
      content[id] = UNKNOWN;
    }
  }
  for (let i = 0; i < all.length; i++) {
    const sentence = all[i]!;
    for (let t = 0; t < sentence.length; t++) {
      const id = sentence[t]!;
      if (lastSentence[id] === i) continue;
      lastSentence[id] = i;
      documentFrequency[id]!++;
      if (content[id] === UNKNOWN) content[id] = isContent(id) ? CONTENT : NOT_CONTENT;
    }
  }
  const n = all.length;
  const tokens: Int32Array[] = [];
  const weights: Float64Array[] = [];
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sentence = all[i]!;
    let count = 0;
    for (let t = 0; t < sentence.length; t++) if (content[sentence[t]!] === CONTENT) count++;
    const stride = Math.max(1, Math.ceil(count / MAX_CONTENT_TOKENS));
    const kept = new Int32Array(Math.ceil(count / stride));
    const w = new Float64Array(kept.length);
    let seen = 0;
    let k = 0;
    for (let t = 0; t < sentence.length; t++) {
      const id = sentence[t]!;
      if (content[id] !== CONTENT) continue;
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
