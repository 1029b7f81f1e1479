import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNumbers, parseChineseNumeral, parseEnglishNumber } from './numbers.js';

const values = (s: string) => findNumbers(s).map((m) => [m.value, m.kind]);

test('digit groups with commas, spaces and dots all read as the same count', () => {
  for (const s of ['150,000', '150 000', '150.000', '150\u00a0000']) assert.deepEqual(values(s), [[150000, 'cardinal']], s);
  assert.deepEqual(values('1.5 million'), [[1500000, 'cardinal']]);
  assert.deepEqual(values('3.14'), [[3.14, 'cardinal']]);
});

test('Chinese numerals and units give their value', () => {
  assert.equal(parseChineseNumeral('十五萬'), 150000);
  assert.equal(parseChineseNumeral('一百萬'), 1000000);
  assert.equal(parseChineseNumeral('三十'), 30);
  assert.equal(parseChineseNumeral('一億二千萬'), 120000000);
  assert.equal(parseChineseNumeral('一九四九'), 1949);
  assert.deepEqual(values('15万人'), [[150000, 'cardinal']]);
  assert.deepEqual(values('超過一百萬的孩子'), [[1000000, 'cardinal']]);
  assert.deepEqual(values('刺殺了30名領導人'), [[30, 'cardinal']]);
});

test('English number words, including hyphenated and scaled ones', () => {
  assert.deepEqual(parseEnglishNumber(['seventy', 'five']), { value: 75, ordinal: false });
  assert.deepEqual(values('Seventy-five years later'), [[75, 'cardinal']]);
  assert.deepEqual(values('over a million children'), [[1000000, 'cardinal']]);
  assert.deepEqual(values('one hundred and five'), [[105, 'cardinal']]);
  assert.deepEqual(values('thirty leaders'), [[30, 'cardinal']]);
});

test('ordinals and anniversaries in both languages', () => {
  assert.deepEqual(values('the 75th anniversary'), [[75, 'ordinal']]);
  assert.deepEqual(values('75週年'), [[75, 'ordinal']]);
  assert.deepEqual(values('第三'), [[3, 'ordinal']]);
  assert.deepEqual(values('the twenty-first century'), [[21, 'ordinal']]);
});

test('percentages in both languages', () => {
  assert.deepEqual(values('25% and 25 percent'), [[25, 'percent'], [25, 'percent']]);
  assert.deepEqual(values('百分之二十五'), [[25, 'percent']]);
});

test('vague quantities are approximate lower bounds', () => {
  const [m] = findNumbers('millions of Uyghurs');
  assert.equal(m?.value, 2e6);
  assert.equal(m?.approximate, true);
  const [z] = findNumbers('數百萬人的生命');
  assert.equal(z?.value, 2e6);
  assert.equal(z?.approximate, true);
});

test('years are told from counts, and date parts carry their unit', () => {
  assert.deepEqual(findNumbers('1949年10月12日').map((m) => [m.value, m.kind, m.unit]), [[1949, 'year', '年'], [10, 'cardinal', '月'], [12, 'cardinal', '日']]);
  assert.deepEqual(values('On October 12, 1949, 30 senior leaders'), [[12, 'cardinal'], [1949, 'year'], [30, 'cardinal']]);
  assert.deepEqual(values('1,949 people'), [[1949, 'cardinal']]);
});

test('words that merely contain numerals or pronoun "one" are not numbers', () => {
  assert.deepEqual(values('這一背叛使中國一直統一'), []);
  assert.deepEqual(values('一份CIA報告'), []);
  assert.deepEqual(values('no one else, one of them'), []);
  assert.deepEqual(values('他十分高興'), []);
});

test('offsets point at the number in the given text', () => {
  const s = 'killed over 150,000 people';
  for (const m of findNumbers(s)) assert.equal(s.slice(m.start, m.end), m.text);
});

test('runs of number words split where one number ends: "five and six", "second one", "a six million"', () => {
  assert.deepEqual(values('five and six'), [[5, 'cardinal'], [6, 'cardinal']]);
  assert.deepEqual(values('the second one'), []);
  assert.deepEqual(values('a six million budget'), [[6e6, 'cardinal']]);
  assert.deepEqual(values('two hundred and fifty'), [[250, 'cardinal']]);
});

test('Chinese approximations and stacked units: 两三, 十四五, 4.244亿, 1.77万亿, 2万4801', () => {
  const [pair] = findNumbers('两三个人');
  assert.equal(pair?.value, 2);
  assert.equal(pair?.approximate, true);
  assert.equal(findNumbers('十四五岁')[0]?.value, 14);
  assert.deepEqual(values('4.244亿元'), [[424400000, 'cardinal']]);
  assert.deepEqual(values('1.77万亿'), [[1.77e12, 'cardinal']]);
  assert.deepEqual(values('2万4801人'), [[24801, 'cardinal']]);
});

test('common characters that double as financial numerals are not numbers: 隊伍, 大陸, 參加', () => {
  assert.deepEqual(values('隊伍在大陸參加比賽'), []);
});

test('digits glued to letters are still numbers: Windows11', () => {
  assert.deepEqual(values('Windows11'), [[11, 'cardinal']]);
});

test('number words are found at word boundaries only, in any case, and vague counts only as whole words', () => {
  assert.deepEqual(values('TWENTY-FIVE people and Seventy Five others'), [[25, 'cardinal'], [75, 'cardinal']]);
  assert.deepEqual(values('a million'), [[1000000, 'cardinal']]);
  assert.deepEqual(values('someone, tenfold, 5million, ten_x, alone'), [[5000000, 'cardinal']]);
  assert.deepEqual(values('tens of thousands of people'), [[20000, 'cardinal']]);
  assert.deepEqual(values('millionsof people, dozensmore'), []);
});

test('findNumbers gives frozen results, the same for a text seen again', () => {
  const first = findNumbers('Over 1,000 people came on 4 June.');
  const again = findNumbers('Over 1,000 people came on 4 June.');
  assert.deepEqual(again, first);
  assert.ok(Object.isFrozen(first) && first.every((m) => Object.isFrozen(m)));
  assert.throws(() => (first as unknown as number[]).push(1));
});
