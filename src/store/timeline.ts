/**
 * The timeline across documents: dated events (and dates mentioned on their own) in date order, the same
 * event told by several documents grouped, and disagreements between sources flagged with both sides cited.
 *
 * Same event = similar description (predicate, agent, patient, place after folding and stemming) on
 * overlapping dates. Two groups that describe the same event on dates that cannot both be true become a
 * `date` disagreement; figures about the same thing that cannot both be true, a `figure` disagreement.
 */
import type { EventFact, FigureFact, TimeFact, TimePrecision } from '../model.js';
import type { Citation, Disagreement, TimelineEntry, TimelineMention, TimelineOptions } from './archive.js';
import { citation, type StoredFact } from './facts.js';
import { tokenize } from './tokens.js';
import { boundFrom, timexRange } from './timex.js';
import { foldName } from './entities.js';

const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'and', 'or', 'with', 'from', 'it', 'be', 'wa', 'were', 'is', 'ha', 'have', 'had', 'that', 'thi', 'as', 'its', 'their']);

interface Draft {
  mention: TimelineMention;
  start: string;
  end: string;
  terms: Set<string>;
  predicate: string;
  documentId: string;
}

/** Index terms of one description; the same strings recur across documents, so they are tokenised once per call. */
type TermCache = Map<string, string[]>;

function termsOf(text: string, cache?: TermCache): string[] {
  let out = cache?.get(text);
  if (!out) {
    out = tokenize(text).body.map((tok) => tok.term).filter((term) => !STOP.has(term));
    cache?.set(text, out);
  }
  return out;
}

function terms(...texts: (string | undefined)[]): Set<string> {
  return termsWith(undefined, ...texts);
}

