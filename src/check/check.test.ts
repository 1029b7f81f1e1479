import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPairDocument, type PairInput } from './build.js';
import { findings, type CheckOptions } from './index.js';
import { lexiconFrom } from './lexicon.js';
import type { Finding } from '../model.js';

/** A few CC-CEDICT-like entries: enough for names and reduplication without the compiled lexicon. */
const lexicon = lexiconFrom({
  土耳其: { glosses: ['Turkey'], name: true },
  突厥: { glosses: ['Turkic', 'peoples'], name: true },
  突厥語: { glosses: ['Turkic', 'language'], name: true },
  土耳其語: { glosses: ['Turkish', 'language'], name: true },
  維吾爾: { glosses: ['Uighur', 'ethnic', 'group'], name: true },
  新疆: { glosses: [], name: true },
  中國: { glosses: ['China'], name: true },
  中國人: { glosses: ['Chinese', 'person'], name: true },
  中情局: { glosses: ['Central', 'Intelligence', 'Agency', 'CIA'], name: true },
  北京: { glosses: ['Beijing'], name: true },
  上海: { glosses: ['Shanghai'], name: true },
  人人: { glosses: ['everyone'] },
  常常: { glosses: ['often'] },
  謝謝: { glosses: ['thanks'] },
  看看: { glosses: ['take', 'look'] },
  很多: { glosses: ['many'] },
  民族: { glosses: ['nationality', 'ethnic', 'group'] },
  人道: { glosses: ['humanitarian'] },
  悲劇: { glosses: ['tragedy'] },
  最大: { glosses: ['biggest'] },
  清楚: { glosses: ['clear'] },
  不能: { glosses: ['cannot'] },
  一一: { glosses: ['one', 'by', 'one'] },
  剛剛: { glosses: ['just'] },
  好好: { glosses: ['well'] },
  考試: { glosses: ['exam'] },
  試卷: { glosses: ['exam', 'paper'] },
  考試卷: { glosses: ['exam', 'paper'] },
  百科全書: { glosses: ['encyclopedia'] },
  五毛: { glosses: ['fifty', 'cents', 'internet', 'commentator'] },
  通知: { glosses: ['notify'] },
  公司: { glosses: ['company'] },
});

function run(input: PairInput, options: CheckOptions = {}): Finding[] {
  return findings(buildPairDocument(input), { lexicon, ...options });
}
const kinds = (fs: Finding[]) => fs.map((f) => f.kind);
const ofKind = (fs: Finding[], kind: Finding['kind']) => fs.filter((f) => f.kind === kind);

// ───────────── coverage ─────────────

test('a run of untranslated paragraphs is one finding, not one per sentence', () => {
  const a = [['One sentence here.'], ['Two sentences here.', 'And a third one follows.'], ['Four is here.'], ['Five is here.']];
  const b = [['第一句。'], ['第二句。第三句。']];
  const fs = run({ a, b, beads: [[[0], [0]], [[1, 2], [1]], [[3], []], [[4], []]] });
  const untranslated = ofKind(fs, 'untranslated');
  assert.equal(untranslated.length, 1, JSON.stringify(fs));
  assert.match(untranslated[0]!.message, /Paragraphs 3–4 \(2 paragraphs\)/);
  assert.equal(untranslated[0]!.a?.paragraph, 'v1.p3');
});

test('a sentence with no counterpart is untranslated, one in the translation only is added', () => {
  const a = [['The council met on Monday in the capital.', 'It adopted a long resolution on water rights.']];
  const b = [['理事會週一在首都開會。', '這是譯者自己加上的一整句說明文字。']];
  const fs = run({ a, b, beads: [[[0], [0]], [[1], []], [[], [1]]] });
  assert.deepEqual(kinds(fs).sort(), ['added', 'untranslated']);
  assert.equal(ofKind(fs, 'untranslated')[0]!.a?.sentence, 'v1.p1.s2');
  assert.equal(ofKind(fs, 'added')[0]!.b?.sentence, 'v2.p1.s2');
});

