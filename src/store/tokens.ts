/**
 * The archive's own tokeniser, shared by both databases so SQLite and PostgreSQL index exactly the same terms.
 *
 * Why pre-tokenise in JavaScript: FTS5's and PostgreSQL's tokenisers do not segment Chinese, do not fold
 * Traditional to Simplified, and stem differently. We turn every sentence into a space-separated stream of
 * terms that the databases store verbatim (FTS5 `ascii` tokenizer, PostgreSQL tsvector literals):
 *   - letters/digits runs (Latin, Cyrillic, Arabic, …): NFKD, marks removed, lowercased; ASCII words stemmed (Porter);
 *   - Han/kana runs: folded to Simplified, cut into overlapping bigrams (`东突厥` → `东突 突厥`); the last
 *     character of each run goes to a separate `tail` stream so single-character queries (prefix `X*`)
 *     find every occurrence without breaking phrase adjacency in the main stream.
 */
import { stemmer } from 'stemmer';
import { toSimplified } from '../lang/chinese.js';

export interface Token {
  term: string;
  /** Offsets into the tokenised text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface Tokenized {
  body: Token[];
  tail: Token[];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〇]/u;
/** One code point of a Han/kana run, or of a word run (letters, digits, marks that are not Han/kana). */
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〇]$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const MAX_TERM = 60;

/** Traditional → Simplified (OpenCC via src/lang/chinese.ts), keeping offsets exact. */
export function foldHan(text: string): string {
  const folded = toSimplified(text);
  if (folded.length === text.length) return folded;
  // A phrase conversion changed the length: fall back to characters so offsets stay exact.
  return Array.from(text, (ch) => (ch.length === 1 ? (toSimplified(ch)[0] ?? ch) : ch)).join('');
}

const stems = new Map<string, string>();
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const LOWER_ASCII_WORD = /^[a-z]+$/;

/** Folds a non-Han word: compatibility forms, accents and case; ASCII words are stemmed (cached: words repeat). */
export function foldWord(word: string, stem = true): string {
  // Compatibility decomposition can yield punctuation (⑴ → "(1)"): keep letters and digits only, so a term is
  // always safe inside FTS5 quotes and tsvector/tsquery literals.
  const folded = ASCII_WORD.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  if (!folded) return '';
  if (!stem || !LOWER_ASCII_WORD.test(folded)) return folded.slice(0, MAX_TERM);
  return stemmed(folded);
}

/** The Porter stem of a lower-case ASCII word, cut to MAX_TERM. */
function stemmed(folded: string): string {
  let term = stems.get(folded);
  if (term === undefined) {
    term = stemmer(folded).slice(0, MAX_TERM);
    if (stems.size > 200_000) stems.clear();
    stems.set(folded, term);
  }
  return term;
}

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

const OTHER = 0;
const HAN_OR_KANA = 1;
const WORD = 2;
type CharClass = typeof OTHER | typeof HAN_OR_KANA | typeof WORD;
/** Class + 1 of each BMP code point met so far (0: not yet classified): the Unicode properties are asked once. */
const bmpClasses = new Uint8Array(0x10000);

function classOf(code: number): CharClass {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? WORD : OTHER;
  if (code < 0x10000 && bmpClasses[code]) return (bmpClasses[code]! - 1) as CharClass;
  const ch = String.fromCodePoint(code);
  const charClass = CJK_CHAR.test(ch) ? HAN_OR_KANA : WORD_CHAR.test(ch) ? WORD : OTHER;
  if (code < 0x10000) bmpClasses[code] = charClass + 1;
  return charClass;
}

/**
 * Terms of a sentence: maximal runs of Han/kana (bigrams, last character to `tail`) and of other letters, digits
 * and marks (one folded word each), found in one pass over the code points.
 */
export function tokenize(text: string): Tokenized {
  const body: Token[] = [];
  const tail: Token[] = [];
  // Folded once for the whole sentence (same length, so offsets hold), when its first Han/kana run is met.
  let folded: string | undefined;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const runClass = classOf(code);
    if (runClass === OTHER) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    // An ASCII word of letters only is lower-cased and stemmed directly; anything else goes through foldWord.
    let ascii = true;
    let lettersOnly = true;
    do {
      const next = text.codePointAt(i)!;
      if (classOf(next) !== runClass) break;
      if (next >= 0x80) ascii = false;
      else if (next <= 0x39) lettersOnly = false;
      i += next > 0xffff ? 2 : 1;
    } while (i < text.length);
    if (runClass === HAN_OR_KANA) {
      folded ??= foldHan(text);
      if (i - start === 1) {
        body.push({ term: folded[start]!, start, end: i });
        continue;
      }
      for (let k = start; k + 1 < i; k++) body.push({ term: folded.slice(k, k + 2), start: k, end: k + 2 });
      tail.push({ term: folded[i - 1]!, start: i - 1, end: i });
    } else {
      const word = text.slice(start, i);
      const term = ascii && lettersOnly ? stemmed(word.toLowerCase()) : foldWord(word);
      if (term) body.push({ term, start, end: i });
    }
  }
  return { body, tail };
}

/** The stream a database stores: terms separated by spaces. */
export function termsText(tokens: Token[]): string {
  return tokens.map((t) => t.term).join(' ');
}

/** A PostgreSQL tsvector literal: positions 1… for the body, tail terms far away so phrases never join them. */
export function tsvectorLiteral({ body, tail }: Tokenized): string {
  const positions = new Map<string, number[]>();
  const put = (term: string, pos: number) => {
    const list = positions.get(term);
    if (list) list.push(pos);
    else positions.set(term, [pos]);
  };
  body.forEach((t, i) => put(t.term, Math.min(i + 1, 8000)));
  tail.forEach((t, i) => put(t.term, Math.min(8001 + i, 16383)));
  return [...positions].map(([term, pos]) => `'${term}':${pos.join(',')}`).join(' ');
}
