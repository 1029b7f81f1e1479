/**
 * The view every pair check works on: the two versions of one alignment, their sentences in order, and the
 * beads (sentence groups that translate each other) with the text of both sides at hand.
 */
import type { Alignment, Document, Location, Paragraph, Sentence, Version } from '../model.js';

export interface SentenceRef extends Sentence {
  version: string;
  paragraph: string;
  /** Position of the sentence in its version (0-based). */
  index: number;
}

export interface Side {
  version: Version;
  language: string;
  isChinese: boolean;
  sentences: SentenceRef[];
  paragraphs: Paragraph[];
}

export interface Bead {
  a: SentenceRef[];
  b: SentenceRef[];
  confidence: number;
  /** Concatenated texts of each side (sentences joined by a space). */
  aText: string;
  bText: string;
}

export interface ParagraphBead {
  a: Paragraph[];
  b: Paragraph[];
  confidence: number;
}

export interface Pair {
  doc: Document;
  alignment: Alignment;
  /** Source side (`versions[0]`). */
  a: Side;
  /** Translation side (`versions[1]`). */
  b: Side;
  /** Sentence beads in order; built from paragraph links when the aligner gave none at sentence level. */
  beads: Bead[];
  paragraphBeads: ParagraphBead[];
}

export const isChineseLanguage = (tag: string): boolean => /^(zh|cmn|yue)\b/i.test(tag);

function side(version: Version): Side {
  const sentences: SentenceRef[] = [];
  // Fields listed rather than spread: copying by spread was the costliest part of building a pair.
  for (const p of version.paragraphs) for (const s of p.sentences) sentences.push({ id: s.id, text: s.text, start: s.start, end: s.end, version: version.id, paragraph: p.id, index: sentences.length });
  return { version, language: version.language, isChinese: isChineseLanguage(version.language), sentences, paragraphs: version.paragraphs };
}

/** Builds the pair view of one alignment; undefined when a version it names is missing. */
export function pairOf(doc: Document, alignment: Alignment): Pair | undefined {
  const va = doc.versions.find((v) => v.id === alignment.versions[0]);
  const vb = doc.versions.find((v) => v.id === alignment.versions[1]);
  if (!va || !vb) return undefined;
  const a = side(va);
  const b = side(vb);
  const sentenceById = new Map<string, SentenceRef>();
  for (const s of [...a.sentences, ...b.sentences]) sentenceById.set(s.id, s);
  const paragraphById = new Map<string, Paragraph>();
  for (const p of [...a.paragraphs, ...b.paragraphs]) paragraphById.set(p.id, p);

  const paragraphBeads: ParagraphBead[] = alignment.links
    .filter((l) => l.level === 'paragraph')
    .map((l) => ({ a: pick(l.a, paragraphById), b: pick(l.b, paragraphById), confidence: l.confidence }));

  let beads: Bead[] = alignment.links
    .filter((l) => l.level === 'sentence')
    .map((l) => bead(pick(l.a, sentenceById), pick(l.b, sentenceById), l.confidence));
  if (!beads.length) {
    // Paragraph links only: each paragraph bead is one coarse sentence bead.
    beads = paragraphBeads.map((pb) => bead(pb.a.flatMap((p) => sentencesOf(p, sentenceById)), pb.b.flatMap((p) => sentencesOf(p, sentenceById)), pb.confidence));
  }
  return { doc, alignment, a, b, beads, paragraphBeads };
}

function pick<T>(ids: string[], byId: Map<string, T>): T[] {
  const out: T[] = [];
  for (const id of ids) {
    const item = byId.get(id);
    if (item) out.push(item);
  }
  return out;
}

function sentencesOf(p: Paragraph, byId: Map<string, SentenceRef>): SentenceRef[] {
  return pick(
    p.sentences.map((s) => s.id),
    byId,
  );
}

export function bead(a: SentenceRef[], b: SentenceRef[], confidence: number): Bead {
  return { a, b, confidence, aText: a.map((s) => s.text).join(' '), bText: b.map((s) => s.text).join(' ') };
}

/** Location of a whole sentence. */
export function sentenceLocation(s: SentenceRef): Location {
  return { version: s.version, paragraph: s.paragraph, sentence: s.id, start: s.start, end: s.end };
}

/** Location of a span of a sentence, offsets relative to the sentence text. */
export function spanIn(s: SentenceRef, start: number, end: number): Location {
  return { version: s.version, paragraph: s.paragraph, sentence: s.id, start: s.start + start, end: s.start + end };
}

/** Location spanning several sentences (first to last). */
export function sentencesLocation(list: SentenceRef[]): Location | undefined {
  const first = list[0];
  const last = list[list.length - 1];
  if (!first || !last) return undefined;
  return { version: first.version, paragraph: first.paragraph, sentence: first.id, start: first.start, end: last.end };
}

export function paragraphLocation(p: Paragraph, version: string): Location {
  return { version, paragraph: p.id, start: p.start, end: p.end };
}

/**
 * Maps an offset into a bead's joined text (sentences joined by one space) back to the sentence and the
 * offset within it, so a finding points at the exact span in the document.
 */
export function locateInBead(list: SentenceRef[], start: number, end: number): Location | undefined {
  let offset = 0;
  for (const s of list) {
    const sEnd = offset + s.text.length;
    if (start < sEnd || s === list[list.length - 1]) {
      const from = Math.max(0, start - offset);
      const to = Math.min(s.text.length, Math.max(from, end - offset));
      return spanIn(s, from, to);
    }
    offset = sEnd + 1;
  }
  return undefined;
}

/** A short quotation of a text for messages: at most `max` characters, whitespace collapsed. */
export function quote(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}