test('a translation ending on an enumeration comma is cut off, and the tail it never reached is one untranslated run', () => {
  const a = [['The world must act now.'], ['It must hold China accountable for its occupation, genocide, and crimes against humanity.', 'The ETGE calls on all states to act.'], ['A final paragraph.']];
  const b = [['世界必須立即行動。'], ['並追究中國對其佔領、']];
  const fs = run({ a, b, beads: [[[0], [0]], [[1, 2], [1]], [[3], []]] });
  const cut = ofKind(fs, 'cut-off');
  assert.equal(cut.length, 1);
  assert.equal(cut[0]!.severity, 'critical');
  assert.equal(cut[0]!.b?.sentence, 'v2.p2.s1');
  const untranslated = ofKind(fs, 'untranslated');
  assert.equal(untranslated.length, 2, JSON.stringify(untranslated));
  assert.ok(untranslated.some((f) => f.a?.sentence === 'v1.p2.s2'));
  // The acronym of the sentence that was never reached is not reported separately.
  assert.equal(ofKind(fs, 'name').length, 0);
});

test('a translation that stops before its final punctuation may be cut off (major, not critical)', () => {
  const fs = ofKind(run({ a: [['這是第一句。', '你什麼時候到？']], b: [['This is the first sentence.', 'When exactly will you arrive here today']], languageA: 'zh-Hant', languageB: 'en' }), 'cut-off');
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'major');
  assert.match(fs[0]!.message, /may break off/);
});

test('a sentence the aligner folded into its neighbour bead is still found untranslated', () => {
  const a = [['The delegation flew to Beijing and met the ethnic group leaders.', 'Shanghai hosted the tragedy memorial for everyone.'], ['It was a humanitarian tragedy.']];
  const b = [['代表團飛往北京，會見了民族領袖。'], ['這是人道悲劇。']];
  const fs = ofKind(run({ a, b, beads: [[[0, 1], [0]], [[2], [1]]] }), 'untranslated');
  assert.deepEqual(fs.map((f) => f.a?.sentence), ['v1.p1.s2']);
});

test('a short sentence folded into a 2-1 bead, matched by nothing while its neighbour is, is untranslated', () => {
  const a = [['北京很多人。', '上海最大。'], ['人道悲劇。']];
  const b = [['Many people in Beijing.'], ['A humanitarian tragedy.']];
  const fs = ofKind(run({ a, b, beads: [[[0, 1], [0]], [[2], [1]]], languageA: 'zh-Hant', languageB: 'en' }), 'untranslated');
  assert.deepEqual(fs.map((f) => f.a?.sentence), ['v1.p1.s2']);
  // Both sentences rendered: the same 2-1 bead is fine.
  const whole = run({ a, b: [['Many people in Beijing; Shanghai is the biggest.'], ['A humanitarian tragedy.']], beads: [[[0, 1], [0]], [[2], [1]]], languageA: 'zh-Hant', languageB: 'en' });
  assert.deepEqual(ofKind(whole, 'untranslated'), []);
});

test('a one-line translation well short of its source whose last content word is unmatched is cut off', () => {
  assert.equal(ofKind(zhEn({ a: [['請通知他再送到我們公司']], b: [['Please notify him']] }), 'cut-off').length, 1);
  assert.equal(ofKind(zhEn({ a: [['請通知他再送到我們公司']], b: [['Please notify him to deliver it to our company again']] }), 'cut-off').length, 0);
});

test('an unpunctuated ending on an auxiliary is a cut-off only when the text is also short', () => {
  const a = [['我想取消这个订单', '我已经等了很久了', '这样的结果我真的完全不能接受']];
  const cut = ofKind(run({ a, b: [['I want to cancel this order', 'I have waited for a long time', 'Such a result I really cannot']], languageA: 'zh-Hans', languageB: 'en' }), 'cut-off');
  assert.equal(cut.length, 1, JSON.stringify(cut));
  assert.match(cut[0]!.message, /leaves the sentence open/);
  const whole = ofKind(run({ a: [['我想取消这个订单', '我已经等了很久了', '我知道你能']], b: [['I want to cancel this order', 'I have waited for a long time', 'I know that you can']], languageA: 'zh-Hans', languageB: 'en' }), 'cut-off');
  assert.deepEqual(whole, []);
});

test('an English question broken before its predicate is cut off, a complete one is not', () => {
  const a = [['我才下单五分钟', '为什么订单已经完成了']];
  const cut = ofKind(run({ a, b: [['I placed the order five minutes ago', 'so how is']], languageA: 'zh-Hans', languageB: 'en' }), 'cut-off');
  assert.equal(cut.length, 1);
  for (const ending of ['Neither can we', 'Where are you']) {
    const fs = ofKind(run({ a: [['我才下单五分钟', ending === 'Neither can we' ? '我们也不能' : '你在哪里']], b: [['I placed the order five minutes ago', ending]], languageA: 'zh-Hans', languageB: 'en' }), 'cut-off');
    assert.deepEqual(fs, [], ending);
  }
});

