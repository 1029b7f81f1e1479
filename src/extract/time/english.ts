/**
 * English time-expression rules, HeidelTime style: each rule is a regular expression for one family of
 * expressions and a function that says what a match means (a `Meaning`), leaving the context-dependent
 * part (which year "March 12" is in) to `resolve.ts`. Extents follow the TimeML guidelines: determiners and
 * qualifiers belong to the expression ("the past two months", "nearly two years"), prepositions do not.
 */
import type { Point } from './calendar.js';
import type { Candidate, Meaning, TimexType } from './types.js';
import {
  MONTH, NUM, ORDINAL, QUALIFIER, UNIT, WEEKDAY,
  durationValue, parseMonth, parseNumber, parseOrdinal, parseWeekday, qualifierMod, unitInfo,
} from './words.js';

interface Rule {
  re: RegExp;
  type: TimexType;
  priority?: number;
  /** Cheap tests every match of `re` passes (a word or a digit it cannot match without): when one fails on a
   *  text, `re` is not run on it. Most rules find nothing in most sentences; this skips them at a fraction of
   *  the cost of running their full pattern. */
  needs?: RegExp[];
  /** Characters at the start of the match that are context, not extent (a preposition). */
  lead?(m: RegExpExecArray): number;
  /** What the match means; null rejects it. */
  make(m: RegExpExecArray, text: string): Meaning | null;
}

const B = '(?<![\\w\\-$£€.])'; // left word boundary that also refuses "$1990" and "-1990" and "2.1990"
const E = '(?![\\w])';
const Y4 = '(?:1[0-9]{3}|20[0-9]{2}|2100)';
const DAY = '(?:[12][0-9]|3[01]|0?[1-9])';
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', tonight: 'NI', midday: 'MI', noon: 'MI' };
const EDGE = '(?:early-?|late-?|mid-?|pre-|post-|the (?:end|start|beginning|middle|close|turn) of|the (?:early|late|mid-?)|(?:the )?(?:first|second|latter|last) half of)';

function edgeMod(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.toLowerCase();
  if (/early|start|beginning|first half/.test(s)) return 'START';
  if (/mid|middle/.test(s)) return 'MID';
  if (s === 'pre-') return 'BEFORE';
  if (s === 'post-') return 'AFTER';
  if (/late|end|close|turn|second half|latter half|last half/.test(s)) return 'END';
  return undefined;
}

const cap = (s: string | undefined) => !!s && /^[A-Z]/.test(s);
const twoDigitYear = (y: number) => (y < 30 ? 2000 + y : 1900 + y);

function dayPoint(year: number, month: number, day: number): Meaning | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { kind: 'point', point: { gran: 'day', year, month, day } };
}

function monthDay(month: number, day: number | undefined, year: number | undefined, mod?: string): Meaning | null {
  if (month < 1) return null;
  if (day !== undefined && (day < 1 || day > 31)) return null;
  if (year !== undefined) {
    const point: Point = day === undefined ? { gran: 'month', year, month } : { gran: 'day', year, month, day };
    return { kind: 'point', point, mod };
  }
  return { kind: 'partial', gran: day === undefined ? 'month' : 'day', month, day, mod };
}

const QUARTER_WORDS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };
const SEASONS: Record<string, Point['season']> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
const RELATIVE_OFFSET: Record<string, number> = {
  this: 0, current: 0, 'this coming': 1, 'this past': -1, last: -1, past: -1, previous: -1, prior: -1, preceding: -1,
  next: 1, coming: 1, following: 1, same: 0, that: 0, latest: -1, recent: -1, 'most recent': -1, 'year-earlier': -4, 'year-ago': -4,
};
const DECADE_WORDS: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };

function clock(hourRaw: string, minuteRaw: string | undefined, ampm: string | undefined): { hour: number; minute?: number } | null {
  let hour = Number(hourRaw);
  const minute = minuteRaw ? Number(minuteRaw) : undefined;
  if (hour > 24 || (minute ?? 0) > 59) return null;
  const a = ampm?.toLowerCase().replace(/[.\s]/g, '');
  if (a === 'pm' && hour < 12) hour += 12;
  if (a === 'am' && hour === 12) hour = 0;
  return { hour, minute };
}

