/** The part of a search both databases share: turning ranked sentence keys into hits with snippets and aligned text. */
import type { AlignedText, SearchHit, SearchResult } from './archive.js';
import { formatQuery, highlightTerms, type QueryNode } from './query.js';
import { highlight, snippetText } from './snippet.js';
import { isCjk } from './tokens.js';

export interface Candidate {
  key: number | string;
  doc: number | string;
  score: number;
}

export interface HitSentence {
  key: number | string;
  doc: number | string;
  documentId: string;
  origin: string;
  source: string;
  title: string | null;
  revision: number;
  version: string;
  language: string;
  paragraph: string;
  sentence: string;
  text: string;
  /** The document's version languages in version order (JSON text on SQLite). */
  languages: string[] | string;
}

/** A unit on the other side of a link that covers `hit` (a sentence or paragraph id of the hit's document). */
export interface AlignedLinkRow {
  doc: number | string;
  hit: string;
  level: 'sentence' | 'paragraph';
  version: string;
  unit: string;
  confidence: number;
  language: string | null;
  text: string | null;
}

export interface SearchLookups {
  sentences(keys: (number | string)[]): Promise<HitSentence[]>;
  /** Links covering any of these (document, unit) pairs, in one round trip. */
  aligned(pairs: { doc: number | string; unit: string }[]): Promise<AlignedLinkRow[]>;
  paragraphText(pairs: { doc: number | string; unit: string }[]): Promise<{ doc: number | string; paragraph: string; text: string }[]>;
}

/**
 * Broad queries (thousands of matching sentences) are ranked among the most recent RANK_WINDOW matches only:
 * computing bm25 costs a column-size lookup per match, so ranking all 100k matches of 中国 would take
 * hundreds of milliseconds, while finding the window's lower rowid bound is a cheap walk down the doclist.
 */
export const RANK_WINDOW = 3000;

export async function finishSearch(query: string, ast: QueryNode, candidates: Candidate[], lookups: SearchLookups): Promise<SearchResult> {
  const result: SearchResult = { query, parsed: formatQuery(ast), hits: [] };
  if (!candidates.length) return result;
  const sentences = new Map((await lookups.sentences(candidates.map((c) => c.key))).map((s) => [String(s.key), s]));
  const terms = highlightTerms(ast);
  const byDoc = new Map<string, HitSentence[]>();
  for (const c of candidates) {
    const s = sentences.get(String(c.key));
    if (!s) continue;
    const list = byDoc.get(String(s.doc));
    if (list) list.push(s);
    else byDoc.set(String(s.doc), [s]);
  }
  const aligned = new Map<string, AlignedText[]>();
  const hitsAll = [...byDoc.values()].flat();
  const unitKey = (doc: number | string, unit: string) => `${doc}|${unit}`;
  const rows = await lookups.aligned(dedupe(hitsAll.flatMap((h) => [{ doc: h.doc, unit: h.sentence }, { doc: h.doc, unit: h.paragraph }])));
  const rowsByHit = new Map<string, AlignedLinkRow[]>();
  for (const r of rows) rowsByHit.set(unitKey(r.doc, r.hit), [...(rowsByHit.get(unitKey(r.doc, r.hit)) ?? []), r]);
  const needParagraphs: { doc: number | string; unit: string }[] = [];
  for (const h of hitsAll) {
    const bySentence = (rowsByHit.get(unitKey(h.doc, h.sentence)) ?? []).filter((r) => r.level === 'sentence');
    const chosen = bySentence.length ? bySentence : (rowsByHit.get(unitKey(h.doc, h.paragraph)) ?? []).filter((r) => r.level === 'paragraph');
    if (!bySentence.length) chosen.forEach((r) => needParagraphs.push({ doc: h.doc, unit: r.unit }));
    aligned.set(String(h.key), groupAligned(chosen));
  }
  if (needParagraphs.length) {
    const texts = new Map<string, string[]>();
    for (const r of await lookups.paragraphText(dedupe(needParagraphs))) texts.set(unitKey(r.doc, r.paragraph), [...(texts.get(unitKey(r.doc, r.paragraph)) ?? []), r.text]);
    for (const h of hitsAll) for (const a of aligned.get(String(h.key)) ?? []) if (a.level === 'paragraph') for (const u of a.units) u.text = joinSentences(texts.get(unitKey(h.doc, u.id)) ?? []);
  }
  for (const c of candidates) {
    const s = sentences.get(String(c.key));
    if (!s) continue;
    const parts = highlight(s.text, terms);
    const hit: SearchHit = {
      documentId: s.documentId,
      origin: s.origin,
      source: s.source,
      title: s.title ?? undefined,
      revision: Number(s.revision),
      version: s.version,
      language: s.language,
      paragraph: s.paragraph,
      sentence: s.sentence,
      text: s.text,
      score: Number(c.score),
      parts,
      snippet: snippetText(parts),
      aligned: aligned.get(String(c.key)) ?? [],
      unaligned: [],
    };
    // Version ids are v1, v2… in order (src/model.ts), so the languages list names every version.
    const languages: string[] = typeof s.languages === 'string' ? JSON.parse(s.languages) : s.languages;
    languages.forEach((language, i) => {
      const version = `v${i + 1}`;
      if (version !== s.version && !hit.aligned.some((a) => a.version === version)) hit.unaligned.push({ version, language });
    });
    result.hits.push(hit);
  }
  return result;
}

function groupAligned(rows: AlignedLinkRow[]): AlignedText[] {
  const out: AlignedText[] = [];
  for (const r of rows) {
    let a = out.find((x) => x.version === r.version && x.level === r.level);
    if (!a) out.push((a = { version: r.version, language: r.language ?? 'und', level: r.level, confidence: r.confidence, units: [] }));
    if (!a.units.some((u) => u.id === r.unit)) a.units.push({ id: r.unit, text: r.text ?? '' });
    a.confidence = Math.min(a.confidence, r.confidence);
  }
  return out;
}

/** Sentences back into a paragraph: Chinese and Japanese need no space between sentences. */
function joinSentences(texts: string[]): string {
  return texts.reduce((acc, t) => (!acc ? t : isCjk(acc[acc.length - 1]!) || /[。！？」』”]$/.test(acc) ? acc + t : `${acc} ${t}`), '');
}

function dedupe(pairs: { doc: number | string; unit: string }[]): { doc: number | string; unit: string }[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const key = `${p.doc}|${p.unit}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
