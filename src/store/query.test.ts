import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatQuery, parseQuery, toFts5, toTsquery } from './query.js';
import { tokenize } from './tokens.js';
import { timexRange } from './timex.js';

test('Chinese is cut into bigrams after folding to Simplified; the run-final character goes to the tail', () => {
  const { body, tail } = tokenize('東突厥斯坦 ETGE');
  assert.deepEqual(body.map((t) => t.term), ['东突', '突厥', '厥斯', '斯坦', 'etg']);
  assert.deepEqual(tail.map((t) => [t.term, t.start]), [['坦', 4]]);
});

test('digits next to Chinese stay separate terms', () => {
  assert.deepEqual(tokenize('第3070號決議').body.map((t) => t.term), ['第', '3070', '号决', '决议']);
});

test('accents, full-width forms and compatibility characters fold to plain letters and digits', () => {
  assert.deepEqual(tokenize('Türkiye ＵＮ ⑴').body.map((t) => t.term), ['turkiy', 'un', '1']);
});

test('the query parser builds an AST with precedence: NOT > AND (implicit) > OR', () => {
  assert.equal(formatQuery(parseQuery('soviet betrayal OR "Resolution 3070" -china')), '(OR (AND soviet betray) (AND "resolut 3070" (NOT china)))');
  assert.equal(formatQuery(parseQuery('(a OR b) AND 東突厥斯坦')), '(AND (OR a b) "东突 突厥 厥斯 斯坦")');
  assert.equal(formatQuery(parseQuery('resolut*')), 'resolut*');
  assert.equal(formatQuery(parseQuery('「東突」')), '东突');
});

test('compiled queries hold only quoted index terms, whatever the input', () => {
  const ast = parseQuery(`x' OR body:"NEAR(a" '; DROP TABLE t; --`);
  const fts = toFts5(ast);
  const ts = toTsquery(ast);
  for (const quoted of fts.match(/"[^"]*"/g) ?? []) assert.match(quoted, /^"[\p{L}\p{N} ]+"$/u);
  assert.doesNotMatch(fts.replace(/"[^"]*"/g, '').replace(/body :/g, ''), /[^()\sA-Z*]|DROP/);
  assert.doesNotMatch(ts.replace(/'[^']*'/g, ''), /[^()\s&|!<>:*-]/);
});

test('TimeML values become ISO day ranges at their precision', () => {
  assert.deepEqual(timexRange('1949-10-12'), { start: '1949-10-12', end: '1949-10-12', precision: 'day' });
  assert.deepEqual(timexRange('1949-02'), { start: '1949-02-01', end: '1949-02-28', precision: 'month' });
  assert.deepEqual(timexRange('1949-10/1954-01'), { start: '1949-10-01', end: '1954-01-31', precision: 'month' });
  assert.deepEqual(timexRange('194'), { start: '1940-01-01', end: '1949-12-31', precision: 'decade' });
  assert.equal(timexRange('P75Y'), undefined);
  assert.equal(timexRange('XXXX-08-27'), undefined);
});
