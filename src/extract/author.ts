/**
 * The statement's author: from the metadata, else the organisation or person that opens the first sentence
 * after the dateline ("Washington, D.C. — The East Turkistan Government in Exile (ETGE) solemnly marks …",
 * "東突厥斯坦流亡政府(ETGE)莊嚴紀念…"), else whoever issues the statement's calls ("The ETGE calls upon …").
 */
import type { Attribution } from '../model.js';
import type { EntityCluster, EntityIndex } from './entities.js';
import type { DocumentView } from './view.js';

export interface Author {
  attribution: Attribution;
  cluster?: EntityCluster;
}

const UNNAMED = 'the statement’s author';

export function documentAuthor(view: DocumentView, entities: EntityIndex): Author {
  const fromMetadata = view.doc.metadata.author?.trim();
  if (fromMetadata) {
    const cluster = entities.byName(fromMetadata);
    return author(cluster?.name ?? fromMetadata, cluster);
  }
  for (const version of view.doc.versions) {
    const first = view.byVersion.get(version.id)?.[0];
    if (!first) continue;
    const mentions = entities.bySentence.get(first.id) ?? [];
    const afterDateline = /^[^—–]{2,60}?\s*[—–]+\s*/.exec(first.text)?.[0].length ?? 0;
    const opener = mentions.find((m) => m.start >= afterDateline && /^\s*(?:The\s+|the\s+)?$/.test(first.text.slice(afterDateline, m.start)) && (m.kind === 'organisation' || m.kind === 'person'));
    if (opener) {
      const cluster = entities.clusterOf.get(opener);
      return author(cluster?.name ?? opener.name, cluster);
    }
  }
  // Who calls on others to act, most often.
  const counts = new Map<EntityCluster, number>();
  for (const s of view.sentences) {
    for (const m of entities.bySentence.get(s.id) ?? []) {
      if (m.kind !== 'organisation' && m.kind !== 'person') continue;
      if (/^\s*(?:\p{Ll}+ly\s+)?(?:calls?\s+(?:up)?on|urges?|appeals?|demands?)\b/u.test(s.text.slice(m.end)) || /^\s*(?:再次|強烈|强烈)?(?:呼籲|呼吁|敦促)/.test(s.text.slice(m.end))) {
        const c = entities.clusterOf.get(m);
        if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ? author(best.name, best) : { attribution: { kind: 'author', name: UNNAMED } };
}

function author(name: string, cluster?: EntityCluster): Author {
  const attribution: Attribution = { kind: 'author', name };
  if (cluster?.id) attribution.entity = cluster.id;
  return cluster ? { attribution, cluster } : { attribution };
}
