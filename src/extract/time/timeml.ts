/**
 * TimeML reading and TempEval-3 Task A scoring, used by `bench/time.ts` and the fixture tests.
 *
 * Scoring (UzZaman et al. 2013): a gold TIMEX3 is found when a system timex overlaps it (relaxed) or has exactly
 * its extent (strict); type and value accuracy are measured over the relaxed matches; value F1 = relaxed F1 ×
 * value accuracy (type F1 likewise). The document creation time is not counted.
 */
import { ConcordError } from '../../model.js';
import type { Timex, TimexType } from './types.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  mod?: string;
}

export interface TimeMLDocument {
  id: string;
  /** Document creation time (TIMEX3 with functionInDocument="CREATION_TIME"). */
  dct?: string;
  /** The text of the TEXT element with every tag removed and entities decoded. */
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/(\w+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

export function parseTimeML(xml: string, id = ''): TimeMLDocument {
  let dct: string | undefined;
  for (const m of xml.matchAll(/<TIMEX3\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.functionInDocument === 'CREATION_TIME') dct = a.value;
  }
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  if (!body) throw new ConcordError(`TimeML document ${id || '(unnamed)'} has no <TEXT> element`);
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; attrs: Record<string, string> }[] = [];
  for (const m of body[1]!.matchAll(/<(\/?)(\w+)([^>]*)>|&(#\d+|#x[0-9a-f]+|\w+);|[^<&]+|[<&]/gi)) {
    const [whole, closing, name, rest, entity] = m;
    if (name !== undefined) {
      if (name !== 'TIMEX3') continue;
      if (!closing && !rest!.trim().endsWith('/')) open.push({ start: text.length, attrs: attributes(rest!) });
      else if (closing) {
        const o = open.pop();
        if (!o) continue;
        const a = o.attrs;
        if (a.functionInDocument === 'CREATION_TIME') continue;
        timexes.push({ start: o.start, end: text.length, text: text.slice(o.start, text.length), type: (a.type ?? 'DATE') as TimexType, value: a.value ?? '', mod: a.mod });
      }
    } else if (entity !== undefined) {
      if (entity.startsWith('#x')) text += String.fromCodePoint(parseInt(entity.slice(2), 16));
      else if (entity.startsWith('#')) text += String.fromCodePoint(Number(entity.slice(1)));
      else text += ENTITIES[entity] ?? whole;
    } else text += whole;
  }
  return { id, dct, text, timexes };
}

export interface Counts {
  gold: number;
  system: number;
  /** Gold timexes overlapped by a system timex, and system timexes overlapping a gold one. */
  relaxedGold: number;
  relaxedSystem: number;
  strict: number;
  /** Over relaxed matches (one system timex per gold timex). */
  matched: number;
  typeCorrect: number;
  valueCorrect: number;
}

export const emptyCounts = (): Counts => ({ gold: 0, system: 0, relaxedGold: 0, relaxedSystem: 0, strict: 0, matched: 0, typeCorrect: 0, valueCorrect: 0 });

export function addCounts(a: Counts, b: Counts): Counts {
  const out = emptyCounts();
  for (const k of Object.keys(out) as (keyof Counts)[]) out[k] = a[k] + b[k];
  return out;
}

/** Flattens interval timexes into their end points, the way TimeML annotates them. */
export function flattenIntervals(timexes: Timex[]): Timex[] {
  return timexes.flatMap((t) => (t.parts && t.parts.length ? t.parts : [t]));
}

export interface Mismatch { gold?: GoldTimex; system?: Timex; kind: 'missed' | 'spurious' | 'extent' | 'value' | 'type' }

export function score(gold: GoldTimex[], system: Timex[], mismatches?: Mismatch[]): Counts {
  const c = emptyCounts();
  c.gold = gold.length;
  c.system = system.length;
  const overlaps = (g: { start: number; end: number }, s: { start: number; end: number }) => g.start < s.end && s.start < g.end;
  for (const s of system) {
    if (gold.some((g) => overlaps(g, s))) c.relaxedSystem++;
    else mismatches?.push({ system: s, kind: 'spurious' });
  }
  for (const g of gold) {
    const candidates = system.filter((s) => overlaps(g, s));
    if (candidates.length === 0) {
      mismatches?.push({ gold: g, kind: 'missed' });
      continue;
    }
    c.relaxedGold++;
    const exact = candidates.find((s) => s.start === g.start && s.end === g.end);
    if (exact) c.strict++;
    else mismatches?.push({ gold: g, system: candidates[0], kind: 'extent' });
    const s = exact ?? candidates[0]!;
    c.matched++;
    if (s.type === g.type) c.typeCorrect++;
    else mismatches?.push({ gold: g, system: s, kind: 'type' });
    if (s.value === g.value) c.valueCorrect++;
    else mismatches?.push({ gold: g, system: s, kind: 'value' });
  }
  return c;
}

export interface Scores {
  relaxed: { p: number; r: number; f1: number };
  strict: { p: number; r: number; f1: number };
  typeAccuracy: number;
  valueAccuracy: number;
  typeF1: number;
  valueF1: number;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function scores(c: Counts): Scores {
  const rp = ratio(c.relaxedSystem, c.system);
  const rr = ratio(c.relaxedGold, c.gold);
  const sp = ratio(c.strict, c.system);
  const sr = ratio(c.strict, c.gold);
  const relaxedF1 = f1(rp, rr);
  const typeAccuracy = ratio(c.typeCorrect, c.matched);
  const valueAccuracy = ratio(c.valueCorrect, c.matched);
  return {
    relaxed: { p: rp, r: rr, f1: relaxedF1 },
    strict: { p: sp, r: sr, f1: f1(sp, sr) },
    typeAccuracy,
    valueAccuracy,
    typeF1: relaxedF1 * typeAccuracy,
    valueF1: relaxedF1 * valueAccuracy,
  };
}

/** Splits running text into sentence spans (blank lines and sentence-final punctuation before a capital or quote). */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const para = m[0];
    let from = 0;
    const cut = /(?<=[.!?。！？][”"'’」]?)\s+(?=[A-Z“"`'‘「(\u4e00-\u9fff])|(?<=[。！？])/g;
    let c: RegExpExecArray | null;
    while ((c = cut.exec(para))) {
      if (c[0].length === 0) cut.lastIndex++; // a cut after 。 is empty: step past it
      const before = para.slice(Math.max(0, c.index - 6), c.index);
      // Abbreviations ("Oct.", "Mr.", "U.S.") do not end a sentence.
      if (/(?:\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Sen|Rep|Gen|Col|Lt|Co|Corp|Inc|Ltd|No|Jr|Sr|vs|a\.m|p\.m)|\b[A-Z])\.$/.test(before)) continue;
      if (c.index > from) spans.push({ start: m.index + from, end: m.index + c.index });
      from = c.index + c[0].length;
    }
    if (from < para.length) spans.push({ start: m.index + from, end: m.index + para.length });
  }
  return spans;
}
