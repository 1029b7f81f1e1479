/**
 * split: TextDocument → Document with language versions, paragraphs and sentences.
 *
 * 1. Each block is a paragraph (trimmed); its language is identified from its own letters (identify.ts).
 * 2. Unsure paragraphs take their script's language in this document (identify.ts); letterless ones, and short
 *    strays inside another language's block, join their neighbours, read by the layout: blocks or interleaved
 *    (versions.ts).
 * 3. One version per language, numbered in order of first appearance; sentences split per language (sentences.ts).
 */
import type { Document, Paragraph, Span, TextDocument, Version } from '../model.js';
import { identifyParagraph, resolveLanguages, type Identification } from './identify.js';
import { looksLikeLabel, placeParagraphs } from './versions.js';
import { splitSentences } from './sentences.js';

export { identifyParagraph } from './identify.js';
export { splitSentences } from './sentences.js';

/** Weighted letters below which an unsure paragraph may join the block around it (about three short words). */
const STRAY_MAX_WEIGHT = 20;

/** Normalised text → language versions, paragraphs and sentences, every span an offset into `doc.text`. */
export function split(doc: TextDocument): Document {
  const { text } = doc;
  const spans = doc.blocks.map((block) => ({ ...trimSpan(text, block), kind: block.kind })).filter((s) => s.end > s.start);
  const texts = spans.map((s) => text.slice(s.start, s.end));
  const identified = texts.map(identifyParagraph);
  const languages = resolveLanguages(texts, identified);
  const placement = placeParagraphs(languages, identified.map(isStray), texts.map(looksLikeLabel));

  const versions: Version[] = [];
  const versionOf = new Map<string, Version>();
  spans.forEach((span, i) => {
    const versionLanguage = placement[i]!;
    let version = versionOf.get(versionLanguage);
    if (!version) {
      version = { id: `v${versions.length + 1}`, language: versionLanguage, paragraphs: [] };
      versions.push(version);
      versionOf.set(versionLanguage, version);
    }
    const id = `${version.id}.p${version.paragraphs.length + 1}`;
    const paragraphText = texts[i]!;
    const paragraph: Paragraph = {
      id,
      text: paragraphText,
      start: span.start,
      end: span.end,
      kind: span.kind,
      language: languages[i]!,
      // Sentences are split by the rules of the version's language (a stray "2016" is split as its neighbours).
      sentences: splitSentences(paragraphText, versionLanguage).map((s, k) => ({
        id: `${id}.s${k + 1}`,
        text: paragraphText.slice(s.start, s.end),
        start: span.start + s.start,
        end: span.start + s.end,
      })),
    };
    version.paragraphs.push(paragraph);
  });

  return {
    id: doc.provenance.sha256.slice(0, 16),
    text,
    provenance: doc.provenance,
    metadata: doc.metadata,
    versions,
    alignments: [],
    findings: [],
    facts: [],
  };
}

/** A paragraph whose language rests on a few letters only ("ETGE", "Salih Hudayar"), not on its own evidence. */
function isStray(id: Identification): boolean {
  return !id.confident && id.family !== 'none' && id.weight < STRAY_MAX_WEIGHT;
}

function trimSpan(text: string, { start, end }: Span): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
