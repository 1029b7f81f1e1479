/**
 * A read-only view of a Document made for extraction: every sentence with its version, language, paragraph
 * and position, and the sentence-to-sentence map that the alignment implies between versions.
 */
import type { BlockKind, Document, Evidence, LanguageTag, Sentence } from '../model.js';

export interface SentenceRef {
  id: string;
  version: string;
  paragraph: string;
  /** The paragraph's kind: a `list-item` has lost its bullet to the reader. */
  kind: BlockKind;
  language: LanguageTag;
  text: string;
  /** Offset of the sentence in `Document.text`. */
  start: number;
  end: number;
  /** Index of the sentence within its version (document order). */
  index: number;
  /** Index of the sentence within its paragraph. */
  indexInParagraph: number;
}

export interface DocumentView {
  doc: Document;
  sentences: SentenceRef[];
  byId: Map<string, SentenceRef>;
  byVersion: Map<string, SentenceRef[]>;
  /** Sentence id → ids of sentences in other versions stated as their translation. */
  counterparts: Map<string, Set<string>>;
  /** Version id → versions it is aligned with, and which side is the source. */
  sourceVersion: Map<string, string>;
}

/** Languages the extractors read; other versions contribute no facts (English rules on Russian would invent). */
export const isSupported = (language: LanguageTag): boolean => /^(?:en|zh)\b/i.test(language);

export const isChinese = (language: LanguageTag): boolean => /^zh\b|^zh-|^(?:yue|wuu|cmn)/i.test(language) || language === 'zh';

export function buildView(doc: Document): DocumentView {
  const sentences: SentenceRef[] = [];
  const byId = new Map<string, SentenceRef>();
  const byVersion = new Map<string, SentenceRef[]>();
  const paragraphSentences = new Map<string, string[]>();
  for (const version of doc.versions) {
    const list: SentenceRef[] = [];
    for (const paragraph of version.paragraphs) {
      const language = paragraph.language && paragraph.language !== 'und' ? paragraph.language : version.language;
      paragraph.sentences.forEach((s: Sentence, i) => {
        const ref: SentenceRef = { id: s.id, version: version.id, paragraph: paragraph.id, kind: paragraph.kind, language, text: s.text, start: s.start, end: s.end, index: list.length, indexInParagraph: i };
        list.push(ref);
        sentences.push(ref);
        byId.set(s.id, ref);
      });
      paragraphSentences.set(paragraph.id, paragraph.sentences.map((s) => s.id));
    }
    byVersion.set(version.id, list);
  }
  const counterparts = new Map<string, Set<string>>();
  const sourceVersion = new Map<string, string>();
  const link = (x: string, y: string) => {
    let set = counterparts.get(x);
    if (!set) counterparts.set(x, (set = new Set()));
    set.add(y);
  };
  for (const alignment of doc.alignments) {
    const [va, vb] = alignment.versions;
    if (!sourceVersion.has(vb)) sourceVersion.set(vb, va);
    const sentenceLinks = alignment.links.filter((l) => l.level === 'sentence' && l.a.length && l.b.length);
    const linkedBySentence = new Set<string>();
    for (const l of sentenceLinks) {
      for (const a of l.a) for (const b of l.b) (link(a, b), link(b, a), linkedBySentence.add(a), linkedBySentence.add(b));
    }
    // Paragraph links stand in for sentence links where the aligner gave none (every sentence ↔ every sentence).
    for (const l of alignment.links) {
      if (l.level !== 'paragraph' || !l.a.length || !l.b.length) continue;
      const as = l.a.flatMap((p) => paragraphSentences.get(p) ?? []);
      const bs = l.b.flatMap((p) => paragraphSentences.get(p) ?? []);
      if (as.some((s) => linkedBySentence.has(s)) || bs.some((s) => linkedBySentence.has(s))) continue;
      for (const a of as) for (const b of bs) (link(a, b), link(b, a));
    }
  }
  return { doc, sentences, byId, byVersion, counterparts, sourceVersion };
}

/** Evidence for a span of a sentence (offsets relative to the sentence). */
export function evidenceIn(sentence: SentenceRef, start = 0, end = sentence.text.length): Evidence {
  return { version: sentence.version, sentence: sentence.id, start: sentence.start + start, end: sentence.start + end };
}

/** Versions in processing order: sources before their translations, so merged facts take the source's wording. */
export function versionOrder(view: DocumentView): string[] {
  const ids = view.doc.versions.map((v) => v.id);
  return [...ids].sort((x, y) => depth(view, x) - depth(view, y) || ids.indexOf(x) - ids.indexOf(y));
}

function depth(view: DocumentView, version: string): number {
  let d = 0;
  for (let v = view.sourceVersion.get(version); v && d < 10; v = view.sourceVersion.get(v)) d++;
  return d;
}
