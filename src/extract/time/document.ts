/**
 * A document's time expressions, read in order: the reference time moves with each date mentioned, and the
 * document's own date comes from the caller, from a dateline, or — marked inferred — from what the text says
 * about elapsed time ("the 75th anniversary" of events of 1949 → 2024).
 */
import type { TimePrecision } from '../../model.js';
import { parseIso } from './calendar.js';
import { ageAnchors, anchorsOf, recognise, resolveCandidates, statedYears } from './find.js';
import type { Candidate, TimeAnchor, Timex } from './types.js';
import { NUM, ORDINAL, chineseNumber, parseNumber, parseOrdinal } from './words.js';

export interface DocumentDate {
  value: string;
  precision: TimePrecision;
  /** False when given by the caller or stated in a dateline. */
  inferred: boolean;
  source: 'given' | 'dateline' | 'anniversary' | 'elapsed';
  /** The sentence (index) and the expression the date was read or inferred from. */
  evidence?: { sentence: number; start: number; end: number; text: string };
}

export interface DocumentTimes {
  documentDate?: DocumentDate;
  /** Time expressions per input sentence, offsets relative to that sentence. */
  sentences: Timex[][];
}

interface Clue {
  /** Years elapsed between a mentioned year and the document's present. */
  n: number;
  weight: number;
  sentence: number;
  start: number;
  end: number;
  text: string;
}

/** `needs`: a word every match contains — most sentences lack it, and testing for it costs far less than `re`
 *  (whose leading number is tried at every position). */
const EN_CLUES: { re: RegExp; needs?: RegExp; weight: number; n: (m: RegExpExecArray) => number | undefined }[] = [
  { re: new RegExp(`\\b(${ORDINAL})[- ]anniversary\\b`, 'gi'), needs: /anniversary/i, weight: 3, n: (m) => parseOrdinal(m[1]!) },
  { re: new RegExp(`\\b(?:for |over |in )?the (?:past|last) (${NUM}) years\\b`, 'gi'), needs: /years/i, weight: 1, n: (m) => parseNumber(m[1]!) },
  { re: new RegExp(`\\b(${NUM}) years (?:later|on)\\b`, 'gi'), needs: /years/i, weight: 1, n: (m) => parseNumber(m[1]!) },
];
const ZH_NUM = '(\\d+|[〇零一二兩两三四五六七八九十百]+)';
const ZH_CLUES: typeof EN_CLUES = [
  { re: new RegExp(`${ZH_NUM}\\s*(?:週年|周年)`, 'g'), needs: /[週周]年/, weight: 3, n: (m) => chineseNumber(m[1]!) },
  { re: new RegExp(`過去的?${ZH_NUM}年|过去的?${ZH_NUM}年`, 'g'), needs: /[過过]去/, weight: 1, n: (m) => chineseNumber((m[1] ?? m[2])!) },
  { re: new RegExp(`${ZH_NUM}年(?:後|后)`, 'g'), needs: /年[後后]/, weight: 1, n: (m) => chineseNumber(m[1]!) },
];

