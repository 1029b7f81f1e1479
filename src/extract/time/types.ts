import type { TimePrecision } from '../../model.js';
import type { Point } from './calendar.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A time expression found in a text, normalised to a TimeML (TIMEX3) value. Offsets are relative to that text. */
export interface Timex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3 value: `1949-08-27`, `1949-09`, `1989-Q3`, `P75Y`, `PXDE`, `PRESENT_REF`, `20` (a century), `193` (a decade);
   *  intervals as ISO 8601 `1949-10/1954-01`. */
  value: string;
  precision: TimePrecision;
  /** Bounds of an interval ("between October 1949 and January 1954") or of a duration anchored in time ("the past 75 years"). */
  interval?: { start: string; end: string };
  /** The end points of an interval expression as separate timexes (TimeML annotates them so). */
  parts?: Timex[];
  /** The value was resolved from context (the document date, another date mentioned earlier) rather than stated. */
  inferred?: boolean;
  /** TIMEX3 mod: BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE,
   *  START, MID, END, APPROX. */
  mod?: string;
  /** TIMEX3 quant for sets (`EVERY`, `EACH`). */
  quant?: string;
}

/** A date mentioned earlier in the document, as a reference time for later underspecified expressions. */
export interface TimeAnchor {
  /** TIMEX3 calendar value (`1949-09`, `1949-10-12`, `1989-Q3`). */
  value: string;
  /** How many sentences before the current one it was mentioned (0 = this sentence). */
  distance: number;
  /** The year was stated in the text ("October 1949"), not computed ("last year"); only such anchors lend their
   *  year to month-day expressions, so that computed dates cannot drift from one sentence to the next. */
  explicit?: boolean;
}

export interface TimeContext {
  /** Document creation time, ISO 8601 (`2024-09-01`, `1998-11-20T19:30`, or just `2024`). Relative expressions
   *  ("yesterday", "last year", "Friday") are resolved against it. */
  dct?: string;
  /** True when `dct` was itself inferred; values resolved against it are then marked inferred too. */
  dctInferred?: boolean;
  /** Dates mentioned before this text, most recent last. The last one is the reference time for month-day and
   *  day-only expressions ("on August 27" after "September 1949") and for "a year earlier", "the next day". */
  anchors?: TimeAnchor[];
}

/** What a recogniser understood, before the context turns it into a value. */
export type Meaning =
  /** A fully specified calendar point ("October 12, 1949", "1989-Q3", "the 1930s"). */
  | { kind: 'point'; point: Point; mod?: string; timeType?: 'DATE' | 'TIME' }
  /** A point missing its year (and maybe month): "August 27", "March", "8月27日", "27日". */
  | { kind: 'partial'; month?: number; day?: number; hour?: number; minute?: number; partOfDay?: string; gran: Point['gran']; mod?: string; season?: Point['season']; quarter?: number; half?: number }
  /** A weekday, maybe with a direction ("last Friday") and a time of day. */
  | { kind: 'weekday'; dow: number; dir?: -1 | 1 | 0; partOfDay?: string; hour?: number; minute?: number }
  /** A point relative to the document date (`from: 'dct'`) or to the reference time (`from: 'ref'`). */
  | { kind: 'relative'; gran: Point['gran']; offset: number; from: 'dct' | 'ref'; partOfDay?: string; mod?: string; timeType?: 'DATE' | 'TIME'; weekend?: boolean; hour?: number; minute?: number; quarter?: number; half?: number; season?: Point['season']; month?: number; inYear?: { month: number; day?: number }; year?: number }
  /** A time of day with no date ("10 a.m.", "noon") — dated from the context. */
  | { kind: 'clock'; hour?: number; minute?: number; partOfDay?: string }
  | { kind: 'ref'; value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  /** A duration ("P75Y", "PXDE"); `anchoredPast` for "the past 75 years" (an interval ending at the document date). */
  | { kind: 'duration'; value: string; mod?: string; anchoredPast?: { n: number; gran: Point['gran'] }; anchoredFuture?: { n: number; gran: Point['gran'] } }
  | { kind: 'set'; value: string; quant?: string }
  /** "75th anniversary": the year of the anniversary is the anchor year plus n. */
  | { kind: 'anniversary'; n: number }
  /** "N years later/earlier/ago" measured from the reference time or document date; `vague` when N is unknown. */
  | { kind: 'offset'; n: number | undefined; gran: Point['gran']; dir: 1 | -1; from: 'dct' | 'ref' }
  | { kind: 'interval'; from: Candidate; to: Candidate };

/** A recognised expression before resolution. */
export interface Candidate {
  start: number;
  end: number;
  meaning: Meaning;
  /** Rule priority: among candidates with the same extent, the higher wins. */
  priority: number;
  type: TimexType;
}
