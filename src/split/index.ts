import type { Document, TextDocument, Version } from '../model.js';

/** Normalised text → language versions, paragraphs and sentences. (Initial version: script-based.) */
export function split(doc: TextDocument): Document {
  const versions: Version[] = [];
  for (const block of doc.blocks) {
    const text = doc.text.slice(block.start, block.end);
    const language = /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en';
    let version = versions.find((v) => v.language === language);
    if (!version) versions.push((version = { id: `v${versions.length + 1}`, language, paragraphs: [] }));
    const id = `${version.id}.p${version.paragraphs.length + 1}`;
    version.paragraphs.push({ id, text, start: block.start, end: block.end, kind: block.kind, language, sentences: [{ id: `${id}.s1`, text, start: block.start, end: block.end }] });
  }
  return { id: doc.provenance.sha256.slice(0, 16), text: doc.text, provenance: doc.provenance, metadata: doc.metadata, versions, alignments: [], findings: [], facts: [] };
}