/** "1949", "fiscal 1989", "mid-1990", "the year 2000" — bare years need care: "1,500" or "1500 troops" are not years. */
function yearMeaning(m: RegExpExecArray, text: string, yearRaw: string, edge?: string): Meaning | null {
  const year = Number(yearRaw);
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
  if (/^(?:\s?(?:%|percent|per\b|people|men|women|troops|soldiers|dollars|yuan|tons?|km|miles|feet|meters|[a-z]+s\b(?<!years)))/i.test(after) && !/^\s?(?:to|and|or|through|in|on)\b/.test(after)) return null;
  if (/^[.,]\d/.test(after)) return null;
  const before = text.slice(Math.max(0, m.index - 12), m.index);
  if (/(?:No\.|number|#|\$|Room|Flight|Resolution|Route|Article)\s*$/i.test(before)) return null;
  if (year < 1800 && !/\b(?:in|since|by|of|from|until|till|before|after|year|circa|c\.)\s*$/i.test(before)) return null;
  return { kind: 'point', point: { gran: 'year', year }, mod: edgeMod(edge) };
}

// Gates for `Rule.needs`, shared so that each is tested at most once per text. Substrings (mostly
// case-insensitive) that accept everything the rules could match.
const DIGIT = /\d/;
/** Every MONTH alternative starts so, capitalised: the month rules match case-sensitively or reject a name that
 *  `cap` refuses, so "may", "marks" or "decade" alone do not wake them. */
const MONTH_NAME = /J[Aa][Nn]|F[Ee][Bb]|M[Aa][Rr]|A[Pp][Rr]|M[Aa][Yy]|J[Uu][Nn]|J[Uu][Ll]|A[Uu][Gg]|S[Ee][Pp]|O[Cc][Tt]|N[Oo][Vv]|D[Ee][Cc]/;
/** Every WEEKDAY alternative starts so; the weekday rule is case-sensitive ("month" or "sunset" do not wake it). */
const WEEKDAY_NAME = /Mon|Tue|Wed|Thu|Fri|Sat|Sun/;
const UNIT_WORD = /second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni/i;

const RULES: Rule[] = [
  // ── explicit calendar dates ──
  {
    // Friday, October 12, 1949 · Oct. 12 · October 12th, 1949 · mid-October 12 (rare) · Sept. 30 1989
    re: new RegExp(`${B}(?:(${WEEKDAY}),? )?(${MONTH})\\.? (${DAY})(?:st|nd|rd|th)?(?:(?:,|\\.)? ?(${Y4}|'\\d\\d))?${E}`, 'g'),
    needs: [DIGIT, MONTH_NAME],
    type: 'DATE',
    make: (m) => {
      if (!cap(m[2])) return null;
      const year = m[4] ? (m[4].startsWith("'") ? twoDigitYear(Number(m[4].slice(1))) : Number(m[4])) : undefined;
      return monthDay(parseMonth(m[2]!), Number(m[3]), year);
    },
  },
  {
    // 30 November 1973 · the 12th of October, 1949 · Friday 12 October
    re: new RegExp(`${B}(?:(${WEEKDAY}),? )?(?:the )?(${DAY})(?:st|nd|rd|th)? (?:of )?(${MONTH})\\.?(?:,? (${Y4}))?${E}`, 'g'),
    needs: [DIGIT, MONTH_NAME],
    type: 'DATE',
    make: (m) => (cap(m[3]) ? monthDay(parseMonth(m[3]!), Number(m[2]), m[4] ? Number(m[4]) : undefined) : null),
  },
  {
    // October 1949 · Oct. of 1949 · early October 1949 · the end of October 1949
    re: new RegExp(`${B}(?:(${EDGE})(?: |(?<=-)))?(${MONTH})\\.?(?:,| of)? (${Y4})${E}`, 'gi'),
    needs: [DIGIT, MONTH_NAME],
    type: 'DATE',
    make: (m) => (cap(m[2]) ? monthDay(parseMonth(m[2]!), undefined, Number(m[3]), edgeMod(m[1])) : null),
  },
  {
    // 1949-10-12 · 10/12/1949 · 10/12/89
    re: new RegExp(`${B}(?:(${Y4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])|(1[0-2]|0?[1-9])/(0?[1-9]|[12]\\d|3[01])/(${Y4}|\\d\\d))${E}(?!/)`, 'g'),
    needs: [DIGIT],
    type: 'DATE',
    make: (m) =>
      m[1] ? dayPoint(Number(m[1]), Number(m[2]), Number(m[3])) : dayPoint(m[6]!.length === 2 ? twoDigitYear(Number(m[6])) : Number(m[6]), Number(m[4]), Number(m[5])),
  },
  {
    // (last|next|this|early|late|mid-) October — a month alone
    re: new RegExp(`${B}(?:(last|next|this|this past|this coming|${EDGE})(?: |(?<=-)))?(${MONTH})(?! \\d)${E}`, 'gi'),
    needs: [MONTH_NAME],
    type: 'DATE',
    priority: -1,
    make: (m, text) => {
      const name = m[2]!;
      if (!cap(name) || /^(?:Mar|Jun|Jul|Sep|Sept|Jan|Feb|Apr|Aug|Oct|Nov|Dec)$/.test(name)) return null;
      const modifier = m[1]?.toLowerCase();
      // "May" and "March" are also a verb: only with a date-like word before them.
      if (/^(?:May|March)$/.test(name) && !modifier) {
        const before = text.slice(Math.max(0, m.index - 10), m.index);
        if (!/\b(?:in|since|until|till|by|of|from|to|through|during|before|after|and|or|early|late|last|next|this)\s$/i.test(before)) return null;
      }
      const month = parseMonth(name);
      if (modifier === 'last' || modifier === 'this past') return { kind: 'relative', gran: 'month', offset: -1, from: 'dct', month };
      if (modifier === 'next' || modifier === 'this coming') return { kind: 'relative', gran: 'month', offset: 1, from: 'dct', month };
      if (modifier === 'this') return { kind: 'relative', gran: 'month', offset: 0, from: 'dct', month };
      return { kind: 'partial', gran: 'month', month, mod: edgeMod(modifier) };
    },
  },
  {
    // 1949 · fiscal 1989 · mid-1990 · the year 2000 · early 1990
    re: new RegExp(`${B}(?:(${EDGE})(?: |(?<=-))|(fiscal(?: year)?|the year|calendar|FY) ?)?(${Y4})(?!s\\b|'s?\\b)${E}`, 'gi'),
    needs: [DIGIT],
    type: 'DATE',
    priority: -1,
    make: (m, text) => yearMeaning(m, text, m[3]!, m[1]),
  },
  {
    // the 1990s · the early 1980s · the '90s · the nineties · 1930s
    re: new RegExp(`${B}(?:(?:the )?(early|mid-?|late) ?|the )?(?:(1\\d|20)(\\d)0'?s|'(\\d)0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))${E}`, 'gi'),
    needs: [/\d|ties/i],
    type: 'DATE',
    make: (m) => {
      const decade = m[2] ? Number(m[2]) * 100 + Number(m[3]) * 10 : 1900 + Number(m[4] ?? DECADE_WORDS[m[5]!.toLowerCase()]!) * 10;
      return { kind: 'point', point: { gran: 'decade', year: decade }, mod: edgeMod(m[1]) };
    },
  },
  {
    // the 21st century · 21st-century · the nineteenth century · the early 20th century
    re: new RegExp(`${B}(?:the )?(?:(early|mid-?|late) ?)?(${ORDINAL})[- ]century${E}`, 'gi'),
    needs: [/century/i],
    type: 'DATE',
    make: (m) => {
      const n = parseOrdinal(m[2]!);
      if (!n || n > 30) return null;
      return { kind: 'point', point: { gran: 'century', year: (n - 1) * 100 }, mod: edgeMod(m[1]) };
    },
  },
  {
    // this century · the last decade · the past decade is a duration (handled below)
    re: new RegExp(`${B}(this|next|last|the last|the previous) (century|decade|millennium)${E}`, 'gi'),
    needs: [/century|decade|millennium/i],
    type: 'DATE',
    priority: -1,
    make: (m) => {
      const offset = RELATIVE_OFFSET[m[1]!.toLowerCase().replace(/^the /, '')] ?? 0;
      return { kind: 'relative', gran: m[2]!.toLowerCase() === 'decade' ? 'decade' : 'century', offset, from: 'dct' };
    },
  },
  // ── quarters, halves, seasons ──
  {
    // the third quarter (of 1989) · third-quarter · the fiscal first quarter · the 1989 third quarter · fourth quarters
    re: new RegExp(`${B}(?:(this year's|last year's|next year's|its|the) )?(?:(${Y4}) )?(?:fiscal[- ])?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)([- ])(?:fiscal[- ])?(?:quarter|qtr\\.?)(?:(?:,| of)? (?:(fiscal )?(${Y4})|(this year|last year|next year)))?${E}`, 'gid'),
    needs: [/quarter|qtr/i],
    type: 'DATE',
    // "the [third-quarter] results": an adjective leaves its article out, as in TimeBank
    lead: (m) => (m[4] === '-' && m[1] && /^(the|its)$/i.test(m[1]) && !m[2] ? m.indices![3]![0] - m.index : 0),
    make: (m0) => {
      const m = [m0[0], m0[1], m0[2], m0[3], m0[5], m0[6], m0[7]] as unknown as RegExpExecArray;
      const det = m[1]?.toLowerCase();
      const quarter = QUARTER_WORDS[m[3]!.toLowerCase()]!;
      if (m[3]!.toLowerCase() === 'last' && !m[2] && !m[5] && !m[6]) return { kind: 'relative', gran: 'quarter', offset: -1, from: 'dct' };
      const yearText = m[2] ?? m[5];
      if (yearText) return { kind: 'point', point: { gran: 'quarter', year: Number(yearText), quarter } };
      const rel = m[6]?.toLowerCase() ?? (det && det !== 'the' && det !== 'its' ? det.replace(/'s$/, '') : undefined);
      if (rel) return { kind: 'relative', gran: 'year', offset: rel.startsWith('last') ? -1 : rel.startsWith('next') ? 1 : 0, from: 'dct', quarter };
      return { kind: 'partial', gran: 'quarter', quarter };
    },
  },
  {
    // the quarter · the latest quarter · the year-earlier quarter · the current quarter · this quarter · next quarter
    re: new RegExp(`${B}(?:(the|this|last|next|that|its)(?: (current|latest|past|previous|prior|recent|most recent|year-earlier|year-ago|comparable|same|first|fiscal|following))?|(?:the )?(year-earlier|year-ago))(?: fiscal)? quarter${E}`, 'gi'),
    needs: [/quarter/i],
    type: 'DATE',
    priority: -1,
    make: (m) => {
      const det = m[1]?.toLowerCase();
      const adj = (m[2] ?? m[3])?.toLowerCase();
      if (adj === 'first' || adj === 'fiscal') return null;
      if (adj === 'year-earlier' || adj === 'year-ago' || adj === 'comparable') return { kind: 'relative', gran: 'quarter', offset: -4, from: 'ref' };
      if (adj === 'current' || det === 'this') return { kind: 'relative', gran: 'quarter', offset: 0, from: 'dct' };
      if (det === 'next' || adj === 'following') return { kind: 'relative', gran: 'quarter', offset: 1, from: 'dct' };
      if (det === 'last' || adj === 'previous' || adj === 'prior') return { kind: 'relative', gran: 'quarter', offset: -1, from: 'dct' };
      if (adj === 'same' || det === 'that') return { kind: 'relative', gran: 'quarter', offset: 0, from: 'ref' };
      // "the quarter", "the latest quarter": the last reported quarter.
      return { kind: 'relative', gran: 'quarter', offset: -1, from: 'dct' };
    },
  },
  {
    // the first half (of 1990 | of the year | of next year) · the second half
    re: new RegExp(`${B}(?:the )?(first|second|latter) half(?: of (?:(${Y4})|(?:the |this )?(year|decade|century)|(next|last) year|the (\\d\\d\\d)0s))?${E}`, 'gi'),
    needs: [/half/i],
    type: 'DATE',
    make: (m) => {
      const half = m[1]!.toLowerCase() === 'first' ? 1 : 2;
      if (m[2]) return { kind: 'point', point: { gran: 'half', year: Number(m[2]), half } };
      if (m[4]) return { kind: 'relative', gran: 'year', offset: m[4].toLowerCase() === 'next' ? 1 : -1, from: 'dct', half };
      if (m[3]?.toLowerCase() === 'year') return { kind: 'relative', gran: 'year', offset: 0, from: 'dct', half };
      if (m[3] || m[5]) return null;
      return { kind: 'relative', gran: 'year', offset: 0, from: 'dct', half };
    },
  },
  {
    // last fall · this summer · the summer of 1990 · early spring · winter 1990
    re: new RegExp(`${B}(?:(this|last|next|this past|this coming|the|early|late|mid-?|the early|the late) )?(spring|summer|fall|autumn|winter)(?:(?: of)? (${Y4}))?${E}`, 'gi'),
    needs: [/spring|summer|fall|autumn|winter/i],
    type: 'DATE',
    priority: -1,
    make: (m, text) => {
      const season = SEASONS[m[2]!.toLowerCase()]!;
      const det = m[1]?.toLowerCase();
      if (m[3]) return { kind: 'point', point: { gran: 'season', year: Number(m[3]), season }, mod: edgeMod(det) };
      if (!det) {
        // A bare season word is a date only in a temporal slot ("in summer", "by fall").
        const before = text.slice(Math.max(0, m.index - 8), m.index);
        if (!/\b(?:in|by|until|since|during|this|last|next)\s$/i.test(before) || m[2]!.toLowerCase() === 'fall' && !/\b(?:in|by|until|since)\s$/i.test(before)) return null;
      }
      const offset = det === 'last' || det === 'this past' ? -1 : det === 'next' || det === 'this coming' ? 1 : 0;
      return { kind: 'relative', gran: 'year', offset, from: 'dct', season, mod: edgeMod(det) };
    },
  },
  // ── days relative to now ──
  {
    // today · yesterday · tomorrow · tonight · yesterday morning · late yesterday · this morning · last night · the day before yesterday
    re: /(?<![\w-])(?:(early|late|later|earlier) )?(?:(today|yesterday|tomorrow|tonight)(?: (morning|afternoon|evening|night))?|(this|last|tomorrow|yesterday) (morning|afternoon|evening|night)|the day (before yesterday|after tomorrow)|overnight)(?![\w])/gi,
    needs: [/day|tomorrow|night|morning|afternoon|evening/i],
    type: 'DATE',
    make: (m) => {
      const word = (m[2] ?? m[4])?.toLowerCase();
      const part = (m[3] ?? m[5])?.toLowerCase();
      if (m[6]) return { kind: 'relative', gran: 'day', offset: m[6].toLowerCase().startsWith('before') ? -2 : 2, from: 'dct' };
      if (!word) return { kind: 'relative', gran: 'day', offset: -1, from: 'dct', partOfDay: 'NI', timeType: 'TIME' }; // overnight: the night before
      if (word === 'last' && part === 'night') return { kind: 'relative', gran: 'day', offset: -1, from: 'dct', partOfDay: 'NI', timeType: 'TIME' };
      if (word === 'last') return null;
      const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      const partOfDay = word === 'tonight' ? 'NI' : part ? PART_OF_DAY[part] : undefined;
      return { kind: 'relative', gran: 'day', offset, from: 'dct', partOfDay, timeType: partOfDay ? 'TIME' : 'DATE' };
    },
  },
  {
    // this week · last month · next year · the past year · the current fiscal year · this weekend · that day · the following year
    re: /(?<![\w-])(?:(early|earlier|late|later|the end of|the beginning of|the start of|the middle of|mid-|the rest of|the remainder of|the balance of) )?(this|last|next|the past|the previous|the prior|the current|the coming|the following|the next|the same|that same|that|the preceding|this past|this coming|the latest|the last) (?:(fiscal|calendar) )?(day|week|weekend|month|year)(?: or so)?(?![\w-])/gi,
    needs: [/day|week|month|year/i],
    type: 'DATE',
    make: (m0) => {
      const m = [m0[0], m0[2], m0[3], m0[4]] as unknown as RegExpExecArray;
      const edge = m0[1]?.toLowerCase();
      const det = m[1]!.toLowerCase().replace(/^the /, '');
      const unit = m[3]!.toLowerCase();
      // "the past year" dates (last year, as TimeBank annotates it); "the past week", "the next month" measure a
      // stretch ending or starting at the document date.
      if (/^(past|last)$/.test(det) && m[1]!.toLowerCase().startsWith('the') && unit === 'year') return { kind: 'relative', gran: 'year', offset: -1, from: 'dct' };
      if (/^(past|last|next|coming)$/.test(det) && m[1]!.toLowerCase().startsWith('the')) {
        const gran = unitInfo(unit === 'weekend' ? 'day' : unit).gran;
        if (unit === 'weekend') return null;
        return { kind: 'duration', value: durationValue(1, unit), anchoredPast: det === 'past' || det === 'last' ? { n: 1, gran } : undefined, anchoredFuture: det === 'next' || det === 'coming' ? { n: 1, gran } : undefined };
      }
      const from = /^(following|next|same|that|that same|preceding|previous|prior)$/.test(det) && (m[1]!.toLowerCase().startsWith('th')) ? 'ref' : 'dct';
      let offset = RELATIVE_OFFSET[det] ?? 0;
      if (det === 'latest') offset = 0;
      if (unit === 'day' && from === 'dct') return det === 'this' ? null : { kind: 'relative', gran: 'day', offset, from: 'ref' };
      const mod = edge ? edgeMod(edge.replace(/^earlier$/, 'early').replace(/^later$/, 'late')) : undefined;
      if (unit === 'weekend') return { kind: 'relative', gran: 'week', offset, from, weekend: true };
      return { kind: 'relative', gran: unit as Point['gran'], offset, from, mod: edge && /rest|remainder|balance/.test(edge) ? undefined : mod };
    },
  },
  {
    // Friday · last Friday · Friday morning · this coming Sunday · early Friday · Friday night
    re: new RegExp(`${B}(?:(last|next|this|this past|this coming|early|late|the previous|the following|that) )?(${WEEKDAY})(?: (morning|afternoon|evening|night))?${E}`, 'g'),
    needs: [WEEKDAY_NAME],
    type: 'DATE',
    priority: -1,
    make: (m) => {
      const det = m[1]?.toLowerCase();
      const dir = det === 'last' || det === 'this past' || det === 'the previous' ? -1 : det === 'next' || det === 'this coming' || det === 'the following' ? 1 : det === 'this' ? 0 : undefined;
      const partOfDay = m[3] ? PART_OF_DAY[m[3].toLowerCase()] : undefined;
      const meaning: Meaning = { kind: 'weekday', dow: parseWeekday(m[2]!), dir, partOfDay };
      return meaning;
    },
  },
  {
    // Thanksgiving · Christmas (Day|Eve) · New Year's Day · Independence Day
    re: /(?<![\w-])(?:(last|next|this) )?(Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)|Independence Day|Halloween|Valentine's Day|Labor Day|Memorial Day)(?:(?:,)? (\d{4}))?(?![\w])/g,
    needs: [/thanksgiving|christmas|new year|independence|halloween|valentine|labor|memorial/i],
    type: 'DATE',
    make: (m) => {
      const name = m[2]!.toLowerCase();
      const fixed: Record<string, [number, number]> = {
        christmas: [12, 25], 'christmas day': [12, 25], 'christmas eve': [12, 24], "new year's day": [1, 1], "new year's eve": [12, 31],
        'independence day': [7, 4], halloween: [10, 31], "valentine's day": [2, 14],
      };
      const f = fixed[name];
      if (f) return m[3] ? { kind: 'point', point: { gran: 'day', year: Number(m[3]), month: f[0], day: f[1] } } : { kind: 'partial', gran: 'day', month: f[0], day: f[1] };
      // Movable feasts: resolved as the nth weekday of the month in `resolve`.
      const movable: Record<string, [number, number, number]> = { thanksgiving: [11, 4, 4], 'thanksgiving day': [11, 4, 4], 'labor day': [9, 1, 1], 'memorial day': [5, 1, -1] };
      const [month, dow, nth] = movable[name]!;
      return { kind: 'partial', gran: 'day', month, day: -(nth * 10 + dow) } as Meaning; // encoded: negative day = nth weekday
    },
  },
  // ── times of day ──
  {
    // 10 a.m. · 9:30 p.m. EST · noon · midnight · 10 o'clock · 14:30 · (Friday) at 10 a.m.
    re: /(?<![\w.:$-])(?:(\d{1,2})(?::(\d{2}))? ?(a\.m\.?|p\.m\.?|am|pm|AM|PM|o'clock)|(\d{1,2}):(\d{2})|(noon|midnight|midday|mid-?afternoon|mid-?morning))(?: (?:(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local time|[A-Z]{3,4})(?![\w])|(?:in the (morning|afternoon|evening)|at night)))?(?![\w])/g,
    needs: [/\d|noon|midnight|midday|afternoon|morning/i],
    type: 'TIME',
    make: (m) => {
      if (m[6]) {
        const w = m[6].toLowerCase().replace('-', '');
        if (w === 'noon' || w === 'midday') return { kind: 'clock', hour: 12 };
        if (w === 'midnight') return { kind: 'clock', hour: 24 };
        return { kind: 'clock', partOfDay: w.includes('afternoon') ? 'AF' : 'MO' };
      }
      let ampm = m[3];
      if (m[7]) ampm = m[7].toLowerCase() === 'morning' ? 'am' : 'pm';
      const c = m[4] ? clock(m[4], m[5], undefined) : clock(m[1]!, m[2], ampm?.toLowerCase().startsWith("o'") ? undefined : ampm);
      return c ? { kind: 'clock', ...c } : null;
    },
  },
  // ── offsets: two years ago, a year earlier, decades later ──
  {
    re: new RegExp(`${B}(?:(${QUALIFIER}|more|less) )?(?:(${NUM})[- ])?(${UNIT})(s?)(?: and (?:a half|${NUM} (?:${UNIT})s?))? (ago|earlier|later|before|after|hence|from now|since)${E}`, 'gi'),
    needs: [/ago|earlier|later|before|after|hence|from now|since/i],
    type: 'DATE',
    priority: 1,
    make: (m) => {
      const dirWord = m[5]!.toLowerCase();
      const unit = m[3]!;
      const plural = m[4] !== '' || /centuries/i.test(unit);
      // "two years after the war": the duration rule takes "two years"; the event is not ours to date.
      if (dirWord === 'since' || dirWord === 'before' || dirWord === 'after') return null;
      const n = m[2] ? parseNumber(m[2]) : plural ? undefined : 1;
      if (!m[2] && !plural) return null;
      const { gran } = unitInfo(unit);
      const dir = dirWord === 'ago' || dirWord === 'earlier' ? -1 : 1;
      const from = dirWord === 'ago' || dirWord === 'from now' || dirWord === 'hence' ? 'dct' : 'ref';
      return { kind: 'offset', n, gran, dir, from };
    },
  },
  // ── durations ──
  {
    // the past 75 years · nearly two years · more than four hours · the first nine months · at least the past 18 months · 16-hour · a three-year period
    re: new RegExp(`${B}(?:(${QUALIFIER}) )?(?:(the|these|those|this|its|a|an) )?(?:(first|last|past|next|previous|coming|following|latest|final|initial|prior|preceding|remaining|same|entire|full|subsequent|ensuing|year-earlier|year-ago) )?(?:(${QUALIFIER}) )?(${NUM})([- ])(?:(?:more|additional|straight|consecutive|full|trading|business|calendar|fiscal|long|short)[- ])?(${UNIT})(s?)(?:[- ](?:long|old))?(?: (?:period|term|span|stretch))?(?: or (?:so|more))?${E}`, 'gid'),
    needs: [UNIT_WORD],
    type: 'DURATION',
    lead: (m) => {
      const q = m[1]?.toLowerCase();
      const det = m[2]?.toLowerCase();
      // TimeBank leaves "about" out of the extent, and the article of an adjective ("a [two-year] term").
      if (q && (/^(about|around|approximately|roughly|some)$/.test(q) || (q === 'over' && det))) {
        if (m[6] === '-' && det && !m[3]) return m.indices![5]![0] - m.index;
        return m.indices![2]?.[0] !== undefined ? m.indices![2]![0] - m.index : m.indices![3]?.[0] !== undefined ? m.indices![3]![0] - m.index : m.indices![4]?.[0] !== undefined ? m.indices![4]![0] - m.index : m.indices![5]![0] - m.index;
      }
      if (m[6] === '-' && det && !m[3] && !q && !m[4]) return m.indices![5]![0] - m.index;
      return 0;
    },
    make: (m, text) => {
      const numRaw = m[5]!.toLowerCase();
      const unit = m[7]!;
      const det = m[2]?.toLowerCase();
      const which = m[3]?.toLowerCase();
      if ((numRaw === 'a' || numRaw === 'an') && !det && !which && !m[1] && !m[4]) {
        // "a year" alone: a rate after an amount ("$5 a year") is a set; otherwise a duration.
        const before = text.slice(Math.max(0, m.index - 14), m.index);
        if (/(?:\d|percent|%|times|once|twice|dollars|cents)\s*$/i.test(before)) return { kind: 'set', value: durationValue(1, unit) };
      }
      if ((det === 'a' || det === 'an') && !/^(?:\d|[a-z]+$)/.test(numRaw)) return null;
      if (/years?[- ]old$/i.test(m[0]) || (/^years?$/i.test(unit + m[8]) && /^[- ](?:old|of age)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)))) return null; // ages
      if (/^quarter$/i.test(unit) && (m[8] && m[6] === '-' || /^\s+of\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4)))) return null; // three-quarters of
      if (numRaw === 'some' && !m[8]) return null;
      if (/^(?:1[0-9]{3}|20[0-9]{2})$/.test(numRaw) && m[6] === ' ') return null; // "the 1988 quarter" names a year
      const n = parseNumber(numRaw);
      const mod = qualifierMod(m[1] ?? m[4]);
      const { gran } = unitInfo(unit);
      const value = durationValue(n, unit);
      if (n !== undefined && (which === 'past' || which === 'last' || which === 'previous' || which === 'preceding') && det) return { kind: 'duration', value, mod, anchoredPast: { n, gran } };
      if (n !== undefined && (which === 'next' || which === 'coming' || which === 'following') && det) return { kind: 'duration', value, mod, anchoredFuture: { n, gran } };
      return { kind: 'duration', value, mod };
    },
  },
  {
    // decades · years · several months — bare plurals measure time in a temporal slot ("for years", "decades of")
    re: /(?<![\w-])(?:(for|within|over|in|after|took|spent|lasted|last) )?(?:(recent|the coming|the past|the last|coming|past|the next|many|the) )?(seconds|minutes|hours|days|weeks|months|years|decades|centuries)(-long)?(?![\w-])/gi,
    needs: [/seconds|minutes|hours|days|weeks|months|years|decades|centuries/i],
    type: 'DURATION',
    priority: -2,
    lead: (m) => (m[1] ? m[1].length + 1 : 0),
    make: (m, text) => {
      const det = m[2]?.toLowerCase();
      const unit = m[3]!.toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (/^ (?:old|of age|ago|later|earlier|before|after)\b/i.test(after)) return null;
      if (det === 'recent' && unit === 'years') return { kind: 'ref', value: 'PAST_REF' };
      const strong = unit === 'decades' || unit === 'centuries';
      if (!det && !m[1] && !strong) return null;
      if (det === 'the' && !m[1]) return null;
      return { kind: 'duration', value: durationValue(undefined, unit) };
    },
  },
  // ── sets ──
  {
    // every day · each year · every other week · every Monday · daily · annually · twice a year
    re: new RegExp(`${B}(?:(every|each)(?: other)? (day|night|week|weekend|month|quarter|year|decade|morning|evening|afternoon|summer|winter|spring|fall|hour|minute|${WEEKDAY}|${MONTH})|(daily|nightly|weekly|monthly|annually|yearly|hourly|biweekly|semiannually)|(?:(once|twice|three times|(?:\\d+|two|three|four|five) times) (?:a|per|each|every) (day|week|month|year))|per (day|week|month|year|hour))${E}`, 'gi'),
    needs: [/every|each|daily|nightly|weekly|monthly|annually|yearly|hourly|once|twice|times|per /i],
    type: 'SET',
    make: (m) => {
      const word = (m[2] ?? m[3] ?? m[5] ?? m[6])!.toLowerCase();
      const quant = m[1] ? m[1].toUpperCase() : undefined;
      const other = /other/i.test(m[0]);
      const dow = parseWeekday(word);
      if (m[2] && dow >= 0 && /^[A-Z]/.test(m[2])) return { kind: 'set', value: `XXXX-WXX-${dow === 0 ? 7 : dow}`, quant };
      if (m[2] && /^[A-Z]/.test(m[2]) && parseMonth(m[2]) > 0) return { kind: 'set', value: `XXXX-${String(parseMonth(m[2])).padStart(2, '0')}`, quant };
      const table: Record<string, string> = {
        day: 'P1D', night: 'P1D', week: 'P1W', weekend: 'P1W', month: 'P1M', quarter: 'P3M', year: 'P1Y', decade: 'P1DE', hour: 'PT1H', minute: 'PT1M',
        morning: 'XXXX-XX-XXTMO', evening: 'XXXX-XX-XXTEV', afternoon: 'XXXX-XX-XXTAF', summer: 'XXXX-SU', winter: 'XXXX-WI', spring: 'XXXX-SP', fall: 'XXXX-FA',
        daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', quarterly: 'P3M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', biweekly: 'P2W', semiannually: 'P6M',
      };
      let value = table[word];
      if (!value) return null;
      if (other) value = value.replace(/^P(T?)1/, 'P$12');
      return { kind: 'set', value, quant };
    },
  },
  // ── vague references ──
  {
    re: /(?<![\w-])(?:(right now|just now|now|nowadays|these days|currently|at present|presently|the present|current|recently|lately|in recent times|recent|the past|the future|the near future|the near term|the short term|the long term|the long run|the time being|the moment|then|any time|anytime))(?![\w-])/gi,
    needs: [/now|current|recent|present|past|future|term|long run|time being|moment|then|any ?time|these days|lately/i],
    type: 'DATE',
    priority: -3,
    make: (m, text) => {
      const w = m[1]!.toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (w === 'once' || w === 'earlier' || w === 'then' || w === 'any time' || w === 'anytime') return null;
      if (w === 'current' && /^\s(?:account|accounts|affairs|events|issue|members?|law|system|policy|regime|owners?|holders?|level|rate|price|president|chairman|spending|legislation|crisis|situation)\b/i.test(after)) return null;
      if (w === 'current' || w === 'future' || w === 'recent') {
        if (/^\s(?:weeks|months|days|years|quarters?|year|month|week|period)\b/i.test(after)) return null;
      }
      if (w === 'the moment' && !/\bat\s$/i.test(before)) return null;
      if (w === 'the past' && /^\s(?:\d|two|three|four|five|six|seven|eight|nine|ten|few|several|year|month|week|decade|day|quarter)/i.test(after)) return null;
      if (w === 'the present' && !/\b(?:until|to|at)\s$/i.test(before)) return null;
      if (w === "today's") return { kind: 'relative', gran: 'day', offset: 0, from: 'dct' };
      if (/^(right now|just now|now|nowadays|these days|currently|at present|presently|the present|current|the time being|the moment)$/.test(w)) return { kind: 'ref', value: 'PRESENT_REF' };
      if (/^(recently|lately|in recent times|recent|the past|formerly|previously)$/.test(w)) return { kind: 'ref', value: 'PAST_REF' };
      return { kind: 'ref', value: 'FUTURE_REF' };
    },
  },
  {
    // nineteen ninety-six · the year two thousand · two thousand and one — years in words (speech transcripts)
    re: /(?<![\w-])(?:the year )?(?:(nineteen|twenty)[- ](hundred(?: and)?[- ])?((?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|oh[- ](?:one|two|three|four|five|six|seven|eight|nine)))|two thousand(?:(?: and)? (one|two|three|four|five|six|seven|eight|nine|ten))?)(?![\w-])/gi,
    needs: [/nineteen|twenty|two thousand/i],
    type: 'DATE',
    make: (m) => {
      if (/^(nineteen|twenty)$/i.test(m[1] ?? '') && !m[3]) return null;
      if (!m[1] && !/^the year/i.test(m[0]) && !m[4]) return null; // "two thousand" alone is usually a count
      const year = m[1] ? (m[1].toLowerCase() === 'nineteen' ? 1900 : 2000) + (parseNumber(m[3]!.replace(/^oh[- ]/i, '')) ?? 0) : 2000 + (m[4] ? parseNumber(m[4])! : 0);
      return { kind: 'point', point: { gran: 'year', year } };
    },
  },
  {
    // year-end · the year's end · the end of the year · the end of the month
    re: /(?<![\w-])(?:(?:the )?year(?:-| |'s )end|the (end|beginning|start|middle) of the (year|month|week))(?![\w-])/gi,
    needs: [/year| of the /i],
    type: 'DATE',
    make: (m) => {
      const unit = (m[2] ?? 'year').toLowerCase() as 'year' | 'month' | 'week';
      const mod = m[1] ? edgeMod(`the ${m[1]} of`) : 'END';
      return { kind: 'relative', gran: unit, offset: 0, from: 'dct', mod };
    },
  },
  {
    // the weekend · the year (in "for the year", "earlier in the year") · the full year · day-long
    re: /(?<![\w-])(?:(for|over|throughout|during|in|earlier in|later in|of) )?(the (?:weekend|year|full year|current year|whole year|entire year)|day-long|week-long|month-long|year-long)(?![\w-])/gi,
    needs: [/weekend|year|day-long|week-long|month-long/i],
    type: 'DATE',
    priority: -2,
    lead: (m) => (m[1] ? m[1].length + 1 : 0),
    make: (m, text) => {
      const what = m[2]!.toLowerCase();
      const pre = m[1]?.toLowerCase();
      if (what === 'the weekend') return { kind: 'relative', gran: 'week', offset: 0, from: 'dct', weekend: true };
      if (what.endsWith('-long')) return { kind: 'duration', value: durationValue(1, what.replace('-long', '')) };
      if (what !== 'the year') return { kind: 'relative', gran: 'year', offset: 0, from: 'dct' };
      // "for the year" (a reporting period: this year) dates; "in the year ended June 30" measures.
      if (/^\s(?:ended|ending|to|through)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 9))) return { kind: 'duration', value: 'P1Y' };
      if (pre === 'over' || pre === 'throughout') return { kind: 'duration', value: 'P1Y' };
      if (pre === 'for' || pre === 'in' || pre === 'earlier in' || pre === 'later in' || pre === 'during') return { kind: 'relative', gran: 'year', offset: 0, from: 'dct' };
      return null;
    },
  },
  {
    // year-earlier · year-ago (as adjectives: "year-earlier results", "the year-ago period")
    re: /(?<![\w-])(?:the (?=year-(?:earlier|ago) period))?(?:year-earlier|year-ago)(?: period)?(?![\w-])/gi,
    needs: [/year-earlier|year-ago/i],
    type: 'DATE',
    priority: -1,
    make: () => ({ kind: 'offset', n: 1, gran: 'year', dir: -1, from: 'ref' }),
  },
  {
    // June last year · March of next year · January this year
    re: new RegExp(`${B}(${MONTH})\\.?(?: (${DAY}))?,?(?: of)? (last|this|next) year${E}`, 'g'),
    needs: [MONTH_NAME, /year/i],
    type: 'DATE',
    make: (m) => {
      const month = parseMonth(m[1]!);
      const day = m[2] ? Number(m[2]) : undefined;
      const offset = m[3] === 'last' ? -1 : m[3] === 'next' ? 1 : 0;
      return { kind: 'relative', gran: 'year', offset, from: 'dct', inYear: { month, day } };
    },
  },
  {
    // the 1988 period · the 1988 quarter — the period under report, in another year
    re: new RegExp(`${B}the (${Y4}) (period|quarter)${E}`, 'g'),
    needs: [DIGIT],
    type: 'DATE',
    make: (m) => ({ kind: 'relative', gran: 'quarter', offset: 0, from: 'ref', year: Number(m[1]) }),
  },
  {
    // the 75th anniversary · 75th anniversary
    re: new RegExp(`${B}(?:the )?(${ORDINAL})[- ]anniversary${E}`, 'gi'),
    needs: [/anniversary/i],
    type: 'DATE',
    make: (m) => {
      const n = parseOrdinal(m[1]!);
      return n ? { kind: 'anniversary', n } : null;
    },
  },
];

/** Range connectives that join two date expressions into one interval. */
const RANGE_JOIN = /^\s*(?:(?:-|–|—|to|until|till|through|thru|and)\s*)$/i;
const RANGE_OPEN = /(?:\b(between|from)\s+)$/i;

/**
 * The rules' gates (`Rule.needs`), answered together. Most gates are lists of case-insensitive words (or `\d`), so
 * one pass over the text with a trie of all their words tells which of them pass, instead of one regular-expression
 * search per gate: ~25 searches of up to a dozen alternatives each took over half of the recogniser's time. A gate
 * that is not such a list (a case-sensitive one) is tested as a regular expression.
 */
export class GateScanner {
  readonly gates: RegExp[] = [];
  private readonly indexOf = new Map<RegExp, number>();
  /** Trie over lower-case ASCII: child of node n for code c at n * 128 + c; 0 is "none" (the root is no child). */
  private children = new Int32Array(128);
  private nodeCount = 1;
  /** Gates whose word ends at each node. */
  private readonly endsAt: number[][] = [[]];
  /** Gates that a digit satisfies (`\d` among their alternatives). */
  private readonly digitGates: number[] = [];
  /** Gates that are not word lists: tested as regular expressions. */
  private readonly otherGates: number[] = [];

  constructor(gates: RegExp[]) {
    for (const gate of gates) if (!this.indexOf.has(gate)) this.add(gate);
  }

  index(gate: RegExp): number {
    return this.indexOf.get(gate)!;
  }

  /** Which gates `text` passes, by gate index. */
  scan(text: string): Uint8Array {
    const passed = new Uint8Array(this.gates.length);
    const { children, endsAt } = this;
    let digit = false;
    for (let i = 0; i < text.length; i++) {
      let node = 0;
      for (let j = i; j < text.length; j++) {
        let c = text.charCodeAt(j);
        if (j === i && c >= 48 && c <= 57) digit = true;
        // Without the u flag, /i folds only ASCII letters onto ASCII letters: other characters match no word.
        if (c >= 128) break;
        if (c >= 65 && c <= 90) c += 32;
        node = children[node * 128 + c]!;
        if (node === 0) break;
        for (const g of endsAt[node]!) passed[g] = 1;
      }
    }
    if (digit) for (const g of this.digitGates) passed[g] = 1;
    for (const g of this.otherGates) passed[g] = this.gates[g]!.test(text) ? 1 : 0;
    return passed;
  }

  private add(gate: RegExp): void {
    const g = this.gates.length;
    this.gates.push(gate);
    this.indexOf.set(gate, g);
    const words = gateWords(gate);
    if (!words) {
      this.otherGates.push(g);
      return;
    }
    for (const word of words) {
      if (word === '\\d') {
        this.digitGates.push(g);
        continue;
      }
      let node = 0;
      for (let k = 0; k < word.length; k++) {
        const at = node * 128 + word.charCodeAt(k);
        if (this.children[at] === 0) {
          if ((this.nodeCount + 1) * 128 > this.children.length) {
            const grown = new Int32Array(this.children.length * 2);
            grown.set(this.children);
            this.children = grown;
          }
          this.children[at] = this.nodeCount++;
          this.endsAt.push([]);
        }
        node = this.children[at]!;
      }
      this.endsAt[node]!.push(g);
    }
  }
}

/** The alternatives of a gate like /jan|feb|any ?time|\d/i, lower case ("any ?time" gives both spellings), or
 *  undefined when the gate is anything else. */
function gateWords(gate: RegExp): string[] | undefined {
  if (gate.flags !== 'i' && gate.flags !== '') return undefined;
  const words: string[] = [];
  for (const alternative of gate.source.split('|')) {
    if (alternative === '\\d') words.push(alternative);
    else if (gate.flags === 'i' && /^[a-z -]+$/.test(alternative)) words.push(alternative);
    else if (gate.flags === 'i' && /^[a-z -]+ \?[a-z -]+$/.test(alternative)) words.push(alternative.replace(' ?', ' '), alternative.replace(' ?', ''));
    else return undefined;
  }
  return words;
}

export const GATES = new GateScanner(RULES.flatMap((rule) => rule.needs ?? []));
/** Each rule's gates, as indexes into GATES. */
const RULE_GATES: number[][] = RULES.map((rule) => (rule.needs ?? []).map((gate) => GATES.index(gate)));

/** All English time expressions in `text`, unresolved, overlaps removed, ranges and date+time combined. */
export function recogniseEnglish(text: string): Candidate[] {
  const found: Candidate[] = [];
  const passed = GATES.scan(text);
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r]!;
    if (!RULE_GATES[r]!.every((g) => passed[g] === 1)) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text))) {
      if (m[0].length === 0) { rule.re.lastIndex++; continue; }
      const meaning = rule.make(m, text);
      if (!meaning) continue;
      const start = m.index + (rule.lead?.(m) ?? 0);
      const end = m.index + m[0].length;
      const type: TimexType = meaning.kind === 'duration' ? 'DURATION' : meaning.kind === 'set' ? 'SET' : meaning.kind === 'offset' && meaning.n === undefined ? 'DURATION' : rule.type;
      found.push({ start, end, meaning, priority: rule.priority ?? 0, type });
    }
  }
  return combine(text, removeOverlaps(found));
}

