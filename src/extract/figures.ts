/**
 * Figures: a count, what it counts and how it is qualified. Qualifiers follow TimeML's `mod` for quantities:
 * "over"/"more than"/超過 → more-than (MORE_THAN, the bound itself excluded), "at least"/至少 → at-least
 * (EQUAL_OR_MORE), "up to"/多達 → at-most, "fewer than"/不到 → less-than, "about"/約 → about (APPROX);
 * "millions"/數百萬 → vague with its implied lower bound. Years, dates, ordinals, anniversaries, durations,
 * list numbers and identifiers ("Resolution 3070") are not figures.
 */
import type { FigureFact, FigureQualifier } from '../model.js';
import { findNumbers, type NumberMention } from '../lang/numbers.js';
import { MONTHS, pastParticiple } from './english.js';
import type { TimeMention } from './times.js';
import { isChinese, type SentenceRef } from './view.js';

/** A figure as found in one sentence: the fact's fields, plus where it stands. */
export interface FigureMention extends Pick<FigureFact, 'text' | 'value' | 'upper' | 'qualifier' | 'counts' | 'unit'> {
  sentence: SentenceRef;
  /** Span of qualifier + number + what it counts, relative to the sentence. */
  start: number;
  end: number;
  /** Span of the number alone. */
  numberStart: number;
  numberEnd: number;
}

