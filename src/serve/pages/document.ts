import type { Document, Fact, Finding, Paragraph, Sentence, Severity, Version } from '../../model.js';
import { SEVERITIES } from '../../model.js';
import { escapeHtml, html, join, raw, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import {
  choosePair,
  countRows,
  indexDocument,
  locateParagraph,
  locateSentence,
  sentenceCounterparts,
  sideBySide,
  type DocumentIndex,
  type Row,
} from './document-view.js';
import {
  basename,
  documentTitle,
  emptyCounts,
  FACT_TYPE_LABELS,
  factSummary,
  findingLabel,
  formatCount,
  formatDate,
  languageName,
  languageShort,
  severityRank,
} from './common.js';

export interface DocumentPageOptions {
  /** `v1,v3`: which pair of versions to show side by side. */
  pair?: string;
  addedAt?: string;
  /** Archive document id (stable across revisions) when it differs from the content id. */
  archiveId?: string;
  /** The revision shown and how many there are. */
  revision?: number;
  revisions?: number;
}

/** Finding kinds shown by the row's status rather than by marking text. */
const STRUCTURAL = new Set(['untranslated', 'added']);

interface Mark {
  start: number;
  end: number;
  finding: Finding;
}

interface Annotations {
  /** sentence id → finding marks inside it (document offsets). */
  marks: Map<string, Mark[]>;
  /** sentence id → findings about the whole sentence. */
  sentenceFindings: Map<string, Finding[]>;
  /** paragraph id → findings about the whole paragraph. */
  paragraphFindings: Map<string, Finding[]>;
  /** finding id → where the list jumps to. */
  targets: Map<string, string>;
  /** sentence id → ids of facts stated there. */
  facts: Map<string, string[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function annotate(doc: Document, index: DocumentIndex): Annotations {
  const a: Annotations = { marks: new Map(), sentenceFindings: new Map(), paragraphFindings: new Map(), targets: new Map(), facts: new Map() };
  for (const finding of doc.findings) {
    const seen = new Set<string>();
    // The list jumps to the translation's side first: that is where a reviewer acts (the counterpart lights up too).
    for (const loc of [finding.b, finding.a, ...finding.evidence]) {
      if (!loc) continue;
      const key = `${loc.version}:${loc.start}:${loc.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sentenceId = locateSentence(loc, index);
      const paragraphId = locateParagraph(loc, index);
      if (!a.targets.has(finding.id)) {
        const target = sentenceId ?? paragraphId;
        if (target) a.targets.set(finding.id, target);
      }
      if (STRUCTURAL.has(finding.kind)) continue;
      if (sentenceId) {
        const s = index.sentences.get(sentenceId)!.sentence;
        const start = Math.max(loc.start, s.start);
        const end = Math.min(loc.end, s.end);
        if (end > start && !(start === s.start && end === s.end)) push(a.marks, sentenceId, { start, end, finding });
        else push(a.sentenceFindings, sentenceId, finding);
      } else if (paragraphId) push(a.paragraphFindings, paragraphId, finding);
    }
  }
  for (const fact of doc.facts)
    for (const ev of fact.evidence) {
      const list = a.facts.get(ev.sentence);
      if (!list?.includes(fact.id)) push(a.facts, ev.sentence, fact.id);
    }
  return a;
}

function worst(findings: Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (severityRank(f.severity) > severityRank(w) ? f.severity : w), 'info');
}

const findingTitle = (findings: Finding[]) => findings.map((f) => `${findingLabel(f.kind)}: ${f.message}`).join('\n');

/**
 * Sentence text with finding spans wrapped in <mark>; overlapping spans are cut into flat segments.
 * The hot path of big documents builds plain strings: every piece of document text goes through escapeHtml.
 */
function sentenceText(s: Sentence, marks: Mark[] | undefined): string {
  if (!marks?.length) return escapeHtml(s.text);
  const bounds = new Set<number>([0, s.text.length]);
  for (const m of marks) {
    bounds.add(Math.min(Math.max(m.start - s.start, 0), s.text.length));
    bounds.add(Math.min(Math.max(m.end - s.start, 0), s.text.length));
  }
  const cuts = [...bounds].sort((x, y) => x - y);
  let out = '';
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const piece = escapeHtml(s.text.slice(from, to));
    const active = marks.filter((m) => m.start - s.start <= from && m.end - s.start >= to);
    if (!active.length) out += piece;
    else {
      const findings = active.map((m) => m.finding);
      out += `<mark class="f sev-${worst(findings)}" data-findings="${escapeHtml(findings.map((f) => f.id).join(' '))}" title="${escapeHtml(findingTitle(findings))}">${piece}</mark>`;
    }
  }
  return out;
}

function renderParagraph(doc: Document, p: Paragraph, ann: Annotations, counterparts: Map<string, string[]>): string {
  const number = p.id.slice(p.id.lastIndexOf('.p') + 2);
  let out = '';
  p.sentences.forEach((s, i) => {
    if (i > 0) {
      const gap = doc.text.slice(p.sentences[i - 1]!.end, s.start);
      out += /^\s*$/.test(gap) ? escapeHtml(gap) : ' ';
    }
    const pair = counterparts.get(s.id);
    const facts = ann.facts.get(s.id);
    const whole = ann.sentenceFindings.get(s.id);
    let attributes = `class="s${pair ? ' linked' : ''}${whole ? ` f-whole sev-${worst(whole)}` : ''}" id="${escapeHtml(s.id)}" tabindex="-1"`;
    if (pair) attributes += ` data-pair="${escapeHtml(pair.join(' '))}"`;
    if (facts) attributes += ` data-facts="${escapeHtml(facts.join(' '))}"`;
    if (whole) attributes += ` data-findings="${escapeHtml(whole.map((f) => f.id).join(' '))}" title="${escapeHtml(findingTitle(whole))}"`;
    out += `<span ${attributes}>${sentenceText(s, ann.marks.get(s.id))}</span>`;
  });
  const pf = ann.paragraphFindings.get(p.id);
  const kind = p.kind === 'paragraph' ? '' : ` ${escapeHtml(p.kind)}`;
  const id = escapeHtml(p.id);
  return `<p class="para${kind}${pf ? ` f-para sev-${worst(pf)}` : ''}" id="${id}" lang="${escapeHtml(p.language)}" dir="auto"><a class="pnum" href="#${id}" tabindex="-1" aria-label="Paragraph ${escapeHtml(number)}">${escapeHtml(number)}</a>${out}</p>`;
}

const STATUS_TEXT: Record<Row['status'], string> = {
  aligned: 'Aligned',
  untranslated: 'Not translated',
  added: 'No source — added in translation',
  unaligned: 'Not aligned',
};

function renderRow(doc: Document, row: Row, a: Version, b: Version, ann: Annotations, counterparts: Map<string, string[]>): SafeHtml {
  const cell = (side: 'a' | 'b', version: Version, paragraphs: Paragraph[]) => {
    if (!paragraphs.length) {
      const text = side === 'b' ? `Not translated into ${languageName(version.language)}` : `Not in ${languageName(version.language)}: added in translation`;
      return html`<div class="cell ${side} empty" lang="en" data-label="${languageShort(version.language)}"><span class="gap-label">${text}</span></div>`;
    }
    return html`<div class="cell ${side}" lang="${version.language}" data-label="${languageShort(version.language)}">${raw(paragraphs.map((p) => renderParagraph(doc, p, ann, counterparts)).join(''))}</div>`;
  };
  const label = `Row ${row.index + 1}: ${STATUS_TEXT[row.status]}${row.cutOff ? ', cut off' : ''}`;
  const confidence = row.confidence !== undefined && row.status === 'aligned' ? html` data-confidence="${row.confidence.toFixed(2)}"` : '';
  return html`<div class="row ${row.status}${row.cutOff ? ' cut-off' : ''}" id="row-${row.index + 1}" data-status="${row.status}"${row.cutOff ? raw(' data-cut-off="true"') : ''}${confidence} role="group" aria-label="${label}">${cell('a', a, row.a)}<div class="marker" aria-hidden="true">${row.status === 'untranslated' ? '→∅' : row.status === 'added' ? '∅→' : row.cutOff ? '✂' : ''}</div>${cell('b', b, row.b)}${row.cutOff ? html`<div class="cut-note">Cut off: the translation stops mid-passage here</div>` : ''}</div>`;
}

/** `rowOf`: paragraph id → row of the side-by-side view, so the list reads in the order of the rows. */
function renderFindings(doc: Document, ann: Annotations, index: DocumentIndex, rowOf: Map<string, number>): SafeHtml {
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

function locationLabel(id: string, index: DocumentIndex): string {
  const s = index.sentences.get(id);
  const p = s?.paragraph ?? index.paragraphs.get(id)?.paragraph;
  const v = s?.version ?? index.paragraphs.get(id)?.version;
  if (!p || !v) return id;
  const number = p.id.slice(p.id.lastIndexOf('.p') + 2);
  const sentenceNumber = s ? `.${s.sentence.id.slice(s.sentence.id.lastIndexOf('.s') + 2)}` : '';
  return `${languageShort(v.language)} ¶${number}${sentenceNumber}`;
}

function renderFacts(doc: Document, index: DocumentIndex): SafeHtml {
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

export function renderDocumentPage(doc: Document, options: DocumentPageOptions = {}): SafeHtml {
  const index = indexDocument(doc);
  const title = documentTitle(doc);
  const ann = annotate(doc, index);
  const counterparts = sentenceCounterparts(doc);
  const pairVersions = doc.versions.length >= 2 ? choosePair(doc, options.pair) : undefined;
  const sentenceCount = doc.versions.reduce((n, v) => n + v.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);
  const exports = ['tmx', 'xliff', 'csv', 'json'];

  let aligned: SafeHtml;
  let summary: SafeHtml = html``;
  const rowOf = new Map<string, number>();
  if (pairVersions) {
    const [a, b] = pairVersions;
    const view = sideBySide(doc, a, b, index);
    for (const r of view.rows) for (const p of [...r.a, ...r.b]) rowOf.set(p.id, r.index);
    const c = countRows(view.rows);
    const statusLine =
      c.unaligned > 0
        ? html`<p class="status-line"><span class="chip warn">Not aligned</span> The aligner found no links between these versions; they are shown in their own columns.</p>`
        : html`<p class="status-line" aria-live="polite"><span class="chip aligned">${c.aligned} aligned</span> <span class="chip untranslated">${c.untranslated} untranslated</span> <span class="chip added">${c.added} added</span>${c.cutOff ? html` <span class="chip cut">${c.cutOff} cut off</span>` : ''}</p>
<div class="overview" aria-hidden="true">${view.rows.map((r) => html`<a class="tick ${r.status}${r.cutOff ? ' cut-off' : ''}" href="#row-${r.index + 1}" tabindex="-1" title="Row ${r.index + 1}: ${STATUS_TEXT[r.status]}${r.cutOff ? ', cut off' : ''}"></a>`)}</div>`;
    summary = statusLine;
    const pairs = doc.alignments.length > 1 || doc.versions.length > 2 ? renderPairChooser(doc, a, b) : html``;
    aligned = html`${pairs}
<section class="versions" aria-label="Versions side by side" tabindex="0" aria-describedby="aligned-help">
<p id="aligned-help" class="visually-hidden">Arrow keys move between sentences; Enter jumps to the linked sentence in the other version.</p>
<div class="colhead" aria-hidden="true"><div class="cell a">${languageName(a.language)} <span class="muted">${a.id} · ${formatCount(a.paragraphs.length, 'paragraph')}</span></div><div class="marker"></div><div class="cell b">${languageName(b.language)} <span class="muted">${b.id} · ${formatCount(b.paragraphs.length, 'paragraph')}</span></div></div>
${join(view.rows.map((r) => renderRow(doc, r, a, b, ann, counterparts)))}
</section>`;
  } else {
    const only = doc.versions[0];
    aligned = html`<section class="versions single" aria-label="Text" tabindex="0">${only ? join(only.paragraphs.map((p) => html`<div class="row single"><div class="cell a" lang="${only.language}">${raw(renderParagraph(doc, p, ann, counterparts))}</div></div>`)) : html`<p class="muted">This document has no text.</p>`}</section>`;
  }

  const body = html`<article class="document" data-document="${doc.id}">
<header class="doc-head">
  <p class="crumbs"><a href="/">Archive</a> / <span>${basename(doc.provenance.origin)}</span></p>
  <h1 dir="auto">${title}</h1>
  <p class="meta">${doc.versions.map((v) => html`<span class="chip lang" lang="${v.language}">${languageName(v.language)}</span> `)}
    ${doc.metadata.date ? html`<span>dated ${formatDate(doc.metadata.date)}</span> · ` : ''}${options.addedAt ? html`<span>added ${formatDate(options.addedAt)}</span> · ` : ''}<span title="${doc.provenance.origin}">${basename(doc.provenance.origin)}</span> · <span>${doc.provenance.format}, ${doc.provenance.encoding}, ${formatCount(doc.provenance.bytes, 'byte')}</span> · <span>${formatCount(sentenceCount, 'sentence')}</span> · <code title="SHA-256 of the original bytes">${doc.provenance.sha256.slice(0, 12)}</code></p>
  ${options.revisions && options.revisions > 1 ? renderRevisions(options.archiveId ?? doc.id, options.revision ?? options.revisions, options.revisions) : ''}
  <p class="exports">Export: ${exports.map((f) => html`<a class="button small" href="/api/documents/${doc.id}/export?format=${f}${pairVersions && (f === 'tmx' || f === 'xliff') ? `&pair=${pairVersions[0].id},${pairVersions[1].id}` : ''}" download>${f.toUpperCase()}</a> `)}</p>
  ${summary}
</header>
<div class="doc-grid">
${aligned}
<aside class="side" aria-label="Findings and facts">
<details open class="panel"><summary><h2>Findings <span class="count">${doc.findings.length}</span></h2></summary>${renderFindings(doc, ann, index, rowOf)}</details>
<details open class="panel"><summary><h2>Facts <span class="count">${doc.facts.length}</span></h2></summary>${renderFacts(doc, index)}</details>
</aside>
</div>
</article>`;
  return page({ title, section: 'document', body, scripts: ['document.js'], wide: true });
}

function renderRevisions(id: string, shown: number, total: number): SafeHtml {
  const items = Array.from({ length: total }, (_, i) => i + 1).map((n) =>
    n === shown ? html`<strong aria-current="true">${n}</strong>` : html`<a href="/documents/${id}${n === total ? '' : `?revision=${n}`}">${n}</a>`,
  );
  return html`<p class="revisions">${shown < total ? html`<span class="chip warn">Older revision</span> ` : ''}Revision ${shown} of ${total}: ${join(items, ' · ')} <a class="small" href="/api/documents/${id}/history">provenance</a></p>`;
}

function renderPairChooser(doc: Document, a: Version, b: Version): SafeHtml {
  const pairs = doc.alignments.length ? doc.alignments.map((x) => x.versions) : doc.versions.slice(1).map((v) => [doc.versions[0]!.id, v.id] as [string, string]);
  const name = (id: string) => {
    const v = doc.versions.find((x) => x.id === id);
    return v ? `${languageName(v.language)} (${id})` : id;
  };
  return html`<nav class="pairs" aria-label="Version pairs">${pairs.map(([x, y]) => {
    const current = x === a.id && y === b.id;
    return html`<a href="?pair=${x},${y}"${current ? raw(' aria-current="true"') : ''}>${name(x)} ↔ ${name(y)}</a> `;
  })}</nav>`;
}
