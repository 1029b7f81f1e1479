/**
 * Getting the bytes: a path, standard input (`-`) or bytes in memory, refused early when too large.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { ConcordError } from '../model.js';

/** The largest input we read: statements are kilobytes; anything near this is a mistake, not a statement. */
export const MAX_INPUT_BYTES = 50_000_000;

export type ReadInput = string | { bytes: Uint8Array; origin: string };

export interface LoadedBytes {
  bytes: Uint8Array;
  origin: string;
}

export async function loadBytes(input: ReadInput): Promise<LoadedBytes> {
  if (typeof input !== 'string') {
    if (input.bytes.length >= MAX_INPUT_BYTES) throw tooLarge(input.origin, input.bytes.length);
    return input;
  }
  if (input === '-') return { bytes: await readStream(process.stdin, 'standard input'), origin: '-' };
  return { bytes: await readPath(input), origin: input };
}

async function readPath(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(error, path);
  }
  if (info.isDirectory()) throw new ConcordError(`${path} is a directory, not a file`);
  // Stat first so a huge file is refused before a byte of it is read.
  if (info.isFile() && info.size >= MAX_INPUT_BYTES) throw tooLarge(path, info.size);
  try {
    // Pipes and devices (`<(…)`, /dev/stdin) report no size: read them as a stream, with the same limit.
    return info.isFile() ? await readFile(path) : await readStream(createReadStream(path), path);
  } catch (error) {
    throw error instanceof ConcordError ? error : fileError(error, path);
  }
}

async function readStream(stream: NodeJS.ReadableStream & { destroy?: () => void; isTTY?: boolean }, origin: string): Promise<Uint8Array> {
  if (stream.isTTY) throw new ConcordError(`${origin} is a terminal: pipe a file into it or give a path`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size >= MAX_INPUT_BYTES) {
      stream.destroy?.();
      throw tooLarge(origin, size, true);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(origin: string, size: number, atLeast = false): ConcordError {
  const megabytes = (size / 1_000_000).toFixed(1);
  return new ConcordError(`${origin} is too large (${atLeast ? 'at least ' : ''}${megabytes} MB); the limit is ${MAX_INPUT_BYTES / 1_000_000} MB`);
}

function fileError(error: unknown, path: string): ConcordError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new ConcordError(`no such file: ${path}`);
  if (code === 'ENOTDIR') return new ConcordError(`no such file: ${path} (a parent is not a directory)`);
  if (code === 'EACCES' || code === 'EPERM') return new ConcordError(`permission denied: ${path}`);
  if (code === 'EISDIR') return new ConcordError(`${path} is a directory, not a file`);
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new ConcordError(`cannot read ${path}: ${message}`);
}
