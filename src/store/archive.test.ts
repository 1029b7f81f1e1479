import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConcordError } from '../model.js';
import type { Archive } from './archive.js';
import { testBackends } from './fixtures/backends.js';
import { crashNote, reportB, statementA } from './fixtures/corpus.js';
import { makeDocument } from './fixtures/make-document.js';
import { RANK_WINDOW } from './search.js';

// ONE suite, run against every archive implementation: same behaviour on SQLite and PostgreSQL.
for (const backend of await testBackends()) {
  describe(`archive on ${backend.name}`, { skip: backend.skip }, () => {
    let archive: Archive;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ archive, dispose } = await backend.fresh());
      for (const doc of [statementA(), reportB(), crashNote('/corpus/other/c.txt', '27'), crashNote('/corpus/other/d.txt', '29')]) await archive.add(doc);
    });
    after(async () => dispose?.());

    test('a Simplified query finds Traditional text and shows the aligned English sentence', async () => {
      const r = await archive.search({ query: '东突厥斯坦', language: 'zh-Hant' });
      assert.equal(r.hits.length, 2);
      const hit = r.hits.find((h) => h.sentence === 'v2.p1.s1')!;
      assert.match(hit.snippet, /«東突厥斯坦»/);
      assert.equal(hit.aligned[0]?.level, 'sentence');
      assert.deepEqual(hit.aligned[0]?.units.map((u) => u.text), ['The East Turkistan Government in Exile marks the 75th anniversary of the Soviet betrayal.']);
    });

    test('a Traditional query finds Simplified text, with the paragraph-aligned English when only paragraphs are linked', async () => {
      const r = await archive.search({ query: '東突厥斯坦', language: 'zh-Hans' });
      assert.equal(r.hits.length, 1);
      assert.equal(r.hits[0]!.origin, 'https://example.org/news/b.html');
      assert.equal(r.hits[0]!.aligned[0]?.level, 'paragraph');
      assert.match(r.hits[0]!.aligned[0]!.units[0]!.text, /^Reports say .* killed 200,000 people\.$/);
    });

    test('an English phrase finds the sentence and shows the aligned Chinese; word order matters in a phrase', async () => {
      const r = await archive.search({ query: '"Resolution 3070"' });
      assert.equal(r.hits.length, 1);
      assert.match(r.hits[0]!.snippet, /«Resolution 3070»/);
      assert.deepEqual(r.hits[0]!.aligned.map((a) => [a.language, a.units[0]!.text]), [['zh-Hant', '聯合國大會於1973年通過第3070號決議。']]);
      assert.deepEqual(r.hits[0]!.unaligned, []);
      assert.equal((await archive.search({ query: '"3070 Resolution"' })).hits.length, 0);
    });

    test('English words are stemmed and case-folded: "Invades" finds "invaded"', async () => {
      const r = await archive.search({ query: 'Invades', language: 'en' });
      assert.deepEqual(r.hits.map((h) => h.origin).sort(), ['/corpus/etge/a.txt', 'https://example.org/news/b.html']);
    });

    test('boolean operators: AND, OR, NOT, -word and parentheses', async () => {
      const ids = async (query: string) => (await archive.search({ query })).hits.map((h) => `${h.documentId}:${h.sentence}`).sort();
      assert.equal((await ids('army AND killed')).length, 1);
      assert.equal((await ids('army killed')).length, 1);
      assert.equal((await ids('army OR crash')).length, 4);
      assert.equal((await ids('army NOT reports')).length, 1);
      assert.deepEqual(await ids('army -reports'), await ids('army NOT reports'));
      // 3070 is written in both language versions of statement A.
      assert.equal((await ids('(crash OR 3070) NOT leaders')).length, 2);
    });

    test('a single Chinese character finds every sentence holding it, in either script', async () => {
      const r = await archive.search({ query: '斯' });
      assert.equal(r.hits.length, 3);
      assert.ok(r.hits.every((h) => h.parts.some((p) => p.match && p.text === '斯')));
    });

    test('filters: language (zh covers both scripts), source, event date range', async () => {
      assert.equal((await archive.search({ query: '入侵', language: 'zh' })).hits.length, 2);
      assert.equal((await archive.search({ query: 'army', source: 'example.org' })).hits.length, 1);
      const inAugust = await archive.search({ query: 'killed', from: '1949-08', to: '1949-08' });
      assert.deepEqual(inAugust.hits.map((h) => h.origin).sort(), ['/corpus/other/c.txt', '/corpus/other/d.txt']);
      const in1973 = await archive.search({ query: 'killed OR 3070', from: '1973', to: '1973' });
      assert.ok(in1973.hits.length > 0 && in1973.hits.every((h) => h.origin === '/corpus/etge/a.txt'));
    });

    test('results are ranked, best first, with the score bm25 or ts_rank gives', async () => {
      const r = await archive.search({ query: 'killed OR leaders OR plane' });
      assert.ok(r.hits.length >= 3);
      for (let i = 1; i < r.hits.length; i++) assert.ok(r.hits[i - 1]!.score >= r.hits[i]!.score);
      assert.match(r.hits[0]!.text, /plane crash that killed the leaders/);
    });

    test('malformed queries get one clear message each; SQL and FTS syntax in a query are only words', async () => {
      const cases: [string, RegExp][] = [
        ['"unclosed phrase', /quote .* never closed/],
        ['(army OR crash', /parenthesis .* never closed/],
        ['army OR', /OR .* needs a term after it/],
        ['AND army', /AND .* needs a term before it/],
        ['NOT army', /NOT needs a word to keep/],
        ['crash OR NOT army', /NOT cannot stand alone inside OR/],
        ['', /empty/],
        ['!!! ...', /no words/],
        ['army )', /unexpected '\)'/],
      ];
      for (const [query, message] of cases) {
        await assert.rejects(archive.search({ query }), (e: unknown) => e instanceof ConcordError && message.test(e.message) && !e.message.includes('\n'), query);
      }
      for (const query of [`'; DROP TABLE documents; --`, 'body : army', 'NEAR(army crash)', '^army', 'army:*', `x' | 'y`]) {
        await archive.search({ query });
      }
      assert.equal((await archive.list()).length, 4);
    });

    test('a date filter that is not a date is refused with a clear message', async () => {
      await assert.rejects(archive.search({ query: 'army', from: 'last spring' }), (e: unknown) => e instanceof ConcordError && /not a date: 'last spring'/.test(e.message));
      await assert.rejects(archive.timeline({ to: '1949-13' }), ConcordError);
    });

    test('list: languages, source, finding counts, filters', async () => {
      const all = await archive.list();
      const a = all.find((d) => d.origin === '/corpus/etge/a.txt')!;
      assert.deepEqual(a.languages, ['en', 'zh-Hant']);
      assert.equal(a.source, 'ETGE');
      assert.equal(a.findings.major, 1);
      assert.equal(a.sentences, 8);
      assert.deepEqual((await archive.list({ language: 'zh' })).map((d) => d.origin).sort(), ['/corpus/etge/a.txt', 'https://example.org/news/b.html']);
      assert.deepEqual((await archive.list({ source: 'EXAMPLE.org' })).map((d) => d.source), ['example.org']);
    });

    test('get returns the full Document model as it was added', async () => {
      const original = statementA();
      const stored = await archive.get(original.id);
      assert.deepEqual(stored, JSON.parse(JSON.stringify(original)));
    });

    test('adding the same bytes again changes nothing', async () => {
      const before = await archive.stats();
      const r = await archive.add(statementA());
      assert.equal(r.status, 'unchanged');
      assert.deepEqual(await archive.stats(), before);
    });

    test('timeline: one event told by two documents is grouped, with both sources and the figure disagreement cited', async () => {
      const entries = await archive.timeline();
      const invasion = entries.find((e) => e.value === '1949-10-12' && e.kind === 'event')!;
      assert.equal(invasion.documents, 2);
      assert.equal(invasion.precision, 'day');
      const figures = invasion.disagreements.filter((d) => d.kind === 'figure');
      assert.equal(figures.length, 1);
      assert.deepEqual(figures[0]!.sides.map((s) => [s.value, s.citations[0]!.origin]).sort(), [
        ['150,000', '/corpus/etge/a.txt'],
        ['200,000', 'https://example.org/news/b.html'],
      ]);
    });

    test('timeline: the same event dated differently by two sources is flagged on both dates, in date order', async () => {
      const entries = await archive.timeline({ from: '1949', to: '1949' });
      const crashes = entries.filter((e) => e.text.includes('plane crash'));
      assert.deepEqual(crashes.map((e) => e.value), ['1949-08-27', '1949-08-29']);
      for (const c of crashes) {
        const d = c.disagreements.find((x) => x.kind === 'date')!;
        assert.deepEqual(d.sides.map((s) => s.value).sort(), ['1949-08-27', '1949-08-29']);
      }
      const starts = entries.map((e) => e.start);
      assert.deepEqual(starts, [...starts].sort());
      assert.ok(entries.every((e) => e.start >= '1949-01-01' && e.end <= '1949-12-31'));
    });

    test('entities merge across documents by alias after folding Traditional/Simplified, with every mention', async () => {
      const [turkistan] = await archive.entities({ query: '東突厥斯坦' });
      assert.ok(turkistan);
      assert.equal(turkistan.documents, 2);
      assert.deepEqual(new Set(turkistan.aliases.map((a) => a.text)), new Set(['East Turkistan', '東突厥斯坦', '东突厥斯坦', 'East Turkestan']));
      assert.deepEqual(turkistan.mentions.map((m) => m.origin).sort(), ['/corpus/etge/a.txt', '/corpus/etge/a.txt', 'https://example.org/news/b.html']);
      // Every sentence that names it, in each language version, with its text.
      assert.ok(turkistan.mentions.some((m) => m.sentence === 'v2.p1.s2' && m.quote === '1949年10月12日，軍隊入侵東突厥斯坦，殺害十五萬人。'));
    });

    test('a changed file from the same source is a new revision; history keeps the old one; the index shows the new', async () => {
      const changed = reportB();
      changed.provenance = { ...changed.provenance, sha256: 'f'.repeat(64) };
      changed.id = 'f'.repeat(16);
      changed.versions[0]!.paragraphs[0]!.sentences[1]!.text = 'They killed 300,000 people, the revised report says.';
      for (const fact of changed.facts) if (fact.type === 'figure') Object.assign(fact, { value: 300000, text: '300,000' });
      const figuresOnTimeline = async () =>
        (await archive.timeline()).find((e) => e.value === '1949-10-12' && e.kind === 'event')!.disagreements.flatMap((d) => d.sides.map((s) => s.value)).sort();
      assert.deepEqual(await figuresOnTimeline(), ['150,000', '200,000']); // computed, and kept for the next call
      const r = await archive.add(changed);
      assert.equal(r.status, 'revised');
      assert.equal(r.revision, 2);
      const history = await archive.history(r.id);
      assert.deepEqual(history.map((h) => h.revision), [1, 2]);
      assert.equal((await archive.get(r.id, { revision: 1 }))!.versions[0]!.paragraphs[0]!.sentences[1]!.text, 'They killed 200,000 people.');
      assert.equal((await archive.get('f'.repeat(16)))!.id, 'f'.repeat(16));
      assert.equal((await archive.search({ query: '300,000' })).hits.length, 1);
      assert.equal((await archive.search({ query: '"200,000"' })).hits.length, 0);
      // The timeline kept between calls follows the new revision.
      assert.deepEqual(await figuresOnTimeline(), ['150,000', '300,000']);
      const summary = (await archive.summary(r.id))!;
      assert.deepEqual([summary.revision, summary.revisions], [2, 2]);
      assert.equal((await archive.stats()).documents, 4);
    });

    test('timeline: many sources giving many figures for one event make one figure disagreement listing every side', async () => {
      for (let i = 0; i < 6; i++) {
        const doc = reportB();
        doc.id = `many${i}`.padEnd(16, '0');
        doc.provenance = { ...doc.provenance, origin: `https://example.org/many/${i}.html`, sha256: String(i).repeat(64) };
        for (const fact of doc.facts) if (fact.type === 'figure') Object.assign(fact, { value: 400000 + i, text: `${400000 + i}` });
        await archive.add(doc);
      }
      const invasion = (await archive.timeline()).find((e) => e.value === '1949-10-12' && e.kind === 'event')!;
      assert.equal(invasion.documents, 8);
      const figures = invasion.disagreements.filter((d) => d.kind === 'figure');
      assert.equal(figures.length, 1);
      assert.equal(figures[0]!.sides.length, 8);
      assert.match(figures[0]!.message, /and 4 more$/);
    });

    test('a query matching more sentences than the rank window is ranked among the most recent matches, and says so', async () => {
      const sentences = Array.from({ length: RANK_WINDOW + 100 }, (_, i) => `Broad thread ${i} continues.`);
      await archive.add(makeDocument({ origin: '/corpus/broad.txt', versions: [{ language: 'en', paragraphs: [sentences] }] }));
      const r = await archive.search({ query: 'broad thread' });
      assert.equal(r.rankedWithin, RANK_WINDOW);
      assert.equal(r.hits.length, 20);
      // Equal scores fall back to insertion order: the window starts 100 sentences in.
      assert.equal(r.hits[0]!.text, 'Broad thread 100 continues.');
      const narrow = await archive.search({ query: '"thread 7 continues"' });
      assert.equal(narrow.rankedWithin, undefined);
      assert.deepEqual(narrow.hits.map((h) => h.text), ['Broad thread 7 continues.']);
    });
  });
}
