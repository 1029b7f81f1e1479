/**
 * One fact stated in several language versions is one fact. Mentions are grouped across versions: a mention of
 * a translation joins a group of the source version when their sentences are aligned and they agree (same
 * figure, same date, same speaker, same item number …). Where they disagree but are each other's only
 * counterpart in the aligned passage, they are still one fact — the disagreement is the check stage's finding,
 * not a second fact.
 */
import type { DocumentView } from './view.js';

export interface MergeRule<M> {
  version(m: M): string;
  sentences(m: M): string[];
  /** Same fact, by content. */
  same(a: M, b: M): boolean;
  /** May two mentions of one aligned passage pair up by order when their content does not match? */
  pairByOrder?: boolean;
}

interface Group<M> {
  members: M[];
  versions: Set<string>;
  sentences: Set<string>;
  index: number;
}

export function mergeAcrossVersions<M>(view: DocumentView, mentions: M[], order: string[], rule: MergeRule<M>): M[][] {
  const groups: Group<M>[] = [];
  const bySentence = new Map<string, Group<M>[]>();
  const byVersion = new Map<string, M[]>();
  for (const m of mentions) {
    const list = byVersion.get(rule.version(m)) ?? [];
    list.push(m);
    byVersion.set(rule.version(m), list);
  }
  for (const version of order) {
    const own = byVersion.get(version) ?? [];
    const taken = new Set<Group<M>>();
    /** Groups stated in sentences aligned with m's, not yet given a member of this version, in document order. */
    const alignedGroups = (m: M): Group<M>[] => {
      const found = new Set<Group<M>>();
      for (const s of rule.sentences(m)) for (const x of view.counterparts.get(s) ?? []) for (const g of bySentence.get(x) ?? []) if (!g.versions.has(version) && !taken.has(g)) found.add(g);
      return [...found].sort((a, b) => a.index - b.index);
    };
    const matched = new Set<M>();
    for (const m of own) {
      const g = alignedGroups(m).find((g) => rule.same(g.members[0]!, m));
      if (g) (g.members.push(m), matched.add(m), taken.add(g));
    }
    if (rule.pairByOrder) {
      const rest = own.filter((m) => !matched.has(m));
      const openOf = new Map(rest.map((m) => [m, alignedGroups(m)]));
      const wanting = new Map<Group<M>, M[]>();
      for (const m of rest) for (const g of openOf.get(m)!) wanting.set(g, [...(wanting.get(g) ?? []), m]);
      for (const m of rest) {
        const open = openOf.get(m)!.filter((g) => !taken.has(g));
        if (!open.length) continue;
        const rivalSet = new Set<M>();
        for (const g of open) for (const r of wanting.get(g) ?? []) if (!matched.has(r)) rivalSet.add(r);
        const rivals = rest.filter((r) => rivalSet.has(r));
        if (rivals.length !== open.length) continue;
        const g = open[rivals.indexOf(m)]!;
        g.members.push(m);
        matched.add(m);
        taken.add(g);
      }
    }
    for (const g of taken) g.versions.add(version);
    for (const m of own) {
      if (matched.has(m)) continue;
      const g: Group<M> = { members: [m], versions: new Set([version]), sentences: new Set(rule.sentences(m)), index: groups.length };
      groups.push(g);
      for (const s of g.sentences) bySentence.set(s, [...(bySentence.get(s) ?? []), g]);
    }
  }
  return groups.map((g) => g.members);
}
