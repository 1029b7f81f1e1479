/**
 * The Chinese–English lexicon, compiled from CC-CEDICT by `scripts/build-lexicon.mjs` into
 * `data/lexicon/` (never committed; rebuilt by `npm run build`). Loading it parses one text file into a
 * word → line map and decodes an entry only when it is looked up, so it loads in well under 200 ms.
 *
 * Glosses are English *stems* (see `stemEnglish`), so they compare directly with English text run through
 * `englishContentStems`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConcordError } from '../model.js';
import { stemEnglish } from './english.js';

export const LEXICON_FORMAT = 'concord-lexicon 1';
export const LEXICON_FILE = 'cedict.lex';
export const REVERSE_FILE = 'cedict-reverse.lex';

export interface LexiconEntry {
  /** Pinyin with tone numbers, syllables space-separated (`ma3 mu4 ti2 min3`). */
  pinyin: string;
  /** Ids of the English stems that gloss the word. */
  stemIds: number[];
  /** The word has a proper-name reading (capitalised pinyin in CC-CEDICT). */
  name: boolean;
}

export class Lexicon {
  /** English stems; a stem id indexes this list. */
  readonly stems: string[];
  /** Longest headword, for maximum matching. */
  readonly maxWordLength: number;
  readonly size: number;
  private readonly stemIndex = new Map<string, number>();
  /**
   * Open-addressing hash table (FNV-1a over UTF-16 code units) from headword to the offset of its line in `text`.
   * A Map of 200k string keys costs ~75 ms to build; this costs ~15 ms and lets `segment` probe without slicing.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Longest headword starting with each BMP character, so maximum matching tries only lengths that exist. */
  private readonly longestFrom = new Uint8Array(65536);
  private readonly decoded = new Map<string, LexiconEntry>();
  private reverse?: Map<string, string[]>;

  constructor(
    private readonly text: string,
    private readonly reversePath?: string,
  ) {
    const firstEnd = text.indexOf('\n');
    if (!text.startsWith(LEXICON_FORMAT) || firstEnd < 0) throw new ConcordError('lexicon file has an unknown format: run `npm run build`');
    const secondEnd = text.indexOf('\n', firstEnd + 1);
    const declared = Number(text.slice(LEXICON_FORMAT.length + 1, firstEnd).split('\t')[0]) || 1 << 18;
    this.stems = text.slice(firstEnd + 1, secondEnd).split(' ');
    this.stems.forEach((stem, id) => this.stemIndex.set(stem, id));
    let capacity = 1024;
    while (capacity < declared * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    let maxLength = 1;
    let count = 0;
    let pos = secondEnd + 1;
    while (pos < text.length) {
      const tab = text.indexOf('\t', pos);
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      if (tab < 0 || tab > end) break;
      if (count * 2 >= capacity) throw new ConcordError('lexicon file is corrupt (more headwords than declared): run `npm run build -- --force`');
      let slot = hashRange(text, pos, tab) & this.mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = pos;
      count++;
      if (tab - pos > maxLength) maxLength = tab - pos;
      const first = text.charCodeAt(pos);
      if (tab - pos > this.longestFrom[first]!) this.longestFrom[first] = Math.min(255, tab - pos);
      pos = end + 1;
    }
    this.maxWordLength = Math.min(maxLength, 12);
    this.size = count;
  }

  /** Offset of the line of `source.slice(start, end)` in the lexicon text, or -1. */
  private find(source: string, start: number, end: number): number {
    return this.findHashed(source, start, end, hashRange(source, start, end));
  }

  private findHashed(source: string, start: number, end: number, hash: number): number {
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const offset = this.slots[slot]!;
      if (offset < 0) return -1;
      if (this.text.charCodeAt(offset + length) === 9 && sameRange(this.text, offset, source, start, length)) return offset;
      slot = (slot + 1) & this.mask;
    }
  }

  has(word: string): boolean {
    return this.find(word, 0, word.length) >= 0;
  }

  entry(word: string): LexiconEntry | undefined {
    const cached = this.decoded.get(word);
    if (cached) return cached;
    const offset = this.find(word, 0, word.length);
    if (offset < 0) return undefined;
    const start = offset + word.length + 1;
    let end = this.text.indexOf('\n', start);
    if (end < 0) end = this.text.length;
    const [pinyin = '', ids = '', flags = ''] = this.text.slice(start, end).split('\t');
    const entry: LexiconEntry = { pinyin, stemIds: ids ? ids.split(',').map((id) => parseInt(id, 36)) : [], name: flags.includes('N') };
    if (this.decoded.size < 500_000) this.decoded.set(word, entry);
    return entry;
  }

