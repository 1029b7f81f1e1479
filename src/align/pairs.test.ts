import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryLevel, entryToken, evidenceEntry, PairRows } from './pairs.js';

test('a pair row keeps its cells when it grows and forgets them when it moves to another segment', () => {
  const rows = new PairRows(2);
  const row = rows.row(5, 10);
  const c = row.cell(12);
  row.start[c] = row.reserve(3);
  row.arena.set([1, 2, 0], row.start[c]!);
  row.used += 3;
  row.length[c] = 3;
  row.names[c] = 0.5;
  const far = row.cell(10 + 5000); // past the initial capacity
  assert.equal(row.start[far], -1);
  assert.equal(row.start[c], 0);
  assert.deepEqual([...row.arena.subarray(0, 3)], [1, 2, 0]);
  assert.equal(row.names[c], 0.5);
  assert.equal(rows.row(5, 10), row);
  assert.equal(row.cell(9), -1, 'a position before the base has no cell');
  const moved = rows.row(7, 0); // same slot (7 mod 2 = 5 mod 2): the row is reset
  assert.equal(moved.x, 7);
  assert.equal(moved.start[moved.cell(12)], -1);
  assert.equal(moved.used, 0);
});

test('evidence entries keep the token and its level', () => {
  for (const token of [0, 1, 255, 4095]) {
    for (const level of [1, 2]) {
      const entry = evidenceEntry(token, level);
      assert.equal(entryToken(entry), token);
      assert.equal(entryLevel(entry), level);
    }
  }
});
