/**
 * The entity index: entity facts from every document merged by alias. Two entity facts are one entity when
 * any of their names or aliases is the same after folding (Traditional→Simplified, compatibility forms,
 * case, accents, spacing and punctuation), so 東突厥斯坦, 东突厥斯坦 and "East Turkistan" join whenever one
 * document lists them as aliases of each other.
 */
import type { Alias, EntityFact, EntityKind } from '../model.js';
import type { EntityEntry, EntityMention, EntityOptions } from './archive.js';
import { citation, type StoredFact } from './facts.js';
import { foldHan } from './tokens.js';
import { chineseVariant } from '../lang/chinese.js';

const folded = new Map<string, string>();

/** Folded form of a name, for matching only. Names recur in every document, so foldings are remembered (bounded). */
export function foldName(name: string): string {
  let out = folded.get(name);
  if (out === undefined) {
    out = foldHan(name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, '');
    if (folded.size >= 100_000) folded.clear();
    folded.set(name, out);
  }
  return out;
}

export function buildEntities(facts: StoredFact[], options: EntityOptions = {}): EntityEntry[] {
  const entities = facts.filter((f): f is StoredFact & { fact: EntityFact } => f.fact.type === 'entity');
  const parent = entities.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  entities.forEach((f, i) => {
    for (const name of [f.fact.name, ...f.fact.aliases.map((a) => a.text)]) {
      const key = foldName(name);
      if (!key) continue;
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const clusters = new Map<number, (StoredFact & { fact: EntityFact })[]>();
  entities.forEach((f, i) => {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(f);
    else clusters.set(root, [f]);
  });
  const query = options.query ? foldName(options.query) : undefined;
  const out: EntityEntry[] = [];
  for (const members of clusters.values()) {
    const kind = mostCommon(members.map((m) => m.fact.kind)) as EntityKind;
    if (options.kind && kind !== options.kind) continue;
    const aliases: Alias[] = [];
    const seen = new Set<string>();
    const addAlias = (a: Alias) => {
      const key = `${a.text}|${a.language}`;
      if (!seen.has(key)) {
        seen.add(key);
        aliases.push(a);
      }
    };
    for (const m of members) {
      addAlias({ text: m.fact.name, language: nameLanguage(m.fact.name, m.language) });
      for (const a of m.fact.aliases) addAlias(a);
    }
    if (query && !aliases.some((a) => foldName(a.text).includes(query))) continue;
    const name = mostCommon(members.map((m) => m.fact.name));
    // The first mention of each fact carries its quote from the query; the others get theirs in `fillQuotes`.
    const all: EntityMention[] = members.flatMap((m) =>
      m.mentions?.length
        ? m.mentions.map((x) => ({ ...citation(m), version: x.version, sentence: x.sentence, quote: x.sentence === m.sentence ? m.quote : (x.quote ?? ''), name: m.fact.name }))
        : [{ ...citation(m), name: m.fact.name }],
    );
    // List one mention per document first, so a long list still shows every document.
    const seenDocs = new Set<string>();
    const firsts: EntityMention[] = [];
    const rest: EntityMention[] = [];
    for (const m of all) {
      if (seenDocs.has(m.documentId)) rest.push(m);
      else {
        seenDocs.add(m.documentId);
        firsts.push(m);
      }
    }
    const mentions = [...firsts, ...rest].slice(0, options.mentions ?? 100);
    out.push({ key: foldName(name), name, kind, aliases, mentions, mentionCount: all.length, documents: seenDocs.size });
  }
  out.sort((a, b) => b.documents - a.documents || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  return out.slice(0, options.limit ?? 1000);
}

/** Reads the sentence text of listed mentions that do not have it yet, in one lookup. */
export async function fillQuotes(entries: EntityEntry[], lookup: (pairs: { documentId: string; sentence: string }[]) => Promise<{ documentId: string; sentence: string; text: string }[]>): Promise<void> {
  const missing = entries.flatMap((e) => e.mentions.filter((m) => !m.quote && m.sentence));
  if (!missing.length) return;
  const texts = new Map((await lookup(missing.map((m) => ({ documentId: m.documentId, sentence: m.sentence })))).map((r) => [`${r.documentId}|${r.sentence}`, r.text]));
  for (const m of missing) m.quote = texts.get(`${m.documentId}|${m.sentence}`) ?? '';
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? '';
}

/** The language a name is written in: its Chinese script when it has Han characters, else the sentence's language. */
function nameLanguage(name: string, sentenceLanguage: string | undefined): string {
  if (/\p{Script=Han}/u.test(name)) return chineseVariant(name) ?? 'zh';
  return sentenceLanguage && !sentenceLanguage.startsWith('zh') ? sentenceLanguage : 'und';
}
