/**
 * The document page's view model: which paragraphs sit side by side, what each row's status is, which
 * sentences answer each other, and where findings and facts point. Pure functions of the Document, so the
 * rules can be tested without HTML.
 */
import type { Alignment, Document, Finding, Location, Paragraph, Sentence, Version } from '../../model.js';

/** `unaligned`: the aligner gave no links for this pair; both versions flow in their own column. */
export type RowStatus = 'aligned' | 'untranslated' | 'added' | 'unaligned';

export interface Row {
  index: number;
  a: Paragraph[];
  b: Paragraph[];
  status: RowStatus;
  cutOff: boolean;
  confidence?: number;
}

export interface SideBySide {
  a: Version;
  b: Version;
  alignment?: Alignment;
  rows: Row[];
}

export interface DocumentIndex {
  paragraphs: Map<string, { paragraph: Paragraph; version: Version }>;
  sentences: Map<string, { sentence: Sentence; paragraph: Paragraph; version: Version }>;
}

export function indexDocument(doc: Document): DocumentIndex {
  const paragraphs = new Map<string, { paragraph: Paragraph; version: Version }>();
  const sentences = new Map<string, { sentence: Sentence; paragraph: Paragraph; version: Version }>();
  for (const version of doc.versions)
    for (const paragraph of version.paragraphs) {
      paragraphs.set(paragraph.id, { paragraph, version });
      for (const sentence of paragraph.sentences) sentences.set(sentence.id, { sentence, paragraph, version });
    }
  return { paragraphs, sentences };
}

/** Picks the pair asked for (`v1,v3`), else the first alignment, else the first two versions. */
export function choosePair(doc: Document, requested?: string): [Version, Version] | undefined {
  const byId = new Map(doc.versions.map((v) => [v.id, v]));
  const wanted = requested?.split(',');
  if (wanted?.length === 2 && byId.has(wanted[0]!) && byId.has(wanted[1]!) && wanted[0] !== wanted[1]) return [byId.get(wanted[0]!)!, byId.get(wanted[1]!)!];
  const first = doc.alignments.find((a) => byId.has(a.versions[0]) && byId.has(a.versions[1]));
  if (first) return [byId.get(first.versions[0])!, byId.get(first.versions[1])!];
  if (doc.versions.length >= 2) return [doc.versions[0]!, doc.versions[1]!];
  return undefined;
}

/** The alignment between two versions, in either direction (reversed so `a` is the first version asked). */
export function findAlignment(doc: Document, a: string, b: string): Alignment | undefined {
  const forward = doc.alignments.find((x) => x.versions[0] === a && x.versions[1] === b);
  if (forward) return forward;
  const backward = doc.alignments.find((x) => x.versions[0] === b && x.versions[1] === a);
  if (!backward) return undefined;
  return { versions: [a, b], links: backward.links.map((l) => ({ ...l, a: l.b, b: l.a })) };
}

/** Paragraph ids a cut-off finding points at, in any version. */
function cutOffParagraphs(findings: Finding[], index: DocumentIndex): Set<string> {
  const ids = new Set<string>();
  for (const f of findings) {
    if (f.kind !== 'cut-off') continue;
    for (const loc of [f.a, f.b, ...f.evidence]) {
      const p = loc && locateParagraph(loc, index);
      if (p) ids.add(p);
    }
  }
  return ids;
}

/** The paragraph a location sits in: named, via its sentence, or by its span. */
export function locateParagraph(loc: Location, index: DocumentIndex): string | undefined {
  if (loc.paragraph && index.paragraphs.has(loc.paragraph)) return loc.paragraph;
  if (loc.sentence) {
    const s = index.sentences.get(loc.sentence);
    if (s) return s.paragraph.id;
  }
  for (const [id, { paragraph, version }] of index.paragraphs)
    if (version.id === loc.version && loc.start >= paragraph.start && loc.start < Math.max(paragraph.end, paragraph.start + 1)) return id;
  return undefined;
}

