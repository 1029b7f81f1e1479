import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const concord = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], { cwd: root, encoding: 'utf8' });

test('facts prints the timeline in date order and the lists of the reference statement', () => {
  const r = concord('facts', 'examples/statement-etge-2024-en-zh.txt');
  assert.equal(r.status, 0, r.stderr);
  for (const section of ['Timeline', 'Figures', 'Quotations', 'Sources', 'Demands', 'Entities']) assert.match(r.stdout, new RegExp(`^${section} \\(\\d+\\)$`, 'm'));
  assert.match(r.stdout, /statement by East Turkistan Government in Exile/);
  assert.match(r.stdout, /> 150,000 East Turkistanis killed/);
  assert.match(r.stdout, /Mamtimin Ala \(President, East Turkistan Government in Exile\): “/);
  const timeline = r.stdout.split(/^Figures/m)[0]!.split('\n').filter((l) => /^\s{2}\d{4}/.test(l)).map((l) => l.trim().split(/\s/)[0]!.split('/')[0]!);
  assert.ok(timeline.length >= 4, r.stdout);
  assert.deepEqual(timeline, [...timeline].sort(), 'dated events in order');
});

test('facts --csv gives one row per fact with its attribution and evidence', () => {
  const r = concord('facts', 'examples/statement-etge-2024-en-zh.txt', '--csv');
  assert.equal(r.status, 0, r.stderr);
  const [header, ...rows] = r.stdout.trim().split('\n');
  assert.equal(header, 'id,type,value,when,attributedTo,evidence');
  assert.ok(rows.some((row) => /^figure-\d+,figure,> 150,000 East Turkistanis killed,/.test(row) || /^figure-\d+,figure,"> 150,000 East Turkistanis killed",/.test(row)), rows.join('\n'));
  assert.ok(rows.some((row) => row.startsWith('source-') && /3070/.test(row)));
  const bare = rows.filter((row) => !/(v\d+):\1\.p\d+\.s\d+/.test(row));
  assert.deepEqual(bare, [], 'every row names its evidence');
});

test('facts without a file is a usage error on one line', () => {
  const r = concord('facts');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