const TIME_UNITS_EN = /^\s*(?:years?|months?|weeks?|days?|decades?|centuries|century|hours?|minutes?|seconds?|yrs?)\b/i;
const TIME_UNITS_ZH = /^(?:年|個月|个月|月|日|號|号|天|週|周|星期|小時|小时|分鐘|分钟|分|秒|世紀|世纪|年代|歲|岁|次|届|屆|倍|點|点|時|时)/;
const IDENTIFIER_BEFORE = /(?:\b(?:resolution|resolutions|no\.|number|article|section|chapter|paragraph|rule|item|case|law|act|order|decree|#)\s*|第\s*)$/i;

const QUALIFIERS_EN: [RegExp, FigureQualifier][] = [
  [/\b(?:over|more than|in excess of|upwards of|above|greater than)\s+$/i, 'more-than'],
  [/\b(?:at least|no fewer than|no less than|a minimum of|not less than)\s+$/i, 'at-least'],
  [/\b(?:up to|as many as|at most|a maximum of|no more than|not more than)\s+$/i, 'at-most'],
  [/\b(?:under|fewer than|less than|below)\s+$/i, 'less-than'],
  [/\b(?:about|around|approximately|nearly|almost|roughly|some|an estimated|estimated|close to|circa|approx\.)\s+$/i, 'about'],
];
const QUALIFIERS_ZH: [RegExp, FigureQualifier][] = [
  [/(?:超過|超过|逾|多於|多于|超)$/, 'more-than'],
  [/(?:至少|不少於|不少于|最少|起碼|起码)$/, 'at-least'],
  [/(?:最多|多達|多达|高達|高达)$/, 'at-most'],
  [/(?:不到|少於|少于|不足)$/, 'less-than'],
  [/(?:約|约|大約|大约|將近|将近|接近|近|大概)$/, 'about'],
];

const VICTIM_VERB_EN = /\b(?:had\s+|have\s+|has\s+)?(kill(?:ed|ing)?|murder(?:ed|ing)?|massacr(?:ed|ing|e)|assassinat(?:ed|ing|e)|execut(?:ed|ing|e)|imprison(?:ed|ing)?|detain(?:ed|ing)?|arrest(?:ed|ing)?|deport(?:ed|ing)?|displac(?:ed|ing|e)|disappear(?:ed)?|tortur(?:ed|ing|e)|sterili[sz](?:ed|ing|e)|expel(?:led|ling)?|wound(?:ed|ing)?|injur(?:ed|ing|e))\s+$/i;
const VICTIM_VERB_ZH = /(殺死|殺害|杀死|杀害|屠殺|屠杀|刺殺|刺杀|處決|处决|監禁|监禁|拘留|關押|关押|逮捕|驅逐|驱逐|殺|杀)了?$/;

const STOP_EN = new Set('i you he she it we they me him her us them in on at by with from during since under through into for to across throughout between while as who which that whose is are was were be been being have has had remain remains remained suffer suffers suffered will would can could may might must still now each every per this these those'.split(' '));

export function findFigures(sentence: SentenceRef, times: TimeMention[]): FigureMention[] {
  const text = sentence.text;
  const zh = isChinese(sentence.language);
  const numbers = findNumbers(text);
  const out: FigureMention[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    if (!isFigure(n, text, times, zh)) continue;
    const before = text.slice(Math.max(0, n.start - 30), n.start);
    let qualifier: FigureQualifier = n.approximate ? 'vague' : 'exact';
    let start = n.start;
    for (const [re, q] of zh ? QUALIFIERS_ZH : QUALIFIERS_EN) {
      const m = re.exec(before);
      if (m) {
        qualifier = n.approximate ? 'vague' : q;
        start = n.start - m[0].length + (m[0].length - m[0].trimStart().length);
        break;
      }
    }
    let numberEnd = n.end;
    let value = n.value;
    let upper: number | undefined;
    // "30余万": more than 300,000 (the numbers module reads 30 and 萬 apart).
    const more = zh ? /^([余餘多])([十百千萬万億亿])/.exec(text.slice(n.end, n.end + 2)) : null;
    if (more) {
      value *= ({ 十: 10, 百: 100, 千: 1000, 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8 } as Record<string, number>)[more[2]!]!;
      numberEnd += 2;
      if (qualifier === 'exact') qualifier = 'more-than';
      if (numbers[i + 1] && numbers[i + 1]!.start < numberEnd) i++;
    } else if (zh && /^[余餘多]/.test(text.slice(n.end, n.end + 1)) && qualifier === 'exact') qualifier = 'more-than';
    // Ranges: "between 10,000 and 20,000", "10-20", "一萬至兩萬".
    const next = numbers[i + 1];
    if (next && next.kind === n.kind && /^\s*(?:and|to|-|–|—|至|到|~|～)\s*$/.test(text.slice(n.end, next.start)) && next.value > n.value && !(zh && TIME_UNITS_ZH.test(text.slice(next.end)))) {
      if (/\bbetween\s+$/i.test(before) || !/^\s*and\s*$/.test(text.slice(n.end, next.start))) {
        qualifier = 'range';
        upper = next.value;
        numberEnd = next.end;
        if (/\bbetween\s+$/i.test(before)) start = n.start - /\bbetween\s+$/i.exec(before)![0].length;
        i++;
      }
    }
    const counted = zh ? countsZh(text, numberEnd) : countsEn(text, numberEnd, n);
    let counts = counted.counts;
    if (!counts && n.kind !== 'percent') continue; // a number that counts nothing named is not a figure
    const verb = (zh ? VICTIM_VERB_ZH : VICTIM_VERB_EN).exec(text.slice(Math.max(0, start - 30), start));
    if (verb && counts) counts = zh ? `${counts}（${verb[1]}）` : `${counts} ${pastParticiple(verb[1]!)}`;
    const passive = zh ? undefined : /^\s+(?:were|was|have been|had been|are|being|been)\s+(\p{Ll}+ed)\b/u.exec(text.slice(counted.end));
    if (passive && counts) counts = `${counts} ${passive[1]}`;
    const f: FigureMention = { sentence, start, end: counted.end, text: text.slice(start, counted.end), value, qualifier, counts, numberStart: n.start, numberEnd };
    if (upper !== undefined) f.upper = upper;
    if (n.kind === 'percent') f.unit = 'percent';
    out.push(f);
  }
  return out;
}

function isFigure(n: NumberMention, text: string, times: TimeMention[], zh: boolean): boolean {
  if (n.kind === 'year' || n.kind === 'ordinal') return false;
  if (times.some((t) => n.start < t.end && t.start < n.end)) return false;
  const after = text.slice(n.end, n.end + 40);
  const before = text.slice(Math.max(0, n.start - 40), n.start);
  const lineStart = n.start === 0 || /^\s*$/.test(text.slice(0, n.start));
  if (zh ? TIME_UNITS_ZH.test(after) : TIME_UNITS_EN.test(after)) return false;
  if (!zh && /^-?\s*(?:years?|months?|weeks?|days?)[- ]old\b/i.test(after)) return false; // an age
  if (!zh && /^['’]?s\b/.test(after)) return false; // "in her 20s", "the 1990s"
  if (/^[萬万億亿]$/.test(n.text)) return false; // 千萬別: "must not", not ten million
  if (IDENTIFIER_BEFORE.test(before)) return false;
  if (/[\d.\/]$/.test(before.slice(-1)) || /^[.\/]\d/.test(after)) return false; // part of a code or a version number: 424.10.37
  if (zh && /^\s*[至到~～\-–]\s*[\d一二三四五六七八九十]+\s*(?:年|月|日|號|号|時|时)/.test(after)) return false; // 3至6月: a span of months
  if (!zh && /^-\p{L}/u.test(after) && !/^-(?:strong|member)\b/i.test(after)) return false; // "three-party agreement": part of a word
  if (!zh && /^\s*times\b/i.test(after)) return false; // a frequency
  // List markers: "1)", "2." at the start of an item.
  if (lineStart && /^[).．、]/.test(after)) return false;
  if (/^\)/.test(after) && n.value < 100 && /(?:^|[\s(:;])$/.test(before)) return false; // "… to: 1) condemn 2) recognise"

  if (!zh) {
    const prevWord = /([A-Za-z]+)\.?\s*$/.exec(before)?.[1]?.toLowerCase();
    const nextWord = /^\s*([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase();
    if ((prevWord && MONTHS.has(prevWord)) || (nextWord && MONTHS.has(nextWord) && n.value <= 31)) return false; // a day of a month
    if (/^[-–]\s*century\b|^(?:st|nd|rd|th)\b/i.test(after)) return false;
  }
  return true;
}

function countsEn(text: string, from: number, n: NumberMention): { counts: string; end: number } {
  let pos = from;
  const ofMatch = /^\s+of\s+/.exec(text.slice(pos));
  if (ofMatch && (n.approximate || /(?:hundred|thousand|million|billion)s?$/i.test(n.text))) pos += ofMatch[0].length;
  const words: string[] = [];
  let end = pos;
  const re = /\s*([\p{L}\p{N}’'-]+|[,;:.!?()“”"—])/uy;
  re.lastIndex = pos;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && words.length < 10) {
    const w = m[1]!;
    const lower = w.toLowerCase();
    if (w === ',') {
      // A list of names continues the phrase: "Uyghurs, Kazakhs, Kyrgyz, and other Turkic peoples".
      if (/^\s*,(?:\s*\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*\s*,)*\s*(?:and|or)\s+/u.test(text.slice(m.index)) && words.length && /^\p{Lu}/u.test(words[words.length - 1]!)) {
        words.push(',');
        continue;
      }
      break;
    }
    if (/^[;:.!?()“”"—]$/.test(w)) break;
    if (STOP_EN.has(lower) && !(lower === 'of' && words.length)) break;
    if (lower === 'and' || lower === 'or') {
      const following = /^\s*(?:and|or)\s+([\p{L}’'-]+)/u.exec(text.slice(m.index))?.[1]?.toLowerCase() ?? '';
      const previous = words[words.length - 1]?.toLowerCase() ?? '';
      if (!(following === 'other' || /(?:al|ic|ary|ive|ous|ian|ese|ish)$/.test(previous) || /^\p{Lu}/u.test(words[words.length - 1] ?? ''))) break;
    }
    if (lower === 'of' && !words.length) break;
    words.push(w);
    end = m.index + m[0].length;
  }
  while (words.length && /^(?:and|or|of|the|,)$/i.test(words[words.length - 1]!)) {
    words.pop();
  }
  const counts = words.join(' ').replace(/ ,/g, ',');
  const endOffset = counts ? text.indexOf(words[words.length - 1]!, pos) + words[words.length - 1]!.length : from;
  return { counts, end: Math.max(from, Math.min(end, endOffset)) };
}

const ZH_MEASURE = /^(?:名|個|个|位|餘|余|多|口|户|戶)+/;
const ZH_BOUNDARY = /[，,。；;：:！？!?（）()“”「」『』]|在|被|遭受|遭到|已|將|将|是|於|于|從|从|並|并|都|也|仍|正|受到|導致|导致|包括|中被|的情況|給|给|向|把|讓|让|當|当|寫|写|說|说|到|來|来|去/;

function countsZh(text: string, from: number): { counts: string; end: number } {
  let pos = from;
  const measure = ZH_MEASURE.exec(text.slice(pos));
  if (measure) pos += measure[0].length;
  if (text[pos] === '的') pos++;
  const rest = text.slice(pos, pos + 16);
  const stop = ZH_BOUNDARY.exec(rest);
  const np = stop ? rest.slice(0, stop.index) : rest;
  return { counts: np, end: pos + np.length };
}
