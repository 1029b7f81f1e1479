/**
 * Test support: builds analysed Documents from text without the aligner, pairing the i-th paragraph of each
 * later version with the i-th paragraph of the first, and their sentences one to one when the counts agree.
 * (Used by the extract tests so that they do not depend on the state of the align stage.)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Alignment, Document, Link } from '../model.js';
import { read } from '../read/index.js';
import { split } from '../split/index.js';

export async function documentFromText(text: string, origin = 'test.txt'): Promise<Document> {
  const doc = split(await read({ bytes: new TextEncoder().encode(text), origin }));
  return withParagraphAlignment(doc);
}

export function withParagraphAlignment(doc: Document): Document {
  const [first, ...rest] = doc.versions;
  const alignments: Alignment[] = [];
  if (first) {
    for (const other of rest) {
      const links: Link[] = [];
      other.paragraphs.forEach((pb, i) => {
        const pa = first.paragraphs[i];
        if (!pa) return;
        links.push({ level: 'paragraph', a: [pa.id], b: [pb.id], confidence: 1 });
        if (pa.sentences.length === pb.sentences.length) pa.sentences.forEach((sa, k) => links.push({ level: 'sentence', a: [sa.id], b: [pb.sentences[k]!.id], confidence: 1 }));
      });
      alignments.push({ versions: [first.id, other.id], links });
    }
  }
  return { ...doc, alignments };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const referenceText = (): string => readFileSync(join(root, 'examples', 'statement-etge-2024-en-zh.txt'), 'utf8');
