/**
 * The Chinese–English lexicon, compiled from CC-CEDICT by `scripts/build-lexicon.mjs` into
 * `data/lexicon/` (never committed; rebuilt by `npm run build`). Loading it parses one text file into a
 * word → line map and decodes an entry only when it is looked up, so it loads in well under 200 ms.
 *
 * Glosses are English *stems* (see `stemEnglish`), so they compare directly with English text run through
 * `englishContentStems`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConcordError } from '../model.js';
import { stemEnglish } from './english.js';
import { RecentMemo } from './memo.js';

// Format 2 is stored as UTF-16LE: decoding it is a copy (~3 ms for 7 M characters) where UTF-8 costs ~35 ms.
// Format 3: the reverse file is sorted by stem and UTF-16LE too, searched in place.
export const LEXICON_FORMAT = 'concord-lexicon 3';
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
  private readonly longestFrom: Uint8Array;
  private readonly decoded = new Map<string, LexiconEntry>();
  /** See `buildPrefixFilter`. */
  private prefixFilter?: Uint32Array;
  private reverse?: { get(stem: string): string[] | undefined };
  /** Recent segmentations: the aligner, the checker and the extractor segment the same sentences. */
  private readonly recentSegments = new RecentMemo<string[]>();

  constructor(
    private readonly text: string,
    private readonly reversePath?: string,
    prebuiltIndex?: LexiconIndex,
  ) {
    const firstEnd = text.indexOf('\n');
    if (!text.startsWith(LEXICON_FORMAT) || firstEnd < 0) throw new ConcordError('lexicon file has an unknown format: run `npm run build`');
    const secondEnd = text.indexOf('\n', firstEnd + 1);
    const declared = Number(text.slice(LEXICON_FORMAT.length + 1, firstEnd).split('\t')[0]) || 1 << 18;
    this.stems = text.slice(firstEnd + 1, secondEnd).split(' ');
    this.stems.forEach((stem, id) => this.stemIndex.set(stem, id));
    const index = prebuiltIndex ?? indexLexiconText(text, declared);
    this.slots = index.slots;
    this.mask = index.slots.length - 1;
    this.longestFrom = index.longestFrom;
    const maxLength = index.maxLength;
    const count = index.count;
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

  /**
   * CC-CEDICT's own definitions of a word, proper-name readings first ("Turkey"), for messages a person reads;
   * the stems of `glosses` are for matching. [] when unknown.
   */
  definitions(word: string): string[] {
    const offset = this.find(word, 0, word.length);
    if (offset < 0) return [];
    let end = this.text.indexOf('\n', offset);
    if (end < 0) end = this.text.length;
    const fields = this.text.slice(offset, end).split('\t');
    return fields[4] ? fields[4].split('/') : [];
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
   * digits are one token each; spaces and punctuation are dropped. The list is shared with other callers (see
   * `recentSegments`) and frozen: copy it before changing it.
   */
  segment(text: string): string[] {
    const known = this.recentSegments.get(text);
    if (known) return known;
    const words = Object.freeze(this.maximumMatching(text)) as string[];
    this.recentSegments.set(text, words);
    return words;
  }

  private maximumMatching(text: string): string[] {
    const words: string[] = [];
    const max = this.maxWordLength;
    const filter = (this.prefixFilter ??= this.buildPrefixFilter());
    let i = 0;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (isHanCode(code)) {
        // Hashes of every prefix in one pass (FNV is incremental), then the longest prefix that is a headword.
        // Prefixes grow only while some headword starts with them (the prefix filter has no false negatives), so
        // most positions probe the headword table — a cache miss a probe — once or not at all.
        const limit = Math.min(max, this.longestFrom[code]!, text.length - i);
        let h = Math.imul(0x811c9dc5 ^ code, 16777619);
        prefixHashes[0] = h;
        let longest = 1;
        for (let k = 1; k < limit; k++) {
          h = Math.imul(h ^ text.charCodeAt(i + k), 16777619);
          if (!mayBePrefix(filter, h)) break;
          prefixHashes[k] = h;
          longest = k + 1;
        }
        let length = longest;
        while (length > 1 && this.findHashed(text, i, i + length, prefixHashes[length - 1]! >>> 0) < 0) length--;
        words.push(text.slice(i, i + length));
        i += length;
      } else if (startsToken(code)) {
        let j = i + 1;
        while (j < text.length && continuesToken(text.charCodeAt(j))) j++;
        words.push(text.slice(i, j).replace(/[.,'’-]+$/, ''));
        i = j;
      } else i++;
    }
    return words;
  }

  /**
   * A Bloom filter of the FNV hashes of every headword prefix of two characters or more (whole headwords
   * included), built on first use from the lexicon text (~10 ms).
   */
  private buildPrefixFilter(): Uint32Array {
    const filter = new Uint32Array(1 << (PREFIX_FILTER_BITS - 5));
    const text = this.text;
    let pos = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
    while (pos > 0 && pos < text.length) {
      const tab = text.indexOf('\t', pos);
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      if (tab < 0 || tab > end) break;
      let h = Math.imul(0x811c9dc5 ^ text.charCodeAt(pos), 16777619);
      for (let k = pos + 1; k < tab; k++) {
        h = Math.imul(h ^ text.charCodeAt(k), 16777619);
        const bit = prefixFilterBit(h);
        filter[bit >>> 5]! |= 1 << (bit & 31);
      }
      pos = end + 1;
    }
    return filter;
  }

  /**
   * English stem → Chinese words. The reverse file is sorted by stem, so a lookup is a binary search over its
   * lines as loaded (no index to build: indexing its 34,000 lines cost ~28 ms of every cold start).
   */
  private reverseIndex(): { get(stem: string): string[] | undefined } {
    if (this.reverse) return this.reverse;
    const text = this.reversePath && existsSync(this.reversePath) ? readFileSync(this.reversePath).toString('utf16le') : '';
    const decoded = new Map<string, string[]>();
    this.reverse = {
      get(stem) {
        const hit = decoded.get(stem);
        if (hit) return hit;
        const words = searchSortedLines(text, stem);
        if (words) decoded.set(stem, words);
        return words;
      },
    };
    return this.reverse;
  }
}

/** The words of the line whose key (before the tab) is `key`, in text whose lines are sorted by key; undefined when absent. */
export function searchSortedLines(text: string, key: string): string[] | undefined {
  let lo = 0; // always a line start
  let hi = text.length; // always a line start (or the end)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // The line holding the midpoint; it starts at or after lo because lo is a line start.
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const tab = text.indexOf('\t', start);
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (tab < 0 || tab > end) return undefined;
    const lineKey = text.slice(start, tab);
    if (lineKey === key) return text.slice(tab + 1, end).split(' ');
    if (lineKey < key) lo = end + 1;
    else hi = start;
  }
  return undefined;
}

/** The headword hash table and per-character longest-word table, built once at build time (`cedict.idx`). */
export interface LexiconIndex {
  slots: Int32Array;
  longestFrom: Uint8Array;
  maxLength: number;
  count: number;
}

export const INDEX_FILE = 'cedict.idx';
const INDEX_MAGIC = 0x434c5831; // "CLX1"
const INDEX_HEADER = 5; // magic, text length, capacity, max length, count

/** Hashes every headword line of the lexicon text into an open-addressing table. */
export function indexLexiconText(text: string, declared = 1 << 18): LexiconIndex {
  const firstEnd = text.indexOf('\n');
  const secondEnd = text.indexOf('\n', firstEnd + 1);
  let capacity = 1024;
  while (capacity < declared * 2) capacity *= 2;
  const slots = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  const longestFrom = new Uint8Array(65536);
  let maxLength = 1;
  let count = 0;
  let pos = secondEnd + 1;
  while (pos < text.length) {
    const tab = text.indexOf('\t', pos);
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (tab < 0 || tab > end) break;
    if (count * 2 >= capacity) throw new ConcordError('lexicon file is corrupt (more headwords than declared): run `npm run build -- --force`');
    let slot = hashRange(text, pos, tab) & mask;
    while (slots[slot]! >= 0) slot = (slot + 1) & mask;
    slots[slot] = pos;
    count++;
    if (tab - pos > maxLength) maxLength = tab - pos;
    const first = text.charCodeAt(pos);
    if (tab - pos > longestFrom[first]!) longestFrom[first] = Math.min(255, tab - pos);
    pos = end + 1;
  }
  return { slots, longestFrom, maxLength, count };
}

/** The index as bytes, tied to the exact lexicon text it was built from (by its length). */
export function serializeLexiconIndex(index: LexiconIndex, textLength: number): Buffer {
  const header = Int32Array.of(INDEX_MAGIC, textLength, index.slots.length, index.maxLength, index.count);
  return Buffer.concat([Buffer.from(header.buffer), Buffer.from(index.slots.buffer, index.slots.byteOffset, index.slots.byteLength), Buffer.from(index.longestFrom)]);
}

/** Reads a prebuilt index; undefined when it is missing, stale or malformed (the caller then hashes the text). */
export function readLexiconIndex(path: string, textLength: number): LexiconIndex | undefined {
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  if (bytes.byteLength < INDEX_HEADER * 4) return undefined;
  // Copy into an aligned buffer: a Buffer's offset into its pool need not be a multiple of 4.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const header = new Int32Array(aligned.buffer, aligned.byteOffset, INDEX_HEADER);
  const [magic, length, capacity, maxLength, count] = header;
  if (magic !== INDEX_MAGIC || length !== textLength || !capacity || (capacity & (capacity - 1)) !== 0) return undefined;
  if (aligned.byteLength !== INDEX_HEADER * 4 + capacity * 4 + 65536) return undefined;
  const slots = new Int32Array(aligned.buffer, aligned.byteOffset + INDEX_HEADER * 4, capacity);
  const longestFrom = new Uint8Array(aligned.buffer, aligned.byteOffset + INDEX_HEADER * 4 + capacity * 4, 65536);
  return { slots, longestFrom, maxLength: maxLength!, count: count! };
}

/** The lexicon text, stored as UTF-16LE (see LEXICON_FORMAT). */
export function readLexiconText(path: string): string {
  return readFileSync(path).toString('utf16le');
}

/** Writes `cedict.idx` beside the lexicon text (run by the build after compiling the lexicon). */
export function writeLexiconIndex(dir = lexiconDirectory()): number {
  const text = readLexiconText(join(dir, LEXICON_FILE));
  const index = indexLexiconText(text, Number(text.slice(LEXICON_FORMAT.length + 1, text.indexOf('\n')).split('\t')[0]) || 1 << 18);
  const bytes = serializeLexiconIndex(index, text.length);
  writeFileSync(join(dir, INDEX_FILE), bytes);
  return bytes.byteLength;
}

const prefixHashes = new Int32Array(256);

/** 2^22 bits (512 KB) for ~250,000 prefixes: about one false "maybe" in twenty, each costing a probe. */
const PREFIX_FILTER_BITS = 22;

/** The filter bit of a prefix hash: its top bits after remixing (its low bits pick the headword table slot). */
function prefixFilterBit(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - PREFIX_FILTER_BITS);
}

/** False when no headword starts with the prefix of this hash. */
function mayBePrefix(filter: Uint32Array, hash: number): boolean {
  const bit = prefixFilterBit(hash);
  return (filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

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
  return isHanCode(ch.charCodeAt(0));
}

/** `isHan` on a UTF-16 code unit: the BMP ideograph ranges `segment` looks words up for (not 〇). */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Per UTF-16 code unit, whether it starts a non-Han token (a letter or digit) and whether it continues one (also
 * ' ’ . , -), as the Unicode regexes decide, memoised: the regexes cost more than the rest of `segment`. A lone
 * surrogate is neither, as when the regexes test one.
 */
const TOKEN_UNKNOWN = 0;
const TOKEN_KNOWN = 1;
const TOKEN_STARTS = 2;
const TOKEN_CONTINUES = 4;
const tokenClass = new Uint8Array(65536);

function classify(code: number): number {
  let c = tokenClass[code]!;
  if (c === TOKEN_UNKNOWN) {
    const ch = String.fromCharCode(code);
    c = TOKEN_KNOWN;
    if (/[\p{L}\p{N}]/u.test(ch)) c |= TOKEN_STARTS;
    if (!isHanCode(code) && /[\p{L}\p{N}'’.,-]/u.test(ch)) c |= TOKEN_CONTINUES;
    tokenClass[code] = c;
  }
  return c;
}

const startsToken = (code: number) => (classify(code) & TOKEN_STARTS) !== 0;
const continuesToken = (code: number) => (classify(code) & TOKEN_CONTINUES) !== 0;

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
  const text = readLexiconText(path);
  cached = new Lexicon(text, join(dir, REVERSE_FILE), readLexiconIndex(join(dir, INDEX_FILE), text.length));
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