test('a dateline left untranslated is said so, not reported as a lost acronym', () => {
  const fs = run({ a: [['Washington, D.C. — The PLA met.']], b: [['解放軍開會。']] });
  const dateline = fs.filter((f) => /D\.C\./.test(f.message));
  assert.equal(dateline.length, 1, JSON.stringify(fs));
  assert.equal(dateline[0]!.kind, 'untranslated');
  assert.match(dateline[0]!.message, /dateline “Washington, D\.C\. —” is not translated/);
});

test('a complete ending is not a cut-off', () => {
  const fs = run({ a: [['It ends well.']], b: [['結局很好。']] });
  assert.equal(ofKind(fs, 'cut-off').length, 0);
});

test('a sentence translated twice is a duplicate, but a sentence repeated in the source may repeat', () => {
  const a = [['The committee condemned the arrests.', 'It called for the release of all detainees.']];
  const dup = run({ a, b: [['委員會譴責了這些逮捕行動。', '委員會譴責了這些逮捕行動。', '它呼籲釋放所有被拘留者。']], beads: [[[0], [0, 1]], [[1], [2]]] });
  assert.deepEqual(kinds(dup), ['duplicated']);
  const repeatedSource = run({
    a: [['We demand justice for the victims.', 'We demand justice for the victims.']],
    b: [['我們要求為受害者伸張正義。', '我們要求為受害者伸張正義。']],
  });
  assert.equal(ofKind(repeatedSource, 'duplicated').length, 0);
});

// ───────────── numbers and dates ─────────────

test('numbers in other writings are the same numbers', () => {
  const cases: Array<[string, string]> = [
    ['Seventy-five years later, the world must not forget.', '75年後,世界不應忘記。'],
    ['Over a million children are held in boarding schools.', '超過一百萬的孩子被關在寄宿學校。'],
    ['The army killed over 150,000 people.', '軍隊殺死了超過15萬人。'],
    ['It marks the 75th anniversary.', '紀念75週年。'],
    ['Millions of lives were devastated.', '摧毀了數百萬人的生命。'],
    ['In September 1949 the leaders died.', '1949年9月,領導人死亡。'],
    ['On October 12, 1949, the invasion began.', '1949年10月12日,入侵開始。'],
    ['The meeting starts at 3 p.m. on 12 Oct 1949.', '會議於1949年10月12日下午3點開始。'],
    ['The 21st century began.', '21世紀開始了。'],
  ];
  for (const [en, zh] of cases) {
    const fs = run({ a: [[en]], b: [[zh]] }).filter((f) => f.kind === 'number' || f.kind === 'date');
    assert.deepEqual(fs, [], `${en} ~ ${zh}: ${fs.map((f) => f.message).join(' | ')}`);
  }
});

test('Chinese units, round numbers and list markers in running text read right', () => {
  const cases: Array<[string, string]> = [
    ['The initiative is worth 424.4 million dollars.', '倡議金額為4.244亿美元。'],
    ['Payments reached 1.77 trillion yuan.', '支付金額達到1.77万亿元。'],
    ['Sabah issued 24,801 birth certificates.', '沙巴發出2万4801張報生紙。'],
    ['More than 9 000 health workers came.', '9千余名衛生人員來了。'],
    ['Prices are over 10,000 yuan.', '價格大多在萬元以上。'],
    ['3. Participate in the courses.', '（三）參加課程。'],
    ['From March to June the trees blossom.', '每年的3至6月是開花的時間。'],
    ['He was born in the 1960s.', '他生於20世紀60年代。'],
  ];
  for (const [en, zh] of cases) {
    const fs = run({ a: [[en]], b: [[zh]] }).filter((f) => f.kind === 'number' || f.kind === 'date');
    assert.deepEqual(fs.map((f) => f.message), [], `${en} ~ ${zh}`);
  }
});

