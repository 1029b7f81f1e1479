import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { TextDocument } from '../model.js';

/** What `read` accepts: a path (or `-` for standard input), or bytes already in memory. */
export type ReadInput = string | { bytes: Uint8Array; origin: string };

/** Bytes → normalised text cut into blocks. (Initial version: UTF-8 plain text; see issue "read".) */
export async function read(input: ReadInput): Promise<TextDocument> {
  const bytes = typeof input === 'string' ? await readFile(input) : input.bytes;
  const origin = typeof input === 'string' ? input : input.origin;
  const text = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n').normalize('NFC');
  const blocks: TextDocument['blocks'] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) blocks.push({ start: pos, end: pos + line.length, kind: 'paragraph' });
    pos += line.length + 1;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { text, blocks, provenance: { origin, sha256, encoding: 'utf-8', format: 'txt', bytes: bytes.length }, metadata: {} };
}
