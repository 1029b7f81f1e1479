/**
 * A light date and time normaliser for English and Chinese, enough to compare the dates of two aligned
 * sentences (October 12, 1949 ~ 1949年10月12日 ~ 12 Oct 1949). The full time extractor lives in
 * src/extract/time/; check must not reach forward into extract, and needs far less.
 */
import { parseChineseNumeral } from '../lang/numbers.js';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  year?: number;
  month?: number;
  day?: number;
  /** 24-hour clock time. */
  hour?: number;
  minute?: number;
  /** A decade (1990 for "the 1990s"); `decadeShort` when only "90年代" is written. */
  decade?: number;
  decadeShort?: number;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

// Order matters: longer forms first; matches may not overlap.
const EN_PATTERNS: Array<{ re: RegExp; fields: Array<'month' | 'day' | 'year'> }> = [
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'), fields: ['month', 'day', 'year'] },
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'g'), fields: ['day', 'month', 'year'] },
  { re: new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?${YEAR}\\b`, 'g'), fields: ['month', 'year'] },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?!\\s*(?:%|percent|million|billion|thousand))`, 'g'), fields: ['month', 'day'] },
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b`, 'g'), fields: ['day', 'month'] },
];
const ISO = /\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b/g;
/** A month named alone ("from March to June"); May is too often the verb. */
const EN_MONTH_ALONE = /\b(January|February|March|April|June|July|August|September|October|November|December)\b/g;
const EN_DECADE = /\b(1[0-9]|20)(\d)0s\b/g;
const EN_TIME = /\b(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\b\.?|o['’]clock)|\b([01]?\d|2[0-3]):([0-5]?\d)\b/gi;

const ZH_NUM = '(\\d{1,4}|[〇零一二三四五六七八九十两兩]{1,4})';
const ZH_DATE = new RegExp(`(?:${ZH_NUM}\\s?年\\s?)?(?:${ZH_NUM}\\s?月\\s?)(?:${ZH_NUM}\\s?[日號号])?|(\\d{1,2})\\s?[日號号](?![本子常期元])`, 'g');
const ZH_DECADE = /(?:(\d{2}|[一二]十[一二]?)世[紀纪])?(\d0|[一二三四五六七八九]十)年代/g;
const ZH_TIME = /(上午|下午|晚上|晚|凌晨|早上|早|中午|傍晚|夜[里間间]?)?\s?(\d{1,2}|[零一二三四五六七八九十两兩]{1,3})\s?[点點時时]\s?(?:(\d{1,2}|[零一二三四五六七八九十]{1,3})\s?分|(半))?/g;

function zhValue(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const v = /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
  return Number.isFinite(v) ? v : undefined;
}

function valid(d: DateMention): boolean {
  if (d.month !== undefined && (d.month < 1 || d.month > 12)) return false;
  if (d.day !== undefined && (d.day < 1 || d.day > 31)) return false;
  if (d.year !== undefined && (d.year < 1000 || d.year > 2200)) return false;
  if (d.hour !== undefined && (d.hour < 0 || d.hour > 24)) return false;
  return true;
}

function push(out: DateMention[], d: DateMention): void {
  if (!valid(d)) return;
  if (out.some((o) => d.start < o.end && o.start < d.end)) return;
  out.push(d);
}

/** Dates, decades and clock times in English or Chinese text, offsets relative to `text`. */
export function findDates(original: string): DateMention[] {
  // Full-width digits (５月２２日) read as ASCII; same length, so offsets hold.
  const text = original.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const out: DateMention[] = [];
  const english = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(text);
  if (!english && !/[0-9〇零一二三四五六七八九十两兩]/.test(text)) return out;
  const chinese = /[月日号號代点點时時]/.test(text);
  for (const { re, fields } of english ? EN_PATTERNS : []) {
    for (const m of text.matchAll(re)) {
      // "May" alone is too often the verb: only with a day or a year next to it, as these patterns require.
      const d: DateMention = { start: m.index!, end: m.index! + m[0].length, text: m[0] };
      fields.forEach((f, i) => {
        const raw = m[i + 1]!;
        d[f] = f === 'month' ? MONTHS[raw.toLowerCase().replace(/\.$/, '')] : Number(raw);
      });
      push(out, d);
    }
  }
  for (const m of text.matchAll(ISO)) push(out, { start: m.index!, end: m.index! + m[0].length, text: m[0], year: +m[1]!, month: +m[2]!, day: +m[3]! });
  for (const m of english ? text.matchAll(EN_MONTH_ALONE) : []) push(out, { start: m.index!, end: m.index! + m[0].length, text: m[0], month: MONTHS[m[1]!.toLowerCase()] });
  for (const m of text.matchAll(EN_DECADE)) push(out, { start: m.index!, end: m.index! + m[0].length, text: m[0], decade: Number(m[1]! + m[2]! + '0') });
  for (const m of text.matchAll(EN_TIME)) {
    let hour = Number(m[1] ?? m[4]);
    const minute = Number(m[2] ?? m[5] ?? 0);
    const half = m[3]?.toLowerCase();
    if (half === 'p' && hour < 12) hour += 12;
    if (half === 'a' && hour === 12) hour = 0;
    push(out, { start: m.index!, end: m.index! + m[0].length, text: m[0], hour, minute });
  }
  if (!chinese) return finish(original, out);
  for (const m of text.matchAll(ZH_DATE)) {
    if (!m[0]) continue;
    const year = zhValue(m[1]);
    push(out, {
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0],
      ...(year !== undefined && year >= 1000 ? { year } : {}),
      ...(m[2] ? { month: zhValue(m[2]) } : {}),
      ...(m[3] || m[4] ? { day: zhValue(m[3] ?? m[4]) } : {}),
    });
  }
  for (const m of text.matchAll(ZH_DECADE)) {
    const century = zhValue(m[1]);
    const tens = zhValue(m[2])!;
    const d: DateMention = { start: m.index!, end: m.index! + m[0].length, text: m[0] };
    if (century) d.decade = (century - 1) * 100 + tens;
    else d.decadeShort = tens;
    push(out, d);
  }
  for (const m of text.matchAll(ZH_TIME)) {
    let hour = zhValue(m[2]);
    if (hour === undefined) continue;
    // 一点 / 两点 without a time-of-day word are too often "a little" / "two points".
    if (!m[1] && !m[3] && !m[4] && !/^\d/.test(m[2]!)) continue;
    if (m[1] && /下午|晚|傍晚|夜/.test(m[1]) && hour < 12) hour += 12;
    const minute = m[4] ? 30 : (zhValue(m[3]) ?? 0);
    push(out, { start: m.index!, end: m.index! + m[0].length, text: m[0], hour, minute });
  }
  return finish(original, out);
}

function finish(original: string, out: DateMention[]): DateMention[] {
  return out.map((d) => ({ ...d, text: original.slice(d.start, d.end) })).sort((x, y) => x.start - y.start);
}

/** Two mentions name the same date: every field both give agrees, and they share at least one field. */
export function sameDate(x: DateMention, y: DateMention): boolean {
  const isTime = (d: DateMention) => d.hour !== undefined;
  if (isTime(x) !== isTime(y)) return false;
  if (isTime(x)) return x.hour === y.hour && (x.minute ?? 0) === (y.minute ?? 0);
  const decade = (d: DateMention) => d.decade !== undefined || d.decadeShort !== undefined;
  if (decade(x) || decade(y)) {
    if (!(decade(x) && decade(y))) return false;
    const full = x.decade ?? y.decade;
    if (x.decade !== undefined && y.decade !== undefined) return x.decade === y.decade;
    const short = x.decadeShort ?? y.decadeShort;
    return full === undefined ? x.decadeShort === y.decadeShort : full % 100 === short;
  }
  let shared = 0;
  for (const f of ['year', 'month', 'day'] as const) {
    if (x[f] === undefined || y[f] === undefined) continue;
    if (x[f] !== y[f]) return false;
    shared++;
  }
  // "October 12" ~ "12日": the day alone is enough when one side leaves the month out.
  return shared > 0;
}

/** ISO-like rendering for messages: 1949-10-12, 1949-10, --10-12, 15:30, 1990s. */
export function describeDate(d: DateMention): string {
  if (d.hour !== undefined) return `${String(d.hour).padStart(2, '0')}:${String(d.minute ?? 0).padStart(2, '0')}`;
  if (d.decade !== undefined) return `${d.decade}s`;
  if (d.decadeShort !== undefined) return `’${d.decadeShort}s`;
  const y = d.year !== undefined ? String(d.year) : '----';
  const m = d.month !== undefined ? String(d.month).padStart(2, '0') : '--';
  return d.day !== undefined ? `${y}-${m}-${String(d.day).padStart(2, '0')}` : `${y}-${m}`;
}

const ZH_DIGIT_CHARS = '〇一二三四五六七八九';

/**
 * Chinese names dates by their numerals alone: 六四 (June 4th), 五四, 九一八 (September 18th), 双十一.
 * True when `text` holds such an abbreviation of this month and day.
 */
export function abbreviatedIn(d: DateMention, text: string): boolean {
  if (d.month === undefined || d.day === undefined) return false;
  const digits = (n: number) => [...String(n)].map((c) => ZH_DIGIT_CHARS[Number(c)]).join('');
  const month = d.month <= 10 ? (d.month === 10 ? '十' : digits(d.month)) : digits(d.month);
  const forms = [month + digits(d.day)];
  if (d.month === d.day && d.month > 10) forms.push('双' + digits(d.month), '雙' + digits(d.month));
  return forms.some((f) => text.includes(f));
}
