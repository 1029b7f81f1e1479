import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTimes, resolveDocumentTimes } from './index.js';

const DCT = '2024-03-15';
const values = (text: string, dct: string | null = DCT) => findTimes(text, 'zh', { dct: dct ?? undefined }).map((t) => [t.text, t.type, t.value]);

test('full Chinese dates in Arabic and Chinese numerals, Traditional and Simplified', () => {
  assert.deepEqual(values('1949年10月12日，一九四九年九月，民國38年10月，2024年第一季度'), [
    ['1949年10月12日', 'DATE', '1949-10-12'],
    ['一九四九年九月', 'DATE', '1949-09'],
    ['民國38年10月', 'DATE', '1949-10'],
    ['2024年第一季度', 'DATE', '2024-Q1'],
  ]);
  assert.deepEqual(values('１９５４年３月下旬'), [['１９５４年３月下旬', 'DATE', '1954-03']]);
  assert.equal(findTimes('1954年3月下旬', 'zh', {})[0]?.mod, 'END');
});

test('relative Chinese dates: 去年, 上個月 / 上个月, 昨天, 下週, 星期五', () => {
  assert.deepEqual(values('去年、上個月、上个月、昨天、下週'), [
    ['去年', 'DATE', '2023'],
    ['上個月', 'DATE', '2024-02'],
    ['上个月', 'DATE', '2024-02'],
    ['昨天', 'DATE', '2024-03-14'],
    ['下週', 'DATE', '2024-W12'],
  ]);
  assert.deepEqual(values('代表團上週五抵達'), [['上週五', 'DATE', '2024-03-08']]);
});

test('decades and centuries: 三十年代 → 193, 1930年代, 20世紀30年代, 21世紀 → 20', () => {
  assert.deepEqual(values('三十年代、1930年代、20世紀30年代、21世紀'), [
    ['三十年代', 'DATE', '193'],
    ['1930年代', 'DATE', '193'],
    ['20世紀30年代', 'DATE', '193'],
    ['21世紀', 'DATE', '20'],
  ]);
});

test('durations: 七十五年, 三個月, 數十年 / 数十年, 超過十年, 十多年; 1949年 is a year, 三月 a month', () => {
  assert.deepEqual(values('七十五年、三個月、數十年、数十年、超過十年'), [
    ['七十五年', 'DURATION', 'P75Y'],
    ['三個月', 'DURATION', 'P3M'],
    ['數十年', 'DURATION', 'PXDE'],
    ['数十年', 'DURATION', 'PXDE'],
    ['超過十年', 'DURATION', 'P10Y'],
  ]);
  assert.equal(findTimes('超過十年', 'zh', {})[0]?.mod, 'MORE_THAN');
  assert.equal(findTimes('十多年', 'zh', {})[0]?.mod, 'MORE_THAN');
  assert.deepEqual(values('他們在1949年三月離開'), [['1949年三月', 'DATE', '1949-03']]);
});

test('intervals: 自1949年10月至1954年1月, 從去年到今年', () => {
  const [interval] = findTimes('自1949年10月至1954年1月，解放軍殺害了十五萬人', 'zh', {});
  assert.equal(interval?.text, '自1949年10月至1954年1月');
  assert.equal(interval?.value, '1949-10/1954-01');
  assert.deepEqual(interval?.parts?.map((p) => p.text), ['1949年10月', '1954年1月']);
  assert.deepEqual(values('從去年到今年'), [['從去年到今年', 'DURATION', '2023/2024']]);
});

test('75週年 and 75年後 date the present; 8月27日 takes the year of the sentence', () => {
  const result = resolveDocumentTimes([
    { text: '流亡政府紀念事件75週年。', lang: 'zh' },
    { text: '1949年9月，蘇聯在8月27日策劃了空難。', lang: 'zh' },
    { text: '75年後，世界不應忽視我們的苦難。', lang: 'zh' },
  ]);
  assert.deepEqual(result.documentDate && [result.documentDate.value, result.documentDate.inferred], ['2024', true]);
  assert.deepEqual(result.sentences.flat().map((t) => [t.text, t.value]), [
    ['75週年', '2024'],
    ['1949年9月', '1949-09'],
    ['8月27日', '1949-08-27'],
    ['75年後', '2024'],
  ]);
});

test('times of day and sets', () => {
  assert.deepEqual(values('今天下午3點半開會，每天、每週一'), [
    ['今天下午3點半', 'TIME', '2024-03-15T15:30'],
    ['每天', 'SET', 'P1D'],
    ['每週一', 'SET', 'XXXX-WXX-1'],
  ]);
});

test('words that only look like dates are left alone: 日本, 第三點, 三點建議', () => {
  assert.deepEqual(values('日本代表提出三點建議，第三點是停火。'), []);
});

test('a Chinese wire dateline dates the document; 上世纪九十年代 and 今年1月 resolve from it', () => {
  const result = resolveDocumentTimes([
    { text: '新华社北京2023年6月12日电 国务院新闻办公室今天发布白皮书。', lang: 'zh' },
    { text: '上世纪九十年代以来，当地经济快速发展；今年1月，当局又组织了参访。', lang: 'zh' },
  ]);
  assert.deepEqual(result.documentDate && [result.documentDate.value, result.documentDate.source], ['2023-06-12', 'dateline']);
  assert.deepEqual(result.sentences.flat().map((t) => [t.text, t.value]), [
    ['2023年6月12日', '2023-06-12'],
    ['今天', '2023-06-12'],
    ['上世纪九十年代', '199'],
    ['今年1月', '2023-01'],
  ]);
});

test('一點 "a little", 一時 "for a moment" and digit runs are not times; 半小時 and 一兩年 are durations', () => {
  assert.deepEqual(values('情況好一點了，一時難以判斷，三四五六號房間'), []);
  assert.deepEqual(values('等了半小時，還要一兩年'), [
    ['半小時', 'DURATION', 'PT30M'],
    ['一兩年', 'DURATION', 'PXY'],
  ]);
  assert.deepEqual(values('下午兩點鐘，10時整'), [
    ['下午兩點', 'TIME', '2024-03-15T14:00'],
    ['10時', 'TIME', '2024-03-15T10:00'],
  ]);
});