/**
 * Longest (then highest-priority, then first) candidates win; those overlapping a winner go. The characters
 * already taken are marked in a bitmap, so the cost is linear in the candidates' lengths (comparing each
 * candidate with every kept one was quadratic on a long text).
 */
export function removeOverlaps(found: Candidate[]): Candidate[] {
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  const limit = found.reduce((max, c) => Math.max(max, c.end), 0);
  const taken = new Uint8Array(limit);
  for (const c of found) {
    if (c.end <= c.start) {
      // An empty extent holds no character; it goes only when strictly inside a kept one, as before.
      if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
      continue;
    }
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const isDayLike = (c: Candidate) =>
  (c.meaning.kind === 'point' && c.meaning.point.gran === 'day') ||
  (c.meaning.kind === 'partial' && c.meaning.gran === 'day') ||
  c.meaning.kind === 'weekday' ||
  (c.meaning.kind === 'relative' && c.meaning.gran === 'day');
const isIntervalEnd = (c: Candidate) => c.type === 'DATE' && (c.meaning.kind === 'point' || c.meaning.kind === 'partial' || c.meaning.kind === 'relative');

/** Joins "10 a.m. Friday" into one TIME and "between October 1949 and January 1954" into one interval. */
function combine(text: string, list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    if (b) {
      const gap = text.slice(a.end, b.start);
      // date + clock / clock + date → a TIME on that date
      if (/^(?:,? (?:at |on )?|\s)$/.test(gap)) {
        const clockFirst = a.meaning.kind === 'clock' && isDayLike(b);
        const dateFirst = b.meaning.kind === 'clock' && isDayLike(a);
        if (clockFirst || dateFirst) {
          const [clockC, day] = clockFirst ? [a, b] : [b, a];
          out.push({ start: a.start, end: b.end, type: 'TIME', priority: 0, meaning: withClock(day.meaning, clockC.meaning) });
          i++;
          continue;
        }
      }
      // between X and Y / from X to Y / X–Y
      if (RANGE_JOIN.test(gap) && isIntervalEnd(a) && isIntervalEnd(b)) {
        const opener = RANGE_OPEN.exec(text.slice(Math.max(0, a.start - 10), a.start));
        const joiner = gap.trim().toLowerCase();
        const fits = opener ? (opener[1]!.toLowerCase() === 'between' ? joiner === 'and' : joiner !== 'and') : /^(?:-|–|to|through|until)$/.test(joiner) && gap.trim() !== '' && !(joiner === 'and');
        if (fits && (opener || /^[-–]$/.test(joiner) || /^(?:to|through|until)$/.test(joiner))) {
          const start = opener ? a.start - opener[0].length : a.start;
          out.push({ start, end: b.end, type: 'DURATION', priority: 0, meaning: { kind: 'interval', from: a, to: b } });
          i++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}

function withClock(day: Meaning, c: Meaning): Meaning {
  if (c.kind !== 'clock') return day;
  const extra = { hour: c.hour, minute: c.minute, partOfDay: c.partOfDay };
  switch (day.kind) {
    case 'point':
      return c.hour === undefined ? { ...day, point: { ...day.point, partOfDay: c.partOfDay }, timeType: 'TIME' } : { ...day, point: { ...day.point, gran: c.minute === undefined ? 'hour' : 'minute', hour: c.hour, minute: c.minute }, timeType: 'TIME' };
    case 'partial':
      return { ...day, ...extra };
    case 'weekday':
      return { ...day, ...extra };
    case 'relative':
      return { ...day, ...extra, timeType: 'TIME' };
    default:
      return day;
  }
}