test('a changed number is one finding that names both numbers', () => {
  const fs = ofKind(run({ a: [['They assassinated 30 senior leaders.']], b: [['他們刺殺了31名高級領導人。']] }), 'number');
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /30.*31/);
  assert.equal(fs[0]!.severity, 'major');
  assert.equal(fs[0]!.b?.sentence, 'v2.p1.s1');
  assert.ok(fs[0]!.b && fs[0]!.b.end - fs[0]!.b.start === 2, 'the span is the number itself');
});

test('a missing number is reported, a small number word silently rendered is not', () => {
  assert.equal(ofKind(run({ a: [['The PLA killed 150,000 people.']], b: [['解放軍殺了很多人。']] }), 'number').length, 1);
  assert.equal(ofKind(run({ a: [['The two sides met again.']], b: [['雙方再次會面。']] }), 'number').length, 0);
});

test('a dropped or changed qualifier is a minor number finding', () => {
  const dropped = ofKind(run({ a: [['Over 150,000 people were killed.']], b: [['150,000人被殺。']] }), 'number');
  assert.equal(dropped.length, 1);
  assert.equal(dropped[0]!.severity, 'minor');
  assert.match(dropped[0]!.message, /dropped/);
  assert.equal(ofKind(run({ a: [['About 300 people came.']], b: [['約300人來了。']] }), 'number').length, 0);
  assert.equal(ofKind(run({ a: [['More than 300 people came.']], b: [['300多人來了。']] }), 'number').length, 0);
});

/** A pair whose source is Chinese and translation English (the WMT direction). */
const zhEn = (input: PairInput) => run({ ...input, languageA: 'zh-Hans', languageB: 'en' });

test('a number that is part of a name or term is not a count: lexicon terms, a code spelled out', () => {
  assert.deepEqual(ofKind(zhEn({ a: [['他們罵他五毛。']], b: [['They called him a fifty-cent.']] }), 'number'), []);
  // The term hides only the number it spells out; a count next to it is still compared.
  assert.equal(ofKind(zhEn({ a: [['他們罵他五毛31次。']], b: [['They called him a fifty-cent 30 times.']] }), 'number').length, 1);
  assert.deepEqual(ofKind(zhEn({ a: [['2020年年初，新冠肺炎疫情暴發。']], b: [['In early 2020, coronavirus disease 2019 (COVID-19) broke out.']] }), 'number'), []);
  assert.equal(ofKind(zhEn({ a: [['2020年年初，疫情暴發。']], b: [['In early 2020, the disease broke out in 2019 districts.']] }), 'number').length, 1);
});

test('“X and two other” counts three; a plural age is an approximate one', () => {
  assert.deepEqual(ofKind(zhEn({ a: [['團體起訴耶魯等3所大學。']], b: [['Groups sued Yale and two other universities.']] }), 'number'), []);
  assert.equal(ofKind(zhEn({ a: [['團體起訴耶魯等3所大學。']], b: [['Groups sued Yale and 12 other universities.']] }), 'number').length, 1);
  assert.deepEqual(ofKind(zhEn({ a: [['兩名女孩均為20歲左右。']], b: [['Two girls, both in their early 20s.']] }), 'number'), []);
});

test('a number moved into the neighbouring sentence is a different sentence division, not an omission', () => {
  const moved = zhEn({ a: [['腫瘤均為單發。', '其中浸潤性癌12例。']], b: [['All tumours were single, 12 of them invasive.', 'The rest were in situ.']] });
  assert.deepEqual(ofKind(moved, 'number'), []);
  const changed = zhEn({ a: [['腫瘤均為單發。', '其中浸潤性癌12例。']], b: [['All tumours were single, 13 of them invasive.', 'The rest were in situ.']] });
  assert.equal(ofKind(changed, 'number').length, 2);
});

test('a year or ordinal only the translation has is info (explicitation); an added count stays major', () => {
  const ordinal = ofKind(zhEn({ a: [['要深入學習全會精神。']], b: [['We must study the spirit of the plenary session of the 19th Central Committee.']] }), 'number');
  assert.deepEqual(ordinal.map((f) => f.severity), ['info']);
  const count = ofKind(zhEn({ a: [['他們殺了很多人。']], b: [['They killed 374 people.']] }), 'number');
  assert.deepEqual(count.map((f) => f.severity), ['major']);
  // Next to a source number left unexplained, the added ordinal is a changed number, not explicitation.
  const changed = ofKind(zhEn({ a: [['迎接黨的二十大召開。']], b: [['To welcome the 21st National Congress.']] }), 'number');
  assert.deepEqual(changed.map((f) => f.severity), ['major']);
});

