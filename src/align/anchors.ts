/**
 * Anchors: what a translation keeps verbatim or nearly — numbers in any writing (`findNumbers`), Latin words
 * (acronyms, names, URLs), question and exclamation marks, quotation marks opening or closing a segment.
 */
import { findNumbers } from '../lang/numbers.js';
import type { AlignParameters } from './options.js';

/** The anchor weights among the aligner's parameters. */
export type AnchorWeights = Pick<AlignParameters, 'numberMatch' | 'numberMismatch' | 'punctuationMatch' | 'punctuationMismatch' | 'latinMatch' | 'latinMismatch'>;

/** Flags for punctuation anchors. */
export const QUESTION = 1;
export const EXCLAIM = 2;
export const OPENS_QUOTE = 4; // begins with an opening quotation mark
export const CLOSES_QUOTE = 8; // ends with a closing quotation mark (before final punctuation)

export interface SentenceAnchors {
  /** Values of numbers worth matching (not the ubiquitous one and two of "a man", "一個人"). */
  numbers: number[];
  /** Lower-cased Latin words that may appear verbatim on the other side: acronyms, names, URLs. */
  latin: string[];
  flags: number;
}

/**
 * The anchors of one side, packed: segment i's numbers are `numbers[numberStart[i] .. numberStart[i + 1])`, so a
 * span's numbers are one contiguous run; Latin words are interned to ids (shared by both sides) the same way.
 */
export interface PackedAnchors {
  flags: Uint8Array;
  numbers: Float64Array;
  numberStart: Int32Array;
  /** Interned ids, kept as doubles like `numbers` so one comparison routine serves both. */
  latin: Float64Array;
  latinStart: Int32Array;
}

export function packAnchors(texts: string[], withNumbers: boolean, latinIds: Map<string, number>): PackedAnchors {
  const flags = new Uint8Array(texts.length);
  const numberStart = new Int32Array(texts.length + 1);
  const latinStart = new Int32Array(texts.length + 1);
  const numbers: number[] = [];
  const latin: number[] = [];
  texts.forEach((text, i) => {
    const a = anchorsOf(text, withNumbers);
    flags[i] = a.flags;
    numbers.push(...a.numbers);
    for (const w of a.latin) {
      let id = latinIds.get(w);
      if (id === undefined) latinIds.set(w, (id = latinIds.size));
      latin.push(id);
    }
    numberStart[i + 1] = numbers.length;
    latinStart[i + 1] = latin.length;
  });
  return { flags, numbers: Float64Array.from(numbers), numberStart, latin: Float64Array.from(latin), latinStart };
}

const OPEN_QUOTES = '"“「『‘\'«《';
const CLOSE_QUOTES = '"”」』’\'»》';

/** Marks that may follow a closing quotation mark at the end of a segment: final punctuation (and spaces, see `isSpace`). */
const TRAILING_MARKS = '.。!！?？,，;；:：…';

/**
 * Flags of a segment's punctuation anchors. A scan of its ends: regular expressions over slices of every segment
 * cost more than the rest of the anchors.
 */
export function punctuationFlags(text: string): number {
  // The trimmed text is text[start, end).
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return 0;
  let flags = 0;
  for (let i = Math.max(start, end - 3); i < end; i++) {
    const c = text[i]!;
    if (c === '?' || c === '？') flags |= QUESTION;
    else if (c === '!' || c === '！') flags |= EXCLAIM;
  }
  if (OPEN_QUOTES.includes(text[start]!)) flags |= OPENS_QUOTE;
  // The last character before trailing punctuation and spaces, if the segment has more than it.
  let last = end - 1;
  while (last >= start && (TRAILING_MARKS.includes(text[last]!) || isSpace(text.charCodeAt(last)))) last--;
  if (last > start && CLOSE_QUOTES.includes(text[last]!)) flags |= CLOSES_QUOTE;
  return flags;
}

