import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { split } from './index.js';
import { textDocument } from './fixtures/text-document.js';
import { toTraditional } from '../lang/chinese.js';
import type { Document, TextDocument } from '../model.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every paragraph and sentence span gives its text back, and sentences lie inside their paragraph. */
function assertOffsets(doc: Document): void {
  for (const v of doc.versions) {
    for (const p of v.paragraphs) {
      assert.equal(doc.text.slice(p.start, p.end), p.text, p.id);
      assert.ok(p.sentences.length > 0, `${p.id} has sentences`);
      p.sentences.forEach((s, k) => {
        assert.equal(s.id, `${p.id}.s${k + 1}`);
        assert.equal(doc.text.slice(s.start, s.end), s.text, s.id);
        assert.equal(s.text, s.text.trim(), `${s.id} is trimmed`);
        assert.ok(s.start >= p.start && s.end <= p.end, `${s.id} inside ${p.id}`);
      });
    }
  }
}

const summary = (doc: Document) => doc.versions.map((v) => `${v.id}:${v.language}:${v.paragraphs.length}`);
/** The version language of each line, in document order. */
const lineVersions = (doc: Document) =>
  doc.versions.flatMap((v) => v.paragraphs.map((p) => [p.start, v.language] as const)).sort((a, b) => a[0] - b[0]).map(([, l]) => l);

const EN = [
  'The committee met in Geneva on Monday to review the report on detention.',
  'Members asked the delegation to explain why so many schools had been closed.',
  'The delegation said the measures were temporary and would be lifted soon.',
  'A decision on the follow-up procedure is expected next month.',
];
const ZH = [
  '委员会星期一在日内瓦开会，审议关于拘留问题的报告。',
  '委员们要求代表团解释为什么关闭了这么多学校。',
  '代表团表示，这些措施是临时的，很快就会取消。',
  '预计下个月将就后续程序作出决定。',
];

test('the reference statement: English with 15 paragraphs, then Traditional Chinese with 7', () => {
  const text = readFileSync(`${root}examples/statement-etge-2024-en-zh.txt`, 'utf8').normalize('NFC');
  const doc = split(textDocument(text));
  assert.deepEqual(summary(doc), ['v1:en:15', 'v2:zh-Hant:7']);
  assertOffsets(doc);
  const [en, zh] = doc.versions;
  assert.match(en!.paragraphs[0]!.text, /^Washington, D\.C\. — The East Turkistan Government in Exile/);
  assert.match(en!.paragraphs[0]!.sentences[0]!.text, /^Washington, D\.C\. — The East Turkistan Government in Exile \(ETGE\) solemnly marks/);
  const ala = en!.paragraphs.flatMap((p) => p.sentences).filter((s) => s.text.includes('Mamtimin Ala'));
  assert.equal(ala.length, 1);
  assert.match(ala[0]!.text, /^“This betrayal by the Soviet Union .* said ETGE President Dr\. Mamtimin Ala\.$/);
  const enSentences = en!.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  const zhSentences = zh!.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  assert.ok(enSentences >= 28 && enSentences <= 40, `English sentences: ${enSentences}`);
  assert.ok(zhSentences >= 14 && zhSentences <= 22, `Chinese sentences: ${zhSentences}`);
  // Paragraphs 1-3 of each version have the same number of sentences (3, 3, 2): the translation is faithful there.
  assert.deepEqual(zh!.paragraphs.slice(0, 3).map((p) => p.sentences.length), en!.paragraphs.slice(0, 3).map((p) => p.sentences.length));
  // The dateline's version: every paragraph of v1 is English, of v2 Traditional Chinese.
  assert.ok(en!.paragraphs.every((p) => p.language === 'en'));
  assert.ok(zh!.paragraphs.every((p) => p.language === 'zh-Hant'));
});

test('blocks Chinese then English: two versions, Chinese first', () => {
  const doc = split(textDocument([...ZH, ...EN].join('\n')));
  assert.deepEqual(summary(doc), ['v1:zh-Hans:4', 'v2:en:4']);
  assert.deepEqual(doc.versions[1]!.paragraphs.map((p) => p.id), ['v2.p1', 'v2.p2', 'v2.p3', 'v2.p4']);
  assertOffsets(doc);
});

test('interleaved transcript: each paragraph in Chinese then English, bare numbers follow the cycle', () => {
  const lines = ZH.flatMap((zh, i) => [zh, EN[i]!]);
  // A year on its own line, given in both versions: it belongs where its position in the zh/en cycle puts it.
  lines.splice(4, 0, '2024', '2024');
  const doc = split(textDocument(lines.join('\n')));
  assert.deepEqual(summary(doc), ['v1:zh-Hans:5', 'v2:en:5']);
  assert.deepEqual(lineVersions(doc), ['zh-Hans', 'en', 'zh-Hans', 'en', 'zh-Hans', 'en', 'zh-Hans', 'en', 'zh-Hans', 'en']);
  assert.equal(doc.versions[0]!.paragraphs[2]!.language, 'und');
  assertOffsets(doc);
});

