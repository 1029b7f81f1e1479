// General cases beyond the reference: a Simplified Chinese press statement, an English quotation running over
// sentences and resumed after its attribution, a resolution with number and date, qualifiers and ranges, a
// report as the source of a claim, and one fact for an English–Chinese pair that disagrees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fact } from '../model.js';
import { extract } from './index.js';
import { acronymFits } from './entities-en.js';
import { transliterationSimilarity } from './entities.js';
import { documentFromText } from './testing.js';

async function factsOf(text: string) {
  const doc = extract(await documentFromText(text));
  return <T extends Fact['type']>(type: T) => doc.facts.filter((f): f is Extract<Fact, { type: T }> => f.type === type);
}

const SIMPLIFIED = [
  '北京 — 国际人权组织(IHRO)今天发表声明，谴责当局的镇压。该组织主席玛丽·史密斯说：“超过3000名抗议者被逮捕。我们要求立即释放他们。”',
  '根据该组织的报告，约1.5万人被迫离开家园。',
  '国际人权组织呼吁各国政府：',
  '1) 谴责这一镇压行为。',
  '2) 对责任人实施制裁。',
  '国际社会必须追究当局的责任。',
].join('\n');

test('a Simplified Chinese press statement: author, quotation with speaker, figures, report, numbered demands', async () => {
  const of = await factsOf(SIMPLIFIED);
  const [quote] = of('quotation');
  assert.equal(quote?.speaker, '玛丽·史密斯');
  assert.equal(quote?.role, '主席');
  assert.match(quote!.text, /超过3000名抗议者被逮捕。我们要求立即释放他们/);
  assert.equal(quote!.attributedTo.via?.name, '国际人权组织', 'the author, from the first sentence after the dateline');
  const arrested = of('figure').find((f) => f.value === 3000)!;
  assert.equal(arrested.qualifier, 'more-than');
  assert.equal(arrested.counts, '抗议者');
  assert.equal(arrested.attributedTo.name, '玛丽·史密斯', 'a figure inside a quotation is the speaker’s');
  const displaced = of('figure').find((f) => f.value === 15000)!;
  assert.equal(displaced.qualifier, 'about');
  assert.equal(displaced.attributedTo.kind, 'source', '根据…报告 attributes what follows to the report');
  const demands = of('demand');
  assert.deepEqual(demands.filter((d) => d.item).map((d) => [d.item, d.addressee, d.text]), [
    [1, '各国政府', '谴责这一镇压行为。'],
    [2, '各国政府', '对责任人实施制裁。'],
  ]);
  assert.ok(demands.some((d) => d.addressee === '国际社会' && /追究当局的责任/.test(d.text)));
  const org = of('entity').find((e) => e.name === '国际人权组织')!;
  assert.equal(org.kind, 'organisation');
  assert.ok(org.aliases.some((a) => a.text === 'IHRO' && a.relation === 'acronym'));
  assert.ok(!of('source').some((s) => s.kind === 'statement'), 'the author’s own statement is not a source it cites');
});

const ENGLISH = [
  'GENEVA — Rights Watch International (RWI) today released its annual findings.',
  '“We documented systematic abuse. Our researchers spoke to hundreds of survivors,” said Jane Doe, the director of Rights Watch International. “The government must release every detainee.”',
  'Officials described the site as a “plane crash” area.',
  'According to a 2022 UN report, more than 1 million people were detained.',
  'The Security Council adopted Resolution 2758 of 25 October 1971, and at least 30 journalists, nearly 500 villages and between 10,000 and 20,000 people are affected.',
  'RWI urges the United Nations to open an independent investigation.',
].join('\n');

test('a quotation over two sentences, resumed after “said X, the director of Y”, is one speaker’s', async () => {
  const of = await factsOf(ENGLISH);
  const quotes = of('quotation');
  assert.equal(quotes.length, 2, quotes.map((q) => q.text).join(' | '));
  for (const q of quotes) {
    assert.equal(q.speaker, 'Jane Doe');
    assert.equal(q.role, 'director');
    assert.equal(q.organisation, 'Rights Watch International');
  }
  assert.match(quotes[0]!.text, /^We documented systematic abuse\. Our researchers spoke to hundreds of survivors$/);
  assert.equal(new Set(quotes[0]!.evidence.map((e) => e.sentence)).size, 2, 'evidence in both sentences it spans');
  assert.equal(of('entity').find((e) => e.name === 'Jane Doe')?.kind, 'person');
  assert.ok(!quotes.some((q) => q.text === 'plane crash'), 'a scare quote is not a quotation');
});

