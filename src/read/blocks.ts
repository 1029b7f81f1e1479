/**
 * Assembling a TextDocument's text and blocks from the blocks a structured reader (Markdown, HTML, DOCX, PDF)
 * found: each block on its own line, blocks separated by a blank line, offsets into the text so built.
 */
import type { Block, BlockKind, DocumentMetadata } from '../model.js';
import { collapseWhitespace } from './text.js';

/** A block as a reader found it, before it has a place in the document's text. */
export interface DraftBlock {
  kind: BlockKind;
  text: string;
}

export interface AssembledText {
  text: string;
  blocks: Block[];
}

/** What a format reader returns: the text, its blocks, and the metadata the format carries. */
export interface ReadContent extends AssembledText {
  metadata: DocumentMetadata;
}

/** Blocks never contain a line break: wrapped lines were joined by the reader, any left are collapsed here. */
export function assembleBlocks(drafts: readonly DraftBlock[]): AssembledText {
  let text = '';
  const blocks: Block[] = [];
  for (const draft of drafts) {
    const clean = collapseWhitespace(draft.text.replace(/\uFEFF/g, '')).normalize('NFC');
    if (!clean) continue;
    if (text) text += '\n\n';
    blocks.push({ start: text.length, end: text.length + clean.length, kind: draft.kind });
    text += clean;
  }
  return { text, blocks };
}