test('short chat lines in a transcript stay with their language', () => {
  const lines = ['你好，我的订单还没到', 'Hello, my order has not arrived', '好的', 'OK', '谢谢', 'Thanks!', '还要多久？', 'How much longer?'];
  const doc = split(textDocument(lines.join('\n')));
  assert.deepEqual(lineVersions(doc), ['zh-Hans', 'en', 'zh-Hans', 'en', 'zh-Hans', 'en', 'zh-Hans', 'en']);
});

test('one language only gives one version', () => {
  const doc = split(textDocument(EN.join('\n')));
  assert.deepEqual(summary(doc), ['v1:en:4']);
  const zhOnly = split(textDocument(ZH.join('\n')));
  assert.deepEqual(summary(zhOnly), ['v1:zh-Hans:4']);
});

test('Simplified and Traditional versions of the same text are two versions', () => {
  const doc = split(textDocument([...ZH, ...ZH.map(toTraditional)].join('\n')));
  assert.deepEqual(summary(doc), ['v1:zh-Hans:4', 'v2:zh-Hant:4']);
});

test('a short Chinese line without variant signal takes the script of the document', () => {
  // 好的 and 中文 are written alike in both scripts; the other paragraphs are Traditional.
  const doc = split(textDocument(['我們紀念那些被刺殺的人。', '好的', '國際社會必須承認這一點。'].join('\n')));
  assert.deepEqual(summary(doc), ['v1:zh-Hant:3']);
});

test('a paragraph takes the language of its body, not of a quotation or an acronym in it', () => {
  const doc = split(
    textDocument(
      [
        'In his letter he wrote “我们要团结起来” and signed it with his own name before sending it to the committee.',
        'ETGE總統在華盛頓表示，國際社會必須立即採取行動，追究中國的責任。',
        'CIA報告證實了這一點。',
      ].join('\n'),
    ),
  );
  assert.deepEqual(summary(doc), ['v1:en:1', 'v2:zh-Hant:2']);
});

const SAMPLES: Record<string, string> = {
  'ug-Arab': 'ئۇيغۇرلار شەرقىي تۈركىستاندا ياشايدۇ. بىز ئەركىنلىك ۋە ئادالەت ئۈچۈن كۈرەش قىلىمىز.',
  ar: 'تحتفل الحكومة في المنفى اليوم بالذكرى الخامسة والسبعين لهذه الأحداث المأساوية.',
  ru: 'Правительство в изгнании отмечает семьдесят пятую годовщину этих трагических событий.',
  kk: 'Қазақстан үкіметі бүгін жаңа заң қабылдады және халыққа үндеу жасады.',
  tr: 'Sürgündeki hükümet, bu trajik olayların yıldönümünü anıyor ve dünyayı harekete geçmeye çağırıyor.',
  ja: '亡命政府は本日、悲劇的な出来事から七十五年を迎えたことを記念しました。',
  ko: '망명 정부는 오늘 비극적인 사건의 75주년을 기념했습니다.',
  bo: 'བོད་ཀྱི་མི་དམངས་ཀྱིས་རང་དབང་ལ་འབད་བརྩོན་བྱེད་བཞིན་ཡོད།',
  ka: 'დევნილობაში მყოფი მთავრობა დღეს ამ ტრაგიკული მოვლენების წლისთავს აღნიშნავს.',
  fr: 'Le gouvernement en exil commémore aujourd’hui le soixante-quinzième anniversaire de ces événements tragiques.',
  en: 'The government in exile marks the seventy-fifth anniversary of these tragic events today.',
  'zh-Hans': '流亡政府今天纪念这些悲剧事件七十五周年。',
  'zh-Hant': '流亡政府今天紀念這些悲劇事件七十五週年。',
};

test('each language is identified on its own and none is mistaken for another', () => {
  for (const [language, sample] of Object.entries(SAMPLES)) {
    const doc = split(textDocument(sample));
    assert.deepEqual(doc.versions.map((v) => v.language), [language], sample);
  }
});

test('a document in many languages gets one version per language, in order of first appearance', () => {
  const languages = Object.keys(SAMPLES);
  const doc = split(textDocument(Object.values(SAMPLES).join('\n')));
  assert.deepEqual(doc.versions.map((v) => v.language), languages);
  assert.deepEqual(doc.versions.map((v) => v.id), languages.map((_, i) => `v${i + 1}`));
  assertOffsets(doc);
});

test('short Uyghur, Kazakh and Turkish lines are told apart by their letters', () => {
  const doc = split(textDocument(['رەھمەت', 'Рақмет', 'Teşekkürler', 'Спасибо'].join('\n')));
  assert.deepEqual(doc.versions.map((v) => v.language), ['ug-Arab', 'kk', 'tr', 'ru']);
});

