/**
 * Turns what a rule recognised (`Meaning`) into a TIMEX3 value, using the document creation time (DCT), the
 * reference time (the last date mentioned) and the tense of the sentence — HeidelTime's normalisation step.
 */
import type { TimePrecision } from '../../model.js';
import {
  type Point, addDays, coarsen, dayOfWeek, daysInMonth, finer, formatPoint, formatYear, ordinalDay, parseValue, precisionOf, shift,
} from './calendar.js';
import type { Candidate, Meaning, Timex, TimexType } from './types.js';

export interface Env {
  /** Document creation time as a day (or finer) point. */
  dct?: Point;
  dctInferred?: boolean;
  /** Reference time: the last date mentioned, and how many sentences ago. */
  ref?: { point: Point; distance: number };
  /** Years of the dates mentioned recently (to see that "75 years later" counted from one of them is now). A set:
   *  on a whole article it holds every year stated so far, and is looked up, not scanned. */
  anchorYears?: ReadonlySet<number>;
  /** The last date mentioned with its year stated. */
  yearRef?: { point: Point; distance: number };
  /** -1 past, 1 future, 0 unknown — of the clause around the expression. */
  tense: -1 | 0 | 1;
}

interface Resolved {
  type: TimexType;
  value: string;
  precision: TimePrecision;
  interval?: { start: string; end: string };
  inferred?: boolean;
  mod?: string;
  quant?: string;
  parts?: Timex[];
  /** Computed backwards from the reference time ("a year earlier", "the year-ago quarter"): such a comparison must
   *  not become the next reference, or a chain of them drifts (1989 → 1988 → 1987). Forward steps ("the following
   *  year") do move the narrative on. */
  usedRef?: boolean;
}

/** The base for expressions missing their year: the reference time when it is about another period than the
 *  DCT (a narrative about 1949 in a 2024 statement), else the DCT. */
function yearBase(env: Env): { point: Point; fromRef: boolean } | undefined {
  const ref = env.yearRef;
  if (ref && ref.point.gran !== 'century' && ref.point.gran !== 'decade') {
    if (!env.dct) return { point: ref.point, fromRef: true };
    // With a document date, only a date in the same sentence lends its year ("In September 1949, … on August 27");
    // news mentions other years all the time without moving "Nov. 21" away from the document date.
    if (ref.distance === 0 && ref.point.year !== env.dct.year && ref.point.gran !== 'year') return { point: ref.point, fromRef: true };
  }
  return env.dct ? { point: env.dct, fromRef: false } : undefined;
}

function nthWeekday(year: number, month: number, dow: number, nth: number): number {
  if (nth > 0) {
    const first = dayOfWeek(year, month, 1);
    return 1 + ((dow - first + 7) % 7) + (nth - 1) * 7;
  }
  const last = daysInMonth(year, month);
  return last - ((dayOfWeek(year, month, last) - dow + 7) % 7);
}

/** Picks the year for a partial date: the one before/after/nearest the base, by tense. */
function chooseYear(make: (year: number) => Point, base: Point, tense: -1 | 0 | 1, fromRef: boolean): Point {
  const baseDay = ordinalDay(base);
  const options = [base.year - 1, base.year, base.year + 1].map(make);
  const key = (p: Point) => ordinalDay(p);
  const sameGranBase = (p: Point) => (finer(p.gran, base.gran) ? ordinalDay(coarsen(p, base.gran)) : key(p));
  // Measured on TimeBank: the date nearest the base beats tense cues for months and days ("by Jan. 14" written
  // on January 6 is this January; "in December" written in March is last December). Tense decides only for
  // coarser units (a quarter), where "nearest" is not meaningful.
  if (!fromRef && options[0]!.gran === 'quarter') {
    // A quarter without a year is this year's, or last year's when the clause is past and it has not begun yet.
    if (tense >= 0) return options[1]!;
    const past = options.filter((p) => sameGranBase(p) <= baseDay);
    return past.at(-1) ?? options[1]!;
  }
  // Nearest, but a date on the wrong side of the tense counts as farther.
  const bias = TENSE_BIAS;
  const cost = (p: Point) => {
    const d = key(p) - baseDay;
    return Math.abs(d) * ((tense < 0 && d > 0) || (tense > 0 && d < 0) ? bias : 1);
  };
  return options.reduce((best, p) => (cost(p) < cost(best) ? p : best));
}

/** Measured on the tuning part of TimeBank: 2 beats pure tense (∞) and pure nearness (1). */
const TENSE_BIAS = 2;

const REF_VALUES = new Set(['PRESENT_REF', 'PAST_REF', 'FUTURE_REF']);

