/** The document page: language versions side by side in aligned rows, findings and facts beside them. */
import type { Document, Paragraph, Sentence, Version } from '../../model.js';
import { escapeHtml, html, join, raw, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import { choosePair, countRows, indexDocument, sentenceCounterparts, sideBySide, type Row } from './document-view.js';
import { annotate, findingTitle, worst, type Annotations, type Mark } from './annotations.js';
import { renderFacts, renderFindings } from './document-side.js';
import { basename, documentTitle, formatCount, formatDate, languageName, languageShort } from './common.js';

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
        : html`<p class="status-line" aria-live="polite"><span class="chip aligned">${c.aligned} aligned</span> <span class="chip untranslated">${c.untranslated} untranslated</span> <span class="chip added">${c.added} added</span>${c.cutOff ? html` <span class="chip cut">${c.cutOff} cut off</span>` : ''}
<span class="legend" aria-hidden="true"><span class="key-pair">linked sentence</span> <span class="key-f sev-critical">critical</span> <span class="key-f sev-major">major</span> <span class="key-f sev-minor">minor</span> <span class="key-f sev-info">info</span></span></p>
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
