/**
 * Calendar arithmetic on TimeML values. A `Point` is a calendar unit at some granularity (a year, a month, an ISO
 * week, a quarter, a day …); it is formatted to TIMEX3 `value` strings and shifted by whole units, all in UTC so
 * that no local time zone leaks into the values.
 */
import type { TimePrecision } from '../../model.js';

export type Granularity = 'century' | 'decade' | 'year' | 'half' | 'quarter' | 'season' | 'month' | 'week' | 'day' | 'hour' | 'minute';

export interface Point {
  gran: Granularity;
  year: number;
  /** 1–12 */
  month?: number;
  day?: number;
  /** ISO week 1–53 (with `year` the ISO week-year). */
  week?: number;
  /** 1–4 */
  quarter?: number;
  /** 1–2 */
  half?: number;
  season?: 'SP' | 'SU' | 'FA' | 'WI';
  hour?: number;
  minute?: number;
  /** Part of day: MO, AF, EV, NI, DT — a `day` point with it formats as `1998-11-20TNI`. */
  partOfDay?: string;
  /** `WE` (weekend) on a week point. */
  weekend?: boolean;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

export function formatYear(year: number): string {
  return year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
}

/** The TIMEX3 value of a point. */
export function formatPoint(p: Point): string {
  const y = formatYear(p.year);
  switch (p.gran) {
    case 'century':
      return y.slice(0, 2);
    case 'decade':
      return y.slice(0, 3);
    case 'year':
      return y;
    case 'half':
      return `${y}-H${p.half}`;
    case 'quarter':
      return `${y}-Q${p.quarter}`;
    case 'season':
      return `${y}-${p.season}`;
    case 'month':
      return `${y}-${pad(p.month!)}`;
    case 'week':
      return `${y}-W${pad(p.week!)}${p.weekend ? '-WE' : ''}`;
    case 'day':
      return `${y}-${pad(p.month!)}-${pad(p.day!)}${p.partOfDay ? `T${p.partOfDay}` : ''}`;
    case 'hour':
      return `${y}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:00`;
    case 'minute':
      return `${y}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}`;
  }
}

export function precisionOf(gran: Granularity): TimePrecision {
  switch (gran) {
    case 'half':
      return 'quarter';
    case 'hour':
      return 'hour';
    default:
      return gran;
  }
}

/** Parses an ISO date or date-time (`1998-11-20`, `1998-11-20T19:30`, `1998-11`, `1998`) to a point. */
export function parseIso(value: string): Point | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?/.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (!m[2]) return { gran: 'year', year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (!m[3]) return { gran: 'month', year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  if (!m[4]) return { gran: 'day', year, month, day };
  return { gran: 'minute', year, month, day, hour: Number(m[4]), minute: Number(m[5]) };
}

/** Parses any TIMEX3 calendar value we produce back into a point (used for anchors passed between sentences). */
export function parseValue(value: string): Point | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return { gran: 'quarter', year: +m[1]!, quarter: +m[2]! };
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return { gran: 'half', year: +m[1]!, half: +m[2]! };
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return { gran: 'season', year: +m[1]!, season: m[2] as Point['season'] };
  if ((m = /^(\d{4})-W(\d{1,2})/.exec(value))) return { gran: 'week', year: +m[1]!, week: +m[2]! };
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI|DT)$/.exec(value)))
    return { gran: 'day', year: +m[1]!, month: +m[2]!, day: +m[3]!, partOfDay: m[4] };
  if ((m = /^(\d{3})$/.exec(value))) return { gran: 'decade', year: +m[1]! * 10 };
  if ((m = /^(\d{2})$/.exec(value))) return { gran: 'century', year: +m[1]! * 100 };
  const iso = parseIso(value);
  if (iso && /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$/.test(value)) return iso;
  return undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(p: { year: number; month: number; day: number }, n: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO 8601 week-year and week number of a day. */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const d = new Date(Date.UTC(year, month - 1, day));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const weekYear = d.getUTCFullYear();
  const jan1 = Date.UTC(weekYear, 0, 1);
  return { year: weekYear, week: Math.ceil(((d.getTime() - jan1) / 86400000 + 1) / 7) };
}

