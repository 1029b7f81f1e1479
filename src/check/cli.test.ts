import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const concord = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'concord-check-'));
const write = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('check prints a report grouped by severity and fails on the cut-off', () => {
  const r = concord('check', 'examples/statement-etge-2024-en-zh.txt');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^CRITICAL$/m);
  assert.ok(r.stdout.indexOf('CRITICAL') < r.stdout.indexOf('MINOR'));
  assert.match(r.stdout, /cut-off/);
});

test('check --json gives findings with locations in both versions', () => {
  const r = concord('check', 'examples/statement-etge-2024-en-zh.txt', '--json');
  const { findings } = JSON.parse(r.stdout);
  assert.ok(findings.length > 0);
  for (const f of findings) {
    assert.match(f.id, /^f\d+$/);
    assert.ok(f.kind && f.severity && f.message && Array.isArray(f.evidence));
    for (const loc of [f.a, f.b].filter(Boolean)) assert.ok(loc.version && Number.isInteger(loc.start) && loc.end >= loc.start);
  }
});

test('--fail-on decides the exit code; a clean pair of files exits 0', () => {
  assert.equal(concord('check', 'examples/statement-etge-2024-en-zh.txt', '--fail-on', 'never').status, 0);
  const en = write('en.txt', 'The committee met on 3 May 2021.\n\nIt adopted 12 resolutions.\n');
  const zh = write('zh.txt', '委員會於2021年5月3日開會。\n\n它通過了12項決議。\n');
  const r = concord('check', en, zh);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /no findings/);
});

test('bad options are one-line errors', () => {
  const r = concord('check', 'examples/statement-etge-2024-en-zh.txt', '--fail-on', 'sometimes');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  const g = concord('check', 'examples/statement-etge-2024-en-zh.txt', '--glossary', write('bad.csv', 'only-one-field\n'));
  assert.equal(g.status, 2);
  assert.match(g.stderr, /source,target/);
});
