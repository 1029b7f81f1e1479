/**
 * Entities of the whole document: mentions found per version, clustered by name and acronym, then linked across
 * scripts. A Chinese cluster joins an English one when they share an acronym, or when they co-occur in aligned
 * sentences (Dice) and the lexicon's glosses or the pinyin support it — competitive linking, best pair first,
 * so each English name takes at most one Chinese name per version.
 */
import { createRequire } from 'node:module';
import type { Alias, EntityKind, LanguageTag } from '../model.js';
import { stemEnglish } from '../lang/english.js';
import { lexiconAvailable, loadLexicon } from '../lang/lexicon.js';
import { capitalisationEvidence, findEnglishEntities, type EntityMention } from './entities-en.js';
import { findChineseEntities } from './entities-zh.js';
import { isChinese, isSupported, type DocumentView, type SentenceRef } from './view.js';

export interface EntityCluster {
  kind: EntityKind;
  /** Weight of the evidence for `kind` (see EntityMention.kindWeight). */
  kindWeight: number;
  name: string;
  language: LanguageTag;
  acronym?: string;
  mentions: EntityMention[];
  /** Set once facts get ids. */
  id?: string;
}

export interface EntityIndex {
  clusters: EntityCluster[];
  /** The cluster a name, a variant or an acronym belongs to. */
  byName(name: string): EntityCluster | undefined;
  /** Mentions of each sentence, in order. */
  bySentence: Map<string, EntityMention[]>;
  clusterOf: Map<EntityMention, EntityCluster>;
}

export function findEntities(view: DocumentView): EntityIndex {
  const bySentence = new Map<string, EntityMention[]>();
  const perVersion = new Map<string, EntityMention[]>();
  for (const version of view.doc.versions) {
    const sentences = (view.byVersion.get(version.id) ?? []).filter((s) => isSupported(s.language));
    const chinese = isChinese(version.language);
    const evidence = chinese ? undefined : capitalisationEvidence(sentences);
    const all: EntityMention[] = [];
    for (const s of sentences) {
      const found = isChinese(s.language) ? findChineseEntities(s) : findEnglishEntities(s, evidence ?? capitalisationEvidence([s]));
      if (s.index === 0) {
        const place = dateline(s);
        if (place.length) found.splice(0, found.length, ...place, ...found.filter((m) => m.start >= place[0]!.end));
      }
      bySentence.set(s.id, found);
      all.push(...found);
    }
    if (chinese) all.push(...knownNamesAgain(sentences, all, bySentence));
    perVersion.set(version.id, all);
  }
  const clusters: EntityCluster[] = [];
  const clusterOf = new Map<EntityMention, EntityCluster>();
  const byAcronym = new Map<string, EntityCluster>();
  const add = (m: EntityMention, c: EntityCluster) => {
    c.mentions.push(m);
    clusterOf.set(m, c);
    if (m.kindWeight > c.kindWeight) ((c.kind = m.kind), (c.kindWeight = m.kindWeight));
    if (m.acronym && !c.acronym) ((c.acronym = m.acronym), byAcronym.set(m.acronym, c));
  };
  // Pass 1: every version clusters its own mentions by name; acronyms join clusters across versions.
  const versionClusters = new Map<string, EntityCluster[]>();
  for (const [version, mentions] of perVersion) {
    const byName = new Map<string, EntityCluster>();
    const own: EntityCluster[] = [];
    const ordered = [...mentions].sort((x, y) => Number(Boolean(y.acronym && !y.isAcronym)) - Number(Boolean(x.acronym && !x.isAcronym)));
    for (const m of ordered) {
      const key = normalise(m.name);
      let c = (m.acronym ? byAcronym.get(m.acronym) : undefined) ?? byName.get(key) ?? (m.kind === 'person' ? own.find((o) => o.kind === 'person' && sameFamilyName(o.name, m.name)) : undefined);
      if (!c) {
        c = { kind: m.kind, kindWeight: -1, name: m.name, language: m.sentence.language, mentions: [] };
        clusters.push(c);
        own.push(c);
      }
      add(m, c);
      byName.set(key, c);
    }
    versionClusters.set(version, own);
  }
  linkAcrossScripts(view, clusters, versionClusters, clusterOf);
  const merged = clusters.filter((c) => c.mentions.length > 0);
  for (const c of merged) {
    c.mentions.sort((x, y) => x.sentence.start + x.start - (y.sentence.start + y.start));
    c.name = canonicalName(c);
  }
  const names = new Map<string, EntityCluster>();
  for (const c of merged) for (const key of [c.name, c.acronym, ...c.mentions.map((m) => m.name)]) if (key && !names.has(key)) names.set(key, c);
  return { clusters: merged, bySentence, clusterOf, byName: (name) => names.get(name) };
}

