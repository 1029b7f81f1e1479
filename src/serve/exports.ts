/** Per-document downloads. CSV and JSON are written here; TMX and XLIFF by the aligner's exporters. */
import type { Document } from '../model.js';
import { toJson } from '../cli/analyze.js';
import { HttpProblem } from './problem.js';
import { choosePair, findAlignment, indexDocument } from './pages/document-view.js';
import { segmentsFromAlignment, toTmx, toXliff } from '../align/export.js';

export type ExportFormat = 'tmx' | 'xliff' | 'csv' | 'json';

export interface ExportFile {
  body: string;
  contentType: string;
  extension: string;
}

/** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets never run a cell as a formula. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every link of every alignment, one line each: ids, languages, texts and confidence side by side. */
export function alignmentCsv(doc: Document): string {
  const index = indexDocument(doc);
  const lines = [['pair', 'level', 'source_ids', 'source_language', 'source_text', 'target_ids', 'target_language', 'target_text', 'confidence'].join(',')];
  const textOf = (id: string) => index.sentences.get(id)?.sentence.text ?? index.paragraphs.get(id)?.paragraph.text ?? '';
  const languageOf = (versionId: string) => doc.versions.find((v) => v.id === versionId)?.language ?? 'und';
  for (const alignment of doc.alignments) {
    const [va, vb] = alignment.versions;
    for (const link of alignment.links)
      lines.push(
        [`${va}-${vb}`, link.level, link.a.join(' '), languageOf(va), link.a.map(textOf).join(' '), link.b.join(' '), languageOf(vb), link.b.map(textOf).join(' '), link.confidence.toFixed(3)]
          .map(csvCell)
          .join(','),
      );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Sentence pairs of the document's first alignment (or the pair asked for) for TMX and XLIFF. */
function alignedPair(doc: Document, pair?: string) {
  const [a, b] = choosePair(doc, pair) ?? [];
  const alignment = a && b ? findAlignment(doc, a.id, b.id) : undefined;
  if (!a || !b || !alignment) throw new HttpProblem(422, 'this document has no aligned pair of versions to export', 'nothing-aligned');
  const sentences = segmentsFromAlignment(alignment, a, b, 'sentence');
  // Translation memories want both sides: unpaired (untranslated or added) passages stay out.
  const segments = (sentences.length ? sentences : segmentsFromAlignment(alignment, a, b, 'paragraph')).filter((s) => s.a.length && s.b.length);
  return { segments, info: { languageA: a.language, languageB: b.language, originA: doc.provenance.origin, originB: doc.provenance.origin } };
}

export async function exportDocument(doc: Document, format: ExportFormat, pair?: string): Promise<ExportFile> {
  switch (format) {
    case 'json':
      return { body: JSON.stringify(toJson(doc), null, 2) + '\n', contentType: 'application/json; charset=utf-8', extension: 'json' };
    case 'csv':
      return { body: alignmentCsv(doc), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'tmx': {
      const { segments, info } = alignedPair(doc, pair);
      return { body: toTmx(segments, info), contentType: 'application/x-tmx+xml; charset=utf-8', extension: 'tmx' };
    }
    case 'xliff': {
      const { segments, info } = alignedPair(doc, pair);
      return { body: toXliff(segments, info), contentType: 'application/xliff+xml; charset=utf-8', extension: 'xlf' };
    }
  }
}
