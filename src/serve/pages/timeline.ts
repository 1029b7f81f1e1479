import { html, type SafeHtml } from '../html.js';
import { page } from '../layout.js';

export interface TimelinePageOptions {
  filter: { source?: string; entity?: string; from?: string; to?: string };
  sources: string[];
  entityNames: string[];
}

export function renderTimelinePage(o: TimelinePageOptions): SafeHtml {
  const f = o.filter;
  const params = new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]);
  const body = html`<div class="page-head"><h1>Timeline</h1>
<p class="lede" id="tl-summary" aria-live="polite">Loading the events of every statement…</p></div>
<form class="filters bar" method="get" action="/timeline">
  <label for="t-source">Source</label><input id="t-source" name="source" list="source-names" value="${f.source ?? ''}" size="14" placeholder="all"><datalist id="source-names">${o.sources.map((s) => html`<option value="${s}"></option>`)}</datalist>
  <label for="t-entity">Entity</label><input id="t-entity" name="entity" list="entity-names" value="${f.entity ?? ''}" size="16" placeholder="any"><datalist id="entity-names">${o.entityNames.map((n) => html`<option value="${n}"></option>`)}</datalist>
  <label for="t-from">From</label><input id="t-from" name="from" value="${f.from ?? ''}" placeholder="1949" size="8">
  <label for="t-to">To</label><input id="t-to" name="to" value="${f.to ?? ''}" placeholder="2024" size="8">
  <button type="submit">Apply</button>
</form>
<section class="timeline" id="timeline" data-src="/api/timeline?${params.toString()}" aria-labelledby="tl-title">
  <h2 id="tl-title" class="visually-hidden">Events on a time axis</h2>
  <div class="tl-toolbar" role="toolbar" aria-label="Timeline controls">
    <button type="button" data-zoom="in" aria-label="Zoom in">+</button>
    <button type="button" data-zoom="out" aria-label="Zoom out">−</button>
    <button type="button" data-zoom="fit" title="Fit the view to the dated events (key 0)">Fit events</button>
    <button type="button" data-zoom="all" title="Show the whole span, coarse periods included (key 9)">Whole span</button>
    <span class="tl-range" id="tl-range" aria-live="polite"></span>
    <span class="tl-legend"><span class="key point"></span> date <span class="key interval"></span> period <span class="key band"></span> decade, century <span class="key disagree"></span> sources disagree</span>
  </div>
  <div class="tl-canvas-wrap">
    <canvas id="tl-canvas" tabindex="0" role="img" aria-label="Timeline of events across documents. Arrow keys pan, plus and minus zoom, 0 fits the dated events, 9 shows the whole span, N and P step through events, Enter opens the selected event's sentence." aria-describedby="tl-detail"></canvas>
    <div class="tl-tip" id="tl-tip" hidden></div>
  </div>
  <div class="tl-detail" id="tl-detail" aria-live="polite"><p class="muted">Select an event on the axis or in the list to see who tells it and where.</p></div>
  <h3 class="tl-list-title">Events in view <span class="muted small" id="tl-count"></span></h3>
  <ol class="events" id="tl-events"></ol>
  <noscript><p>The timeline needs JavaScript to draw; its data is at <a href="/api/timeline?${params.toString()}">/api/timeline</a>.</p></noscript>
</section>`;
  return page({ title: 'Timeline', section: 'timeline', body, scripts: ['timeline.js'], wide: true });
}
