/**
 * ALIGN stage: for every version after the first, paragraph links to the first version (the source: the
 * version that appears first in the document), then sentence links inside each linked group of paragraphs.
 * Sentence links cover every sentence: sentences of a paragraph aligned to nothing get links with an empty side.
 */
import type { Alignment, Document, Link, Paragraph, Version } from '../model.js';
import { alignSentences, type AlignOptions, type Bead } from './sentences.js';

export { alignSentences, type AlignOptions, type Bead } from './sentences.js';

/** Adds paragraph and sentence alignments of each version with the source version. */
export function align(doc: Document, options: AlignOptions = {}): Document {
  const [source, ...others] = doc.versions;
  if (!source || !others.length) return { ...doc, alignments: [] };
  return { ...doc, alignments: others.map((version) => alignVersions(source, version, options)) };
}

/** Paragraphs may merge or split up to 3 × 3; sentences inside a paragraph group use the default shapes. */
const PARAGRAPH_BEAD: [number, number] = [3, 3];
/**
 * A paragraph is long enough that its similarity is reliable, and a short neighbour (a heading, "The ETGE calls
 * for:") shares enough vocabulary with it to look translated too: merging paragraphs needs stronger evidence
 * than merging sentences, and leaving one out costs less.
 */
const PARAGRAPH_PARAMETERS = { mergePenalty: 1.2, skipPenalty: 0.2 };

export function alignVersions(a: Version, b: Version, options: AlignOptions = {}): Alignment {
  const paragraphBeads = alignSentences(
    a.paragraphs.map((p) => p.text),
    b.paragraphs.map((p) => p.text),
    a.language,
    b.language,
    { ...options, maxBead: PARAGRAPH_BEAD, parameters: { ...PARAGRAPH_PARAMETERS, ...options.parameters } },
  );
  const links: Link[] = [];
  for (const bead of paragraphBeads) {
    const pa = bead.a.map((i) => a.paragraphs[i]!);
    const pb = bead.b.map((i) => b.paragraphs[i]!);
    links.push({ level: 'paragraph', a: pa.map((p) => p.id), b: pb.map((p) => p.id), confidence: bead.confidence });
  }
  for (const bead of paragraphBeads) {
    const sa = sentencesOf(bead.a.map((i) => a.paragraphs[i]!));
    const sb = sentencesOf(bead.b.map((i) => b.paragraphs[i]!));
    const sentenceBeads: Bead[] =
      sa.length && sb.length
        ? alignSentences(sa.map((s) => s.text), sb.map((s) => s.text), a.language, b.language, options)
        : [...sa.map((_, i) => ({ a: [i], b: [], confidence: bead.confidence })), ...sb.map((_, j) => ({ a: [], b: [j], confidence: bead.confidence }))];
    for (const s of sentenceBeads) links.push({ level: 'sentence', a: s.a.map((i) => sa[i]!.id), b: s.b.map((j) => sb[j]!.id), confidence: s.confidence });
  }
  return { versions: [a.id, b.id], links };
}

function sentencesOf(paragraphs: Paragraph[]) {
  return paragraphs.flatMap((p) => p.sentences);
}
