import type { Document, Fact, FindingKind, LanguageTag, Severity } from '../../model.js';
import { SEVERITIES } from '../../model.js';

const displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "Traditional Chinese", "English"; the tag itself when unknown. */
export function languageName(tag: LanguageTag): string {
  if (!tag || tag === 'und') return 'Unknown language';
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A short label for a version column: "EN", "ZH-HANT". */
export function languageShort(tag: LanguageTag): string {
  return (tag || 'und').toUpperCase();
}

export function basename(origin: string): string {
  const cleaned = origin.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return cleaned.slice(cleaned.lastIndexOf('/') + 1) || origin;
}

/** The title a reader recognises: metadata, else the first paragraph shortened, else the file name. */
export function documentTitle(doc: Pick<Document, 'metadata' | 'versions' | 'provenance'>): string {
  if (doc.metadata.title?.trim()) return doc.metadata.title.trim();
  const first = doc.versions[0]?.paragraphs[0]?.sentences[0]?.text.trim();
  if (first) return shorten(first, 90);
  return basename(doc.provenance.origin);
}

export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

export function emptyCounts(): Record<Severity, number> {
  return { info: 0, minor: 0, major: 0, critical: 0 };
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export const FINDING_LABELS: Record<FindingKind, string> = {
  untranslated: 'Untranslated',
  added: 'Added',
  'cut-off': 'Cut off',
  duplicated: 'Duplicated',
  number: 'Number',
  date: 'Date',
  name: 'Name',
  terminology: 'Terminology',
  'doubled-word': 'Doubled word',
  unbalanced: 'Unbalanced',
  punctuation: 'Punctuation',
  'untranslated-text': 'Untranslated text',
};

export function findingLabel(kind: string): string {
  return FINDING_LABELS[kind as FindingKind] ?? kind;
}

export const FACT_TYPE_LABELS: Record<Fact['type'], string> = {
  event: 'Events',
  time: 'Dates and times',
  figure: 'Figures',
  quotation: 'Quotations',
  source: 'Sources cited',
  demand: 'Demands',
  entity: 'People, organisations, places',
};

/** One line that says what a fact is, for lists. */
export function factSummary(fact: Fact): string {
  switch (fact.type) {
    case 'event':
      return [fact.when ? `${fact.when}:` : '', fact.text].filter(Boolean).join(' ');
    case 'time':
      return `${fact.text} → ${fact.value}${fact.inferred ? ' (inferred)' : ''}`;
    case 'figure':
      return `${fact.text}${fact.counts ? ` — ${fact.counts}` : ''} (${fact.qualifier})`;
    case 'quotation':
      return `${fact.speaker ? `${fact.speaker}: ` : ''}“${shorten(fact.text, 140)}”`;
    case 'source':
      return [fact.name, fact.number, fact.date].filter(Boolean).join(', ');
    case 'demand':
      return `${fact.item !== undefined ? `${fact.item}) ` : ''}${shorten(fact.text, 160)}`;
    case 'entity':
      return `${fact.name} (${fact.kind})${fact.aliases.length ? ` — ${fact.aliases.map((a) => a.text).join(' · ')}` : ''}`;
  }
}

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}

/** ISO date or timestamp → "27 Nov 2026". */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Languages offered as filters (the archive folds `zh` over zh-Hant and zh-Hans). */
export const FILTER_LANGUAGES = ['en', 'zh', 'ug', 'ru', 'tr', 'kk', 'ja', 'ko', 'ar'];
