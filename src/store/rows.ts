/**
 * What the archive writes for one document, computed once in JavaScript and shared by both databases:
 * the source key, the summary line, the sentences with their index terms, the alignment links and the facts.
 */
import { basename, isAbsolute, resolve } from 'node:path';
import type { Document, Fact } from '../model.js';
import type { AddOptions, FindingCounts } from './archive.js';
import { tokenize, type Tokenized } from './tokens.js';
import { timexRange } from './timex.js';

export interface SentenceRow {
  version: string;
  language: string;
  paragraph: string;
  sentence: string;
  text: string;
  start: number;
  end: number;
  tokens: Tokenized;
}

export interface LinkRow {
  link: number;
  level: 'paragraph' | 'sentence';
  side: 'a' | 'b';
  version: string;
  unit: string;
  confidence: number;
}

export interface FactRow {
  fact: string;
  type: string;
  /** TimeML value for events and times; ISO day bounds for date filters. */
  value?: string;
  start?: string;
  end?: string;
  version?: string;
  sentence?: string;
  /** Language of the first sentence that states it. */
  language?: string;
  /** Every sentence that states it (JSON of `{ version, sentence, language }[]`; texts are read from `sentences`). */
  mentions: string;
  json: string;
}

export interface DocumentRows {
  source: string;
  title?: string;
  date?: string;
  languages: string[];
  findings: FindingCounts;
  sentences: SentenceRow[];
  links: LinkRow[];
  facts: FactRow[];
}

/** The key that makes a later file from the same place a revision rather than a new document. */
export function sourceKey(doc: Document, options: AddOptions = {}): string {
  if (options.source) return options.source;
  const origin = doc.provenance.origin;
  if (origin === '-' || origin === '') return `stdin:${doc.id}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) return origin;
  return isAbsolute(origin) ? origin : resolve(origin);
}

/**
 * Who published it, as a short label for lists, filters and citations: the metadata author; for a web page its
 * host; else the author the analysis found (the outermost asserter of most facts, e.g. "East Turkistan
 * Government in Exile"); else the file name (uploads included).
 */
export function sourceLabel(doc: Document, key: string): string {
  if (doc.metadata.author) return doc.metadata.author;
  const isUpload = /^upload:\/\//i.test(key);
  const isUrl = !isUpload && /^[a-z][a-z0-9+.-]*:\/\//i.test(key);
  // A web page's host names its publisher more surely than an author inferred from the text.
  const author = isUrl ? undefined : statementAuthor(doc.facts);
  if (author) return author;
  if (isUpload) return safeDecode(key.slice(key.lastIndexOf('/') + 1)) || 'upload';
  if (isUrl) {
    try {
      return new URL(key).hostname.replace(/^www\./, '') || key;
    } catch {
      return key;
    }
  }
  if (key.startsWith('stdin:')) return 'stdin';
  return basename(key) || key;
}

/** The statement's author: the name at the outer end of the most facts' attribution chains, if it is an author. */
export function statementAuthor(facts: Fact[]): string | undefined {
  const counts = new Map<string, number>();
  for (const fact of facts) {
    let outer = fact.attributedTo;
    while (outer?.via) outer = outer.via;
    if (outer?.kind === 'author' && outer.name.trim()) counts.set(outer.name.trim(), (counts.get(outer.name.trim()) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function documentRows(doc: Document, key: string): DocumentRows {
  const sentences: SentenceRow[] = [];
  const sentenceText = new Map<string, { version: string; language: string; text: string }>();
  for (const version of doc.versions) {
    for (const paragraph of version.paragraphs) {
      for (const s of paragraph.sentences) {
        sentences.push({ version: version.id, language: paragraph.language || version.language, paragraph: paragraph.id, sentence: s.id, text: s.text, start: s.start, end: s.end, tokens: tokenize(s.text) });
        sentenceText.set(s.id, { version: version.id, language: paragraph.language || version.language, text: s.text });
      }
    }
  }
  const links: LinkRow[] = [];
  let n = 0;
  for (const alignment of doc.alignments) {
    for (const link of alignment.links) {
      if (!link.a.length || !link.b.length) continue;
      n++;
      for (const unit of link.a) links.push({ link: n, level: link.level, side: 'a', version: alignment.versions[0], unit, confidence: link.confidence });
      for (const unit of link.b) links.push({ link: n, level: link.level, side: 'b', version: alignment.versions[1], unit, confidence: link.confidence });
    }
  }
  const facts = doc.facts.map((fact) => factRow(fact, sentenceText));
  const findings: FindingCounts = { info: 0, minor: 0, major: 0, critical: 0 };
  for (const f of doc.findings) findings[f.severity]++;
  return {
    source: sourceLabel(doc, key),
    title: doc.metadata.title ?? firstLine(doc),
    date: doc.metadata.date,
    languages: doc.versions.map((v) => v.language),
    findings,
    sentences,
    links,
    facts,
  };
}

function factRow(fact: Fact, sentenceText: Map<string, { version: string; language: string; text: string }>): FactRow {
  const first = fact.evidence[0];
  const said = first ? sentenceText.get(first.sentence) : undefined;
  const value = fact.type === 'event' ? fact.when : fact.type === 'time' ? fact.value : undefined;
  const range = fact.type === 'time' && fact.interval ? { start: timexRange(fact.interval.start)?.start, end: timexRange(fact.interval.end)?.end } : timexRange(value);
  const seen = new Set<string>();
  const mentions = fact.evidence.flatMap((e) => {
    const s = sentenceText.get(e.sentence);
    if (!s || seen.has(e.sentence)) return [];
    seen.add(e.sentence);
    return [{ version: s.version, sentence: e.sentence, language: s.language }];
  });
  return { fact: fact.id, type: fact.type, value, start: range?.start, end: range?.end, version: first?.version, sentence: first?.sentence, language: said?.language, mentions: JSON.stringify(mentions), json: JSON.stringify(fact) };
}

/** A title for documents without one: the first paragraph, cut at a sentence or 100 characters. */
function firstLine(doc: Document): string | undefined {
  const p = doc.versions[0]?.paragraphs[0];
  if (!p) return undefined;
  const text = (p.kind === 'heading' ? p.text : (p.sentences[0]?.text ?? p.text)).trim();
  return text.length > 100 ? text.slice(0, 99) + '…' : text;
}
