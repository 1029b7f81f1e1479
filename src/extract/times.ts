/**
 * Time expressions per sentence, from the time extractor (src/extract/time), run once per language version in
 * reading order so that "on August 27" after "September 1949" resolves to 1949-08-27.
 */
import type { TimePrecision } from '../model.js';
import { resolveDocumentTimes, type DocumentDate, type Timex } from './time/index.js';
import { isChinese, type DocumentView } from './view.js';

/** A time expression in a sentence; offsets relative to the sentence text. */
export interface TimeMention {
  start: number;
  end: number;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  precision: TimePrecision;
  interval?: { start: string; end: string };
  inferred?: boolean;
  mod?: string;
}

export interface DocumentTimeMentions {
  bySentence: Map<string, TimeMention[]>;
  /** The statement's own date and the version and sentence it was read from. */
  documentDate?: Omit<DocumentDate, 'evidence'> & { evidence?: { sentence: string; start: number; end: number; text: string } };
}

export function findDocumentTimes(view: DocumentView): DocumentTimeMentions {
  const bySentence = new Map<string, TimeMention[]>();
  let documentDate: DocumentTimeMentions['documentDate'];
  for (const version of view.doc.versions) {
    const sentences = (view.byVersion.get(version.id) ?? []).filter((s) => isChinese(s.language) || /^en\b/i.test(s.language));
    if (!sentences.length) continue;
    const resolved = resolveDocumentTimes(
      sentences.map((s) => ({ text: s.text, lang: isChinese(s.language) ? 'zh' : 'en' })),
      view.doc.metadata.date,
    );
    resolved.sentences.forEach((timexes: Timex[], i: number) => bySentence.set(sentences[i]!.id, timexes.map(toMention)));
    const date = resolved.documentDate;
    // A stated date beats an inferred one; among equals the first version (the source) wins.
    if (date && (!documentDate || (documentDate.inferred && !date.inferred))) {
      const { evidence, ...rest } = date;
      const sentence = evidence ? sentences[evidence.sentence] : undefined;
      documentDate = evidence && sentence ? { ...rest, evidence: { ...evidence, sentence: sentence.id } } : rest;
    }
  }
  return { bySentence, documentDate };
}

function toMention(t: Timex): TimeMention {
  const m: TimeMention = { start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, precision: t.precision };
  if (t.interval) m.interval = t.interval;
  if (t.inferred) m.inferred = true;
  if (t.mod) m.mod = t.mod;
  return m;
}