function cluesOf(text: string, lang: 'en' | 'zh', sentence: number): Clue[] {
  const clues: Clue[] = [];
  for (const { re, needs, weight, n } of lang === 'zh' ? ZH_CLUES : EN_CLUES) {
    if (needs && !needs.test(text)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const years = n(m);
      if (years && Number.isInteger(years) && years > 0 && years < 1000) clues.push({ n: years, weight, sentence, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return clues;
}

type Sentence = { text: string; lang: 'en' | 'zh' };
/** The recogniser's candidates of sentence i, computed once however many passes need them. */
type CandidatesOf = (i: number) => Candidate[];

/** A dateline date: a full date at the very start of the document, before a dash or after a place name. */
function datelineOf(sentences: Sentence[], candidatesOf: CandidatesOf): DocumentDate | undefined {
  for (let i = 0; i < Math.min(2, sentences.length); i++) {
    const { text, lang } = sentences[i]!;
    for (const t of resolveCandidates(text, lang, candidatesOf(i), {})) {
      if (t.start > 80 || !/^\d{4}-\d{2}-\d{2}$/.test(t.value)) continue;
      const after = text.slice(t.end, t.end + 4);
      const before = text.slice(0, t.start);
      const looksLikeDateline =
        /^\s*(?:[-—–:|)）]|\n|$)/.test(after) ||
        /^(?:電|电|訊|讯|消息)/.test(after) ||
        /^\s*(?:[A-Z][\p{L}.' -]*,\s*)?$/u.test(before) ||
        /^\s*[(（]?\s*$/.test(before);
      if (looksLikeDateline) return { value: t.value, precision: 'day', inferred: false, source: 'dateline', evidence: { sentence: i, start: t.start, end: t.end, text: t.text } };
    }
  }
  return undefined;
}

/**
 * The document year implied by elapsed-time clues and the years the text mentions, if they agree.
 *
 * Every (mentioned year, clue) pair proposes year + n; a proposal scores the weights of all clues that some
 * mentioned year also leads to, plus the share of mentions of its own year. Clues are grouped by n and the
 * agreement of each proposal is counted in one pass over (year, n) pairs, so the cost is
 * sentences + distinct years × distinct n — linear in the document (a pair-of-pairs scan was quadratic in the
 * number of clues and took minutes on 20,000 sentences). Ties go to the first year mentioned and the first n seen.
 */
function inferFromClues(sentences: Sentence[], candidatesOf: CandidatesOf): DocumentDate | undefined {
  const clues = sentences.flatMap((s, i) => cluesOf(s.text, s.lang, i));
  if (clues.length === 0) return undefined;
  const mentions = new Map<number, number>();
  let latest = -Infinity;
  let totalMentions = 0;
  for (let i = 0; i < sentences.length; i++) {
    for (const year of statedYears(candidatesOf(i))) {
      mentions.set(year, (mentions.get(year) ?? 0) + 1);
      latest = Math.max(latest, year);
      totalMentions++;
    }
  }
  if (mentions.size === 0) return undefined;
  const weightOfN = new Map<number, number>();
  const firstClueOfN = new Map<number, Clue>();
  for (const c of clues) {
    weightOfN.set(c.n, (weightOfN.get(c.n) ?? 0) + c.weight);
    if (!firstClueOfN.has(c.n)) firstClueOfN.set(c.n, c);
  }
  // Weight of the clues agreeing on each proposed year: for a proposal and an n, one mentioned year at most fits.
  const agreement = new Map<number, number>();
  for (const year of mentions.keys()) for (const [n, weight] of weightOfN) agreement.set(year + n, (agreement.get(year + n) ?? 0) + weight);
  let best: { year: number; score: number; clue: Clue } | undefined;
  for (const [year, count] of mentions) {
    for (const [n, clue] of firstClueOfN) {
      const candidate = year + n;
      if (candidate < latest) continue;
      const score = agreement.get(candidate)! + count / totalMentions;
      if (!best || score > best.score) best = { year: candidate, score, clue };
    }
  }
  // One weak clue alone ("75 years later") is not enough; an anniversary or two agreeing clues are.
  if (!best || best.score < 2) return undefined;
  const proposed = best.year;
  // Cite an anniversary when one supports the year: the proposing clue if it is one, else the first agreeing one.
  const c = best.clue.weight >= 3 ? best.clue : clues.find((k) => k.weight >= 3 && mentions.has(proposed - k.n)) ?? best.clue;
  return {
    value: String(proposed).padStart(4, '0'),
    precision: 'year',
    inferred: true,
    source: c.weight >= 3 ? 'anniversary' : 'elapsed',
    evidence: { sentence: c.sentence, start: c.start, end: c.end, text: c.text },
  };
}

/**
 * Resolves the time expressions of a document, sentence by sentence in reading order. `dct` (ISO 8601) is the
 * document's date when known; otherwise it is read from a dateline or inferred from elapsed-time clues.
 */
export function resolveDocumentTimes(sentences: Sentence[], dct?: string): DocumentTimes {
  // Each sentence is recognised once: the date inference and the resolution below share the candidates.
  const recognised: (Candidate[] | undefined)[] = new Array(sentences.length);
  const candidatesOf: CandidatesOf = (i) => (recognised[i] ??= recognise(sentences[i]!.text, sentences[i]!.lang));
  let documentDate: DocumentDate | undefined;
  // A date from metadata that is not ISO 8601 is ignored (the text may still date itself) rather than fatal.
  if (dct && !parseIso(dct)) dct = undefined;
  if (dct) documentDate = { value: dct, precision: dct.length > 10 ? 'minute' : dct.length === 10 ? 'day' : dct.length === 7 ? 'month' : 'year', inferred: false, source: 'given' };
  else documentDate = datelineOf(sentences, candidatesOf) ?? inferFromClues(sentences, candidatesOf);
  const result: Timex[][] = [];
  let anchors: TimeAnchor[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const { text, lang } = sentences[i]!;
    const timexes = resolveCandidates(text, lang, candidatesOf(i), { dct: documentDate?.value, dctInferred: documentDate?.inferred, anchors });
    recognised[i] = undefined; // no longer needed: let a long document's candidates go as we read
    result.push(timexes);
    anchors = ageAnchors(anchors, anchorsOf(timexes));
  }
  return { documentDate, sentences: result };
}
