/**
 * Mentions → facts: each kind of mention is merged across versions (merge.ts), given an id, attributed and
 * linked (an event to its time and figures, a quotation to its speaker's entity, a claim to the source it
 * comes from).
 */
import type { Attribution, DemandFact, EventFact, Evidence, FigureFact, QuotationFact, SourceFact, TimeFact } from '../model.js';
import type { Author } from './author.js';
import type { DemandMention } from './demands.js';
import type { EntityMention } from './entities-en.js';
import type { EntityIndex } from './entities.js';
import type { EventMention } from './events.js';
import type { FigureMention } from './figures.js';
import { mergeAcrossVersions } from './merge.js';
import type { QuoteMention, Speaker } from './quotations.js';
import type { Readings } from './read-versions.js';
import type { SourceMention } from './sources.js';
import type { TimeMention } from './times.js';
import { evidenceIn, versionOrder, type DocumentView, type SentenceRef } from './view.js';

export interface Extraction {
  view: DocumentView;
  entities: EntityIndex;
  author: Author;
  versions: Readings;
  /** Mention object → id of the fact it became. */
  ids: Map<object, string>;
}

interface Located<M> {
  m: M;
  sentence: SentenceRef;
  sentences: string[];
  evidence: Evidence[];
}

function merged<M>(x: Extraction, items: Located<M>[], same: (a: M, b: M) => boolean, pairByOrder: boolean): Located<M>[][] {
  return mergeAcrossVersions(x.view, items, versionOrder(x.view), { version: (l) => l.sentence.version, sentences: (l) => l.sentences, same: (a, b) => same(a.m, b.m), pairByOrder });
}

const evidenceOf = <M>(group: Located<M>[]): Evidence[] => group.flatMap((l) => l.evidence);

function entityName(x: Extraction, m: EntityMention | string | undefined): string | undefined {
  if (m === undefined) return undefined;
  if (typeof m === 'string') return m === 'we' ? x.author.attribution.name : m;
  return x.entities.clusterOf.get(m)?.name ?? m.name;
}

/** The attribution chain of whatever is stated at `offset` of `sentence`. */
function attributionAt(x: Extraction, sentence: SentenceRef, offset: number): Attribution {
  const speaker = x.versions.speakerAt(sentence, offset);
  return speaker ? speakerAttribution(x, speaker) : x.author.attribution;
}

function speakerAttribution(x: Extraction, speaker: Speaker): Attribution {
  const cluster = speaker.mention ? x.entities.clusterOf.get(speaker.mention) : undefined;
  // The author quoting itself is still the author.
  if (speaker.kind === 'speaker' && cluster && cluster === x.author.cluster) return x.author.attribution;
  // Someone named who spoke in a cited text ("the Chinese government declared in a radio broadcast") is the
  // speaker, with the text as its source; a text with no named speaker ("according to the report") is the source.
  const a: Attribution = cluster ? { kind: 'speaker', name: cluster.name, via: x.author.attribution } : { kind: speaker.kind, name: speaker.name, via: x.author.attribution };
  if (cluster?.id) a.entity = cluster.id;
  const source = speaker.source && x.ids.get(speaker.source);
  if (source) a.source = source;
  return a;
}

// ───────────── time ─────────────

export function timesOf(x: Extraction): TimeFact[] {
  const items: Located<TimeMention>[] = [];
  for (const v of x.versions.versions) for (const s of v.sentences) for (const t of v.times.get(s.id) ?? []) items.push({ m: t, sentence: s, sentences: [s.id], evidence: [evidenceIn(s, t.start, t.end)] });
  const dd = x.versions.documentDate;
  const facts = merged(x, items, (a, b) => a.value === b.value, true).map((group, i): TimeFact => {
    const { m, sentence } = group[0]!;
    const f: TimeFact = { id: `time-${i + 1}`, type: 'time', text: m.text, timexType: m.type, value: m.value, precision: m.precision, attributedTo: attributionAt(x, sentence, m.start), evidence: evidenceOf(group) };
    if (m.interval) f.interval = m.interval;
    if (m.inferred) f.inferred = true;
    if (m.mod) f.mod = m.mod;
    if (dd?.evidence && group.some((l) => l.sentence.id === dd.evidence!.sentence && l.m.start <= dd.evidence!.start && dd.evidence!.start < l.m.end + 1) && m.value === dd.value) f.documentDate = true;
    for (const l of group) x.ids.set(l.m, f.id);
    return f;
  });
  if (dd && !facts.some((f) => f.documentDate)) {
    const sentence = dd.evidence ? x.view.byId.get(dd.evidence.sentence) : undefined;
    const f: TimeFact = { id: `time-${facts.length + 1}`, type: 'time', text: dd.evidence?.text ?? x.view.doc.metadata.date ?? dd.value, timexType: 'DATE', value: dd.value, precision: dd.precision, attributedTo: x.author.attribution, evidence: sentence && dd.evidence ? [evidenceIn(sentence, dd.evidence.start, dd.evidence.end)] : [], documentDate: true };
    if (dd.inferred) f.inferred = true;
    facts.push(f);
  }
  return facts;
}