  /** English content-word glosses (stems) of a Chinese word, Simplified or Traditional; [] when unknown. */
  glosses(word: string): string[] {
    return (this.entry(word)?.stemIds ?? []).map((id) => this.stems[id]!);
  }

  /** Id of an English stem, or -1 when no gloss uses it. */
  stemId(stem: string): number {
    return this.stemIndex.get(stem) ?? -1;
  }

  /** Chinese words (both scripts) glossed by an English word, most specific first. */
  chineseFor(english: string): string[] {
    const stem = stemEnglish(english.trim().split(/\s+/)[0] ?? '');
    if (!stem) return [];
    return this.reverseIndex().get(stem) ?? [];
  }

  /** Pinyin (tone numbers) of a word; unknown words are read character by character, `?` for an unknown character. */
  pinyin(word: string): string {
    const whole = this.entry(word);
    if (whole) return whole.pinyin;
    return [...word].map((ch) => (/\p{Script=Han}/u.test(ch) ? (this.entry(ch)?.pinyin ?? '?') : ch)).join(' ');
  }

  /**
   * Cuts Chinese text into words by greedy forward maximum matching over the lexicon. Runs of Latin letters or
   * digits are one token each; spaces and punctuation are dropped.
   */
  segment(text: string): string[] {
    const words: string[] = [];
    const max = this.maxWordLength;
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (isHan(ch)) {
        // Hashes of every prefix in one pass (FNV is incremental), then the longest prefix that is a headword.
        const limit = Math.min(max, this.longestFrom[text.charCodeAt(i)]!, text.length - i);
        let h = 0x811c9dc5;
        for (let k = 0; k < limit; k++) prefixHashes[k] = h = Math.imul(h ^ text.charCodeAt(i + k), 16777619);
        let length = limit;
        while (length > 1 && this.findHashed(text, i, i + length, prefixHashes[length - 1]! >>> 0) < 0) length--;
        words.push(text.slice(i, i + length));
        i += length;
      } else if (/[\p{L}\p{N}]/u.test(ch)) {
        let j = i + 1;
        while (j < text.length && !isHan(text[j]!) && /[\p{L}\p{N}'’.,-]/u.test(text[j]!)) j++;
        words.push(text.slice(i, j).replace(/[.,'’-]+$/, ''));
        i = j;
      } else i++;
    }
    return words;
  }

  private reverseIndex(): Map<string, string[]> {
    if (this.reverse) return this.reverse;
    this.reverse = new Map();
    if (this.reversePath && existsSync(this.reversePath)) {
      for (const line of readFileSync(this.reversePath, 'utf8').split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) this.reverse.set(line.slice(0, tab), line.slice(tab + 1).split(' '));
      }
    }
    return this.reverse;
  }
}

const prefixHashes = new Int32Array(256);

function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function sameRange(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}

export function isHan(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** The project root: the nearest folder above this module holding package.json (works from src/ and dist/). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export function lexiconDirectory(): string {
  return process.env.CONCORD_LEXICON_DIR ?? join(projectRoot(), 'data', 'lexicon');
}

let cached: Lexicon | undefined;

/** The compiled lexicon, loaded once per process. Throws a ConcordError when it has not been built. */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const dir = lexiconDirectory();
  const path = join(dir, LEXICON_FILE);
  if (!existsSync(path)) throw new ConcordError(`the Chinese–English lexicon is not built (${path} missing): run \`npm run build\``);
  cached = new Lexicon(readFileSync(path, 'utf8'), join(dir, REVERSE_FILE));
  return cached;
}

/** True when the compiled lexicon exists (stages degrade to length and anchors without it). */
export function lexiconAvailable(): boolean {
  return cached !== undefined || existsSync(join(lexiconDirectory(), LEXICON_FILE));
}

export const glosses = (zhWord: string): string[] => loadLexicon().glosses(zhWord);
export const chineseFor = (englishWord: string): string[] => loadLexicon().chineseFor(englishWord);
export const pinyin = (zhWord: string): string => loadLexicon().pinyin(zhWord);
export const segment = (zhText: string): string[] => loadLexicon().segment(zhText);
