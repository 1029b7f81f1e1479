/** Finds and resolves the time expressions of one text against a context (document date, anchors). */
import { ConcordError } from '../../model.js';
import { type Point, parseIso, parseValue } from './calendar.js';
import { recogniseChinese } from './chinese.js';
import { recogniseEnglish } from './english.js';
import { type Env, resolve } from './resolve.js';
import { tenseAt } from './tense.js';
import type { Candidate, TimeAnchor, TimeContext, Timex } from './types.js';


/** Anchors older than this many sentences no longer date underspecified expressions. */
const ANCHOR_REACH = 8;

/** The last document date parsed: a document's sentences all share one, so it is parsed once, not per sentence. */
let lastDct: { dct: string; point: Point } | undefined;

function dctPoint(dct: string | undefined): Point | undefined {
  if (dct === undefined || dct === '') return undefined;
  if (lastDct?.dct === dct) return lastDct.point;
  const p = parseIso(dct);
  if (!p) throw new ConcordError(`document date "${dct}" is not an ISO 8601 date (expected e.g. 2024-09-01)`);
  lastDct = { dct, point: p };
  return p;
}

/** Expressions whose value can date later ones (not vague references, durations or sets). */
function anchorPoint(t: Timex): Point | undefined {
  if (t.type !== 'DATE' && t.type !== 'TIME') return undefined;
  const p = parseValue(t.value.replace(/T(?:MO|AF|EV|NI|DT)$/, '').replace(/T\d\d:\d\d$/, ''));
  return p && p.gran !== 'century' && p.gran !== 'decade' ? p : undefined;
}

/**
 * All time expressions in `text`, in order, with TIMEX3 values resolved against `context`: the document date for
 * deictic expressions ("yesterday", "last year", "Friday"), the most recent anchor for underspecified ones
 * ("on August 27" after "September 1949"). Offsets are relative to `text`.
 */
export function findTimes(text: string, lang: 'en' | 'zh', context: TimeContext = {}): Timex[] {
  return resolveCandidates(text, lang, recognise(text, lang), context);
}

/** What the recogniser of `lang` finds in `text`, before resolution. */
export function recognise(text: string, lang: 'en' | 'zh'): Candidate[] {
  if (typeof text !== 'string') throw new ConcordError('findTimes expects a text string');
  return lang === 'zh' ? recogniseChinese(text) : recogniseEnglish(text);
}

/** `findTimes` on candidates already recognised in `text` (a document recognises each sentence once and uses the
 *  candidates both to infer its date and to resolve its expressions). */
export function resolveCandidates(text: string, lang: 'en' | 'zh', candidates: Candidate[], context: TimeContext = {}): Timex[] {
  const dct = dctPoint(context.dct);
  const anchors = (context.anchors ?? []).filter((a) => a.distance <= ANCHOR_REACH);
  let ref: Env['ref'];
  let yearRef: Env['yearRef'];
  const last = anchors.at(-1);
  if (last) {
    const p = parseValue(last.value);
    if (p) ref = { point: p, distance: last.distance };
  }
  const lastExplicit = anchors.filter((a) => a.explicit).at(-1);
  if (lastExplicit) {
    const p = parseValue(lastExplicit.value);
    if (p) yearRef = { point: p, distance: lastExplicit.distance };
  }
  const anchorYears = new Set(anchors.filter((a) => a.explicit).map((a) => Number(a.value.slice(0, 4))).filter((y) => Number.isFinite(y)));
  const out: Timex[] = [];
  for (const c of candidates) {
    const env: Env = { dct, dctInferred: context.dctInferred, ref, yearRef, anchorYears, tense: tenseAt(text, c.start, c.end, lang) };
    const r = resolve(c, env);
    if (!r) continue;
    const timex: Timex = { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: r.type, value: r.value, precision: r.precision };
    if (r.interval) timex.interval = r.interval;
    if (r.inferred) timex.inferred = true;
    if (r.mod) timex.mod = r.mod;
    if (r.quant) timex.quant = r.quant;
    if (c.meaning.kind === 'interval') timex.parts = intervalParts(text, c, env);
    out.push(timex);
    // The last explicit date becomes the reference time for what follows.
    const p = r.usedRef ? undefined : anchorPoint(timex);
    if (p) ref = { point: p, distance: 0 };
    else if (timex.parts && !r.usedRef) {
      const endPoint = anchorPoint(timex.parts.at(-1)!);
      if (endPoint) ref = { point: endPoint, distance: 0 };
    }
    for (const part of isExplicit(c) ? timex.parts ?? [timex] : []) {
      const y = /^\d{4}/.test(part.value) ? Number(part.value.slice(0, 4)) : NaN;
      if (Number.isFinite(y)) anchorYears.add(y);
    }
    if (isExplicit(c)) {
      EXPLICIT.add(timex);
      for (const part of timex.parts ?? []) EXPLICIT.add(part);
      if (ref) yearRef = ref;
    }
  }
  return out;
}

/** The years written out in recognised candidates ("1949", "October 12, 1949", 1954年1月), interval ends
 *  included — cheap: no resolution, used to infer a document's date. */
export function statedYears(candidates: Candidate[]): number[] {
  const years: number[] = [];
  const visit = (c: Candidate) => {
    if (c.meaning.kind === 'interval') {
      visit(c.meaning.from);
      visit(c.meaning.to);
    } else if (c.meaning.kind === 'point' && c.type === 'DATE' && isExplicit(c)) years.push(c.meaning.point.year);
  };
  for (const c of candidates) visit(c);
  return years;
}

/** Timexes whose year is written out in the text (see TimeAnchor.explicit). */
const EXPLICIT = new WeakSet<Timex>();
const isExplicit = (c: Candidate): boolean =>
  c.meaning.kind === 'point' ? c.meaning.point.gran !== 'century' && c.meaning.point.gran !== 'decade' : c.meaning.kind === 'interval' && isExplicit(c.meaning.to);

function intervalParts(text: string, c: Candidate, env: Env): Timex[] {
  if (c.meaning.kind !== 'interval') return [];
  const parts: Timex[] = [];
  let partEnv = env;
  for (const part of [c.meaning.from, c.meaning.to]) {
    const r = resolve(part, partEnv);
    if (!r) continue;
    const t: Timex = { start: part.start, end: part.end, text: text.slice(part.start, part.end), type: r.type, value: r.value, precision: r.precision };
    if (r.inferred) t.inferred = true;
    if (r.mod) t.mod = r.mod;
    parts.push(t);
    const p = anchorPoint(t);
    if (p) partEnv = { ...env, ref: { point: p, distance: 0 } };
  }
  return parts;
}

/** The anchors a sentence leaves for the next ones: its dates, most recent last. */
export function anchorsOf(timexes: Timex[]): TimeAnchor[] {
  const anchors: TimeAnchor[] = [];
  for (const t of timexes) {
    const list = t.parts ?? [t];
    for (const part of list) if (anchorPoint(part)) anchors.push({ value: part.value, distance: 0, explicit: EXPLICIT.has(part) || EXPLICIT.has(t) });
  }
  return anchors;
}

/** The anchors after one more sentence: older ones move one sentence further away, this sentence's are added. */
export function ageAnchors(anchors: TimeAnchor[], added: TimeAnchor[]): TimeAnchor[] {
  const aged = anchors.map((a) => ({ ...a, distance: a.distance + 1 })).filter((a) => a.distance <= ANCHOR_REACH);
  return [...aged, ...added].slice(-8);
}
