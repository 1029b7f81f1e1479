import type { DocumentSummary, ArchiveStats } from '../../store/archive.js';
import { SEVERITIES } from '../../model.js';
import { html, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import { basename, formatCount, formatDate, languageName } from './common.js';

export interface ArchivePageOptions {
  documents: DocumentSummary[];
  stats: ArchiveStats;
  writesNeedToken: boolean;
  filter: { language?: string; source?: string; limit?: number; offset?: number };
  languages: string[];
}

function findingChips(d: DocumentSummary): SafeHtml {
  const total = SEVERITIES.reduce((n, s) => n + d.findings[s], 0);
  if (!total) return html`<span class="muted">none</span>`;
  return html`${[...SEVERITIES]
    .reverse()
    .filter((s) => d.findings[s])
    .map((s) => html`<span class="chip sev-${s}" title="${d.findings[s]} ${s}">${d.findings[s]}<span class="visually-hidden"> ${s}</span></span> `)}`;
}

function pager(o: ArchivePageOptions): SafeHtml {
  const limit = o.filter.limit ?? 200;
  const offset = o.filter.offset ?? 0;
  const link = (to: number) => {
    const q = new URLSearchParams();
    if (o.filter.language) q.set('language', o.filter.language);
    if (o.filter.source) q.set('source', o.filter.source);
    if (to) q.set('offset', String(to));
    if (limit !== 200) q.set('limit', String(limit));
    return `/?${q.toString()}`;
  };
  if (!offset && o.documents.length < limit) return html``;
  return html`<nav class="pager" aria-label="Pages of statements">${offset ? html`<a class="button" href="${link(Math.max(0, offset - limit))}">← Newer</a>` : ''} <span class="muted">${offset + 1}–${offset + o.documents.length}</span> ${o.documents.length === limit ? html`<a class="button" href="${link(offset + limit)}">Older →</a>` : ''}</nav>`;
}

export function renderArchivePage(o: ArchivePageOptions): SafeHtml {
  const rows = o.documents.map(
    (d) => html`<tr>
<td class="title" data-label="Statement"><a href="/documents/${d.id}" dir="auto">${d.title || basename(d.origin)}</a><span class="origin" title="${d.origin}">${basename(d.origin)}${d.revisions > 1 ? html` · revision ${d.revision} of ${d.revisions}` : ''}</span></td>
<td data-label="Source">${d.source}</td>
<td data-label="Languages">${d.languages.map((l) => html`<span class="chip lang" lang="${l}" title="${languageName(l)}">${l}</span> `)}</td>
<td data-label="Date">${d.date ? html`<time datetime="${d.date}">${d.date}</time>` : html`<span class="muted">—</span>`}</td>
<td data-label="Added"><time datetime="${d.addedAt}">${formatDate(d.addedAt)}</time></td>
<td class="num" data-label="Sentences">${d.sentences.toLocaleString('en')}</td>
<td data-label="Findings">${findingChips(d)}</td>
</tr>`,
  );
  const body = html`<div class="page-head">
<h1>Archive</h1>
<p class="lede">${formatCount(o.stats.documents, 'statement')} · ${formatCount(o.stats.sentences, 'sentence')} · ${formatCount(o.stats.facts, 'fact')}</p>
</div>
<form class="big-search" role="search" action="/search" method="get">
  <label for="archive-q">Search every statement, in any language</label>
  <div class="field-row"><input id="archive-q" name="q" type="search" placeholder="東突厥斯坦, &quot;Resolution 3070&quot;, genocide NOT camp…" autocomplete="off"><button type="submit" class="primary">Search</button></div>
</form>
<section class="upload" aria-labelledby="upload-title">
  <h2 id="upload-title">Add statements</h2>
  <div class="dropzone" id="dropzone" data-token-required="${o.writesNeedToken ? 'true' : 'false'}">
    <p><strong>Drop files here</strong> or <label class="button" for="upload-input">choose files</label></p>
    <p class="muted">Plain text, Markdown, HTML, DOCX or PDF. Each is read, split into its language versions, aligned, checked and stored.</p>
    <input id="upload-input" class="visually-hidden" type="file" multiple accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf,text/plain,text/html,text/markdown,application/pdf">
    ${o.writesNeedToken ? html`<p class="token-row"><label for="upload-token">API token</label> <input id="upload-token" type="password" autocomplete="off"></p>` : ''}
  </div>
  <ul class="upload-list" id="upload-list" aria-live="polite" aria-label="Uploads"></ul>
</section>
<section aria-labelledby="docs-title">
<div class="section-head">
<h2 id="docs-title">Statements</h2>
<form class="filters" method="get" action="/">
  <label for="f-language">Language</label>
  <select id="f-language" name="language"><option value="">any</option>${o.languages.map((l) => html`<option value="${l}"${o.filter.language === l ? html` selected` : ''}>${languageName(l)} (${l})</option>`)}</select>
  <label for="f-source">Source</label>
  <input id="f-source" name="source" type="text" value="${o.filter.source ?? ''}" size="14">
  <button type="submit">Filter</button>
</form>
</div>
${
  o.documents.length
    ? html`<table class="docs">
<thead><tr><th scope="col">Statement</th><th scope="col">Source</th><th scope="col">Languages</th><th scope="col">Date</th><th scope="col">Added</th><th scope="col" class="num">Sentences</th><th scope="col">Findings</th></tr></thead>
<tbody>${rows}</tbody>
</table>${pager(o)}`
    : html`<p class="empty-state">${o.filter.language || o.filter.source ? 'No statement matches these filters.' : 'The archive is empty. Drop a statement above, or run concord add FILE….'}</p>`
}
</section>`;
  return page({ title: 'Archive', section: 'archive', body, scripts: ['archive.js'] });
}
