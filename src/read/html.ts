/**
 * HTML → the article's blocks: paragraphs, headings, list items (and block quotes, as paragraphs).
 *
 * The main content is an `<article>` that holds most of the page's paragraph text, else `<main>`, else the
 * element whose paragraphs carry the most text (a Readability-style score). Navigation, headers, footers,
 * asides, scripts, styles, forms, hidden elements and link-heavy boxes classed as boilerplate are skipped.
 * DOCX is read through this too (mammoth renders it as HTML), without the article search.
 */
import type { BlockKind, DocumentMetadata } from '../model.js';
import { assembleBlocks, type DraftBlock, type ReadContent } from './blocks.js';
import { isoDate } from './dates.js';

interface HtmlNode {
  type: string;
  parent: HtmlElement | null;
}
interface HtmlText extends HtmlNode {
  data: string;
}
interface HtmlElement extends HtmlNode {
  name: string;
  attribs: Record<string, string>;
  children: HtmlNode[];
}

export interface HtmlReadOptions {
  /** Look for the main content and skip page furniture (true for web pages, false for converted DOCX). */
  findArticle?: boolean;
}

let htmlparser: Promise<typeof import('htmlparser2')> | undefined;

export async function readHtml(html: string, options: HtmlReadOptions = {}): Promise<ReadContent> {
  const findArticle = options.findArticle ?? true;
  const { parseDocument } = await (htmlparser ??= import('htmlparser2'));
  const root = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }) as unknown as HtmlElement;
  const body = descendants(root).find((e) => e.name === 'body') ?? root;
  const skip = findArticle ? isFurniture : isNeverContent;
  const container = findArticle ? chooseContainer(body, skip) : body;
  let drafts = extractBlocks(container, skip);
  if (!drafts.length && container !== body) drafts = extractBlocks(body, skip);
  return { ...assembleBlocks(drafts), metadata: htmlMetadata(root, container) };
}

// ───────────────────────────── what to skip ─────────────────────────────

const NEVER_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'audio', 'video',
  'map', 'head', 'title', 'meta', 'link', 'button', 'select', 'option', 'textarea', 'input', 'dialog',
]);
const FURNITURE = new Set(['nav', 'aside', 'footer', 'menu']);
const FURNITURE_ROLES = /^(navigation|contentinfo|complementary|search|menu|menubar|dialog|alertdialog|banner)$/;
const BOILERPLATE_CLASS =
  /(?:^|[\s_-])(nav|navbar|menu|breadcrumbs?|sidebar|footer|cookies?|consent|share|sharing|social|related|recommended|newsletter|subscribe|advert|ads?|promo|comments?|pagination|pager|toolbar|masthead|skip)(?:$|[\s_-])/i;

function isNeverContent(el: HtmlElement): boolean {
  if (NEVER_CONTENT.has(el.name) || el.type === 'script' || el.type === 'style') return true;
  if ('hidden' in el.attribs || el.attribs['aria-hidden'] === 'true') return true;
  return /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(el.attribs.style ?? '');
}

const furnitureCache = new WeakMap<HtmlElement, boolean>();

function isFurniture(el: HtmlElement): boolean {
  let cached = furnitureCache.get(el);
  if (cached === undefined) furnitureCache.set(el, (cached = computeFurniture(el)));
  return cached;
}

function computeFurniture(el: HtmlElement): boolean {
  if (isNeverContent(el) || FURNITURE.has(el.name)) return true;
  const role = el.attribs.role ?? '';
  // A page header is furniture; an article's own header holds its title and stays.
  if (el.name === 'header' || role === 'banner') return !descendants(el).some((e) => e.name === 'h1') || role === 'banner';
  if (FURNITURE_ROLES.test(role)) return true;
  // A form wrapping the whole page (ASP.NET) is not furniture; a search or comment form is.
  if (el.name === 'form') return paragraphText(el, isNeverContent) < 200;
  const classes = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  if (BOILERPLATE_CLASS.test(classes)) {
    const text = textLength(el, isNeverContent);
    return text < 200 || linkTextLength(el) > text * 0.3;
  }
  return false;
}