test('a resolution with number and date; a claim sourced to a report; qualifiers and ranges', async () => {
  const of = await factsOf(ENGLISH);
  const resolution = of('source').find((s) => s.kind === 'resolution')!;
  assert.equal(resolution.number, '2758');
  if (of('time').length) assert.equal(resolution.date, '1971-10-25');
  const report = of('source').find((s) => s.kind === 'report')!;
  assert.equal(report.issuer, 'UN');
  assert.ok(!of('source').some((s) => /investigation/.test(s.name)), 'an investigation asked for is not a cited source');
  const detained = of('figure').find((f) => f.value === 1_000_000)!;
  assert.equal(detained.qualifier, 'more-than');
  assert.equal(detained.counts, 'people detained');
  assert.equal(detained.attributedTo.kind, 'source');
  assert.equal(detained.attributedTo.source, report.id);
  const byValue = (v: number) => of('figure').find((f) => f.value === v);
  assert.equal(byValue(30)?.qualifier, 'at-least');
  assert.equal(byValue(500)?.qualifier, 'about');
  assert.equal(byValue(10_000)?.qualifier, 'range');
  assert.equal(byValue(10_000)?.upper, 20_000);
  assert.equal(byValue(200)?.qualifier, 'vague', '“hundreds of survivors”');
  assert.ok(!of('figure').some((f) => [2758, 25, 1971, 2022].includes(f.value)), 'identifiers and dates are not figures');
  const demand = of('demand').find((d) => /independent investigation/.test(d.text))!;
  assert.equal(demand.addressee, 'the United Nations');
  assert.equal(demand.attributedTo.name, 'Rights Watch International');
  assert.ok(of('demand').some((d) => d.addressee === 'the government' && d.attributedTo.name === 'Jane Doe'));
});

test('an English sentence and its Chinese translation give one fact even when the figure differs', async () => {
  const of = await factsOf(['Police arrested 1,200 protesters on 3 May 2021.', '警方於2021年5月3日逮捕了12,000名抗議者。'].join('\n'));
  const figures = of('figure');
  assert.equal(figures.length, 1, figures.map((f) => f.text).join(' | '));
  assert.equal(figures[0]!.value, 1200, 'the source version’s value; the mismatch is for the check stage');
  assert.equal(new Set(figures[0]!.evidence.map((e) => e.version)).size, 2);
  const events = of('event');
  assert.equal(events.length, 1);
  assert.equal(new Set(events[0]!.evidence.map((e) => e.version)).size, 2);
});

test('an acronym fits the initials of its full name, connectors skipped', () => {
  assert.ok(acronymFits('ETGE', ['East', 'Turkistan', 'Government', 'in', 'Exile']));
  assert.ok(acronymFits('PRC', ['People’s', 'Republic', 'of', 'China']));
  assert.ok(acronymFits('ICJ', ['International', 'Court', 'of', 'Justice']));
  assert.ok(!acronymFits('ETR', ['Sinkiang']));
  assert.ok(!acronymFits('UN', ['East', 'Turkistan']));
});

test('a transliterated Chinese name sounds like its Latin spelling, an unrelated one does not', () => {
  assert.ok(transliterationSimilarity('馬木提敏·阿拉', 'Mamtimin Ala') > 0.7);
  assert.ok(transliterationSimilarity('薩利赫·胡達亞爾', 'Salih Hudayar') > 0.7);
  assert.ok(transliterationSimilarity('馬木提敏·阿拉', 'Salih Hudayar') < 0.5);
});

test('versions in languages the extractors do not read contribute no facts', async () => {
  const of = await factsOf('Правительство заявило, что более 150 000 человек были убиты в Москве.');
  assert.deepEqual([...of('figure'), ...of('entity'), ...of('event'), ...of('quotation')], []);
});

test('a Chinese resolution with its number, issuer and date; the Simplified and Traditional versions give one source', async () => {
  const doc = extract(await documentFromText(['根据1973年11月30日联合国大会第3070号决议，各国人民享有自决权。', '聯合國大會第3070號決議重申了自決權。'].join('\n')));
  const sources = doc.facts.filter((f) => f.type === 'source');
  const versions = doc.versions.length;
  assert.equal(sources.length, versions === 2 ? 1 : 2, `${versions} version(s)`);
  for (const s of sources) {
    assert.equal(s.kind, 'resolution');
    assert.equal(s.number, '3070');
    assert.match(s.issuer ?? '', /^(?:联合国大会|聯合國大會)$/);
  }
  if (versions === 2) assert.equal(new Set(sources[0]!.evidence.map((e) => e.version)).size, 2);
  if (doc.facts.some((f) => f.type === 'time')) assert.equal(sources[0]!.date, '1973-11-30');
});

test('“she said” takes the person named before; bulleted items after a call are demands to its addressee', async () => {
  const of = await factsOf([
    'LONDON — Amnesty International (AI) said on Monday that 12 activists had been detained.',
    'Secretary General Agnès Callamard condemned the arrests. “This is a crackdown,” she said. “They must be freed.”',
    'Amnesty International calls on the authorities to:',
    '• release all detainees;',
    '• allow independent monitors into the region.',
  ].join('\n'));
  const quotes = of('quotation');
  assert.deepEqual(quotes.map((q) => q.speaker), ['Agnès Callamard', 'Agnès Callamard']);
  assert.equal(of('entity').find((e) => e.name === 'Agnès Callamard')?.kind, 'person');
  const demands = of('demand');
  assert.deepEqual(demands.map((d) => [d.addressee, d.text]), [
    ['the authorities', 'release all detainees;'],
    ['the authorities', 'allow independent monitors into the region.'],
  ]);
  assert.equal(of('figure')[0]?.counts, 'activists detained');
});