// ───────────── sources ─────────────

export function sourcesOf(x: Extraction): SourceFact[] {
  const items: Located<SourceMention>[] = [];
  const later: [SourceMention, SourceMention][] = [];
  for (const v of x.versions.versions) {
    for (const s of v.sentences) {
      for (const m of v.sources.get(s.id) ?? []) {
        const first = v.antecedent.get(m);
        if (first) later.push([m, first]);
        else items.push({ m, sentence: s, sentences: [s.id], evidence: [evidenceIn(s, m.start, m.end)] });
      }
    }
  }
  const same = (a: SourceMention, b: SourceMention) => a.kind === b.kind && (a.number === b.number || !a.number || !b.number) && (!a.date || !b.date || a.date === b.date);
  // The author's own statement ("X issued a statement today", X the author) is the document, not a source it cites.
  const own = (m: SourceMention) => m.kind === 'statement' && m.issuer !== undefined && x.author.cluster !== undefined && x.entities.byName(m.issuer) === x.author.cluster;
  const cited = items.filter((l) => !own(l.m));
  const facts = merged(x, cited, same, true).map((group, i): SourceFact => {
    const { m, sentence } = group[0]!;
    const f: SourceFact = { id: `source-${i + 1}`, type: 'source', kind: m.kind, name: m.name, attributedTo: attributionAt(x, sentence, m.start), evidence: evidenceOf(group) };
    const number = group.map((l) => l.m.number).find(Boolean);
    const date = group.map((l) => l.m.date).find(Boolean);
    const issuer = group.map((l) => l.m.issuer).find(Boolean);
    if (number) f.number = number;
    if (date) f.date = date;
    if (issuer) f.issuer = x.entities.byName(issuer)?.name ?? issuer;
    for (const l of group) x.ids.set(l.m, f.id);
    return f;
  });
  // "the report" adds its sentence to the evidence of the report it refers to.
  for (const [m, first] of later) {
    const id = x.ids.get(first);
    const fact = facts.find((f) => f.id === id);
    if (!fact) continue;
    x.ids.set(m, fact.id);
    fact.evidence.push(evidenceIn(m.sentence, m.start, m.end));
  }
  return facts;
}

// ───────────── figures ─────────────

export function figuresOf(x: Extraction): FigureFact[] {
  const items: Located<FigureMention>[] = [];
  for (const v of x.versions.versions) for (const s of v.sentences) for (const f of v.figures.get(s.id) ?? []) items.push({ m: f, sentence: s, sentences: [s.id], evidence: [evidenceIn(s, f.start, f.end)] });
  return merged(x, items, (a, b) => a.value === b.value && a.upper === b.upper, true).map((group, i): FigureFact => {
    const { m, sentence } = group[0]!;
    const f: FigureFact = { id: `figure-${i + 1}`, type: 'figure', text: m.text, value: m.value, qualifier: m.qualifier, counts: m.counts, attributedTo: attributionAt(x, sentence, m.numberStart), evidence: evidenceOf(group) };
    if (m.upper !== undefined) f.upper = m.upper;
    if (m.unit) f.unit = m.unit;
    for (const l of group) x.ids.set(l.m, f.id);
    return f;
  });
}

// ───────────── quotations ─────────────

