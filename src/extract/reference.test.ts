// The reference statement (English, with a Traditional Chinese translation of paragraphs 1–7): every figure,
// quotation, cited source, demand and the key entities, each with evidence in both versions where the Chinese
// exists, aligned here by hand (paragraph i ↔ paragraph i) so that the test does not depend on the aligner.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DemandFact, Document, EntityFact, EventFact, Fact, FigureFact, QuotationFact, SourceFact, TimeFact } from '../model.js';
import { lexiconAvailable } from '../lang/lexicon.js';
import { extract } from './index.js';
import { documentFromText, referenceText } from './testing.js';

let doc: Document;
const of = <T extends Fact['type']>(type: T) => doc.facts.filter((f): f is Extract<Fact, { type: T }> => f.type === type);
const versionsOf = (f: Fact) => [...new Set(f.evidence.map((e) => e.version))].sort();
const english = () => doc.versions.find((v) => v.language === 'en')!.id;
const chinese = () => doc.versions.find((v) => v.language.startsWith('zh'))!.id;

before(async () => {
  doc = extract(await documentFromText(referenceText(), 'statement-etge-2024-en-zh.txt'));
});

test('the reference splits into an English and a Chinese version', () => {
  assert.equal(doc.versions.length, 2);
  assert.ok(english() && chinese());
});

test('nothing is invented: every fact has evidence, and every evidence span lies in its sentence', () => {
  const sentences = new Map(doc.versions.flatMap((v) => v.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, { ...s, version: v.id }] as const))));
  for (const f of doc.facts) {
    if (f.type === 'time' && f.documentDate && !f.evidence.length) continue;
    assert.ok(f.evidence.length > 0, `${f.id} has no evidence`);
    for (const e of f.evidence) {
      const s = sentences.get(e.sentence);
      assert.ok(s, `${f.id}: unknown sentence ${e.sentence}`);
      assert.equal(s.version, e.version);
      assert.ok(e.start >= s.start && e.end <= s.end && e.end > e.start, `${f.id}: span outside ${e.sentence}`);
    }
  }
});

test('the author is the East Turkistan Government in Exile, from the first sentence', () => {
  const figure = of('figure').find((f) => f.value === 30)!;
  assert.equal(figure.attributedTo.kind, 'author');
  assert.equal(figure.attributedTo.name, 'East Turkistan Government in Exile');
});

test('figures: value, qualifier and what they count, one fact for both languages', () => {
  const figures = of('figure');
  const killed = figures.filter((f) => f.value === 150000);
  assert.equal(killed.length, 1, 'the English and Chinese 150,000 are one fact');
  assert.equal(killed[0]!.qualifier, 'more-than');
  assert.match(killed[0]!.counts, /East Turkistanis killed/);
  assert.deepEqual(versionsOf(killed[0]!), [english(), chinese()].sort());
  // Reported by the Chinese government in a radio broadcast, relayed by the author.
  assert.equal(killed[0]!.attributedTo.name, 'Chinese government');
  assert.ok(killed[0]!.attributedTo.source, 'linked to the broadcast it was declared in');
  assert.equal(killed[0]!.attributedTo.via?.kind, 'author');

  const leaders = figures.find((f) => f.value === 30)!;
  assert.equal(leaders.qualifier, 'exact');
  assert.match(leaders.counts, /senior political and military leaders/);
  assert.deepEqual(versionsOf(leaders), [english(), chinese()].sort());

  const children = figures.find((f) => f.value === 1_000_000)!;
  assert.equal(children.qualifier, 'more-than');
  assert.match(children.counts, /children/);
  assert.deepEqual(versionsOf(children), [english(), chinese()].sort());

  const millions = figures.filter((f) => f.qualifier === 'vague');
  assert.equal(millions.length, 4, 'millions of lives, of Uyghurs … (p6), twice in p14');
  assert.ok(millions.every((f) => f.value === 2_000_000));
  assert.ok(millions.some((f) => /Uyghurs, Kazakhs, Kyrgyz, and other Turkic peoples/.test(f.counts) && versionsOf(f).length === 2));
  assert.equal(figures.length, 7, `no years, dates, ordinals or list numbers: ${figures.map((f) => f.text).join(' | ')}`);
});

