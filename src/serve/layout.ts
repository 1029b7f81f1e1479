import { html, type HtmlValue, type SafeHtml } from './html.js';

export type Section = 'archive' | 'search' | 'timeline' | 'entities' | 'document';

export interface PageOptions {
  title: string;
  section: Section;
  body: HtmlValue;
  /** Script files under /assets/ (never inline: the CSP forbids it). */
  scripts?: string[];
  /** Value for the header search box. */
  query?: string;
  /** Attributes for <body> data-*: passes server facts to scripts without inline JS. */
  data?: Record<string, string>;
  wide?: boolean;
}

/** The Content-Security-Policy every page is served with: nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NAV: Array<[Section, string, string]> = [
  ['archive', '/', 'Archive'],
  ['search', '/search', 'Search'],
  ['timeline', '/timeline', 'Timeline'],
  ['entities', '/entities', 'Entities'],
];

export function page(options: PageOptions): SafeHtml {
  const dataAttributes = Object.entries(options.data ?? {}).map(([k, v]) => html` data-${k.replace(/[^a-z0-9-]/g, '')}="${v}"`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${options.title} · Concord</title>
<link rel="stylesheet" href="/assets/reader.css">
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
${(options.scripts ?? []).map((s) => html`<script src="/assets/${s}" defer></script>\n`)}
</head>
<body class="${options.wide ? 'wide' : ''}"${dataAttributes}>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <a class="brand" href="/" aria-label="Concord home"><span class="brand-mark" aria-hidden="true">◐</span> Concord</a>
  <nav aria-label="Sections"><ul>
    ${NAV.map(([section, href, label]) => html`<li><a href="${href}"${section === options.section ? html` aria-current="page"` : ''}>${label}</a></li>`)}
  </ul></nav>
  <form class="top-search" role="search" action="/search" method="get">
    <label class="visually-hidden" for="top-q">Search all statements</label>
    <input id="top-q" name="q" type="search" placeholder="Search 中文 or English…" value="${options.query ?? ''}" autocomplete="off">
    <button type="submit">Search</button>
  </form>
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
</body>
</html>`;
}
