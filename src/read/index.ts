/**
 * read: bytes → TextDocument (normalised text cut into blocks).
 *
 * 1. Load the bytes (load.ts): a path, `-` for standard input, or bytes in memory; refused past 50 MB.
 * 2. Tell the format from the bytes (sniff.ts): PDF and DOCX by magic, other binaries refused by name.
 * 3. Text formats: decode (encoding.ts), normalise (text.ts), then HTML, Markdown or plain text.
 * The readers for HTML, Markdown, DOCX and PDF load lazily: plain text pays for none of them.
 */
import { createHash } from 'node:crypto';
import { ConcordError, type SourceFormat, type TextDocument } from '../model.js';
import type { ReadContent } from './blocks.js';
import { decodeText, looksBinary } from './encoding.js';
import { loadBytes, type ReadInput } from './load.js';
import { readPlainText } from './plain.js';
import { detectTextFormat, sniffBinaryFormat, sniffDeclaredCharset } from './sniff.js';
import { normaliseText } from './text.js';

export type { ReadInput } from './load.js';
export { MAX_INPUT_BYTES } from './load.js';
export type { ReadContent } from './blocks.js';

/** Bytes → normalised text cut into blocks, with provenance and what metadata the format carries. */
export async function read(input: ReadInput): Promise<TextDocument> {
  const { bytes, origin } = await loadBytes(input);
  if (bytes.length === 0) throw new ConcordError(`${origin} is empty`);

  const { content, format, encoding, invalidSequences } = await readContent(bytes, origin);
  if (!content.blocks.length) throw new ConcordError(`${origin} contains no text`);

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const provenance: TextDocument['provenance'] = { origin, sha256, encoding, format, bytes: bytes.length };
  if (invalidSequences) provenance.invalidSequences = invalidSequences;
  return { text: content.text, blocks: content.blocks, provenance, metadata: content.metadata };
}

interface ReadResult {
  content: ReadContent;
  format: SourceFormat;
  encoding: string;
  invalidSequences: number;
}

// Each reader loads on first use, once: a dynamic import is not free even when the module is already loaded.
let pdfReader: Promise<typeof import('./pdf.js')> | undefined;
let docxReader: Promise<typeof import('./docx.js')> | undefined;
let htmlReader: Promise<typeof import('./html.js')> | undefined;
let markdownReader: Promise<typeof import('./markdown.js')> | undefined;

async function readContent(bytes: Uint8Array, origin: string): Promise<ReadResult> {
  const binary = sniffBinaryFormat(bytes, origin);
  if (binary === 'pdf') {
    const { readPdf } = await (pdfReader ??= import('./pdf.js'));
    return { content: await readPdf(bytes, origin), format: 'pdf', encoding: 'binary', invalidSequences: 0 };
  }
  if (binary === 'docx') {
    const { readDocx } = await (docxReader ??= import('./docx.js'));
    return { content: await readDocx(bytes, origin), format: 'docx', encoding: 'binary', invalidSequences: 0 };
  }

  const decoded = decodeText(bytes, origin, sniffDeclaredCharset(bytes));
  const text = normaliseText(decoded.text);
  if (looksBinary(text)) throw new ConcordError(`${origin} looks binary (control characters), not text`);
  if (!text.trim()) throw new ConcordError(`${origin} contains only white space`);

  const format = detectTextFormat(text, origin);
  const base = { format, encoding: decoded.encoding, invalidSequences: decoded.invalidSequences };
  if (format === 'html') {
    const { readHtml } = await (htmlReader ??= import('./html.js'));
    return { ...base, content: await readHtml(text) };
  }
  if (format === 'md') {
    const { readMarkdown } = await (markdownReader ??= import('./markdown.js'));
    return { ...base, content: readMarkdown(text) };
  }
  return { ...base, content: { ...readPlainText(text), metadata: {} } };
}
