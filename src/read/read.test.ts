import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { read, MAX_INPUT_BYTES } from './index.js';
import { ConcordError } from '../model.js';

const oneLineError = (pattern: RegExp) => (e: Error) => {
  assert.ok(e instanceof ConcordError, `a ConcordError, not ${e?.name}: ${e?.message}`);
  assert.ok(!e.message.includes('\n'), 'one line');
  assert.match(e.message, pattern);
  return true;
};

const dir = mkdtempSync(join(tmpdir(), 'concord-read-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('a path reads with its provenance: origin, size and SHA-256 of the bytes', async () => {
  const doc = await read(file('ok.txt', 'Hello world.\n'));
  assert.equal(doc.provenance.origin, join(dir, 'ok.txt'));
  assert.equal(doc.provenance.bytes, 13);
  assert.equal(doc.provenance.sha256, createHash('sha256').update('Hello world.\n').digest('hex'));
});

test('an empty file is refused', async () => {
  await assert.rejects(read(file('empty.txt', '')), oneLineError(/empty/));
});

test('a file of white space only is refused', async () => {
  await assert.rejects(read(file('blank.txt', ' \n\t\r\n\u3000\n')), oneLineError(/only white space|no text/));
});

test('a binary file is refused', async () => {
  const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
  await assert.rejects(read(file('blob.bin', bytes)), oneLineError(/binary/));
  const controls = Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f'.repeat(20));
  await assert.rejects(read(file('controls.dat', controls)), oneLineError(/binary/));
});

test('known binary formats are refused by name', async () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  await assert.rejects(read(file('image.txt', png)), oneLineError(/PNG image/));
});

test('a missing path and a directory are one-line errors', async () => {
  await assert.rejects(read(join(dir, 'no-such-file.txt')), oneLineError(/^no such file: .*no-such-file\.txt$/));
  await assert.rejects(read(dir), oneLineError(/is a directory/));
});

test('a 50 MB file is refused before it is read', async () => {
  const path = join(dir, 'huge.txt');
  writeFileSync(path, '');
  truncateSync(path, MAX_INPUT_BYTES); // sparse: nothing is written, and read() must not read it either
  await assert.rejects(read(path), oneLineError(/too large .*50 MB/));
  await assert.rejects(read({ bytes: new Uint8Array(MAX_INPUT_BYTES), origin: 'memory' }), oneLineError(/too large/));
});

const stdinReader = fileURLToPath(new URL('./testing/read-stdin.ts', import.meta.url));
const readStdin = (input: Uint8Array) =>
  spawnSync(process.execPath, ['--import', 'tsx', stdinReader], { input, encoding: 'utf8', maxBuffer: 1 << 20 });

test('standard input reads as "-"', () => {
  const result = readStdin(Buffer.from('First paragraph.\nSecond paragraph.\n'));
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), { origin: '-', encoding: 'utf-8', blocks: 2 });
});

test('standard input past the limit is refused', () => {
  const result = readStdin(Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61));
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^standard input is too large \(at least [\d.]+ MB\); the limit is 50 MB\n$/);
});
