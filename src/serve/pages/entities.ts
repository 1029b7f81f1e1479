import type { Alias } from '../../model.js';
import type { EntityEntry, EntityMention } from '../../store/archive.js';
import { html, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import { basename, formatCount, languageName } from './common.js';

const KIND_LABELS: Record<string, string> = { person: 'Person', organisation: 'Organisation', place: 'Place', group: 'Group' };

/** The writing system of an alias, so aliases can be shown "in every script". */
export function scriptOf(alias: Alias): string {
  const text = alias.text;
  if (/\p{Script=Han}/u.test(text)) {
    if (/Hant|TW|HK|MO/i.test(alias.language)) return 'Chinese (Traditional)';
    if (/Hans|CN|SG/i.test(alias.language)) return 'Chinese (Simplified)';
    return 'Chinese';
  }
  if (/\p{Script=Arabic}/u.test(text)) return 'Arabic script';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'Cyrillic';
  if (/\p{Script=Hangul}/u.test(text)) return 'Hangul';
  if (/\p{Script=Hiragana}|\p{Script=Katakana}/u.test(text)) return 'Japanese kana';
  if (/\p{Script=Latin}/u.test(text)) return 'Latin';
  return 'Other';
}

export function entityHref(key: string): string {
  return `/entities/${encodeURIComponent(key)}`;
}

function aliasesByScript(aliases: Alias[]): Map<string, Alias[]> {
  const groups = new Map<string, Alias[]>();
  for (const a of aliases) {
    const script = scriptOf(a);
    const list = groups.get(script) ?? [];
    if (!list.some((x) => x.text === a.text)) list.push(a);
    groups.set(script, list);
  }
  return groups;
}

export function renderEntitiesPage(entities: EntityEntry[], query: { q?: string; kind?: string }): SafeHtml {
  const body = html`<div class="page-head"><h1>Entities</h1><p class="lede">People, organisations, places and groups named in the archive, merged across scripts.</p></div>
<form class="filters bar" method="get" action="/entities" role="search">
  <label for="e-q">Name or alias</label><input id="e-q" name="q" type="search" value="${query.q ?? ''}" placeholder="ETGE, 東突厥斯坦…">
  <label for="e-kind">Kind</label><select id="e-kind" name="kind"><option value="">any</option>${Object.entries(KIND_LABELS).map(([k, l]) => html`<option value="${k}"${query.kind === k ? html` selected` : ''}>${l}</option>`)}</select>
  <button type="submit">Find</button>
</form>
${
  entities.length
    ? html`<table class="entities">
<thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Aliases</th><th scope="col" class="num">Documents</th><th scope="col" class="num">Mentions</th></tr></thead>
<tbody>${entities.map(
        (e) => html`<tr><td data-label="Name"><a href="${entityHref(e.key)}" dir="auto">${e.name}</a></td><td data-label="Kind">${KIND_LABELS[e.kind] ?? e.kind}</td>
<td data-label="Aliases" class="aliases">${e.aliases
          .filter((a) => a.text !== e.name)
          .slice(0, 8)
          .map((a) => html`<span class="alias" lang="${a.language}" dir="auto">${a.text}</span> `)}</td>
<td class="num" data-label="Documents">${e.documents}</td><td class="num" data-label="Mentions">${e.mentionCount}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="empty-state">${query.q ? 'No entity matches.' : 'No entities yet: they appear as statements are added and analysed.'}</p>`
}`;
  return page({ title: 'Entities', section: 'entities', body });
}

function mentionsByDocument(mentions: EntityMention[]): Map<string, EntityMention[]> {
  const groups = new Map<string, EntityMention[]>();
  for (const m of mentions) groups.set(m.documentId, [...(groups.get(m.documentId) ?? []), m]);
  return groups;
}

/** The quote with the entity's names marked (longest name first, every script); text stays escaped. */
export function markNames(quote: string, names: string[]): SafeHtml {
  const sorted = [...new Set(names.filter((n) => n.trim().length > 1))].sort((a, b) => b.length - a.length);
  const lower = quote.toLowerCase();
  const spans: Array<[number, number]> = [];
  for (const name of sorted) {
    const needle = name.toLowerCase();
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length))
      if (!spans.some(([s, t]) => at < t && at + needle.length > s)) spans.push([at, at + needle.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const parts: SafeHtml[] = [];
  let pos = 0;
  for (const [start, end] of spans) {
    parts.push(html`${quote.slice(pos, start)}<mark class="hit">${quote.slice(start, end)}</mark>`);
    pos = end;
  }
  parts.push(html`${quote.slice(pos)}`);
  return html`${parts}`;
}

export function renderEntityPage(e: EntityEntry): SafeHtml {
  const scripts = aliasesByScript([{ text: e.name, language: 'und' }, ...e.aliases]);
  const docs = mentionsByDocument(e.mentions);
  const body = html`<div class="page-head"><p class="crumbs"><a href="/entities">Entities</a> / ${KIND_LABELS[e.kind] ?? e.kind}</p><h1 dir="auto">${e.name}</h1>
<p class="lede">${KIND_LABELS[e.kind] ?? e.kind} · ${formatCount(e.mentionCount, 'mention')} in ${formatCount(e.documents, 'document')} · <a href="/timeline?entity=${encodeURIComponent(e.name)}">on the timeline</a> · <a href="/search?q=${encodeURIComponent(`"${e.name}"`)}">search</a></p></div>
<section aria-labelledby="aliases-title"><h2 id="aliases-title">Names in every script</h2>
<dl class="scripts">${[...scripts].map(
    ([script, aliases]) => html`<div class="script"><dt>${script}</dt><dd>${aliases.map(
      (a) => html`<span class="alias big" lang="${a.language}" dir="auto">${a.text}</span>${a.language !== 'und' || a.relation ? html` <span class="muted small">${[a.language !== 'und' ? languageName(a.language) : '', a.relation].filter(Boolean).join(', ')}</span>` : ''}<br>`,
    )}</dd></div>`,
  )}</dl></section>
<section aria-labelledby="mentions-title"><h2 id="mentions-title">Mentions across documents</h2>
${e.mentions.length < e.mentionCount ? html`<p class="muted small">Showing ${e.mentions.length.toLocaleString('en')} of ${formatCount(e.mentionCount, 'mention')}: one from each document first.</p>` : ''}
${[...docs].map(
  ([id, mentions]) => html`<h3 class="mention-doc"><a href="/documents/${id}" dir="auto">${mentions[0]!.title || basename(mentions[0]!.origin)}</a> <span class="muted small">${mentions[0]!.source}</span></h3>
<ul class="mentions">${mentions.map((m) => html`<li><a href="/documents/${id}#${m.sentence}" dir="auto">${markNames(m.quote, [m.name, e.name, ...e.aliases.map((a) => a.text)])}</a></li>`)}</ul>`,
)}
</section>`;
  return page({ title: e.name, section: 'entities', body });
}
