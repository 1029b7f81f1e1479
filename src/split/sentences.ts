/**
 * Sentence boundaries, as spans of the text given (callers add the paragraph's offset).
 *
 * Chinese and Japanese: our own scanner on 。！？… and their half-width forms, closing quotes and brackets kept with
 * the sentence they close. Everything else: ICU's sentence segmenter (Intl.Segmenter), which knows decimals,
 * ellipses and quotations, corrected for Latin-script text where it breaks after an abbreviation ("Dr. Ala",
 * "No. 5", "J. R. Smith", "Washington, D.C. —") or before a lower-case continuation ("“Really?” he asked").
 */
import type { LanguageTag, Span } from '../model.js';
import { isHanCode } from '../lang/chinese.js';

/** Sentence spans of `text`, trimmed of surrounding white space, in order, never empty. */
export function splitSentences(text: string, language: LanguageTag): Span[] {
  const raw = language.startsWith('zh') || language === 'ja' ? splitCjk(text) : splitWithIcu(text, language);
  const spans: Span[] = [];
  for (const span of raw) {
    const trimmed = trim(text, span);
    if (trimmed.end > trimmed.start) spans.push(trimmed);
  }
  return spans;
}

function trim(text: string, { start, end }: Span): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

// ───────────── Chinese and Japanese ─────────────

/** The code units of `chars` (all in the BMP). */
const codes = (chars: string) => new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
const CJK_TERMINATORS = codes('。！？!?｡…‥');
/** Closing quotes and brackets that belong to the sentence they follow: ”。 closes, 。” closes too. */
const CLOSERS = codes('”’」』）)》〉】〕］]"\'〗｣');
const FULL_STOP = 0x2e; // .
const FULLWIDTH_FULL_STOP = 0xff0e; // ．
const QUOTATION_MARK = 0x22; // "
const APOSTROPHE = 0x27; // '

function splitCjk(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (CJK_TERMINATORS.has(text.charCodeAt(i)) || isCjkFullStop(text, i)) {
      let end = i + 1;
      // A run of terminators (？！, ……, ...) then whatever closes: one boundary, after all of them.
      while (end < text.length && (isTerminatorOrStop(text.charCodeAt(end)) || closes(text, start, end))) end++;
      spans.push({ start, end });
      start = i = end;
      continue;
    }
    i++;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

function isTerminatorOrStop(code: number): boolean {
  return CJK_TERMINATORS.has(code) || code === FULL_STOP || code === FULLWIDTH_FULL_STOP;
}

/** Is text[i] a closing quote or bracket of the sentence that began at `start`? */
function closes(text: string, start: number, i: number): boolean {
  const code = text.charCodeAt(i);
  if (!CLOSERS.has(code)) return false;
  if (code !== QUOTATION_MARK && code !== APOSTROPHE) return true;
  // A straight quote closes only if the sentence opened one: after 。 it may as well open the next sentence.
  let count = 0;
  for (let j = start; j < i; j++) if (text.charCodeAt(j) === code) count++;
  return count % 2 === 1;
}

/** A '.' or '．' ends a Chinese sentence after a Chinese character or a closing quote, not inside 3.5 or U.S. */
function isCjkFullStop(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code !== FULL_STOP && code !== FULLWIDTH_FULL_STOP) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  const afterOk = Number.isNaN(after) || /\s/.test(text[i + 1]!) || isHanCode(after) || after === FULL_STOP || after === FULLWIDTH_FULL_STOP;
  return afterOk && (isHanCode(before) || CLOSERS.has(before));
}