const strongestKind = (c: EntityCluster) => c.kindWeight;
/** Cluster key: case and apostrophes ignored; a Chinese people's name with or without 族 is one name (維吾爾族, 維吾爾). */
const normalise = (name: string) => name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').replace(/(?<=[\u3400-\u9fff]{2})(?:民族|族)$/, '');
const sameFamilyName = (a: string, b: string) => {
  const [x, y] = [a.split(/\s+/), b.split(/\s+/)];
  return x.length !== y.length && (x[x.length - 1] === y[y.length - 1] || (x.length === 1 && y.includes(x[0]!)) || (y.length === 1 && x.includes(y[0]!)));
};

/**
 * Chinese names found once (before an acronym, or by the lexicon) found again wherever they recur in the version
 * ("國際人權組織(IHRO)…" then "國際人權組織呼籲…"): Chinese has no capitals to find them by.
 */
function knownNamesAgain(sentences: SentenceRef[], found: EntityMention[], bySentence: Map<string, EntityMention[]>): EntityMention[] {
  const names = [...new Map(found.filter((m) => m.name.length >= 3 && !m.isAcronym && /[\u3400-\u9fff]/.test(m.name)).map((m) => [m.name, m])).values()].sort((a, b) => b.name.length - a.name.length);
  if (!names.length) return [];
  const added: EntityMention[] = [];
  for (const s of sentences) {
    const own = bySentence.get(s.id) ?? [];
    for (const known of names) {
      for (let at = s.text.indexOf(known.name); at >= 0; at = s.text.indexOf(known.name, at + known.name.length)) {
        const end = at + known.name.length;
        if (own.some((m) => at < m.end && m.start < end)) continue;
        const m: EntityMention = { sentence: s, start: at, end, text: known.name, name: known.name, kind: known.kind, kindWeight: known.kindWeight };
        own.push(m);
        added.push(m);
      }
    }
    own.sort((a, b) => a.start - b.start);
    bySentence.set(s.id, own);
  }
  return added;
}

/** "Washington, D.C. — …": the place a statement is issued from. */
function dateline(s: SentenceRef): EntityMention[] {
  const m = /^([A-Z][\p{L}.]+(?:,?\s[A-Z][\p{L}.]+){0,3})\s*[—–]/u.exec(s.text.slice(0, 80));
  if (!m) return [];
  const name = m[1]!;
  return [{ sentence: s, start: 0, end: name.length, text: name, name, kind: 'place', kindWeight: 2 }];
}

/** The name shown for a cluster: the source version's fullest name (a full name beats its acronym). */
function canonicalName(c: EntityCluster): string {
  const latin = c.mentions.filter((m) => !isChinese(m.sentence.language));
  const pool = latin.length ? latin : c.mentions;
  const full = pool.filter((m) => !m.isAcronym);
  const counts = new Map<string, number>();
  for (const m of full.length ? full : pool) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return [...counts].sort((x, y) => Number(Boolean(defines(c, y[0]))) - Number(Boolean(defines(c, x[0]))) || y[0].split(' ').length - x[0].split(' ').length || y[1] - x[1])[0]![0];
}
const defines = (c: EntityCluster, name: string) => c.mentions.find((m) => m.name === name && m.acronym && !m.isAcronym);