test('quotations: speakers with role and organisation, a quote running over sentences, the report, the label', () => {
  const quotes = of('quotation');
  const ala = quotes.filter((q) => q.speaker === 'Mamtimin Ala');
  const hudayar = quotes.filter((q) => q.speaker === 'Salih Hudayar');
  assert.equal(ala.length, 2);
  assert.equal(hudayar.length, 2);
  for (const q of [...ala, ...hudayar]) {
    assert.equal(q.organisation, 'East Turkistan Government in Exile');
    assert.deepEqual(versionsOf(q), [english(), chinese()].sort(), `${q.id} in both versions`);
    assert.equal(q.attributedTo.kind, 'speaker');
    assert.equal(q.attributedTo.via?.name, 'East Turkistan Government in Exile');
  }
  assert.equal(ala[0]!.role, 'President');
  assert.equal(hudayar[0]!.role, 'Foreign Minister');
  const continued = ala.find((q) => q.text.startsWith('Seventy-five years later'))!;
  assert.match(continued.text, /recovery of our independence/, 'the second quote runs over two sentences');
  assert.ok(new Set(continued.evidence.filter((e) => e.version === english()).map((e) => e.sentence)).size >= 2);

  const report = quotes.find((q) => q.text.startsWith('the Chinese Communists let it be known'))!;
  assert.equal(report.attributedTo.kind, 'source');
  assert.match(report.speaker ?? '', /CIA report/);

  const label = quotes.find((q) => q.text.startsWith('enemies of China'))!;
  assert.equal(label.speaker, 'Chinese government');
  assert.ok(!quotes.some((q) => /plane crash|空難/.test(q.text)), 'a scare quote is not a quotation');
  assert.equal(quotes.length, 6);
});

test('cited sources: the broadcast with its date, the CIA report, Resolution 3070 with number and date, UN texts, law', () => {
  const sources = of('source');
  const resolution = sources.find((s) => s.kind === 'resolution' && s.number === '3070')!;
  assert.equal(resolution.issuer, 'UN General Assembly');
  const report = sources.find((s) => s.kind === 'report')!;
  assert.equal(report.issuer, 'CIA');
  assert.deepEqual(versionsOf(report), [english(), chinese()].sort());
  assert.equal(sources.filter((s) => s.kind === 'report').length, 1, '“the report” refers back to the CIA report');
  const broadcast = sources.find((s) => s.kind === 'broadcast')!;
  assert.equal(broadcast.issuer, 'Chinese government');
  assert.deepEqual(versionsOf(broadcast), [english(), chinese()].sort());
  assert.ok(sources.some((s) => s.kind === 'law' && s.name === 'UN Charter'));
  assert.ok(sources.some((s) => s.kind === 'law' && s.name === 'international law'));
  assert.ok(sources.some((s) => s.kind === 'resolution' && s.name === 'UN resolutions'));
  assert.ok(!sources.some((s) => /Court/.test(s.name)), 'courts named as bodies to act are organisations, not cited sources');
  if (of('time').length) {
    assert.equal(resolution.date, '1973-11-30');
    assert.equal(broadcast.date, '1954-03');
  }
});

test('demands: four numbered items with their addressees, and the general calls', () => {
  const demands = of('demand');
  const items = demands.filter((d) => d.item !== undefined);
  assert.deepEqual(items.map((d) => [d.item, d.addressee]), [
    [1, 'the international community'],
    [2, 'the international community'],
    [1, 'the global community'],
    [2, 'the global community'],
  ]);
  assert.match(items[0]!.text, /^Condemn China’s belligerent armed invasion/);
  assert.match(items[2]!.text, /^Hold China and its officials accountable/);
  for (const d of items) assert.equal(d.attributedTo.name, 'East Turkistan Government in Exile');
  const general = (re: RegExp) => demands.find((d) => d.item === undefined && re.test(d.text));
  assert.equal(general(/stand in solidarity/)?.addressee, 'governments, international organizations, and civil society');
  assert.equal(general(/remember this dark anniversary/)?.addressee, 'the global community');
  const world = general(/must not ignore our suffering/)!;
  assert.equal(world.attributedTo.name, 'Mamtimin Ala', 'said inside the President’s quotation');
  assert.deepEqual(versionsOf(world), [english(), chinese()].sort());
  assert.equal(general(/must recognize East Turkistan/)?.attributedTo.name, 'Salih Hudayar');
  assert.ok(general(/cannot remain silent/));
});