/** The sentence a location sits in: named, or the one whose span holds its start. */
export function locateSentence(loc: Location, index: DocumentIndex): string | undefined {
  if (loc.sentence && index.sentences.has(loc.sentence)) return loc.sentence;
  const paragraphId = locateParagraph(loc, index);
  const paragraph = paragraphId ? index.paragraphs.get(paragraphId)?.paragraph : undefined;
  if (!paragraph) return undefined;
  if (loc.paragraph && !loc.sentence && loc.start <= paragraph.start && loc.end >= paragraph.end) return undefined; // the whole paragraph
  return paragraph.sentences.find((s) => loc.start >= s.start && loc.start < Math.max(s.end, s.start + 1))?.id;
}

/**
 * Rows of the side-by-side view from the paragraph links. Paragraphs no link mentions still get a row,
 * placed after the row of the paragraph before them, so nothing in the document is ever hidden.
 */
export function sideBySide(doc: Document, a: Version, b: Version, index = indexDocument(doc)): SideBySide {
  const alignment = findAlignment(doc, a.id, b.id);
  const cutOff = cutOffParagraphs(doc.findings, index);
  if (!alignment?.links.some((l) => l.level === 'paragraph')) {
    const all = [...a.paragraphs, ...b.paragraphs];
    return { a, b, alignment, rows: [{ index: 0, a: a.paragraphs, b: b.paragraphs, status: 'unaligned', cutOff: all.some((p) => cutOff.has(p.id)) }] };
  }
  const aIds = new Set(a.paragraphs.map((p) => p.id));
  const bIds = new Set(b.paragraphs.map((p) => p.id));
  const rows: Omit<Row, 'index' | 'status' | 'cutOff'>[] = [];
  const rowOf = new Map<string, number>();
  for (const link of alignment?.links ?? []) {
    if (link.level !== 'paragraph') continue;
    const left = link.a.filter((id) => aIds.has(id) && !rowOf.has(id)).map((id) => index.paragraphs.get(id)!.paragraph);
    const right = link.b.filter((id) => bIds.has(id) && !rowOf.has(id)).map((id) => index.paragraphs.get(id)!.paragraph);
    if (!left.length && !right.length) continue;
    for (const p of [...left, ...right]) rowOf.set(p.id, rows.length);
    rows.push({ a: left, b: right, confidence: link.confidence });
  }
  // Unlinked paragraphs: insert each after the row holding its predecessor in the same version.
  for (const [version, side] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    let previousRow = -1;
    for (const p of version.paragraphs) {
      const at = rowOf.get(p.id);
      if (at !== undefined) {
        previousRow = at;
        continue;
      }
      const row = { a: side === 'a' ? [p] : [], b: side === 'b' ? [p] : [] };
      let insertAt = previousRow + 1;
      // A translation-only paragraph goes after source-only rows that follow: the source reads first.
      if (side === 'b') while (insertAt < rows.length && !rows[insertAt]!.b.length) insertAt++;
      rows.splice(insertAt, 0, row);
      for (const [id, r] of rowOf) if (r >= insertAt) rowOf.set(id, r + 1);
      rowOf.set(p.id, insertAt);
      previousRow = insertAt;
    }
  }
  return {
    a,
    b,
    alignment,
    rows: rows.map((r, i) => ({
      ...r,
      index: i,
      status: r.a.length && r.b.length ? 'aligned' : r.a.length ? 'untranslated' : 'added',
      cutOff: [...r.a, ...r.b].some((p) => cutOff.has(p.id)),
    })),
  };
}

/** Sentence id → ids of the sentences linked to it (both directions, every alignment of the document). */
export function sentenceCounterparts(doc: Document): Map<string, string[]> {
  const pairs = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    let set = pairs.get(from);
    if (!set) pairs.set(from, (set = new Set()));
    set.add(to);
  };
  for (const alignment of doc.alignments)
    for (const link of alignment.links) {
      if (link.level !== 'sentence') continue;
      for (const x of link.a) for (const y of link.b) (add(x, y), add(y, x));
    }
  return new Map([...pairs].map(([k, v]) => [k, [...v]]));
}

export interface RowCounts {
  aligned: number;
  unaligned: number;
  untranslated: number;
  added: number;
  cutOff: number;
}

export function countRows(rows: Row[]): RowCounts {
  const counts = { aligned: 0, unaligned: 0, untranslated: 0, added: 0, cutOff: 0 };
  for (const r of rows) {
    counts[r.status]++;
    if (r.cutOff) counts.cutOff++;
  }
  return counts;
}