// ───────────── ICU, with abbreviation repairs for Latin script ─────────────

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(language: LanguageTag): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    let locale = language;
    try {
      Intl.Segmenter.supportedLocalesOf([language]);
    } catch {
      locale = 'und';
    }
    segmenter = new Intl.Segmenter(locale === 'und' ? 'en' : locale, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

function splitWithIcu(text: string, language: LanguageTag): Span[] {
  const segmenter = segmenterFor(language);
  const spans: Span[] = [];
  for (const chunk of chunks(text)) {
    for (const { index, segment } of segmenter.segment(text.slice(chunk.start, chunk.end))) {
      const span = { start: chunk.start + index, end: chunk.start + index + segment.length };
      const previous = spans[spans.length - 1];
      if (previous && continuesSentence(text, previous, span)) previous.end = span.end;
      else spans.push(span);
    }
  }
  return spans;
}

/** V8's segmenter slows down more than linearly on long strings (a 240 000-character line takes seconds). */
const CHUNK = 2000;
const SENTENCE_END = /[.!?。！？؟۔।‼⁇⁈⁉][”’"')\]]*\s+/;
const WHITE_SPACE = /\s+/;

/**
 * Long text in pieces of CHUNK to 2 × CHUNK characters, cut after a sentence-final mark and white space, where ICU
 * would break anyway (and where `continuesSentence` still repairs a cut after "Dr."). A window without any such
 * mark is not prose: it is cut at white space, or anywhere.
 */
function* chunks(text: string): Generator<Span> {
  let start = 0;
  while (text.length - start > CHUNK * 2) {
    const window = text.slice(start + CHUNK, start + CHUNK * 2);
    const found = SENTENCE_END.exec(window) ?? WHITE_SPACE.exec(window);
    const end = start + CHUNK + (found ? found.index + found[0].length : window.length);
    yield { start, end };
    start = end;
  }
  yield { start, end: text.length };
}

/** How much of each side of a boundary the repair rules look at. */
const EDGE = 64;

/** Titles before a name: never the end of a sentence. */
const TITLES = new Set([
  'Dr', 'Mr', 'Mrs', 'Ms', 'Mx', 'Prof', 'Sen', 'Rep', 'Gov', 'Gen', 'Col', 'Lt', 'Capt', 'Cpt', 'Sgt', 'Maj', 'Adm',
  'Cmdr', 'Brig', 'Rev', 'Hon', 'Pres', 'Amb', 'Messrs', 'Mme', 'Mlle', 'Fr', 'Sr', 'Jr', 'St', 'Supt', 'Insp', 'Det',
  'Mt', 'Ft',
]);
/** Abbreviations that often end a sentence too ("… Apple Inc. The company"): like dotted acronyms. */
const ENDING_ABBREVIATIONS = new Set(['Inc', 'Ltd', 'Co', 'Corp', 'Bros', 'Jr', 'Sr', 'St', 'etc', 'al']);
/** Abbreviations that a number follows: No. 5, Art. 3, Vol. 2, pp. 10–12. */
const BEFORE_NUMBER = new Set(['No', 'no', 'Nos', 'nos', 'Art', 'art', 'Arts', 'Vol', 'vol', 'Vols', 'Ch', 'ch', 'Sec', 'sec', 'Fig', 'fig', 'Para', 'para', 'paras', 'p', 'pp', 'Op', 'op', 'Ref', 'ref', 'Tel', 'tel', 'Rm', 'Nr', 'nr']);
const MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);
/** Latin abbreviations that introduce more of the same sentence. */
const INSIDE_SENTENCE = new Set(['e.g', 'i.e', 'cf', 'viz', 'vs', 'v', 'approx', 'incl', 'esp', 'ca', 'resp', 'etc', 'al']);
/** Words that usually open a sentence: after "U.S." they mean the sentence did end there. */
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'In', 'On',
  'At', 'But', 'And', 'Or', 'So', 'Yet', 'However', 'Our', 'His', 'Her', 'Their', 'Its', 'My', 'Your', 'As', 'For',
  'If', 'When', 'While', 'After', 'Before', 'Since', 'What', 'Who', 'Why', 'How', 'Today', 'Meanwhile', 'According',
  'Thus', 'Therefore', 'Moreover', 'Furthermore', 'Also', 'Then', 'Now', 'Such', 'Many', 'Some', 'All', 'No', 'Not',
]);

const ABBREVIATION_AT_END = /([\p{L}][\p{L}.]*)\.$/u;
const CONTINUATION = /^(?:(?=[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}])\p{Ll}|[,;:—–\-)])/u;

/** Should the ICU boundary between `previous` and `next` be undone? */
function continuesSentence(text: string, previous: Span, next: Span): boolean {
  // Only the edges matter; looking at them alone keeps long runs of merges linear.
  const before = text.slice(Math.max(previous.start, previous.end - EDGE), previous.end).trimEnd();
  const after = text.slice(next.start, Math.min(next.end, next.start + EDGE)).trimStart();
  const first = after[0];
  if (!first) return false;
  // Nothing opens a sentence in lower case (in scripts that capitalise sentences) or with a dash or comma:
  // "“Really?” he asked", "D.C. — The". Georgian lower case is not a continuation: it has no sentence capitals.
  if (CONTINUATION.test(after)) return true;
  if (!before.endsWith('.') || before.endsWith('..')) return false;
  // The abbreviation is the run of letters and dots before the final '.': it holds no space, so the regex need
  // only look after the last one (the same match, without trying every position of the edge).
  const word = ABBREVIATION_AT_END.exec(before.slice(before.lastIndexOf(' ') + 1))?.[1];
  if (!word) return false;
  // The abbreviation must be a word of its own ("Dr." but not "Odr.").
  const charBefore = before[before.length - word.length - 2];
  if (charBefore !== undefined && /[\p{L}\p{N}]/u.test(charBefore)) return false;
  const startsWithNumber = /^[\d#(]|^[IVXLC]+\b/.test(after);
  const nextWord = /^[“"‘'(]?([\p{L}]+)/u.exec(after)?.[1] ?? '';
  if (ENDING_ABBREVIATIONS.has(word)) return !SENTENCE_OPENERS.has(nextWord) && !/^[“"‘]/u.test(after);
  if (TITLES.has(word)) return true;
  if (BEFORE_NUMBER.has(word) || MONTHS.has(word)) return startsWithNumber;
  if (INSIDE_SENTENCE.has(word)) return true;
  // An initial: "J. R. Smith".
  if (/^\p{Lu}$/u.test(word)) return /^\p{Lu}/u.test(after) && !SENTENCE_OPENERS.has(nextWord);
  // A dotted acronym (U.S., U.N., D.C., a.m.): the sentence goes on unless the next word opens a new one.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return !SENTENCE_OPENERS.has(nextWord) && !/^[“"‘]/u.test(after);
  return false;
}
