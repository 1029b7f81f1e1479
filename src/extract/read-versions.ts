/**
 * Reads every language version on its own: time expressions, sources, reported speech, quotations, figures,
 * demands and events, each as mentions with spans. Merging across versions comes after (facts.ts).
 */
import { findDemands, type DemandMention } from './demands.js';
import type { EntityIndex } from './entities.js';
import { findEvents, type EventMention } from './events.js';
import { findFigures, type FigureMention } from './figures.js';
import { findFrames, findQuotations, type Frame, type QuoteMention, type Speaker, type VersionContext } from './quotations.js';
import { findSources, type SourceMention } from './sources.js';
import { findDocumentTimes, type DocumentTimeMentions, type TimeMention } from './times.js';
import { isSupported, type DocumentView, type SentenceRef } from './view.js';

export interface VersionReading {
  version: string;
  sentences: SentenceRef[];
  times: Map<string, TimeMention[]>;
  sources: Map<string, SourceMention[]>;
  /** A second mention of a source ("the report") → the mention that introduced it. */
  antecedent: Map<SourceMention, SourceMention>;
  frames: Frame[];
  quotes: QuoteMention[];
  figures: Map<string, FigureMention[]>;
  demands: DemandMention[];
  events: EventMention[];
}

export interface Readings {
  versions: VersionReading[];
  documentDate?: DocumentTimeMentions['documentDate'];
  /** Who says what is at `offset` of a sentence: the quoted or reported speaker, or nobody but the author. */
  speakerAt(sentence: SentenceRef, offset: number): Speaker | undefined;
}

export function readVersions(view: DocumentView, entities: EntityIndex): Readings {
  const times = timesOrNothing(view);
  const versions: VersionReading[] = [];
  const quoteParts = new Map<string, { start: number; end: number; speaker: Speaker }[]>();
  const framesBySentence = new Map<string, Frame[]>();
  for (const version of view.doc.versions) {
    const sentences = (view.byVersion.get(version.id) ?? []).filter((s) => isSupported(s.language));
    const timesOf = (s: SentenceRef) => times.bySentence.get(s.id) ?? [];
    const sources = new Map<string, SourceMention[]>();
    const antecedent = new Map<SourceMention, SourceMention>();
    const introduced: SourceMention[] = [];
    for (const s of sentences) {
      const found = findSources(s, entities.bySentence.get(s.id) ?? [], timesOf(s));
      for (const m of found) {
        const earlier = m.anaphoric ? [...introduced].reverse().find((x) => x.kind === m.kind) : undefined;
        if (earlier) antecedent.set(m, earlier);
        else introduced.push(m);
      }
      sources.set(s.id, found);
    }
    const ctx: VersionContext = { text: view.doc.text, sentences, entities: entities.bySentence, sources };
    const frames = sentences.flatMap((s) => findFrames(s, ctx));
    // A frame whose speaker is "the report" speaks for the report cited before.
    for (const f of frames) if (f.speaker.source && antecedent.has(f.speaker.source)) f.speaker = { ...f.speaker, source: antecedent.get(f.speaker.source)!, name: antecedent.get(f.speaker.source)!.name };
    const quotes = findQuotations(ctx, frames);
    for (const q of quotes) {
      if (q.speaker.source && antecedent.has(q.speaker.source)) q.speaker = { ...q.speaker, source: antecedent.get(q.speaker.source)!, name: antecedent.get(q.speaker.source)!.name };
      for (const p of q.parts) {
        const list = quoteParts.get(p.sentence.id) ?? [];
        list.push({ start: p.start, end: p.end, speaker: q.speaker });
        quoteParts.set(p.sentence.id, list);
      }
    }
    for (const f of frames) framesBySentence.set(f.sentence.id, [...(framesBySentence.get(f.sentence.id) ?? []), f]);
    const figures = new Map<string, FigureMention[]>();
    for (const s of sentences) figures.set(s.id, findFigures(s, timesOf(s)));
    const demands = findDemands(sentences, entities.bySentence);
    const events = sentences.flatMap((s) => findEvents(s, entities.bySentence.get(s.id) ?? [], timesOf(s), figures.get(s.id) ?? []));
    versions.push({ version: version.id, sentences, times: new Map(sentences.map((s) => [s.id, timesOf(s)])), sources, antecedent, frames, quotes, figures, demands, events });
  }
  const speakerAt = (sentence: SentenceRef, offset: number): Speaker | undefined => {
    const quote = quoteParts.get(sentence.id)?.find((p) => offset >= p.start && offset < p.end);
    if (quote) return quote.speaker;
    return framesBySentence.get(sentence.id)?.find((f) => offset >= f.start && offset < f.end)?.speaker;
  };
  const readings: Readings = { versions, speakerAt };
  if (times.documentDate) readings.documentDate = times.documentDate;
  return readings;
}

/** The time extractor's reading, or none when it fails: the other facts do not depend on it. */
function timesOrNothing(view: DocumentView): DocumentTimeMentions {
  try {
    return findDocumentTimes(view);
  } catch (error) {
    if (process.env.CONCORD_DEBUG) process.stderr.write(`extract: time expressions skipped: ${String(error)}\n`);
    return { bySentence: new Map() };
  }
}