// ───────────────────────────── the main content ─────────────────────────────

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd']);
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'mark', 'q', 'ruby', 'rt', 'rp', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'img',
]);

function chooseContainer(body: HtmlElement, skip: (el: HtmlElement) => boolean): HtmlElement {
  const total = paragraphText(body, skip);
  const articles = descendants(body, skip).filter((e) => e.name === 'article');
  const bestArticle = maxBy(articles, (a) => paragraphText(a, skip));
  if (bestArticle && paragraphText(bestArticle, skip) >= total * 0.4) return bestArticle;
  const main = descendants(body, skip).find((e) => e.name === 'main' || e.attribs.role === 'main');
  if (main && paragraphText(main, skip) >= total * 0.4) return main;

  // Readability's idea: paragraph text scores its parent fully and its grandparent half.
  const scores = new Map<HtmlElement, number>();
  const add = (el: HtmlElement | null, score: number) => {
    if (el && el.type !== 'root') scores.set(el, (scores.get(el) ?? 0) + score);
  };
  for (const el of descendants(body, skip)) {
    const own = ownText(el);
    if (PARAGRAPH_TAGS.has(el.name)) {
      add(el.parent, own);
      add(el.parent?.parent ?? null, own / 2);
    } else if (own >= 50) {
      // Text written straight into a div or cell, paragraphs separated by <br>.
      add(el, own);
      add(el.parent, own / 2);
    }
  }
  const best = maxBy([...scores.keys()], (el) => scores.get(el)!);
  return best && paragraphText(best, skip) >= total * 0.3 ? best : body;
}

const ownTextCache = new WeakMap<HtmlElement, number>();

/** Length of the text an element holds in its own inline content (not in nested blocks). */
function ownText(el: HtmlElement): number {
  let cached = ownTextCache.get(el);
  if (cached === undefined) ownTextCache.set(el, (cached = computeOwnText(el)));
  return cached;
}

function computeOwnText(el: HtmlElement): number {
  let n = 0;
  for (const child of el.children) {
    if (child.type === 'text') n += weight((child as HtmlText).data);
    else if (isElement(child) && INLINE_TAGS.has(child.name)) n += ownText(child);
  }
  return n;
}

/** Text in paragraph-like elements below `el`: what an article is made of. */
function paragraphText(el: HtmlElement, skip: (el: HtmlElement) => boolean): number {
  let n = 0;
  for (const d of descendants(el, skip)) if (PARAGRAPH_TAGS.has(d.name) || ownText(d) >= 50) n += ownText(d);
  return n + (PARAGRAPH_TAGS.has(el.name) ? ownText(el) : 0);
}

function textLength(el: HtmlElement, skip: (el: HtmlElement) => boolean): number {
  let n = 0;
  for (const child of el.children) {
    if (child.type === 'text') n += weight((child as HtmlText).data);
    else if (isElement(child) && !skip(child)) n += textLength(child, skip);
  }
  return n;
}

function linkTextLength(el: HtmlElement): number {
  return descendants(el).filter((e) => e.name === 'a').reduce((n, a) => n + textLength(a, isNeverContent), 0);
}

/** Characters that count: no white space; CJK counts double, as it says about twice as much per character. */
function weight(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0xa0 || code === 0x3000) continue;
    n += code >= 0x2e80 && !(code >= 0xdc00 && code <= 0xdfff) ? 2 : 1;
  }
  return n;
}