test('a shifted date is a date finding, not a number finding', () => {
  const fs = run({ a: [['On October 12, 1949, the invasion began.']], b: [['1949年10月13日，入侵開始。']] });
  assert.deepEqual(kinds(fs), ['date']);
  assert.match(fs[0]!.message, /1949-10-12.*1949-10-13/);
});

// ───────────── names and terminology ─────────────

test('a name rendered as a different known entity is found through the lexicon alone', () => {
  const fs = run({ a: [['It is a genocide of Uyghurs and other Turkic peoples.']], b: [['這是對維吾爾及其他土耳其民族的種族滅絕。']] });
  assert.equal(fs.length, 1, JSON.stringify(fs));
  assert.equal(fs[0]!.kind, 'terminology');
  assert.match(fs[0]!.message, /Turkic.*土耳其.*突厥/);
  const swapped = run({ a: [['The delegation flew to Beijing.']], b: [['代表團飛往上海。']] });
  assert.deepEqual(kinds(swapped), ['name']);
  // 中國 said twice where only "Chinese" accounts for it: the surplus mention is the swapped "Beijing".
  assert.deepEqual(kinds(run({ a: [['Students in Beijing met Chinese teachers.']], b: [['中國學生見了中國老師。']] })), ['name']);
  assert.deepEqual(kinds(run({ a: [['Students in China met Chinese teachers.']], b: [['中國學生見了中國老師。']] })), []);
  // “我國” (our country) stands for a country, not for a city: Beijing rendered 上海 is still found.
  assert.deepEqual(kinds(run({ a: [['Our country sent the delegation to Beijing.']], b: [['我國派代表團去上海。']] })), ['name']);
});

test('correct renderings, spelling variants and unknown names are not flagged', () => {
  for (const [en, zh] of [
    ['They intended to occupy Sinkiang.', '他們打算佔領新疆。'],
    ['Turkish is spoken there.', '那裡說土耳其語。'],
    ['The Uyghur people of China.', '中國的維吾爾人民。'],
    ['Dr. Mamtimin Ala spoke.', '馬木提敏·阿拉博士說。'],
  ] as const) {
    const fs = run({ a: [[en]], b: [[zh]] }).filter((f) => f.kind === 'name' || f.kind === 'terminology');
    assert.deepEqual(fs, [], `${en} ~ ${zh}`);
  }
});

test('source acronyms must reappear, literally or through a word glossed with them', () => {
  assert.deepEqual(kinds(run({ a: [['The PLA and the CIA.']], b: [['解放軍和中情局。']] })), ['name']);
  assert.match(run({ a: [['The PLA and the CIA.']], b: [['解放軍和中情局。']] })[0]!.message, /PLA/);
  assert.deepEqual(run({ a: [['The PLA and the CIA.']], b: [['PLA和CIA。']] }), []);
  assert.deepEqual(run({ a: [['国内生产总值GDP增长。']], b: [['Gross domestic product grew.']], languageA: 'zh-Hans', languageB: 'en' }), []);
});

// ───────────── form ─────────────

test('a doubled character is found, legitimate reduplication is not', () => {
  const fs = run({ a: [['The greatest tragedy.']], b: [['最大的的人道悲劇。']] });
  assert.deepEqual(kinds(fs), ['doubled-word']);
  assert.equal(fs[0]!.b?.sentence, 'v2.p1.s1');
  for (const zh of ['人人都常常說謝謝。', '你看看這個。', '清清楚楚。']) assert.deepEqual(ofKind(run({ a: [['Fine.']], b: [[zh]] }), 'doubled-word'), [], zh);
  // A doubled character that could be a given name is only a possibility (info), never a minor finding.
  const name = ofKind(run({ a: [['Lanlan helped us.']], b: [['顧問蘭蘭幫了我們。']] }), 'doubled-word');
  assert.deepEqual(name.map((f) => f.severity), ['info']);
  assert.deepEqual(ofKind(run({ a: [['Very many.']], b: [['很多多。']] }), 'doubled-word').map((f) => f.severity), ['minor']);
  assert.equal(ofKind(run({ a: [['It is the the end.']], b: [['結束了。']] }), 'doubled-word').length, 1);
  assert.equal(ofKind(run({ a: [['He had had enough.']], b: [['他受夠了。']] }), 'doubled-word').length, 0);
});

