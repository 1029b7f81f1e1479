/** TimeML (TIMEX3) values → ISO day bounds, so dates of any precision can be compared and filtered as strings. */
import { ConcordError, type TimePrecision } from '../model.js';

export interface DayRange {
  start: string;
  end: string;
  precision: TimePrecision;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const SEASONS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], AU: [9, 11], WI: [12, 14] };

/** `1949-10-12`, `1949-09`, `1949`, `194` (decade), `19` (century), `1949-Q3`, `1949-SU`, `1949-W20`, `a/b` intervals. */
export function timexRange(value: string | undefined): DayRange | undefined {
  if (!value) return undefined;
  const slash = value.indexOf('/');
  if (slash > 0) {
    const a = timexRange(value.slice(0, slash));
    const b = timexRange(value.slice(slash + 1));
    if (!a || !b) return a ?? b;
    return { start: a.start, end: b.end, precision: coarser(a.precision, b.precision) };
  }
  const v = value.split('T')[0]!;
  let m: RegExpMatchArray | null;
  if ((m = v.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return { start: v, end: v, precision: 'day' };
  if ((m = v.match(/^(\d{4})-(\d{2})$/))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return undefined;
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}`, precision: 'month' };
  }
  if ((m = v.match(/^(\d{4})$/))) return { start: `${v}-01-01`, end: `${v}-12-31`, precision: 'year' };
  if ((m = v.match(/^(\d{3})X?$/))) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31`, precision: 'decade' };
  if ((m = v.match(/^(\d{2})(XX)?$/))) return { start: `${m[1]}00-01-01`, end: `${m[1]}99-12-31`, precision: 'century' };
  if ((m = v.match(/^(\d{4})-Q([1-4])$/))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { start: `${y}-${pad(q * 3 - 2)}-01`, end: `${y}-${pad(q * 3)}-${pad(lastDay(y, q * 3))}`, precision: 'quarter' };
  }
  if ((m = v.match(/^(\d{4})-(SP|SU|FA|AU|WI)$/))) {
    const y = Number(m[1]);
    const [from, to] = SEASONS[m[2]!]!;
    const endY = y + Math.floor((to - 1) / 12);
    const endM = ((to - 1) % 12) + 1;
    return { start: `${y}-${pad(from)}-01`, end: `${endY}-${pad(endM)}-${pad(lastDay(endY, endM))}`, precision: 'season' };
  }
  if ((m = v.match(/^(\d{4})-W(\d{2})$/))) {
    const y = Number(m[1]);
    const w = Number(m[2]);
    // ISO week: the week with the year's first Thursday is week 1.
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (w - 1) * 7 * 864e5);
    const sunday = new Date(monday.getTime() + 6 * 864e5);
    return { start: monday.toISOString().slice(0, 10), end: sunday.toISOString().slice(0, 10), precision: 'week' };
  }
  return undefined;
}

const ORDER: TimePrecision[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'century', 'vague'];
export function coarser(a: TimePrecision, b: TimePrecision): TimePrecision {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/** A user's `--from`/`--to` (any precision) → the first / last day it covers. */
export function boundFrom(value: string | undefined, which: 'start' | 'end'): string | undefined {
  if (!value) return undefined;
  const range = timexRange(value.trim());
  if (!range) throw new ConcordError(`not a date: '${value}' (use YYYY, YYYY-MM or YYYY-MM-DD)`);
  return range[which];
}

export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}
