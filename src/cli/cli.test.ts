import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const concord = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], { cwd: root, encoding: 'utf8' });

test('analyze --json prints the document model of the bundled example', () => {
  const r = concord('analyze', 'examples/statement-etge-2024-en-zh.txt', '--json');
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.ok(Array.isArray(doc.versions) && doc.versions.length >= 2);
  for (const v of doc.versions) for (const p of v.paragraphs) assert.ok(p.id.startsWith(v.id + '.p'));
});

test('a missing file gives one line and a non-zero exit, no stack trace', () => {
  const r = concord('analyze', 'no/such/file.txt');
  assert.notEqual(r.status, 0);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/);
});

test('an unknown command is refused with usage', () => {
  const r = concord('frobnicate');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command/);
});