/** The Monday of an ISO week. */
export function mondayOfWeek(weekYear: number, week: number): { year: number; month: number; day: number } {
  const jan4 = new Date(Date.UTC(weekYear, 0, 4));
  const dow = jan4.getUTCDay() || 7;
  return addDays({ year: weekYear, month: 1, day: 4 }, (week - 1) * 7 - (dow - 1));
}

/** Moves a point by `n` of its own units (a quarter by quarters, a day by days …). */
export function shift(p: Point, n: number): Point {
  switch (p.gran) {
    case 'century':
      return { ...p, year: p.year + 100 * n };
    case 'decade':
      return { ...p, year: p.year + 10 * n };
    case 'year':
      return { ...p, year: p.year + n };
    case 'half': {
      const i = p.year * 2 + (p.half! - 1) + n;
      return { ...p, year: Math.floor(i / 2), half: (i % 2) + 1 };
    }
    case 'quarter': {
      const i = p.year * 4 + (p.quarter! - 1) + n;
      return { ...p, year: Math.floor(i / 4), quarter: (i % 4) + 1 };
    }
    case 'season':
      return { ...p, year: p.year + n };
    case 'month': {
      const i = p.year * 12 + (p.month! - 1) + n;
      return { ...p, year: Math.floor(i / 12), month: (i % 12) + 1 };
    }
    case 'week': {
      const monday = mondayOfWeek(p.year, p.week!);
      const moved = addDays(monday, 7 * n);
      return { ...p, ...isoWeek(moved.year, moved.month, moved.day) };
    }
    case 'day':
    case 'hour':
    case 'minute': {
      const d = addDays({ year: p.year, month: p.month!, day: p.day! }, n);
      return { ...p, ...d };
    }
  }
}

/** The point of a coarser (or equal) granularity that contains a day-or-finer point. */
export function coarsen(p: Point, gran: Granularity): Point {
  const month = p.month ?? (p.quarter ? (p.quarter - 1) * 3 + 1 : p.half ? (p.half - 1) * 6 + 1 : 1);
  const day = p.day ?? 1;
  switch (gran) {
    case 'century':
      return { gran, year: Math.floor(p.year / 100) * 100 };
    case 'decade':
      return { gran, year: Math.floor(p.year / 10) * 10 };
    case 'year':
      return { gran, year: p.year };
    case 'half':
      return { gran, year: p.year, half: month <= 6 ? 1 : 2 };
    case 'quarter':
      return { gran, year: p.year, quarter: Math.floor((month - 1) / 3) + 1 };
    case 'season':
      return { gran, year: p.year, season: (['WI', 'WI', 'SP', 'SP', 'SP', 'SU', 'SU', 'SU', 'FA', 'FA', 'FA', 'WI'] as const)[month - 1] };
    case 'month':
      return { gran, year: p.year, month };
    case 'week':
      return { gran, ...isoWeek(p.year, month, day) };
    case 'day':
      return { gran, year: p.year, month, day };
    case 'hour':
      return { gran, year: p.year, month, day, hour: p.hour ?? 0 };
    case 'minute':
      return { gran, year: p.year, month, day, hour: p.hour ?? 0, minute: p.minute ?? 0 };
  }
}

/** A sortable number for the first day of a point (approximate for coarse points; used to compare distances). */
export function ordinalDay(p: Point): number {
  const c = p.gran === 'week' ? { ...mondayOfWeek(p.year, p.week!) } : coarsen(p, 'day');
  return Date.UTC(c.year, (c.month ?? 1) - 1, c.day ?? 1) / 86400000;
}

const GRAN_ORDER: Granularity[] = ['century', 'decade', 'year', 'half', 'quarter', 'season', 'month', 'week', 'day', 'hour', 'minute'];
export function finer(a: Granularity, b: Granularity): boolean {
  return GRAN_ORDER.indexOf(a) > GRAN_ORDER.indexOf(b);
}