/** White space as `String.prototype.trim` and `\s` see it (they agree). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const MAX_ANCHORS = 32;

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'）)]+/gi;

export function anchorsOf(text: string, withNumbers: boolean): SentenceAnchors {
  const numbers: number[] = [];
  // Numbers of a segment over 20,000 characters are not searched: its length anchors it well enough.
  if (withNumbers && text.length < 20_000) {
    for (const n of findNumbers(text)) if (Number.isFinite(n.value) && (n.value > 2 || /\d/.test(n.text)) && !n.approximate) numbers.push(n.value);
  }
  const latin: string[] = [];
  for (const url of text.match(URL) ?? []) latin.push(url.toLowerCase().replace(/[.,;:]+$/, ''));
  // Acronyms and capitalised words; on a Latin-script side this gives names, on a Chinese side every Latin word.
  for (const word of text.replace(URL, ' ').match(/[A-Za-z][A-Za-z0-9&-]+/g) ?? []) {
    if (/[A-Z]/.test(word) && word.length >= 2) latin.push(word.toLowerCase());
  }
  // A long paragraph could list hundreds: the first few dozen distinct ones are plenty to anchor it.
  return { numbers: [...new Set(numbers)].slice(0, MAX_ANCHORS), latin: [...new Set(latin)].slice(0, MAX_ANCHORS), flags: punctuationFlags(text) };
}

/**
 * Anchor evidence for the bead X[x0, x1) × Y[y0, y1): ? ! and quotation marks that agree or not, numbers found
 * on both sides or on one only, Latin words of X (acronyms, names, URLs) found verbatim in Y or not.
 */
export function anchorScore(ax: PackedAnchors, ay: PackedAnchors, x0: number, x1: number, y0: number, y1: number, p: AnchorWeights): number {
  let score = 0;
  let flagsX = (ax.flags[x0]! & OPENS_QUOTE) | (ax.flags[x1 - 1]! & CLOSES_QUOTE);
  let flagsY = (ay.flags[y0]! & OPENS_QUOTE) | (ay.flags[y1 - 1]! & CLOSES_QUOTE);
  for (let x = x0; x < x1; x++) flagsX |= ax.flags[x]! & (QUESTION | EXCLAIM);
  for (let y = y0; y < y1; y++) flagsY |= ay.flags[y]! & (QUESTION | EXCLAIM);
  if (flagsX | flagsY) {
    for (let flag = 1; flag <= CLOSES_QUOTE; flag <<= 1) {
      const fx = (flagsX & flag) !== 0;
      const fy = (flagsY & flag) !== 0;
      if (fx && fy) score += p.punctuationMatch;
      else if (fx !== fy) score -= p.punctuationMismatch;
    }
  }
  // A span's anchors are one contiguous run of the packed arrays; runs are short, so plain loops.
  const nx0 = ax.numberStart[x0]!;
  const nx1 = ax.numberStart[x1]!;
  const ny0 = ay.numberStart[y0]!;
  const ny1 = ay.numberStart[y1]!;
  if (nx1 > nx0 || ny1 > ny0) {
    compareRuns(ax.numbers, nx0, nx1, ay.numbers, ny0, ny1);
    const shared = runCounts[SHARED]!;
    score += shared * p.numberMatch - (runCounts[DISTINCT_A]! + runCounts[DISTINCT_B]! - 2 * shared) * p.numberMismatch;
  }
  const lx0 = ax.latinStart[x0]!;
  const lx1 = ax.latinStart[x1]!;
  if (lx1 > lx0) {
    compareRuns(ax.latin, lx0, lx1, ay.latin, ay.latinStart[y0]!, ay.latinStart[y1]!);
    const shared = runCounts[SHARED]!;
    score += shared * p.latinMatch - (runCounts[DISTINCT_A]! - shared) * p.latinMismatch;
  }
  return score;
}

// compareRuns' results, in a reused array: the fine search calls it for every bead shape of every cell.
const DISTINCT_A = 0;
const DISTINCT_B = 1;
const SHARED = 2;
const runCounts = new Int32Array(3);

/** Distinct values in a[a0, a1), in b[b0, b1), and how many distinct values of a also occur in b (into runCounts). */
function compareRuns(a: Float64Array, a0: number, a1: number, b: Float64Array, b0: number, b1: number): void {
  let distinctA = 0;
  let shared = 0;
  for (let i = a0; i < a1; i++) {
    const v = a[i]!;
    let repeated = false;
    for (let k = a0; k < i; k++) if (a[k] === v) (repeated = true), (k = i);
    if (repeated) continue;
    distinctA++;
    for (let k = b0; k < b1; k++) if (b[k] === v) (shared++, (k = b1));
  }
  let distinctB = 0;
  for (let i = b0; i < b1; i++) {
    let repeated = false;
    for (let k = b0; k < i; k++) if (b[k] === b[i]) (repeated = true), (k = i);
    if (!repeated) distinctB++;
  }
  runCounts[DISTINCT_A] = distinctA;
  runCounts[DISTINCT_B] = distinctB;
  runCounts[SHARED] = shared;
}
