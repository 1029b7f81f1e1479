/**
 * Markdown → blocks of plain text. Block syntax (headings, lists, quotes, fences, tables, rules) decides the
 * kind; inline syntax (emphasis, links, images, code, HTML tags, escapes) is stripped, so the document's
 * text — and every offset into it — is what a reader sees, not the markup.
 */
import type { BlockKind, DocumentMetadata } from '../model.js';
import { assembleBlocks, type DraftBlock, type ReadContent } from './blocks.js';
import { isoDate } from './dates.js';
import { decodeEntities } from './entities.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^([ \t]*)(?:([-*+•])|(\d{1,9})([.)]))[ \t]+(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function readMarkdown(source: string): ReadContent {
  const { body, metadata } = frontMatter(source);
  const drafts: DraftBlock[] = [];
  let lines: string[] = [];
  let kind: BlockKind = 'paragraph';
  let fence: string | undefined;
  let quoted = false;

  const flush = () => {
    // Lines join with a line break that assembleBlocks turns into a space, or nothing between CJK characters.
    if (lines.length) drafts.push({ kind, text: cleanInline(lines.map((l) => l.trim()).join('\n')) });
    lines = [];
    kind = 'paragraph';
  };

  for (const raw of body.split('\n')) {
    if (fence !== undefined) {
      // Code is kept verbatim, one block per line: never lose text, never pretend it is prose.
      if (raw.trimStart().startsWith(fence)) fence = undefined;
      else if (raw.trim()) drafts.push({ kind: 'paragraph', text: raw });
      continue;
    }
    const fenceOpen = FENCE.exec(raw);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!;
      continue;
    }
    const line = raw.replace(/^ {0,3}(?:>[ \t]?)+/, ''); // block quotes read as their content
    if ((line !== raw) !== quoted) {
      flush();
      quoted = line !== raw;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    if (SETEXT_UNDERLINE.test(line) && lines.length && kind === 'paragraph') {
      kind = 'heading';
      flush();
      continue;
    }
    if (THEMATIC_BREAK.test(line) || LINK_DEFINITION.test(line) || (TABLE_SEPARATOR.test(line) && line.includes('|'))) {
      flush();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      flush();
      if (heading[2]) drafts.push({ kind: 'heading', text: cleanInline(heading[2]) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      kind = 'list-item';
      // A bullet is syntax; a number is content (demand 2 of a list is cited as such).
      lines.push(item[3] ? `${item[3]}${item[4]} ${item[5]}` : item[5]!);
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).filter(Boolean);
      drafts.push({ kind: 'paragraph', text: cleanInline(cells.join(' | ')) });
      continue;
    }
    lines.push(line);
  }
  flush();
  return { ...assembleBlocks(drafts), metadata };
}

/** Inline Markdown → the text it renders as. */
export function cleanInline(text: string): string {
  const codeSpans: string[] = [];
  let out = text.replace(/(`+)(.+?)\1/g, (_m, _ticks, code: string) => `\u0000${codeSpans.push(code.trim()) - 1}\u0000`);
  out = out
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images → alt text
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+["'(][^)]*)?\)/g, '$1') // inline links
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1') // autolinks
    .replace(/<\/?[A-Za-z][^>]*>/g, '') // inline HTML tags
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/gs, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/gs, '$1')
    .replace(/(^|[^\p{L}\p{N}*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\p{L}\p{N}*])/gsu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?![\p{L}\p{N}_])/gsu, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'])/g, '$1');
  out = decodeEntities(out);
  return out.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codeSpans[Number(i)]!);
}

/** YAML front matter (`---` … `---`): title, author and date when present; never part of the text. */
function frontMatter(source: string): { body: string; metadata: DocumentMetadata } {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (!match) return { body: source, metadata: {} };
  const metadata: DocumentMetadata = {};
  for (const line of match[1]!.split('\n')) {
    const field = /^(title|author|date)\s*:\s*(.+?)\s*$/i.exec(line);
    if (!field) continue;
    const key = field[1]!.toLowerCase() as keyof DocumentMetadata;
    const value = field[2]!.replace(/^(["'])(.*)\1$/, '$2');
    const clean = key === 'date' ? isoDate(value) : value;
    if (clean) metadata[key] = clean;
  }
  return { body: source.slice(match[0].length), metadata };
}