export function resolve(c: Candidate, env: Env): Resolved | null {
  const m = c.meaning;
  const dctInferred = env.dctInferred || undefined;
  switch (m.kind) {
    case 'point': {
      const type = m.timeType ?? c.type;
      return { type, value: formatPoint(m.point), precision: precisionOf(m.point.gran), mod: m.mod };
    }
    case 'partial': {
      const base = yearBase(env);
      const make = (year: number): Point => {
        if (m.gran === 'quarter') return { gran: 'quarter', year, quarter: m.quarter };
        if (m.gran === 'month') return { gran: 'month', year, month: m.month };
        let day = m.day!;
        if (day < 0) day = nthWeekday(year, m.month!, -day % 10, Math.trunc(-day / 10) === -1 ? -1 : Math.trunc(-day / 10));
        const p: Point = { gran: 'day', year, month: m.month, day: Math.min(day, daysInMonth(year, m.month!)), partOfDay: m.partOfDay };
        if (m.hour !== undefined) return { ...p, gran: m.minute === undefined ? 'hour' : 'minute', hour: m.hour, minute: m.minute };
        return p;
      };
      const type: TimexType = m.hour !== undefined || m.partOfDay ? 'TIME' : c.type;
      if (m.month === undefined && m.gran === 'day') {
        // "27日" alone: the 27th of the reference month (or the nearest month around it).
        if (!base || base.point.month === undefined) return { type, value: `XXXX-XX-${String(m.day).padStart(2, '0')}`, precision: 'day' };
        const options = [-1, 0, 1].map((k) => shift({ gran: 'month', year: base.point.year, month: base.point.month }, k));
        const baseDay = ordinalDay(base.point);
        const days = options
          .filter((o) => m.day! <= daysInMonth(o.year, o.month!))
          .map((o): Point => ({ gran: 'day', year: o.year, month: o.month, day: m.day }));
        const pick = base.point.day === undefined ? days.find((d) => d.month === base.point.month) : days.reduce((a, b) => (Math.abs(ordinalDay(b) - baseDay) < Math.abs(ordinalDay(a) - baseDay) ? b : a));
        if (!pick) return null;
        return { type, value: formatPoint(pick), precision: 'day', inferred: true };
      }
      if (!base) {
        const unknown = formatPoint(make(9999)).replace(/^9999/, 'XXXX');
        return { type, value: unknown, precision: precisionOf(m.gran), mod: m.mod };
      }
      // A quarter without a year in news is this year's; a month or day is chosen by tense.
      const fromRef = base.fromRef && !(m.gran === 'quarter' && env.dct);
      const point = fromRef ? chooseYear(make, base.point, env.tense, true) : chooseYear(make, env.dct!, env.tense, false);
      return { type, value: formatPoint(point), precision: precisionOf(point.gran), mod: m.mod, inferred: fromRef || dctInferred };
    }
    case 'weekday': {
      const baseDay = env.dct ?? (env.ref && env.ref.point.gran === 'day' ? env.ref.point : undefined);
      const type: TimexType = m.partOfDay || m.hour !== undefined ? 'TIME' : 'DATE';
      if (!baseDay || baseDay.day === undefined) {
        return { type, value: `XXXX-WXX-${m.dow === 0 ? 7 : m.dow}`, precision: 'day' };
      }
      const todayDow = dayOfWeek(baseDay.year, baseDay.month!, baseDay.day);
      const back = (todayDow - m.dow + 7) % 7; // days back to the most recent such weekday (0 = today)
      const forward = (m.dow - todayDow + 7) % 7;
      let delta: number;
      if (m.dir === -1) delta = back === 0 ? -7 : -back;
      else if (m.dir === 1) delta = forward === 0 ? 7 : forward;
      else {
        // The nearer of last and next such day, a day on the wrong side of the tense counting triple, and with no
        // tense the past preferred by three days (news reports what happened). Tuned on TimeBank's tuning part.
        const costBack = back * (env.tense > 0 ? 3 : 1);
        const costForward = forward * (env.tense < 0 ? 3 : 1) + (env.tense === 0 ? 3 : 0);
        delta = costBack <= costForward ? -back : forward;
      }
      const d = addDays({ year: baseDay.year, month: baseDay.month!, day: baseDay.day }, delta);
      let point: Point = { gran: 'day', ...d, partOfDay: m.partOfDay };
      if (m.hour !== undefined) point = { gran: m.minute === undefined ? 'hour' : 'minute', ...d, hour: m.hour, minute: m.minute };
      return { type, value: formatPoint(point), precision: precisionOf(point.gran), inferred: dctInferred };
    }
    case 'relative': {
      if (m.year !== undefined) {
        // "the 1988 quarter": the reference's quarter in that year, or just the year.
        const refQuarter = env.ref && env.ref.point.gran === 'quarter' ? env.ref.point.quarter : undefined;
        const p: Point = refQuarter ? { gran: 'quarter', year: m.year, quarter: refQuarter } : { gran: 'year', year: m.year };
        return { type: 'DATE', value: formatPoint(p), precision: precisionOf(p.gran), inferred: refQuarter ? true : undefined, usedRef: true };
      }
      const fromRef = m.from === 'ref' && env.ref && !(m.gran === 'day' && env.ref.point.gran !== 'day' && env.ref.point.gran !== 'minute');
      const base = fromRef ? env.ref!.point : env.dct;
      const type: TimexType = m.timeType ?? (m.hour !== undefined || m.partOfDay ? 'TIME' : 'DATE');
      if (!base) return { type, value: m.offset < 0 ? 'PAST_REF' : m.offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF', precision: 'vague' };
      if (finer(m.gran, base.gran) && !(base.gran === 'minute' || base.gran === 'hour')) {
        // "the following day" after "1949": no day to count from.
        return { type, value: m.offset < 0 ? 'PAST_REF' : m.offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF', precision: 'vague', inferred: true };
      }
      let offset = m.offset;
      const ref = env.ref;
      if (!fromRef && m.gran === 'year' && !m.quarter && !m.half && !m.season && !m.month && !m.inYear && !m.mod && offset < 0 && ref && ref.distance === 0 && ref.point.gran === 'quarter' && env.dct && ref.point.year === env.dct.year) {
        // "net rose in the third quarter from $3 million last year": last year's third quarter (TimeML practice).
        return { type, value: formatPoint(shift(ref.point, 4 * offset)), precision: 'quarter', inferred: true, usedRef: true };
      }
      if (m.weekend && offset === 0 && env.tense < 0 && base.day !== undefined) {
        // "the weekend" in a report written on a weekday is the one just past.
        const dow = dayOfWeek(base.year, base.month!, base.day);
        if (dow >= 1 && dow <= 4) offset = -1;
      }
      let p = shift(coarsen(base, m.gran), offset);
      if (m.weekend) p = { ...p, weekend: true };
      if (m.inYear) p = m.inYear.day ? { gran: 'day', year: p.year, month: m.inYear.month, day: Math.min(m.inYear.day, daysInMonth(p.year, m.inYear.month)) } : { gran: 'month', year: p.year, month: m.inYear.month };
      else if (m.quarter) p = { gran: 'quarter', year: p.year, quarter: m.quarter };
      else if (m.half) p = { gran: 'half', year: p.year, half: m.half };
      else if (m.season) p = { gran: 'season', year: p.year, season: m.season };
      else if (m.month) {
        // "last March": the most recent March before the base month.
        let year = base.year;
        const baseMonth = base.month ?? 12;
        if (m.offset < 0) year = m.month < baseMonth ? base.year : base.year - 1;
        else if (m.offset > 0) year = m.month > baseMonth ? base.year : base.year + 1;
        p = { gran: 'month', year, month: m.month };
      }
      if (m.partOfDay && p.gran === 'day') p = { ...p, partOfDay: m.partOfDay };
      if (m.hour !== undefined && p.gran === 'day') p = { ...p, gran: m.minute === undefined ? 'hour' : 'minute', hour: m.hour, minute: m.minute, partOfDay: undefined };
      return { type, value: formatPoint(p), precision: precisionOf(p.gran), mod: m.mod, inferred: fromRef ? true : dctInferred, usedRef: !!fromRef && offset < 0 };
    }
    case 'clock': {
      const day = env.ref && env.ref.distance === 0 && env.ref.point.day !== undefined ? env.ref.point : env.dct;
      const hh = m.hour !== undefined ? `${String(m.hour).padStart(2, '0')}:${String(m.minute ?? 0).padStart(2, '0')}` : m.partOfDay!;
      if (!day || day.day === undefined) return { type: 'TIME', value: `XXXX-XX-XXT${hh}`, precision: m.hour !== undefined ? 'minute' : 'hour' };
      const date = formatPoint({ gran: 'day', year: day.year, month: day.month, day: day.day });
      return { type: 'TIME', value: `${date}T${hh}`, precision: m.minute !== undefined ? 'minute' : 'hour', inferred: dctInferred };
    }
    case 'ref':
      return { type: 'DATE', value: m.value, precision: 'vague' };
    case 'duration': {
      const out: Resolved = { type: 'DURATION', value: m.value, precision: /X/.test(m.value) ? 'vague' : durationPrecision(m.value), mod: m.mod };
      const anchor = m.anchoredPast ?? m.anchoredFuture;
      if (anchor && env.dct && Number.isInteger(anchor.n)) {
        const gran = anchor.gran === 'minute' || anchor.gran === 'hour' ? 'day' : anchor.gran;
        const now = coarsen(env.dct, gran);
        const other = shift(now, m.anchoredPast ? -anchor.n : anchor.n);
        const [a, b] = m.anchoredPast ? [other, now] : [now, other];
        out.interval = { start: formatPoint(a), end: formatPoint(b) };
        if (dctInferred) out.inferred = true;
      }
      return out;
    }
    case 'set':
      return { type: 'SET', value: m.value, precision: durationPrecision(m.value), quant: m.quant };
    case 'anniversary': {
      if (env.ref && env.ref.point.gran !== 'century' && env.ref.point.gran !== 'decade' && (!env.dct || env.ref.point.year + m.n <= env.dct.year + 1)) {
        return { type: 'DATE', value: formatYear(env.ref.point.year + m.n), precision: 'year', inferred: true };
      }
      if (env.dct) return { type: 'DATE', value: formatYear(env.dct.year), precision: 'year', inferred: dctInferred };
      return null;
    }
    case 'offset': {
      if (m.n === undefined && m.dir < 0 && m.from === 'dct') return { type: 'DATE', value: 'PAST_REF', precision: 'vague' }; // "several years ago"
      if (m.n === undefined || !Number.isInteger(m.n)) {
        // "decades later": a stretch of unknown length — never a made-up date.
        const code = { century: 'CE', decade: 'DE', year: 'Y', half: 'M', quarter: 'Q', season: 'M', month: 'M', week: 'W', day: 'D', hour: 'H', minute: 'M' }[m.gran];
        return { type: 'DURATION', value: `P${m.gran === 'hour' || m.gran === 'minute' ? 'T' : ''}X${code}`, precision: 'vague' };
      }
      // A year y mentioned with |y + n − now| ≤ 1 (years and n are whole numbers here).
      const from = env.dct ? env.dct.year - m.n : NaN;
      const reachesPresent = m.gran === 'year' && env.dct && [from - 1, from, from + 1].some((y) => env.anchorYears?.has(y));
      if (m.from === 'ref' && m.dir > 0 && env.tense >= 0 && env.dct && reachesPresent && !finer(m.gran, env.dct.gran)) {
        // "Seventy-five years later, the world must not ignore …": said in the present, it means now.
        const now = coarsen(env.dct, m.gran);
        return { type: 'DATE', value: formatPoint(now), precision: precisionOf(now.gran), inferred: true };
      }
      let useRef = env.ref && (m.from === 'ref' || (env.ref.distance <= 1 && env.ref.point.gran === 'quarter' && m.gran === 'year'));
      if (useRef && env.dct && m.dir < 0 && m.gran === 'year' && env.ref!.point.year === env.dct.year - m.n) {
        // "net was $5 million in the 1988 period; the year-earlier results …": the reference is already the
        // comparison year of a report, not a point to count back from again.
        useRef = false;
      }
      const base = useRef ? env.ref!.point : env.dct ?? env.ref?.point;
      if (!base) return { type: 'DATE', value: m.dir < 0 ? 'PAST_REF' : 'FUTURE_REF', precision: 'vague' };
      let p: Point;
      if (m.gran === 'year' && base.gran === 'quarter' && useRef) p = shift(base, m.dir * m.n * 4);
      else if (finer(m.gran, base.gran) && !(base.gran === 'minute')) return { type: 'DATE', value: m.dir < 0 ? 'PAST_REF' : 'FUTURE_REF', precision: 'vague', inferred: true };
      else p = shift(coarsen(base, m.gran), m.dir * m.n);
      return { type: 'DATE', value: formatPoint(p), precision: precisionOf(p.gran), inferred: useRef || base !== env.dct ? true : dctInferred, usedRef: !!useRef && m.dir < 0 };
    }
    case 'interval': {
      const a = resolve(m.from, env);
      const startPoint = a ? parseValue(a.value) : undefined;
      const b = resolve(m.to, startPoint ? { ...env, ref: { point: startPoint, distance: 0 }, yearRef: { point: startPoint, distance: 0 } } : env);
      if (!a || !b || REF_VALUES.has(a.value) || REF_VALUES.has(b.value)) return null;
      return {
        type: 'DURATION',
        value: `${a.value}/${b.value}`,
        precision: a.precision,
        interval: { start: a.value, end: b.value },
        inferred: a.inferred || b.inferred || undefined,
      };
    }
  }
}

function durationPrecision(value: string): TimePrecision {
  const unit = /([A-Z]+)$/.exec(value.replace(/^P?T?[\dX.]*/, ''))?.[1] ?? '';
  const time = value.includes('T');
  if (time) return unit === 'H' ? 'hour' : unit === 'M' ? 'minute' : 'second';
  return ({ Y: 'year', M: 'month', W: 'week', D: 'day', DE: 'decade', CE: 'century', Q: 'quarter' } as Record<string, TimePrecision>)[unit] ?? 'vague';
}

export type { Meaning };
