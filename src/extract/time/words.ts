/** English number, month, weekday and unit words shared by the English rules. */
import type { Granularity } from './calendar.js';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const TENS_RE = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS_RE = 'nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|one';
/** A number written in words up to the thousands ("seventy-five", "twenty four", "a hundred"). */
const WORD_NUMBER = `(?:(?:${TENS_RE})(?:[- ](?:${UNITS_RE}))?|${UNITS_RE}|a|an)(?:[- ](?:hundred|thousand))?`;
/** Numbers as they count time units: digits, words, and vague quantities (which normalise to X). */
export const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?(?: \\d/\\d)?|${WORD_NUMBER}(?: and a half)?|a couple of|a couple|couple of|a few|few|several|some|many|a number of|dozens of|hundreds of|a dozen|half an?)`;

/** The value of a number phrase, or undefined for vague quantities ("several"). */
export function parseNumber(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/,(?=\d{3})/g, '').trim();
  let m = /^(\d+) (\d)\/(\d)$/.exec(s);
  if (m) return Number(m[1]) + Number(m[2]) / Number(m[3]);
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'a couple of' || s === 'a couple' || s === 'couple of') return 2;
  if (s === 'a dozen') return 12;
  if (/^half an?$/.test(s)) return 0.5;
  m = /^(.*?) and a half$/.exec(s);
  if (m) {
    const whole = parseNumber(m[1]!);
    return whole === undefined ? undefined : whole + 0.5;
  }
  let total = 0;
  let current = 0;
  let any = false;
  for (const word of s.split(/[- ]+/)) {
    if (word === 'a' || word === 'an') { current = 1; any = true; }
    else if (word in UNITS) { current += UNITS[word]!; any = true; }
    else if (word in TENS) { current += TENS[word]!; any = true; }
    else if (word === 'hundred') { current = (current || 1) * 100; any = true; }
    else if (word === 'thousand') { total += (current || 1) * 1000; current = 0; any = true; }
    else return undefined;
  }
  return any ? total + current : undefined;
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
};
export const ORDINAL_WORD = `(?:(?:${TENS_RE})[- ])?(?:${Object.keys(ORDINALS).sort((a, b) => b.length - a.length).join('|')})`;
export const ORDINAL = `(?:\\d+(?:st|nd|rd|th)|${ORDINAL_WORD})`;

export function parseOrdinal(raw: string): number | undefined {
  const s = raw.toLowerCase();
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(s);
  if (m) return Number(m[1]);
  let total = 0;
  for (const word of s.split(/[- ]/)) {
    if (word in ORDINALS) total += ORDINALS[word]!;
    else if (word in TENS) total += TENS[word]!;
    else return undefined;
  }
  return total || undefined;
}

export const MONTH =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export function parseMonth(raw: string): number {
  return MONTH_PREFIXES.indexOf(raw.slice(0, 3).toLowerCase()) + 1;
}

export const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.|Tues?\\.|Wed\\.|Thu(?:rs?)?\\.|Fri\\.|Sat\\.|Sun\\.)';
const WEEKDAY_PREFIXES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** 0 = Sunday … 6 = Saturday. */
export function parseWeekday(raw: string): number {
  return WEEKDAY_PREFIXES.indexOf(raw.slice(0, 3).toLowerCase());
}

export const UNIT = '(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centuries|millennium|millennia)';
const UNIT_INFO: Record<string, { gran: Granularity; code: string; time?: boolean; factor?: number }> = {
  second: { gran: 'minute', code: 'S', time: true },
  minute: { gran: 'minute', code: 'M', time: true },
  hour: { gran: 'hour', code: 'H', time: true },
  day: { gran: 'day', code: 'D' },
  night: { gran: 'day', code: 'D' },
  week: { gran: 'week', code: 'W' },
  fortnight: { gran: 'week', code: 'W', factor: 2 },
  month: { gran: 'month', code: 'M' },
  quarter: { gran: 'quarter', code: 'Q' },
  year: { gran: 'year', code: 'Y' },
  decade: { gran: 'decade', code: 'DE' },
  century: { gran: 'century', code: 'CE' },
  centurie: { gran: 'century', code: 'CE' },
  millennium: { gran: 'century', code: 'CE', factor: 10 },
  millennia: { gran: 'century', code: 'CE', factor: 10 },
};

export function unitInfo(raw: string): { gran: Granularity; code: string; time?: boolean; factor?: number } {
  const s = raw.toLowerCase().replace(/s$/, '');
  return UNIT_INFO[s] ?? UNIT_INFO[s.replace(/ie$/, 'y')] ?? { gran: 'day', code: 'D' };
}

/** A TimeML duration value: `P75Y`, `PT3H`, `PXDE` (n undefined). */
export function durationValue(n: number | undefined, unit: string): string {
  const info = unitInfo(unit);
  if (info.code === 'Q') return n === undefined ? 'PXQ' : `P${formatCount(n * 3)}M`;
  const count = n === undefined ? undefined : n * (info.factor ?? 1);
  if (count !== undefined && !Number.isInteger(count) && Number.isInteger(count * 2)) {
    // 2 1/2 years → P2Y6M, 1 1/2 hours → PT1H30M
    const half: Record<string, string> = { Y: '6M', D: 'T12H', H: '30M', M: info.time ? '30S' : '15D', W: '3DT12H' };
    const whole = Math.floor(count);
    if (half[info.code]) return `P${info.time ? 'T' : ''}${whole ? `${whole}${info.code}` : ''}${half[info.code]}`;
  }
  return `P${info.time ? 'T' : ''}${count === undefined ? 'X' : formatCount(count)}${info.code}`;
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** TIMEX3 mod of a quantity qualifier ("about", "more than", "at least" …). */
export function qualifierMod(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(about|around|approximately|roughly|some|close to|nearly|almost|an estimated)$/.test(s)) return s === 'nearly' || s === 'almost' ? 'LESS_THAN' : 'APPROX';
  if (/^(more than|over|just over|well over|upwards of|longer than)$/.test(s)) return 'MORE_THAN';
  if (/^(less than|under|fewer than|just under|shorter than)$/.test(s)) return 'LESS_THAN';
  if (/^(at least|no less than)$/.test(s)) return 'EQUAL_OR_MORE';
  if (/^(at most|up to|no more than|as much as|as many as)$/.test(s)) return 'EQUAL_OR_LESS';
  return undefined;
}
export const QUALIFIER =
  '(?:about|around|approximately|roughly|some|close to|nearly|almost|an estimated|more than|over|just over|well over|upwards of|longer than|less than|under|fewer than|just under|at least|no less than|at most|up to|no more than|as much as|as many as)';

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 七十五 → 75, 一百 → 100, 75 → 75. */
export function chineseNumber(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  let total = 0;
  let current = 0;
  for (const ch of raw) {
    if (ch in CHINESE_DIGITS) current = CHINESE_DIGITS[ch]!;
    else if (ch === '十') { total += (current || 1) * 10; current = 0; }
    else if (ch === '百') { total += (current || 1) * 100; current = 0; }
    else if (ch === '千') { total += (current || 1) * 1000; current = 0; }
    else return undefined;
  }
  return total + current;
}