test('entities: acronyms resolved and names linked across scripts', () => {
  const entities = of('entity');
  const named = (name: string) => entities.find((e) => e.name === name);
  const aliases = (e: EntityFact | undefined) => e?.aliases.map((a) => a.text) ?? [];
  const etge = named('East Turkistan Government in Exile')!;
  assert.equal(etge.kind, 'organisation');
  assert.ok(aliases(etge).includes('ETGE'));
  assert.ok(aliases(etge).includes('東突厥斯坦流亡政府'));
  assert.ok(aliases(named('East Turkistan Republic')).includes('ETR'));
  assert.ok(aliases(named('People’s Republic of China')).includes('PRC'));
  assert.ok(aliases(named('People’s Republic of China')).includes('中華人民共和國'));
  assert.ok(aliases(named('People’s Liberation Army')).includes('PLA'));
  assert.ok(aliases(named('International Court of Justice')).includes('ICJ'));
  assert.ok(aliases(named('International Criminal Court')).includes('ICC'));
  assert.ok(named('CIA') && named('UN'));
  assert.equal(named('Mamtimin Ala')?.kind, 'person');
  assert.ok(aliases(named('Mamtimin Ala')).includes('馬木提敏·阿拉'));
  assert.ok(aliases(named('Salih Hudayar')).includes('薩利赫·胡達亞爾'));
  for (const group of ['Uyghurs', 'Kazakhs', 'Kyrgyz', 'Turkic peoples', 'East Turkistanis']) assert.equal(named(group)?.kind, 'group', group);
  if (lexiconAvailable()) {
    assert.ok(aliases(named('East Turkistan')).includes('東突厥斯坦'));
    assert.ok(aliases(named('Soviet Union')).includes('蘇聯'));
    assert.ok(aliases(named('China')).includes('中國'));
    const sinkiang = aliases(named('Sinkiang'));
    assert.ok(sinkiang.includes('新疆') && sinkiang.includes('Xinjiang'), sinkiang.join(' '));
  }
  assert.ok(!entities.some((e) => /^(?:The|This|Every|Millions|Condemn|Recognize|Hold|Seventy)\b/.test(e.name)), 'no sentence-initial common words');
  const acronyms = entities.flatMap((e) => e.aliases.filter((a) => a.relation === 'acronym').map((a) => a.text));
  assert.deepEqual(entities.filter((e) => acronyms.includes(e.name)).map((e) => e.name), [], 'an acronym is never an entity apart from its full name');
});

test('events: who did what, dated from their own clause or the sentence’s opening date', () => {
  const events = of('event');
  const times = new Map(of('time').map((t) => [t.id, t] as const));
  const event = (re: RegExp) => events.find((e) => re.test(e.text));
  const assassination = event(/^Soviet Union assassinate/)!;
  assert.equal(assassination.agent, 'Soviet Union');
  assert.deepEqual(versionsOf(assassination), [english(), chinese()].sort());
  assert.ok(assassination.figures?.length, 'linked to the figure 30');
  const invasion = event(/invasion/)!;
  assert.equal(invasion.agent, 'People’s Republic of China');
  assert.equal(invasion.patient, 'East Turkistan');
  const killing = event(/killed/)!;
  assert.equal(killing.agent, 'People’s Liberation Army');
  assert.equal(killing.attributedTo.name, 'Chinese government');
  if (times.size) {
    assert.equal(assassination.when, '1949-09');
    assert.equal(event(/orchestrat/)?.when, '1949-08-27');
    assert.equal(invasion.when, '1949-10-12');
    assert.equal(killing.when, '1949-10/1954-01');
    assert.equal((times.get(killing.time!) as TimeFact).interval?.start, '1949-10');
  }
  assert.ok(!events.some((e: EventFact) => /newly established|intended to occupy|could occupy/.test(e.text)));
});

test('facts of one kind never repeat an English–Chinese pair as two facts', () => {
  for (const f of [...of('figure'), ...of('quotation'), ...of('source'), ...of('demand')] as (FigureFact | QuotationFact | SourceFact | DemandFact)[]) {
    const perVersion = new Map<string, number>();
    for (const e of f.evidence) perVersion.set(e.version, (perVersion.get(e.version) ?? 0) + 1);
    if (f.type === 'figure') for (const n of perVersion.values()) assert.equal(n, 1, `${f.id} has one span per version`);
  }
  const chineseOnly = doc.facts.filter((f) => f.type !== 'entity' && f.type !== 'time' && versionsOf(f).length === 1 && versionsOf(f)[0] === chinese());
  assert.deepEqual(chineseOnly.map((f) => f.id), [], 'the translation states nothing the original does not');
});
