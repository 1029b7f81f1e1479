/**
 * Which format the bytes are, from the bytes: magic numbers for binary formats, markup for HTML,
 * syntax (or the `.md` extension, as a hint between two text formats) for Markdown.
 */
import { ConcordError, type SourceFormat } from '../model.js';

export type BinaryFormat = 'pdf' | 'docx';

/** PDF and DOCX by their magic; other known binary formats are refused by name. Undefined: treat as text. */
export function sniffBinaryFormat(bytes: Uint8Array, origin: string): BinaryFormat | undefined {
  const head = latin1(bytes, 0, 1024);
  if (/%PDF-\d/.test(head)) return 'pdf';
  if (head.startsWith('PK\x03\x04') || head.startsWith('PK\x05\x06')) {
    if (findAscii(bytes, 'word/document.xml')) return 'docx';
    const kind = findAscii(bytes, 'content.xml') ? 'an OpenDocument file' : findAscii(bytes, 'xl/workbook') ? 'a spreadsheet' : 'a ZIP archive';
    throw new ConcordError(`${origin} is ${kind}, not a statement: expected text, HTML, DOCX or PDF`);
  }
  // Magics made of printable letters count only with a NUL nearby, so text that happens to start "MZ" stays text.
  const hasNul = head.includes('\0');
  const known = KNOWN_BINARY.find(([magic, , printable]) => head.startsWith(magic) && (!printable || hasNul));
  if (known) throw new ConcordError(`${origin} is ${known[1]}, not a statement: expected text, HTML, DOCX or PDF`);
  return undefined;
}

const KNOWN_BINARY: [magic: string, description: string, printable?: boolean][] = [
  ['\xD0\xCF\x11\xE0', 'a legacy Office file (.doc?): save it as .docx'],
  ['{\\rtf1', 'an RTF file: save it as .docx or text'],
  ['\x89PNG', 'a PNG image'],
  ['\xFF\xD8\xFF', 'a JPEG image'],
  ['GIF8', 'a GIF image', true],
  ['\x1F\x8B', 'a gzip archive'],
  ['Rar!', 'a RAR archive', true],
  ['7z\xBC\xAF', 'a 7-Zip archive'],
  ['\x7FELF', 'an executable'],
  ['MZ', 'an executable', true],
  ['OggS', 'an audio file', true],
  ['ID3', 'an audio file', true],
  ['SQLite format 3', 'an SQLite database', true],
];

/** A `<meta charset>` or `http-equiv` content type in the first bytes of an HTML file. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes, 0, 4096);
  if (!/<(?:!doctype|html|head|meta|\?xml)\b/i.test(head)) return undefined;
  const match = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1];
}

/** Text formats: HTML by its markup, Markdown by extension or syntax, plain text otherwise. */
export function detectTextFormat(text: string, origin: string): SourceFormat {
  if (looksLikeHtml(text)) return 'html';
  if (/\.(md|markdown|mdown|mkd)$/i.test(origin)) return 'md';
  if (/\.txt$/i.test(origin)) return 'txt';
  return looksLikeMarkdown(text) ? 'md' : 'txt';
}

export function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 2048).trimStart();
  if (/^<(?:!doctype\s+html|html|head|body)\b/i.test(start)) return true;
  if (/^<\?xml[^>]*>\s*<(?:!doctype\s+html|html)\b/i.test(start)) return true;
  // A fragment: starts with a tag and has a fair density of block tags with their closing tags.
  if (!start.startsWith('<')) return false;
  const sample = text.slice(0, 65536);
  const closers = sample.match(/<\/(?:p|div|h[1-6]|li|ul|ol|article|section|table|td|span|a|blockquote)>/gi)?.length ?? 0;
  return closers >= 2;
}

/** Markdown syntax signals: ATX headings, list bullets, links, emphasis, setext underlines, fences. */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 65536);
  let signals = 0;
  if (/^#{1,6}\s+\S/m.test(sample)) signals += 2;
  if (/\[[^\]\n]+\]\([^)\s]+\)/.test(sample)) signals += 2;
  if (/^\S.*\n(?:=+|-+)[ \t]*$/m.test(sample)) signals += 1;
  if (/(?:\*\*|__)\S[^\n]*?\S(?:\*\*|__)/.test(sample)) signals += 1;
  if (/^```/m.test(sample)) signals += 1;
  if (/^\s{0,3}>\s/m.test(sample)) signals += 1;
  return signals >= 2;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, Math.min(end, bytes.length));
}

function findAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}
