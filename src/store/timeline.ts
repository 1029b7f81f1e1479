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

function terms(...texts: (string | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) if (t) for (const tok of tokenize(t).body) if (!STOP.has(tok.term)) out.add(tok.term);
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
          terms: terms(fact.predicate, fact.agent, fact.patient, fact.place),
          predicate: [...terms(fact.predicate)].sort().join(' '),
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
  const entity = options.entity ? foldName(options.entity) : undefined;
  const kept = drafts.filter(
    (d) =>
      d.start <= to &&
      d.end >= from &&
      (!entity || [d.mention.agent, d.mention.patient, d.mention.place, d.mention.text, d.mention.quote].some((t) => t && foldName(t).includes(entity))),
  );
  return group(kept);
}

function group(drafts: Draft[]): TimelineEntry[] {
  // 1. Same date value and similar description → one group. Blocking by value keeps this near-linear.
  const byValue = new Map<string, Draft[]>();
  for (const d of drafts) {
    const key = `${d.mention.kind}|${d.mention.value}`;
    const list = byValue.get(key);
    if (list) list.push(d);
    else byValue.set(key, [d]);
  }
  const groups: Draft[][] = [];
  for (const list of byValue.values()) {
    const clusters: Draft[][] = [];
    for (const d of list) {
      const home = d.mention.kind === 'time' ? clusters[0] : clusters.find((c) => c.some((o) => sameEvent(o, d, 0.34)));
      if (home) home.push(d);
      else clusters.push([d]);
    }
    groups.push(...clusters);
  }
  // 2. Groups of the same event at different precisions (1949-09 and 1949-09-12) join the most precise;
  //    groups of the same event on dates that exclude each other disagree.
  const byPredicate = new Map<string, Draft[][]>();
  for (const g of groups) {
    if (g[0]!.mention.kind !== 'event' || !g[0]!.predicate) continue;
    const list = byPredicate.get(g[0]!.predicate);
    if (list) list.push(g);
    else byPredicate.set(g[0]!.predicate, [g]);
  }
  const absorbed = new Set<Draft[]>();
  const dateConflicts = new Map<Draft[], Draft[][]>();
  for (const list of byPredicate.values()) {
    list.sort((a, b) => width(a[0]!) - width(b[0]!));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [fine, coarse] = [list[i]!, list[j]!];
        if (absorbed.has(coarse) || !fine.some((a) => coarse.some((b) => sameEvent(a, b, 0.5)))) continue;
        const f = fine[0]!;
        const c = coarse[0]!;
        if (f.start >= c.start && f.end <= c.end) {
          fine.push(...coarse);
          absorbed.add(coarse);
        } else if (f.end < c.start || c.end < f.start) {
          if (!distinctDocs(fine, coarse)) continue;
          dateConflicts.set(fine, [...(dateConflicts.get(fine) ?? []), coarse]);
          dateConflicts.set(coarse, [...(dateConflicts.get(coarse) ?? []), fine]);
        }
      }
    }
  }
  const entries = groups.filter((g) => !absorbed.has(g)).map((g) => entry(g, dateConflicts.get(g) ?? []));
  return entries.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.text.localeCompare(b.text));
}

function sameEvent(a: Draft, b: Draft, threshold: number): boolean {
  if (a.predicate && a.predicate === b.predicate && a.terms.size <= 1 && b.terms.size <= 1) return true;
  return jaccard(a.terms, b.terms) >= threshold;
}

function width(d: Draft): number {
  return Date.parse(d.end) - Date.parse(d.start);
}

function distinctDocs(a: Draft[], b: Draft[]): boolean {
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
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]![0]!, list[j]![0]!];
        if (!different(a, b)) continue;
        if (!distinctDocs(list[i]!.map((c) => ({ documentId: c.documentId }) as Draft), list[j]!.map((c) => ({ documentId: c.documentId }) as Draft))) continue;
        out.push({
          kind: 'figure',
          message: `sources give different figures${a.counts ? ` for ${a.counts}` : ''}: ${a.text} vs ${b.text}`,
          sides: [
            { value: a.text, citations: list[i]!.map((c) => strip(c.mention)) },
            { value: b.text, citations: list[j]!.map((c) => strip(c.mention)) },
          ],
        });
      }
    }
  }
  return out;
}