function termsWith(cache: TermCache | undefined, ...texts: (string | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) if (t) for (const term of termsOf(t, cache)) out.add(term);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

export function buildTimeline(facts: StoredFact[], options: TimelineOptions = {}): TimelineEntry[] {
  const from = boundFrom(options.from, 'start') ?? '0000-01-01';
  const to = boundFrom(options.to, 'end') ?? '9999-12-31';
  const byDoc = new Map<string, Map<string, StoredFact>>();
  for (const f of facts) {
    let m = byDoc.get(f.documentId);
    if (!m) byDoc.set(f.documentId, (m = new Map()));
    m.set(f.fact.id, f);
  }
  const drafts: Draft[] = [];
  const cache: TermCache = new Map();
  for (const [documentId, docFacts] of byDoc) {
    const timesUsed = new Set<string>();
    for (const f of docFacts.values()) if (f.fact.type === 'event' && f.fact.time) timesUsed.add(f.fact.time);
    for (const f of docFacts.values()) {
      const fact = f.fact;
      if (fact.type === 'event') {
        const time = fact.time ? (docFacts.get(fact.time)?.fact as TimeFact | undefined) : undefined;
        const value = fact.when ?? time?.value;
        const range = timexRange(value);
        if (!value || !range) continue;
        const figures = (fact.figures ?? []).map((id) => docFacts.get(id)?.fact).filter((x): x is FigureFact => x?.type === 'figure');
        drafts.push({
          mention: {
            ...citation(f),
            kind: 'event',
            text: fact.text,
            value,
            precision: time?.precision ?? range.precision,
            predicate: fact.predicate,
            agent: fact.agent,
            patient: fact.patient,
            place: fact.place,
            figures: figures.map((g) => ({ value: g.value, upper: g.upper, qualifier: g.qualifier, counts: g.counts, text: g.text })),
          },
          start: range.start,
          end: range.end,
          terms: termsWith(cache, fact.predicate, fact.agent, fact.patient, fact.place),
          predicate: [...termsWith(cache, fact.predicate)].sort().join(' '),
          documentId,
        });
      } else if (fact.type === 'time' && !timesUsed.has(fact.id) && fact.timexType !== 'DURATION' && fact.timexType !== 'SET') {
        const range = fact.interval ? { start: timexRange(fact.interval.start)?.start, end: timexRange(fact.interval.end)?.end } : timexRange(fact.value);
        if (!range?.start || !range.end) continue;
        drafts.push({
          mention: { ...citation(f), kind: 'time', text: fact.text, value: fact.value, precision: fact.precision, figures: [] },
          start: range.start,
          end: range.end,
          terms: new Set(),
          predicate: '',
          documentId,
        });
      }
    }
  }
  // A date mentioned on its own ("October 12, 1949" in a dateline or a translation) on the same day as an event
  // adds nothing but a second row for that day: the event row already shows it.
  const eventDays = new Set(drafts.filter((d) => d.mention.kind === 'event').map((d) => `${d.start}|${d.end}`));
  const entity = options.entity ? foldName(options.entity) : undefined;
  const kept = drafts.filter(
    (d) => !(d.mention.kind === 'time' && eventDays.has(`${d.start}|${d.end}`)),
  ).filter(
    (d) =>
      d.start <= to &&
      d.end >= from &&
      (!entity || [d.mention.agent, d.mention.patient, d.mention.place, d.mention.text, d.mention.quote].some((t) => t && foldName(t).includes(entity))),
  );
  return group(kept);
}

/** One cluster of drafts; `signatures` keeps one draft per distinct description, so comparing two groups costs distinct descriptions, not members. */
interface Group {
  drafts: Draft[];
  signatures: Map<string, Draft>;
  start: string;
  end: string;
  width: number;
}

function signature(d: Draft): string {
  return [...d.terms].sort().join(' ') + '|' + d.predicate;
}

function newGroup(d: Draft): Group {
  return { drafts: [d], signatures: new Map([[signature(d), d]]), start: d.start, end: d.end, width: width(d) };
}

function join(into: Group, d: Draft): void {
  into.drafts.push(d);
  const sig = signature(d);
  if (!into.signatures.has(sig)) into.signatures.set(sig, d);
}

function matches(g: Group, d: Draft, threshold: number): boolean {
  for (const o of g.signatures.values()) if (sameEvent(o, d, threshold)) return true;
  return false;
}

function groupsMatch(a: Group, b: Group, threshold: number): boolean {
  for (const d of b.signatures.values()) if (matches(a, d, threshold)) return true;
  return false;
}

/** How far ahead (in date order, same predicate) a group looks for the same event on another date, and how many it reports. */
const CONFLICT_LOOKAHEAD = 64;
const CONFLICTS_PER_GROUP = 3;

function group(drafts: Draft[]): TimelineEntry[] {
  // 1. Same date value and similar description → one group. Blocking by value keeps this near-linear.
  const byValue = new Map<string, Draft[]>();
  for (const d of drafts) {
    const key = `${d.mention.kind}|${d.mention.value}`;
    const list = byValue.get(key);
    if (list) list.push(d);
    else byValue.set(key, [d]);
  }
  const groups: Group[] = [];
  for (const list of byValue.values()) {
    const clusters: Group[] = [];
    for (const d of list) {
      const home = d.mention.kind === 'time' ? clusters[0] : clusters.find((c) => matches(c, d, 0.34));
      if (home) join(home, d);
      else clusters.push(newGroup(d));
    }
    groups.push(...clusters);
  }
  // 2. Within one predicate: a group nested in a coarser one's dates (1949-09-12 in 1949-09) takes it in;
  //    groups on dates that exclude each other disagree. Groups are sorted by start, so each coarse group scans
  //    only the groups starting inside it, and each group looks for conflicts among the next few in date order.
  const byPredicate = new Map<string, Group[]>();
  for (const g of groups) {
    const first = g.drafts[0]!;
    if (first.mention.kind !== 'event' || !first.predicate) continue;
    const list = byPredicate.get(first.predicate);
    if (list) list.push(g);
    else byPredicate.set(first.predicate, [g]);
  }
  const absorbed = new Set<Group>();
  const dateConflicts = new Map<Group, Group[]>();
  for (const list of byPredicate.values()) {
    const byStart = [...list].sort((a, b) => a.start.localeCompare(b.start) || a.width - b.width);
    const coarseFirst = [...list].filter((g) => g.width > 0).sort((a, b) => a.width - b.width);
    for (const coarse of coarseFirst) {
      let home: Group | undefined;
      for (let i = lowerBound(byStart, coarse.start); i < byStart.length && byStart[i]!.start <= coarse.end; i++) {
        const fine = byStart[i]!;
        if (fine === coarse || absorbed.has(fine) || fine.end > coarse.end || fine.width > coarse.width) continue;
        if (fine.width === coarse.width && fine.start === coarse.start) continue;
        if ((!home || fine.width < home.width) && groupsMatch(fine, coarse, 0.5)) home = fine;
      }
      if (!home) continue;
      for (const d of coarse.drafts) join(home, d);
      absorbed.add(coarse);
    }
    const kept = byStart.filter((g) => !absorbed.has(g));
    for (let i = 0; i < kept.length; i++) {
      const a = kept[i]!;
      let found = dateConflicts.get(a)?.length ?? 0;
      for (let j = i + 1; j < kept.length && j <= i + CONFLICT_LOOKAHEAD && found < CONFLICTS_PER_GROUP; j++) {
        const b = kept[j]!;
        if (b.start <= a.end || !distinctDocs(a.drafts, b.drafts) || !groupsMatch(a, b, 0.5)) continue;
        if ((dateConflicts.get(b)?.length ?? 0) >= CONFLICTS_PER_GROUP) continue;
        dateConflicts.set(a, [...(dateConflicts.get(a) ?? []), b]);
        dateConflicts.set(b, [...(dateConflicts.get(b) ?? []), a]);
        found++;
      }
    }
  }
  const entries = groups.filter((g) => !absorbed.has(g)).map((g) => entry(g.drafts, (dateConflicts.get(g) ?? []).map((c) => c.drafts)));
  return entries.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.text.localeCompare(b.text));
}