export function quotationsOf(x: Extraction): QuotationFact[] {
  const items: Located<QuoteMention>[] = [];
  for (const v of x.versions.versions) {
    for (const q of v.quotes) items.push({ m: q, sentence: q.parts[0]!.sentence, sentences: q.parts.map((p) => p.sentence.id), evidence: q.parts.map((p) => evidenceIn(p.sentence, p.start, p.end)) });
  }
  const speakerKey = (s: Speaker) => (s.mention ? x.entities.clusterOf.get(s.mention) : undefined) ?? s.source ?? s.name;
  return merged(x, items, (a, b) => speakerKey(a.speaker) === speakerKey(b.speaker), true).map((group, i): QuotationFact => {
    const { m } = group[0]!;
    const speaker = m.speaker;
    const f: QuotationFact = { id: `quote-${i + 1}`, type: 'quotation', text: m.text, attributedTo: speakerAttribution(x, speaker), evidence: evidenceOf(group) };
    const cluster = speaker.mention ? x.entities.clusterOf.get(speaker.mention) : undefined;
    // Someone quoted as saying something, with nothing stronger said about the name, is a person.
    if (cluster && speaker.mention?.kind === 'person' && cluster.kindWeight < 2 && cluster.kind !== 'organisation') ((cluster.kind = 'person'), (cluster.kindWeight = 1));
    f.speaker = cluster ? cluster.name : speaker.name;
    const role = group.map((l) => l.m.speaker.role).find(Boolean);
    const organisation = group.map((l) => l.m.speaker.organisation).find(Boolean);
    if (role) f.role = role;
    if (organisation) f.organisation = x.entities.byName(organisation)?.name ?? organisation;
    for (const l of group) x.ids.set(l.m, f.id);
    return f;
  });
}

// ───────────── demands ─────────────

export function demandsOf(x: Extraction): DemandFact[] {
  const items: Located<DemandMention>[] = [];
  for (const v of x.versions.versions) {
    for (const d of v.demands) {
      const evidence = [evidenceIn(d.sentence, d.start, d.end), ...d.more.map((s) => evidenceIn(s))];
      items.push({ m: d, sentence: d.sentence, sentences: [d.sentence.id, ...d.more.map((s) => s.id)], evidence });
    }
  }
  return merged(x, items, (a, b) => a.item === b.item && (a.item === undefined || a.list === b.list), true).map((group, i): DemandFact => {
    const { m, sentence } = group[0]!;
    const f: DemandFact = { id: `demand-${i + 1}`, type: 'demand', text: m.text, attributedTo: demandAttribution(x, m, sentence), evidence: evidenceOf(group) };
    if (m.addressee) f.addressee = m.addressee;
    if (m.item !== undefined) f.item = m.item;
    for (const l of group) x.ids.set(l.m, f.id);
    return f;
  });
}

function demandAttribution(x: Extraction, d: DemandMention, sentence: SentenceRef): Attribution {
  const inQuote = x.versions.speakerAt(sentence, d.start);
  if (inQuote) return speakerAttribution(x, inQuote);
  const cluster = d.demander ? x.entities.clusterOf.get(d.demander) : undefined;
  if (!cluster || cluster === x.author.cluster) return x.author.attribution;
  const a: Attribution = { kind: 'speaker', name: cluster.name, via: x.author.attribution };
  if (cluster.id) a.entity = cluster.id;
  return a;
}

// ───────────── events ─────────────

export function eventsOf(x: Extraction): EventFact[] {
  const items: Located<EventMention>[] = [];
  for (const v of x.versions.versions) for (const e of v.events) items.push({ m: e, sentence: e.sentence, sentences: [e.sentence.id], evidence: [evidenceIn(e.sentence, e.start, e.end)] });
  const groups = merged(x, items, (a, b) => a.predicateClass === b.predicateClass, false).filter((g) => g.some((l) => !l.m.weak));
  return groups.map((group, i): EventFact => {
    const { m, sentence } = group.find((l) => !l.m.weak) ?? group[0]!;
    const agent = entityName(x, m.agent ?? group.map((l) => l.m.agent).find(Boolean));
    const patient = entityName(x, m.patient);
    const f: EventFact = {
      id: `event-${i + 1}`,
      type: 'event',
      text: (m.passive ? [patient, m.predicate, agent && `by ${agent}`] : [agent, m.predicate, m.connector, patient]).filter(Boolean).join(' '),
      predicate: m.predicate,
      attributedTo: attributionAt(x, sentence, m.start),
      evidence: group.map((l) => evidenceIn(l.sentence)),
    };
    if (agent) f.agent = agent;
    if (patient) f.patient = patient;
    const time = group.map((l) => l.m.time).find(Boolean);
    if (time) {
      const id = x.ids.get(time);
      if (id) f.time = id;
      f.when = time.value;
    }
    const place = group.map((l) => l.m.place).find(Boolean);
    if (place) f.place = entityName(x, place)!;
    const figures = [...new Set(group.flatMap((l) => l.m.figures.map((fm) => x.ids.get(fm)).filter((id): id is string => Boolean(id))))];
    if (figures.length) f.figures = figures;
    for (const l of group) x.ids.set(l.m, f.id);
    return f;
  });
}
