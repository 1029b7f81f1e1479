/** The document page's side panel: findings that jump to their place, facts linked to their sentences. */
import type { Document, Fact, Finding } from '../../model.js';
import { SEVERITIES } from '../../model.js';
import { html, join, type SafeHtml } from '../html.js';
import type { DocumentIndex } from './document-view.js';
import { push, type Annotations } from './annotations.js';
import { emptyCounts, FACT_TYPE_LABELS, factSummary, findingLabel, languageShort, severityRank } from './common.js';

/** `rowOf`: paragraph id → row of the side-by-side view, so the list reads in the order of the rows. */
export function renderFindings(doc: Document, ann: Annotations, index: DocumentIndex, rowOf: Map<string, number>): SafeHtml {
  if (!doc.findings.length) return html`<p class="muted">No findings: the checker found nothing to report.</p>`;
  const counts = emptyCounts();
  for (const f of doc.findings) counts[f.severity]++;
  const position = (f: Finding): [number, number] => {
    const t = ann.targets.get(f.id);
    const s = t ? index.sentences.get(t) : undefined;
    const p = s?.paragraph ?? (t ? index.paragraphs.get(t)?.paragraph : undefined);
    if (!p) return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    return [rowOf.get(p.id) ?? Number.MAX_SAFE_INTEGER, s?.sentence.start ?? p.start];
  };
  const keyed = doc.findings.map((f) => ({ f, key: position(f) }));
  keyed.sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || severityRank(y.f.severity) - severityRank(x.f.severity));
  const ordered = keyed.map((k) => k.f);
  return html`<p class="sev-summary">${[...SEVERITIES]
    .reverse()
    .filter((s) => counts[s])
    .map((s) => html`<span class="chip sev-${s}">${counts[s]} ${s}</span> `)}</p>
<ol class="findings">${ordered.map((f) => {
    const target = ann.targets.get(f.id);
    const where = target ? locationLabel(target, index) : '';
    const body = html`<span class="chip sev-${f.severity}">${f.severity}</span> <strong>${findingLabel(f.kind)}</strong> <span class="where">${where}</span><span class="msg">${f.message}</span>`;
    return html`<li id="finding-${f.id}" data-finding="${f.id}" data-kind="${f.kind}" data-severity="${f.severity}">${target ? html`<a class="jump" href="#${target}" data-target="${target}">${body}</a>` : body}</li>`;
  })}</ol>`;
}

export function locationLabel(id: string, index: DocumentIndex): string {
  const s = index.sentences.get(id);
  const p = s?.paragraph ?? index.paragraphs.get(id)?.paragraph;
  const v = s?.version ?? index.paragraphs.get(id)?.version;
  if (!p || !v) return id;
  const number = p.id.slice(p.id.lastIndexOf('.p') + 2);
  const sentenceNumber = s ? `.${s.sentence.id.slice(s.sentence.id.lastIndexOf('.s') + 2)}` : '';
  return `${languageShort(v.language)} ¶${number}${sentenceNumber}`;
}

export function renderFacts(doc: Document, index: DocumentIndex): SafeHtml {
  if (!doc.facts.length) return html`<p class="muted">No facts extracted.</p>`;
  const groups = new Map<Fact['type'], Fact[]>();
  for (const f of doc.facts) push(groups, f.type, f);
  const order: Fact['type'][] = ['event', 'time', 'figure', 'quotation', 'source', 'demand', 'entity'];
  return join(
    order
      .filter((t) => groups.has(t))
      .map((type) => {
        const facts = groups.get(type)!;
        return html`<h3 class="fact-type">${FACT_TYPE_LABELS[type]} <span class="count">${facts.length}</span></h3>
<ul class="facts">${facts.map((fact) => {
          const sentences = [...new Set(fact.evidence.map((e) => e.sentence))].filter((id) => index.sentences.has(id));
          const entityLink = fact.type === 'entity' ? html` <a class="more" href="/entities?q=${encodeURIComponent(fact.name)}">entity page</a>` : '';
          return html`<li id="fact-${fact.id}" data-fact="${fact.id}" data-type="${fact.type}" data-sentences="${sentences.join(' ')}"><span class="fact-text" dir="auto">${factSummary(fact)}</span>${entityLink}
<span class="evidence">${sentences.map((id) => html`<a href="#${id}" data-target="${id}">${locationLabel(id, index)}</a> `)}</span>${fact.attributedTo?.name ? html`<span class="attrib">according to ${fact.attributedTo.name}</span>` : ''}</li>`;
        })}</ul>`;
      }),
  );
}
