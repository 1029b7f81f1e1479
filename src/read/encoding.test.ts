import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { read } from './index.js';
import { decodeText } from './encoding.js';
import { ConcordError } from '../model.js';
import { assertWellFormed, blockTexts } from './testing/invariants.js';

const ENGLISH = 'The government in exile marks the anniversary.\nIt calls on the world to act.\n';
const SIMPLIFIED = '东突厥斯坦流亡政府今天发表声明，纪念被占领七十五周年。\n我们呼吁国际社会立即采取行动，追究中国政府的责任。\n';
const TRADITIONAL = '東突厥斯坦流亡政府今天發表聲明，紀念被佔領七十五週年。\n我們呼籲國際社會立即採取行動，追究中國政府的責任。\n';

const fromBytes = (bytes: Uint8Array, origin = 'input') => read({ bytes, origin });

test('UTF-8 without and with a BOM decodes the same text, the BOM removed and recorded', async () => {
  const plain = await fromBytes(Buffer.from(SIMPLIFIED));
  const bom = await fromBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)]));
  assert.equal(plain.provenance.encoding, 'utf-8');
  assert.equal(bom.provenance.encoding, 'utf-8-bom');
  assert.equal(bom.text, plain.text);
  assert.deepEqual(blockTexts(bom), SIMPLIFIED.trim().split('\n'));
});

test('UTF-16 LE and BE with a BOM decode, whatever the file is called', async () => {
  for (const [encoding, name] of [['utf-16le', 'a.gbk'], ['utf-16be', 'b.big5']] as const) {
    const doc = await fromBytes(iconv.encode(TRADITIONAL, encoding, { addBOM: true }), name);
    assert.equal(doc.provenance.encoding, encoding);
    assert.deepEqual(blockTexts(doc), TRADITIONAL.trim().split('\n'));
    assertWellFormed(doc);
  }
});

test('UTF-16 LE without a BOM is recognised from its NUL pattern rather than refused as binary', () => {
  const decoded = decodeText(iconv.encode(ENGLISH, 'utf-16le'), 'x');
  assert.equal(decoded.encoding, 'utf-16le');
  assert.equal(decoded.text, ENGLISH);
});

test('GB18030 Simplified and Big5 Traditional Chinese are told apart by the characters they decode to', async () => {
  const gb = await fromBytes(iconv.encode(SIMPLIFIED, 'gb18030'), 'statement.txt');
  assert.equal(gb.provenance.encoding, 'gb18030');
  assert.deepEqual(blockTexts(gb), SIMPLIFIED.trim().split('\n'));
  const big5 = await fromBytes(iconv.encode(TRADITIONAL, 'big5'), 'statement.txt');
  assert.equal(big5.provenance.encoding, 'big5');
  assert.deepEqual(blockTexts(big5), TRADITIONAL.trim().split('\n'));
  // Traditional characters exist in GBK too: a Traditional text saved as GB18030 is still GB18030.
  const traditionalGb = await fromBytes(iconv.encode(TRADITIONAL, 'gb18030'));
  assert.equal(traditionalGb.provenance.encoding, 'gb18030');
  assert.equal(traditionalGb.text, TRADITIONAL);
});

test('short Chinese strings decode right in both GB18030 and Big5', () => {
  const words = ['中國政府', '人權', '你好', '香港', '台灣', '西藏', '達賴喇嘛', '他說：「我們不會放棄。」', '維吾爾'];
  for (const word of words) {
    for (const encoding of ['gb18030', 'big5'] as const) {
      const decoded = decodeText(iconv.encode(word, encoding), 'x');
      assert.equal(decoded.text, word, `${word} in ${encoding}`);
      assert.equal(decoded.encoding, encoding, `${word} in ${encoding}`);
    }
  }
});

test('mixed English and GB18030 Chinese decodes as GB18030', async () => {
  const doc = await fromBytes(iconv.encode(ENGLISH + SIMPLIFIED, 'gb18030'));
  assert.equal(doc.provenance.encoding, 'gb18030');
  assert.equal(doc.blocks.length, 4);
});

test('legacy Cyrillic, Japanese and Korean encodings are decoded when chardet names them and the decode is clean', () => {
  const cases: [string, string][] = [
    ['Правительство Восточного Туркестана в изгнании отмечает годовщину оккупации. Мы призываем мир действовать.', 'windows-1251'],
    ['東トルキスタン亡命政府は、占領から七十五年を迎えるにあたり声明を発表しました。国際社会に行動を呼びかけます。', 'shift_jis'],
    ['동투르키스탄 망명정부는 점령 75주년을 맞아 성명을 발표했습니다. 국제사회의 행동을 촉구합니다.', 'euc-kr'],
  ];
  for (const [text, encoding] of cases) {
    const decoded = decodeText(iconv.encode(text, encoding), 'x');
    assert.equal(decoded.text, text, encoding);
    assert.equal(decoded.encoding, encoding);
  }
});

test('a declared <meta charset> is used when the bytes agree with it', async () => {
  const html = `<html><head><meta charset="gb2312"><title>声明</title></head><body><p>${SIMPLIFIED}</p></body></html>`;
  const doc = await fromBytes(iconv.encode(html, 'gb18030'), 'page.html');
  assert.equal(doc.provenance.encoding, 'gb18030');
  assert.equal(doc.provenance.format, 'html');
  assert.equal(doc.metadata.title, '声明');
});

test('a wrong charset declaration loses to the bytes', async () => {
  const html = `<html><head><meta charset="big5"></head><body><p>${SIMPLIFIED}</p></body></html>`;
  const doc = await fromBytes(Buffer.from(html, 'utf8'), 'page.html');
  assert.equal(doc.provenance.encoding, 'utf-8');
  assert.match(doc.text, /东突厥斯坦/);
});

test('undecodable bytes are an error, not silent replacement characters', async () => {
  const garbage = Buffer.from([0x41, 0x42, 0xff, 0xfe, 0x20, 0x80, 0x81, 0x0a, 0xc3, 0x28, 0xa0, 0xa1, 0x20, 0xff, 0x20, 0x90]);
  await assert.rejects(fromBytes(garbage, 'bad.txt'), (e: Error) => e instanceof ConcordError && /undecodable bytes/.test(e.message));
});

test('a few damaged bytes in a long UTF-8 file are tolerated, replaced by U+FFFD and counted', async () => {
  const long = Buffer.from(SIMPLIFIED.repeat(40) + ENGLISH.repeat(40));
  const damaged = Buffer.concat([long, Buffer.from([0xff]), long]);
  const doc = await fromBytes(damaged);
  assert.equal(doc.provenance.encoding, 'utf-8');
  assert.equal(doc.provenance.invalidSequences, 1);
  assert.ok(doc.text.includes('\uFFFD'));
  const clean = await fromBytes(long);
  assert.equal(clean.provenance.invalidSequences, undefined);
});
