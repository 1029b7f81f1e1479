import type { SearchHit, SearchResult } from '../../store/archive.js';
import { html, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import { basename, FILTER_LANGUAGES, formatCount, languageName } from './common.js';

export interface SearchPageOptions {
  query: { q?: string; language?: string; source?: string; from?: string; to?: string; offset?: number; limit?: number };
  result?: SearchResult;
  /** A message for a malformed query or bad parameter. */
  error?: string;
}

function snippet(hit: SearchHit): SafeHtml {
  return html`${hit.parts.map((p) => (p.match ? html`<mark class="hit">${p.text}</mark>` : html`${p.text}`))}`;
}

function renderHit(hit: SearchHit, rank: number): SafeHtml {
  return html`<li class="hit-item" value="${rank}">
<div class="hit-head"><a class="hit-doc" href="/documents/${hit.documentId}" dir="auto">${hit.title || basename(hit.origin)}</a> <span class="muted">${hit.source}</span></div>
<div class="pair">
  <div class="side-a"><span class="chip lang" lang="${hit.language}">${hit.language}</span> <a class="hit-text" href="/documents/${hit.documentId}#${hit.sentence}" lang="${hit.language}" dir="auto">${snippet(hit)}</a></div>
  ${
    hit.aligned.length
      ? hit.aligned.map(
          (al) => html`<div class="side-b"><span class="chip lang" lang="${al.language}">${al.language}</span> ${al.units.map((u) => html`<a class="aligned-text" href="/documents/${hit.documentId}#${u.id}" lang="${al.language}" dir="auto">${u.text}</a> `)}${al.level === 'paragraph' ? html`<span class="muted small">(paragraph)</span>` : ''}</div>`,
        )
      : html`<div class="side-b none"><span class="muted">No aligned sentence in another language.</span></div>`
  }
</div>
</li>`;
}

export function renderSearchPage(o: SearchPageOptions): SafeHtml {
  const q = o.query;
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 20;
  const hits = o.result?.hits ?? [];
  const more = new URLSearchParams(Object.entries({ ...q, offset: String(offset + limit) }).filter(([, v]) => v !== undefined && v !== '') as [string, string][]);
  const body = html`<div class="page-head"><h1>Search</h1></div>
<form class="big-search search-form" role="search" action="/search" method="get">
  <label for="search-q">Words, “phrases”, AND / OR / NOT — Traditional and Simplified Chinese find each other</label>
  <div class="field-row"><input id="search-q" name="q" type="search" value="${q.q ?? ''}" autocomplete="off" autofocus><button class="primary" type="submit">Search</button></div>
  <div class="filters">
    <label for="s-language">Language</label>
    <select id="s-language" name="language"><option value="">any</option>${FILTER_LANGUAGES.map((l) => html`<option value="${l}"${q.language === l ? html` selected` : ''}>${languageName(l)}</option>`)}</select>
    <label for="s-source">Source</label><input id="s-source" name="source" value="${q.source ?? ''}" size="12">
    <label for="s-from">Events from</label><input id="s-from" name="from" value="${q.from ?? ''}" placeholder="1949" size="10">
    <label for="s-to">to</label><input id="s-to" name="to" value="${q.to ?? ''}" placeholder="1954-01" size="10">
  </div>
</form>
${o.error ? html`<p class="error" role="alert">${o.error}</p>` : ''}
${
  o.result
    ? html`<p class="result-line" aria-live="polite" title="Understood as: ${o.result.parsed}">${hits.length ? html`${formatCount(offset + hits.length, 'match', 'matches')}${hits.length === limit ? '+' : ''}` : 'No matches.'}</p>
<ol class="hits" start="${offset + 1}">${hits.map((h, i) => renderHit(h, offset + i + 1))}</ol>
${hits.length === limit ? html`<p><a class="button" href="/search?${more.toString()}">More matches</a></p>` : ''}`
    : ''
}`;
  return page({ title: q.q ? `${q.q} — search` : 'Search', section: 'search', body, query: q.q });
}
