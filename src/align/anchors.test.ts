import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSES_QUOTE, EXCLAIM, OPENS_QUOTE, punctuationFlags, QUESTION } from './anchors.js';

test('punctuation flags read the ends of the trimmed segment', () => {
  assert.equal(punctuationFlags('  “你去吗？”  '), OPENS_QUOTE | QUESTION | CLOSES_QUOTE);
  assert.equal(punctuationFlags('"Stop!" he said.'), OPENS_QUOTE);
  assert.equal(punctuationFlags('He said "stop".\u3000'), CLOSES_QUOTE);
  assert.equal(punctuationFlags('Really?!'), QUESTION | EXCLAIM);
  assert.equal(punctuationFlags('”。'), 0, 'a lone closing quote is no quotation');
  assert.equal(punctuationFlags(' \n\t'), 0);
  assert.equal(punctuationFlags(''), 0);
});