// ───────────────────────────── blocks ─────────────────────────────

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function extractBlocks(container: HtmlElement, skip: (el: HtmlElement) => boolean): DraftBlock[] {
  const drafts: DraftBlock[] = [];
  let buffer = '';
  let bufferKind: BlockKind = 'paragraph';

  const flush = () => {
    if (buffer.trim()) drafts.push({ kind: bufferKind, text: buffer });
    buffer = '';
  };
  const append = (text: string, kind: BlockKind) => {
    if (!buffer.trim()) bufferKind = kind;
    buffer += text;
  };

  const walk = (node: HtmlNode, kind: BlockKind) => {
    if (node.type === 'text') return append((node as HtmlText).data, kind);
    if (node.type === 'cdata') return (node as unknown as HtmlElement).children.forEach((c) => walk(c, kind));
    if (!isElement(node) || skip(node)) return;
    const el = node;
    if (el.name === 'br') return kind === 'heading' ? append(' ', kind) : flush();
    if (el.name === 'pre') {
      flush();
      for (const line of collectText(el).split('\n')) if (line.trim()) drafts.push({ kind: 'paragraph', text: line });
      return;
    }
    if (INLINE_TAGS.has(el.name)) return el.children.forEach((c) => walk(c, kind));
    // Every other element is a block: what came before it and what it holds are separate blocks.
    flush();
    const inner: BlockKind = HEADINGS.has(el.name) ? 'heading' : el.name === 'li' ? 'list-item' : kind;
    if (el.name === 'li') {
      const number = listNumber(el);
      if (number !== undefined) append(`${number}. `, 'list-item');
    }
    el.children.forEach((c) => walk(c, inner));
    flush();
  };
  // The container's children, not the container: it may be the parsed document itself, which is no element.
  const kind: BlockKind = HEADINGS.has(container.name) ? 'heading' : container.name === 'li' ? 'list-item' : 'paragraph';
  container.children.forEach((c) => walk(c, kind));
  flush();
  return drafts;
}

/** The number a browser shows before an item of an ordered list. */
function listNumber(li: HtmlElement): number | undefined {
  const list = li.parent;
  if (!list || list.name !== 'ol') return undefined;
  const start = Number.parseInt(list.attribs.start ?? '1', 10);
  let n = Number.isFinite(start) ? start : 1;
  for (const sibling of list.children) {
    if (sibling === li) return n;
    if (isElement(sibling) && sibling.name === 'li') n++;
  }
  return n;
}

function collectText(el: HtmlElement): string {
  return el.children.map((c) => (c.type === 'text' ? (c as HtmlText).data : isElement(c) ? (c.name === 'br' ? '\n' : collectText(c)) : '')).join('');
}

// ───────────────────────────── metadata ─────────────────────────────

function htmlMetadata(root: HtmlElement, container: HtmlElement): DocumentMetadata {
  const metas = descendants(root).filter((e) => e.name === 'meta');
  const meta = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const found = metas.find((m) => [m.attribs.name, m.attribs.property, m.attribs.itemprop].some((k) => k?.toLowerCase() === key));
      const value = found?.attribs.content?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const titleElement = descendants(root).find((e) => e.name === 'title');
  const h1 = descendants(container).find((e) => e.name === 'h1');
  const title = meta('og:title', 'twitter:title', 'dc.title') ?? textOf(titleElement) ?? textOf(h1);
  const authorMeta = meta('author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author');
  const author = authorMeta && !/^https?:/.test(authorMeta) ? authorMeta.replace(/^by\s+/i, '') : undefined;
  const time = descendants(container).find((e) => e.name === 'time' && e.attribs.datetime);
  const date = isoDate(
    meta('article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'publication_date',
      'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'citation_publication_date', 'parsely-pub-date') ?? time?.attribs.datetime,
  );
  const metadata: DocumentMetadata = {};
  if (title) metadata.title = title;
  if (author) metadata.author = author;
  if (date) metadata.date = date;
  return metadata;
}

function textOf(el: HtmlElement | undefined): string | undefined {
  const text = el ? collectText(el).replace(/\s+/g, ' ').trim() : '';
  return text || undefined;
}

// ───────────────────────────── tree helpers ─────────────────────────────

function isElement(node: HtmlNode): node is HtmlElement {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Elements below `el` in document order, not entering those `skip` rejects. */
function descendants(el: HtmlElement, skip?: (el: HtmlElement) => boolean): HtmlElement[] {
  const out: HtmlElement[] = [];
  const visit = (node: HtmlElement) => {
    for (const child of node.children) {
      if (!isElement(child) || skip?.(child)) continue;
      out.push(child);
      visit(child);
    }
  };
  visit(el);
  return out;
}

function maxBy<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const item of items) {
    const s = score(item);
    if (s > bestScore) [best, bestScore] = [item, s];
  }
  return best;
}
