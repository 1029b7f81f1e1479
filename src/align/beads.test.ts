import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentCounts, formatBeads, parseBeads, scoresOf, sumCounts } from './beads.js';

test('beads round-trip through the gold-file format, empty sides included', () => {
  const text = '[0,1]:[0]\n[2]:[]\n[]:[1]\n[3]:[2,3]\n';
  assert.equal(formatBeads(parseBeads(text)), text);
  assert.deepEqual(parseBeads('[0, 1]:[2]'), [{ a: [0, 1], b: [2] }]);
});

test('a malformed bead line is a clear error', () => {
  assert.throws(() => parseBeads('[0]:[1]\n0-1\n', 'x.align'), /x\.align:2: not a bead/);
});

test('strict and lax precision/recall follow the Vecalign definitions', () => {
  const gold = parseBeads('[0]:[0]\n[1]:[1,2]\n[2]:[]\n[3]:[3]');
  const test = parseBeads('[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[]\n[3]:[3]');
  const s = scoresOf(documentCounts(gold, test));
  // Precision over all 5 test beads: strict hits [0]:[0], [2]:[], [3]:[3]; lax adds [1]:[1].
  assert.equal(s.strict.precision, 3 / 5);
  assert.equal(s.lax.precision, 4 / 5);
  // Recall over the 3 two-sided gold beads against the 3 two-sided test beads: strict 2, lax 3.
  assert.equal(s.strict.recall, 2 / 3);
  assert.equal(s.lax.recall, 1);
});

test('counts are summed over documents before ratios are taken', () => {
  const a = documentCounts(parseBeads('[0]:[0]'), parseBeads('[0]:[0]'));
  const b = documentCounts(parseBeads('[0]:[0]\n[1]:[1]\n[2]:[2]'), parseBeads('[0,1]:[0,1]\n[2]:[2]'));
  const total = scoresOf(sumCounts([a, b]));
  assert.equal(total.strict.precision, 2 / 3);
  assert.equal(total.strict.recall, 2 / 4);
});