// ───────────── cross-script linking ─────────────

function linkAcrossScripts(view: DocumentView, clusters: EntityCluster[], versionClusters: Map<string, EntityCluster[]>, clusterOf: Map<EntityMention, EntityCluster>): void {
  const lexicon = lexiconAvailable() ? loadLexicon() : undefined;
  const stemsOf = new Map<EntityCluster, string[]>();
  const latinStems = (c: EntityCluster) => {
    let stems = stemsOf.get(c);
    if (!stems) stemsOf.set(c, (stems = c.name.split(/[\s-]+/).map((w) => stemEnglish(w.replace(/[’']s$/, ''))).filter(Boolean)));
    return stems;
  };
  for (const [version, own] of versionClusters) {
    const v = view.doc.versions.find((x) => x.id === version)!;
    if (!isChinese(v.language)) continue;
    // Which Latin-script clusters are mentioned in each sentence, and in how many sentences aligned with this version.
    const latinIn = new Map<string, Set<EntityCluster>>();
    const alignedCount = new Map<EntityCluster, number>();
    for (const c of clusters) {
      if (c.mentions.some((m) => m.sentence.version === version) || !c.mentions.some((m) => !isChinese(m.sentence.language))) continue;
      const seen = new Set<string>();
      for (const m of c.mentions) {
        if (seen.has(m.sentence.id)) continue;
        seen.add(m.sentence.id);
        let set = latinIn.get(m.sentence.id);
        if (!set) latinIn.set(m.sentence.id, (set = new Set()));
        set.add(c);
        if ([...(view.counterparts.get(m.sentence.id) ?? [])].some((x) => view.byId.get(x)?.version === version)) alignedCount.set(c, (alignedCount.get(c) ?? 0) + 1);
      }
    }
    const candidates: { zh: EntityCluster; en: EntityCluster; score: number }[] = [];
    for (const zh of own) {
      if (zh.mentions.some((m) => !isChinese(m.sentence.language))) continue; // already joined by acronym
      const zs = new Set(zh.mentions.filter((m) => m.sentence.version === version).map((m) => m.sentence.id));
      const cooc = new Map<EntityCluster, number>();
      for (const s of zs) {
        const here = new Set<EntityCluster>();
        for (const x of view.counterparts.get(s) ?? []) for (const c of latinIn.get(x) ?? []) here.add(c);
        for (const c of here) cooc.set(c, (cooc.get(c) ?? 0) + 1);
      }
      if (!cooc.size) continue;
      const glossStems = lexicon ? new Set(lexicon.glosses(zh.name).length ? lexicon.glosses(zh.name) : lexicon.segment(zh.name).flatMap((w) => lexicon.glosses(w))) : new Set<string>();
      let spelled: string | undefined;
      for (const [en, n] of cooc) {
        const dice = (2 * n) / (zs.size + Math.max(alignedCount.get(en) ?? 0, 1));
        const stems = latinStems(en);
        const gloss = glossStems.size && stems.length ? stems.filter((w) => glossStems.has(w) || nearStem(w, glossStems)).length / stems.length : 0;
        let soundScore = 0;
        if (!gloss && (zh.kind === 'person' || en.kind === 'person' || en.kind === 'place')) {
          spelled ??= spell(zh.name, lexicon ? (w) => lexicon.pinyin(w) : undefined);
          const sound = similarity(spelled, en.name);
          if (sound >= 0.6) soundScore = sound;
        }
        if (!gloss && !soundScore && !(dice >= 0.8 && n >= 2)) continue;
        const clash = zh.kind !== en.kind && strongestKind(zh) >= 1 && strongestKind(en) >= 1 ? 0.3 : 0;
        const score = 0.5 * dice + 0.5 * gloss + 0.5 * soundScore - clash;
        if (score >= 0.45) candidates.push({ zh, en, score });
      }
    }
    candidates.sort((x, y) => y.score - x.score);
    const usedZh = new Set<EntityCluster>();
    const usedEn = new Set<EntityCluster>();
    for (const { zh, en } of candidates) {
      if (usedZh.has(zh) || usedEn.has(en)) continue;
      usedZh.add(zh);
      usedEn.add(en);
      for (const m of zh.mentions) (en.mentions.push(m), clusterOf.set(m, en));
      if (en.kindWeight < zh.kindWeight) ((en.kind = zh.kind), (en.kindWeight = zh.kindWeight));
      zh.mentions = [];
    }
  }
}

/** Spelling variants of one name agree: uyghur/uighur, turkistan/turkestan (one edit in five letters or more). */
function nearStem(stem: string, glosses: Set<string>): boolean {
  if (stem.length < 5) return false;
  for (const g of glosses) if (Math.abs(g.length - stem.length) <= 1 && g[0] === stem[0] && levenshtein(g, stem) <= 1) return true;
  return false;
}

function glossOverlap(glossStems: string[], english: string): number {
  const words = english.split(/[\s-]+/).map((w) => stemEnglish(w.replace(/[’']s$/, ''))).filter(Boolean);
  if (!words.length || !glossStems.length) return 0;
  const set = new Set(glossStems);
  return words.filter((w) => set.has(w)).length / words.length;
}

const require = createRequire(import.meta.url);
let pinyinPro: { pinyin(text: string, options: object): string } | undefined;

/** Letters of the pinyin of a Chinese name against the letters of a Latin name, 1 = identical. */
export function transliterationSimilarity(zh: string, latin: string, lexiconPinyin?: (w: string) => string): number {
  return similarity(spell(zh, lexiconPinyin), latin);
}

const spell = (zh: string, lexiconPinyin?: (w: string) => string) => zh.split(/[·•‧・]/).filter(Boolean).map((p) => romanise(p, lexiconPinyin)).join('');

function similarity(spelled: string, latin: string): number {
  const target = latin.toLowerCase().replace(/[^a-z]/g, '');
  if (!target || !spelled) return 0;
  return 1 - levenshtein(spelled, target) / Math.max(spelled.length, target.length);
}

export function romanise(zh: string, lexiconPinyin?: (w: string) => string): string {
  let py = lexiconPinyin ? lexiconPinyin(zh) : '';
  if (!py || py.includes('?')) {
    pinyinPro ??= require('pinyin-pro') as { pinyin(text: string, options: object): string };
    py = pinyinPro.pinyin(zh, { toneType: 'none', type: 'string' });
  }
  return py.toLowerCase().replace(/[0-9\s]/g, '').replace(/ü|u:/g, 'u').replace(/[^a-z]/g, '');
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Aliases of a cluster: every other name it goes by, with how it relates to the canonical name. */
export function aliasesOf(c: EntityCluster): Alias[] {
  const seen = new Set<string>([c.name]);
  const out: Alias[] = [];
  const lexicon = lexiconAvailable() ? loadLexicon() : undefined;
  for (const m of c.mentions) {
    if (seen.has(m.name)) continue;
    seen.add(m.name);
    const chinese = isChinese(m.sentence.language);
    const relation = m.isAcronym ? 'acronym' : chinese ? (c.kind === 'person' ? 'transliteration' : 'translation') : 'variant';
    out.push({ text: m.name, language: m.sentence.language, relation });
    // A Chinese place name the lexicon cannot translate is known abroad by its pinyin (新疆 → Xinjiang).
    if (chinese && c.kind === 'place' && lexicon && !lexicon.glosses(m.name).length && lexicon.entry(m.name)?.name) {
      const py = lexicon.pinyin(m.name).replace(/[0-9]/g, '').replace(/\s+/g, '').toLowerCase();
      const roman = py.charAt(0).toUpperCase() + py.slice(1);
      if (/^[A-Za-z]+$/.test(roman) && !seen.has(roman)) (seen.add(roman), out.push({ text: roman, language: 'zh-Latn-pinyin', relation: 'pinyin' }));
    }
  }
  if (c.acronym && !seen.has(c.acronym)) out.push({ text: c.acronym, language: c.language, relation: 'acronym' });
  return out;
}