test('reduplication the grammar rules out is a double: degree adverb + AA, negated VV (possible only)', () => {
  const degree = ofKind(run({ a: [['Many high-end TVs.']], b: [['很多多高端電視。']] }), 'doubled-word');
  assert.deepEqual(degree.map((f) => f.severity), ['minor']);
  const negated = ofKind(run({ a: [['There is no way to eat it.']], b: [['沒辦法吃吃']] }), 'doubled-word');
  assert.deepEqual(negated.map((f) => f.severity), ['info']);
  for (const fine of ['很多高端電視。', '你要好好學習。', '這個很好好看。']) {
    assert.deepEqual(ofKind(run({ a: [['Fine.']], b: [[fine]] }), 'doubled-word'), [], fine);
  }
});

test('doubles the segmentation hides are found: a repeated word, a doubled numeral before a measure, a false AABB', () => {
  const doubled = (zh: string) => ofKind(run({ a: [['Fine.']], b: [[zh]] }), 'doubled-word').map((f) => f.message);
  assert.equal(doubled('騎手不能不能送。').length, 1);
  assert.equal(doubled('上一一張單。').length, 1);
  assert.equal(doubled('剛剛叫叫了外賣。').length, 1);
  assert.equal(doubled('謝謝你你。').length, 1);
  assert.equal(doubled('那就好好，不用了。').length, 1);
  // A stray copy that, removed, leaves a longer word is a slip; two copies each in a word of its own are not.
  assert.equal(doubled('一套大大百科全書。').length, 1);
  for (const fine of ['請好好休息。', '一一介紹。', '剛剛到。', '制定考試試卷。']) assert.deepEqual(doubled(fine), [], fine);
});

test('unbalanced brackets and quotes are found, list markers and continued quotations are not', () => {
  assert.equal(ofKind(run({ a: [['He said (quietly that it was over.']], b: [['他說結束了。']] }), 'unbalanced').length, 1);
  assert.equal(ofKind(run({ a: [['1) Condemn the invasion.', '2) Recognise the country.']], b: [['1）譴責入侵。', '2）承認該國。']] }), 'unbalanced').length, 0);
  assert.equal(ofKind(run({ a: [['“We will go on.'], ['“We will win,” he said.']], b: [['“我們會繼續。'], ['“我們會贏，”他說。']] }), 'unbalanced').length, 0);
});

test('half-width punctuation in Chinese is one summarised finding per version', () => {
  const fs = ofKind(run({ a: [['One, two.'], ['Three (four).']], b: [['一,二。'], ['三(四)。'], ['五,六,七。']] }), 'punctuation');
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /3 × “,”.*in 3 paragraphs/);
  assert.equal(fs[0]!.evidence.length, 5);
  assert.equal(ofKind(run({ a: [['He paid 150,000 dollars.']], b: [['他付了150,000美元。']] }), 'punctuation').length, 0);
  assert.equal(ofKind(run({ a: [['Fine，really。']], b: [['很好。']] }), 'punctuation').length, 1);
});

test('an English sentence left inside the Chinese version is found', () => {
  const fs = run({ a: [['This sentence was never translated at all.']], b: [['This sentence was never translated at all.']] });
  assert.deepEqual(kinds(fs), ['untranslated-text']);
  assert.deepEqual(run({ a: [['The ETGE and the PLA.']], b: [['ETGE和PLA。']] }), []);
});

test('findings carry ids in document order, locations in both versions and evidence spans', () => {
  const doc = buildPairDocument({ a: [['They killed 30 people on October 12, 1949.']], b: [['他們在1949年10月13日殺了31人。']] });
  const fs = findings(doc, { lexicon });
  assert.deepEqual(fs.map((f) => f.id), fs.map((_, i) => `f${i + 1}`));
  for (const f of fs) {
    assert.ok(f.a && f.b, 'both sides located');
    for (const e of f.evidence) assert.ok(e.end > e.start && doc.text.slice(e.start, e.end).length > 0);
  }
  const number = fs.find((f) => f.kind === 'number')!;
  assert.equal(doc.text.slice(number.a!.start, number.a!.end), '30');
  assert.equal(doc.text.slice(number.b!.start, number.b!.end), '31');
});
