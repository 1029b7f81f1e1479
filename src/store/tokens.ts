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
// Class subtraction (`v` flag, Node 20) keeps word runs free of Han/kana; built with `new RegExp` for the ES2022 target.
const RUN = new RegExp('([\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}〇]+)|([[\\p{L}\\p{N}\\p{M}]--[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}〇]]+)', 'gv');
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

/** Folds a non-Han word: compatibility forms, accents and case; ASCII words are stemmed (cached: words repeat). */
export function foldWord(word: string, stem = true): string {
  // Compatibility decomposition can yield punctuation (⑴ → "(1)"): keep letters and digits only, so a term is
  // always safe inside FTS5 quotes and tsvector/tsquery literals.
  const folded = ASCII_WORD.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  if (!folded) return '';
  if (!stem || !/^[a-z]+$/.test(folded)) return folded.slice(0, MAX_TERM);
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

const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〇]/u;

export function tokenize(text: string): Tokenized {
  const body: Token[] = [];
  const tail: Token[] = [];
  // Fold the whole sentence once (same length, so offsets hold) rather than run by run.
  const folded = HAS_CJK.test(text) ? foldHan(text) : text;
  for (const m of text.matchAll(RUN)) {
    const start = m.index!;
    if (m[1]) {
      const run = folded.slice(start, start + m[1].length);
      if (run.length === 1) {
        body.push({ term: run, start, end: start + 1 });
        continue;
      }
      for (let i = 0; i + 1 < run.length; i++) body.push({ term: run.slice(i, i + 2), start: start + i, end: start + i + 2 });
      tail.push({ term: run[run.length - 1]!, start: start + run.length - 1, end: start + run.length });
    } else {
      const term = foldWord(m[2]!);
      if (term) body.push({ term, start, end: start + m[2]!.length });
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
