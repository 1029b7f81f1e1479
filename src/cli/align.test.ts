import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexiconAvailable } from '../lang/lexicon.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const concord = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'concord-align-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const zh = file('zh.txt', '今天下雨了。\n我們留在家裡看書，喝了三杯茶。\n');
const en = file('en.txt', 'It rained today.\nWe stayed at home and read.\nWe drank three cups of tea.\n');
const empty = file('empty.txt', '');
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('align --sentences prints beads in the gold-file format', { skip: !lexiconAvailable() && 'lexicon not built' }, () => {
  const r = concord('align', '--sentences', zh, en);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '[0]:[0]\n[1]:[1,2]\n');
});

test('align --sentences with an empty file aligns the other side to nothing', () => {
  const r = concord('align', '--sentences', empty, en, '--format', 'beads');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '[]:[0]\n[]:[1]\n[]:[2]\n');
});

test('align refuses an unknown format and a missing file with one line each', () => {
  const bad = concord('align', '--sentences', zh, en, '--format', 'pdf');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown format 'pdf'/);
  const missing = concord('align', 'no/such.txt', en);
  assert.notEqual(missing.status, 0);
  assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
});