/** First index whose group starts on or after `start`. */
function lowerBound(sorted: Group[], start: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameEvent(a: Draft, b: Draft, threshold: number): boolean {
  if (a.predicate && a.predicate === b.predicate && a.terms.size <= 1 && b.terms.size <= 1) return true;
  return jaccard(a.terms, b.terms) >= threshold;
}

function width(d: Draft): number {
  return Date.parse(d.end) - Date.parse(d.start);
}

function distinctDocs(a: { documentId: string }[], b: { documentId: string }[]): boolean {
  // Usually the first pair already differs; the set is built only when it does not.
  if (a[0]?.documentId !== b[0]?.documentId) return a.length > 0 && b.length > 0;
  const docs = new Set(a.map((d) => d.documentId));
  return b.some((d) => !docs.has(d.documentId));
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? '';
}

const PRECISION_ORDER: TimePrecision[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'century', 'vague'];

function entry(group: Draft[], conflicts: Draft[][]): TimelineEntry {
  const finest = [...group].sort((a, b) => width(a) - width(b) || PRECISION_ORDER.indexOf(a.mention.precision) - PRECISION_ORDER.indexOf(b.mention.precision))[0]!;
  const disagreements: Disagreement[] = [];
  for (const other of conflicts) {
    disagreements.push({
      kind: 'date',
      message: `sources date it differently: ${finest.mention.value} vs ${other[0]!.mention.value}`,
      sides: [
        { value: finest.mention.value, citations: group.map((d) => strip(d.mention)) },
        { value: other[0]!.mention.value, citations: other.map((d) => strip(d.mention)) },
      ],
    });
  }
  disagreements.push(...figureDisagreements(group));
  return {
    value: finest.mention.value,
    start: finest.start,
    end: finest.end,
    precision: finest.mention.precision,
    kind: finest.mention.kind,
    text: mostCommon(group.map((d) => d.mention.text)),
    mentions: group.map((d) => d.mention),
    documents: new Set(group.map((d) => d.documentId)).size,
    disagreements,
  };
}

function strip(m: TimelineMention): Citation {
  return { documentId: m.documentId, origin: m.origin, source: m.source, title: m.title, factId: m.factId, version: m.version, sentence: m.sentence, quote: m.quote };
}

type FigureClaim = TimelineMention['figures'][number] & { mention: TimelineMention; documentId: string };

function bounds(f: FigureClaim): [number, number] {
  switch (f.qualifier) {
    case 'exact':
      return [f.value, f.value];
    case 'at-least':
    case 'more-than':
    case 'vague':
      return [f.value, Infinity];
    case 'at-most':
    case 'less-than':
      return [0, f.value];
    case 'about':
      return [f.value * 0.9, f.value * 1.1];
    case 'range':
      return [f.value, f.upper ?? f.value];
  }
}

/**
 * Do two sources state different figures? Equal values agree; an approximate figure (about, range) agrees with
 * a value it covers. Two lower bounds ("over 150,000" vs "over 250,000") are different figures: each source
 * meant its number, so the reader must see both.
 */
function different(a: FigureClaim, b: FigureClaim): boolean {
  if (a.value === b.value && (a.upper ?? a.value) === (b.upper ?? b.value)) return false;
  const covers = (x: FigureClaim, y: FigureClaim) => (x.qualifier === 'about' || x.qualifier === 'range') && bounds(x)[0] <= y.value && y.value <= bounds(x)[1];
  return !covers(a, b) && !covers(b, a);
}

/** Figures counting the same thing in different documents that disagree. */
function figureDisagreements(group: Draft[]): Disagreement[] {
  const byCounts = new Map<string, FigureClaim[]>();
  for (const d of group) {
    for (const f of d.mention.figures) {
      const key = [...terms(f.counts)].sort().join(' ') || '?';
      const list = byCounts.get(key);
      const claim = { ...f, mention: d.mention, documentId: d.documentId };
      if (list) list.push(claim);
      else byCounts.set(key, [claim]);
    }
  }
  const out: Disagreement[] = [];
  for (const claims of byCounts.values()) {
    const sides = new Map<string, FigureClaim[]>();
    for (const c of claims) {
      const key = `${c.qualifier}:${c.value}:${c.upper ?? ''}`;
      const list = sides.get(key);
      if (list) list.push(c);
      else sides.set(key, [c]);
    }
    const list = [...sides.values()];
    if (list.length < 2) continue;
    // One disagreement per counted thing, with every side that some other document contradicts (not one per
    // pair: a thousand sources giving a thousand figures is one dispute, not half a million).
    const disputed = list.filter((side, i) => list.some((other, j) => i !== j && different(side[0]!, other[0]!) && distinctDocs(side, other)));
    if (disputed.length < 2) continue;
    const values = disputed.map((side) => side[0]!.text);
    const shown = values.length > 4 ? `${values.slice(0, 4).join(' vs ')} and ${values.length - 4} more` : values.join(' vs ');
    const counts = disputed[0]![0]!.counts;
    out.push({
      kind: 'figure',
      message: `sources give different figures${counts ? ` for ${counts}` : ''}: ${shown}`,
      sides: disputed.map((side) => ({ value: side[0]!.text, citations: side.map((c) => strip(c.mention)) })),
    });
  }
  return out;
}
