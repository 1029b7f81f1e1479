/**
 * Transliterated names: a capitalised Latin word (Qingyang, Mamtimin) against the pinyin of consecutive Chinese
 * characters (清扬 qing yang, 馬木提敏 ma mu ti min). Two keys per window of 1–4 syllables: the exact
 * tone-less concatenation, and a loose consonant skeleton (vowels dropped, doubles collapsed) for names that
 * reached Chinese through another language (mamtimin / mamutimin → mmtmn).
 */
import { isHanCode, type Lexicon } from '../lang/lexicon.js';
import { stemEnglish } from '../lang/english.js';

const MAX_SYLLABLES = 4;

/** Dots that join the parts of a transliterated name (马木提敏·阿拉): · ‧ ・ */
const MIDDLE_DOT = 0xb7;
const HYPHENATION_POINT = 0x2027;
const KATAKANA_MIDDLE_DOT = 0x30fb;

export function skeleton(latin: string): string {
  let out = '';
  for (const ch of latin.toLowerCase()) {
    if ('aeiouvyw'.includes(ch) || out[out.length - 1] === ch) continue;
    out += ch;
  }
  return out;
}

/** Per lexicon, per BMP code unit: the character's tone-less pinyin and its skeleton (see `syllableOf`). */
const syllableCache = new WeakMap<Lexicon, ([string, string] | undefined)[]>();

function syllablesOf(lexicon: Lexicon): ([string, string] | undefined)[] {
  let syllables = syllableCache.get(lexicon);
  if (!syllables) syllableCache.set(lexicon, (syllables = new Array(65536).fill(undefined)));
  return syllables;
}

/** Tone-less pinyin of a character and its skeleton, from the lexicon (first reading); memoised in `syllables`. */
function syllableOf(code: number, lexicon: Lexicon, syllables: ([string, string] | undefined)[]): [string, string] {
  let cached = syllables[code];
  if (!cached) {
    const syllable = (lexicon.entry(String.fromCharCode(code))?.pinyin ?? '').split(' ')[0]!.toLowerCase().replace(/[^a-z]/g, '');
    cached = syllables[code] = [syllable, skeleton(syllable)];
  }
  return cached;
}

/**
 * Every prefix of a set of keys, the plain ones and those of `~skeleton` keys apart: a window of syllables whose
 * concatenation is no key's prefix cannot grow into a key, so `pinyinKeys` stops building it (most stop at one
 * syllable, whose string is interned and hashes for free).
 */
export interface KeyPrefixes {
  joined: Set<string>;
  skeleton: Set<string>;
}

export function keyPrefixes(keys: Iterable<string>): KeyPrefixes {
  const joined = new Set<string>();
  const skeleton = new Set<string>();
  for (const key of keys) {
    const [set, body] = key.startsWith('~') ? [skeleton, key.slice(1)] : [joined, key];
    for (let end = 0; end <= body.length; end++) set.add(body.slice(0, end));
  }
  return { joined, skeleton };
}

/**
 * Keys of every run of 1–4 Chinese characters' pinyin in a text (only those in `wanted`, when given):
 * the concatenation (two syllables or more, or one long one) and `~skeleton` (two syllables or more).
 * `prefixes` (of the wanted keys) only saves time: the result is the same without it.
 */
export function pinyinKeys(text: string, lexicon: Lexicon, wanted?: { has(key: string): boolean }, prefixes?: KeyPrefixes): Set<string> {
  const keys = new Set<string>();
  const syllables: [string, string][] = [];
  const add = (key: string) => {
    if (!wanted || wanted.has(key)) keys.add(key);
  };
  const flush = () => {
    if (syllables.length === 0) return; // most characters end no run: skip the costly `length = 0`
    for (let start = 0; start < syllables.length; start++) {
      let joined = '';
      let sk = '';
      // Concatenations only ever grow at the end, so once one is no wanted key's prefix, longer ones are not either.
      let joinedAlive = true;
      let skeletonAlive = true;
      for (let n = 1; n <= MAX_SYLLABLES && start + n <= syllables.length && (joinedAlive || skeletonAlive); n++) {
        const [syllable, skel] = syllables[start + n - 1]!;
        if (joinedAlive) {
          joined = n === 1 ? syllable : joined + syllable;
          if (prefixes && !prefixes.joined.has(joined)) joinedAlive = false;
          else if (n >= 2 || joined.length >= 5) add(joined);
        }
        if (skeletonAlive) {
          // Skeletons join like the skeleton of the joined string: a doubled consonant at the seam collapses.
          sk = n === 1 ? skel : sk + (skel && sk.endsWith(skel[0]!) ? skel.slice(1) : skel);
          if (prefixes && !prefixes.skeleton.has(sk)) skeletonAlive = false;
          else if (n >= 2 && sk.length >= 3) add('~' + sk);
        }
      }
    }
    syllables.length = 0;
  };
  const known = syllablesOf(lexicon);
  // Code units rather than characters: a character beyond the BMP is two units that are neither Han nor a dot,
  // and ends a run just as it would whole.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHanCode(code)) {
      const syllable = syllableOf(code, lexicon, known);
      if (syllable[0]) syllables.push(syllable);
      else flush();
    } else if (code !== MIDDLE_DOT && code !== HYPHENATION_POINT && code !== KATAKANA_MIDDLE_DOT) flush();
  }
  flush();
  return keys;
}

export interface NameWord {
  /** Lookup keys: the lower-cased word, and `~skeleton` for words that are not ordinary English. */
  keys: string[];
  /** How much a match says, from the word's rarity among the Chinese segments (set by the caller). */
  weight: number;
}

/**
 * Capitalised words of a Latin-script text that could be transliterated names. Words CC-CEDICT uses in its
 * English glosses ("Finally" opening a sentence) only match a pinyin reading exactly, never loosely.
 */
export function nameWords(text: string, isEnglishWord: (stem: string) => boolean): NameWord[] {
  const words: NameWord[] = [];
  for (const word of text.match(/\b[A-Z][a-z]{2,}(?:-[a-z]+)?\b/g) ?? []) {
    const stem = stemEnglish(word);
    if (!stem) continue; // "There", "She": capitalised only at the start of a sentence
    const lower = word.toLowerCase().replace(/-/g, '');
    const sk = skeleton(lower);
    words.push({ keys: sk.length >= 3 && !isEnglishWord(stem) ? [lower, '~' + sk] : [lower], weight: 1 });
  }
  return words;
}

/** Weighted count of the name words found among the pinyin keys. */
export function countNameMatches(names: NameWord[], keys: Set<string>): number {
  let n = 0;
  for (const name of names) if (name.keys.some((k) => keys.has(k))) n += name.weight;
  return n;
}