test('numbers and list markers without words join their neighbours; headings and list items keep their kind', () => {
  const text = ['Demands', '1)', 'Release all detainees now and without conditions.', '要求', '1)', '立即無條件釋放所有被拘留者。'].join('\n');
  const base = textDocument(text);
  const kinds: TextDocument['blocks'][number]['kind'][] = ['heading', 'list-item', 'list-item', 'heading', 'list-item', 'list-item'];
  const doc = split({ ...base, blocks: base.blocks.map((b, i) => ({ ...b, kind: kinds[i]! })) });
  assert.deepEqual(summary(doc), ['v1:en:3', 'v2:zh-Hant:3']);
  assert.deepEqual(doc.versions[1]!.paragraphs.map((p) => p.kind), ['heading', 'list-item', 'list-item']);
  assert.equal(doc.versions[0]!.paragraphs[1]!.language, 'und');
  assertOffsets(doc);
});

test('a document with no letters at all is one undetermined version; no blocks gives no versions', () => {
  assert.deepEqual(summary(split(textDocument('2024\n---\n42'))), ['v1:und:3']);
  assert.deepEqual(split(textDocument('')).versions, []);
});

test('block whitespace is trimmed from paragraph spans', () => {
  const doc = split(textDocument('   The committee met on Monday.   \n\t委员会星期一开会。 '));
  assert.deepEqual(doc.versions.map((v) => v.paragraphs[0]!.text), ['The committee met on Monday.', '委员会星期一开会。']);
  assertOffsets(doc);
});

test('a short Latin line inside the Chinese block (a signature, an acronym) joins that block', () => {
  const lines = [...EN, ...ZH.slice(0, 2), 'ETGE', ...ZH.slice(2)];
  const doc = split(textDocument(lines.join('\n')));
  assert.deepEqual(summary(doc), ['v1:en:4', 'v2:zh-Hans:5']);
  assert.equal(doc.versions[1]!.paragraphs[2]!.text, 'ETGE');
  assert.equal(doc.versions[1]!.paragraphs[2]!.language, 'en');
  // But a short English line between Chinese lines of a transcript too short to show its cycle stays English.
  assert.deepEqual(summary(split(textDocument(['你好', 'Hello', '谢谢'].join('\n')))), ['v1:zh-Hans:2', 'v2:en:1']);
});

test('a Simplified paragraph quoting Traditional words stays in the Simplified version', () => {
  // Counted by Traditional characters alone the middle line looks Traditional; its Simplified ones decide the tie.
  const doc = split(textDocument([ZH[0], '报道说：「東突厥斯坦發表聲明」', ZH[1]].join('\n')));
  assert.deepEqual(summary(doc), ['v1:zh-Hans:3']);
});

test('a line common to both Chinese scripts goes with the block it sits in', () => {
  const hant = ZH.map(toTraditional);
  const lines = [ZH[0]!, '好的', ZH[1]!, hant[0]!, '好的', hant[1]!];
  const doc = split(textDocument(lines.join('\n')));
  assert.deepEqual(lineVersions(doc), ['zh-Hans', 'zh-Hans', 'zh-Hans', 'zh-Hant', 'zh-Hant', 'zh-Hant']);
});

test('a short line in an English and French document goes with the block it sits in', () => {
  const french = [
    'Le comité s’est réuni lundi à Genève pour examiner le rapport sur la détention.',
    'Les membres ont demandé à la délégation pourquoi tant d’écoles avaient été fermées.',
  ];
  const lines = [EN[0]!, 'Thank you.', EN[1]!, french[0]!, 'Merci.', french[1]!];
  const doc = split(textDocument(lines.join('\n')));
  assert.deepEqual(lineVersions(doc), ['en', 'en', 'en', 'fr', 'fr', 'fr']);
  // Interleaved, the short lines follow the cycle instead.
  const interleaved = split(textDocument([EN[0]!, french[0]!, 'Thank you.', 'Merci.', EN[1]!, french[1]!].join('\n')));
  assert.deepEqual(lineVersions(interleaved), ['en', 'fr', 'en', 'fr', 'en', 'fr']);
});

test('three languages interleaved with a numbered label before each paragraph', () => {
  const ug = [
    'كومىتېت دۈشەنبە كۈنى جەنۋەدە يىغىن ئېچىپ، دوكلاتنى كۆزدىن كەچۈردى.',
    'ئەزالار ۋەكىللەر ئۆمىكىدىن نېمە ئۈچۈن مەكتەپلەرنىڭ تاقالغانلىقىنى سورىدى.',
  ];
  const lines = [0, 1].flatMap((i) => [`${i + 1}.`, EN[i]!, `${i + 1}.`, ZH[i]!, `${i + 1}.`, ug[i]!]);
  const doc = split(textDocument(lines.join('\n')));
  assert.deepEqual(summary(doc), ['v1:en:4', 'v2:zh-Hans:4', 'v3:ug-Arab:4']);
  assert.deepEqual(lineVersions(doc), ['en', 'en', 'zh-Hans', 'zh-Hans', 'ug-Arab', 'ug-Arab', 'en', 'en', 'zh-Hans', 'zh-Hans', 'ug-Arab', 'ug-Arab']);
});

test('in blocks, a label on its own line goes with the paragraph after it', () => {
  const doc = split(textDocument([EN[0]!, EN[1]!, '（一）', ZH[0]!, ZH[1]!].join('\n')));
  assert.deepEqual(lineVersions(doc), ['en', 'en', 'zh-Hans', 'zh-Hans', 'zh-Hans']);
});
