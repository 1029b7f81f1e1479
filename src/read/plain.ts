/**
 * Plain text → blocks. The text stays as it was (offsets point into the file's own layout) except where a
 * hard-wrapped paragraph is joined: its line breaks become a space, or nothing between CJK characters.
 *
 * Paragraphs are either one per line (the usual export of a word processor) or hard-wrapped at a fixed width
 * and separated by blank lines or short last lines. A document is taken as hard-wrapped when most of its
 * line breaks were forced (the next line's first word would not have fitted) and few of them end sentences.
 */
import type { Block, BlockKind } from '../model.js';
import type { AssembledText } from './blocks.js';
import { ENDS_CLAUSE, ENDS_SENTENCE, displayWidth, isCjkChar, lastChar, firstChar } from './text.js';

interface Line {
  /** Offset of the first non-blank character, and one past the last. */
  start: number;
  end: number;
  content: string;
  indent: number;
  width: number;
  blank: boolean;
  /** Length of a list marker at the start of the content, or -1; `bullet` when the marker is a glyph, not a number. */
  marker: number;
  bullet: boolean;
}

/** Lines wider than this are never hard-wrapped lines: nobody wraps text that wide. */
const WIDEST_WRAP = 160;

/** Bullets (dropped from the block) and numbered or lettered labels (kept, they are content: "demand 2"). */
const BULLET = /^[•●○◦▪▫■□◆◇►▸‣⁃∙*+\-–]\s+/;
const LABEL =
  /^(?:\(?\d{1,3}[.)](?=\s)|[(（]\d{1,3}[)）]|\d{1,3}[、．]|[０-９]{1,3}[．、)）]|[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[a-z][.)](?=\s)|\([a-z]\)|\(?[ivx]{1,4}\)(?=\s)|[①-⑳])\s*/;

export function listMarker(content: string): { length: number; bullet: boolean } | undefined {
  const bullet = BULLET.exec(content);
  if (bullet && bullet[0].length < content.length) return { length: bullet[0].length, bullet: true };
  const label = LABEL.exec(content);
  if (label && label[0].length < content.length) return { length: label[0].length, bullet: false };
  return undefined;
}

export function readPlainText(text: string): AssembledText {
  const lines = splitLines(text);
  const wrapWidth = estimateWrapWidth(lines);
  const groups: Line[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (line.blank) {
      previous = undefined;
      continue;
    }
    const group = groups.at(-1);
    if (previous && group && continues(group, previous, line, wrapWidth)) group.push(line);
    else groups.push([line]);
    previous = line;
  }
  return build(text, groups);
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const indent = raw.length - raw.trimStart().length;
    const content = raw.trim();
    const marker = content ? listMarker(content) : undefined;
    lines.push({
      start: offset + indent,
      end: offset + indent + content.length,
      content,
      indent: displayWidth(raw.slice(0, indent)),
      width: displayWidth(raw.trimEnd()),
      blank: !content,
      marker: marker?.length ?? -1,
      bullet: marker?.bullet ?? false,
    });
    offset += raw.length + 1;
  }
  return lines;
}

/** The column a hard-wrapped text was wrapped at, or undefined when its line breaks are its own. */
function estimateWrapWidth(lines: readonly Line[]): number | undefined {
  const pairs: [Line, Line][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const [a, b] = [lines[i]!, lines[i + 1]!];
    if (!a.blank && !b.blank && b.marker < 0 && a.width <= WIDEST_WRAP) pairs.push([a, b]);
  }
  if (pairs.length < 2) return undefined;
  const widths = pairs.map(([a]) => a.width).sort((x, y) => x - y);
  // The widest line is the wrap column; with enough lines, the 95th percentile, so one overlong line cannot hide it.
  const width = widths[Math.floor((widths.length - 1) * (widths.length >= 10 ? 0.95 : 1))]!;
  if (width < 20) return undefined;
  const forced = pairs.filter(([a, b]) => breakWasForced(a, b, width));
  const endingSentences = forced.filter(([a]) => ENDS_SENTENCE.test(a.content)).length;
  // Most lines of a wrapped text fit the column; a text of long one-line paragraphs is not wrapped.
  const content = lines.filter((l) => !l.blank);
  const overlong = content.filter((l) => l.width > width * 1.2).length;
  const wrapped = forced.length >= 3 && forced.length >= pairs.length * 0.5 && endingSentences < forced.length * 0.6 && overlong < content.length * 0.5;
  return wrapped ? width : undefined;
}

/** True when the next line's first word (or character, in CJK) would not have fitted on this line. */
function breakWasForced(line: Line, next: Line, wrapWidth: number): boolean {
  const first = firstChar(next.content);
  const word = isCjkChar(first) ? first : (/^\S+/.exec(next.content)?.[0] ?? '');
  const space = isCjkChar(first) && isCjkChar(lastChar(line.content)) ? 0 : 1;
  return line.width + space + displayWidth(word) > wrapWidth;
}

function continues(group: readonly Line[], previous: Line, line: Line, wrapWidth: number | undefined): boolean {
  if (line.marker >= 0) return false;
  // A dateline on its own line ("WASHINGTON —") runs into the paragraph it opens.
  if (/\s[—–-]$|^[\p{Lu}\s.,]+[—–]$/u.test(previous.content)) return true;
  if (wrapWidth === undefined || previous.width > WIDEST_WRAP) return false;
  const opensListItem = group[0]!.marker >= 0;
  // A first-line indent starts a paragraph; a list item's continuation lines are indented under its text.
  if (line.indent > previous.indent + 1 && !opensListItem) return false;
  return breakWasForced(previous, line, wrapWidth);
}

function build(source: string, groups: readonly Line[][]): AssembledText {
  let text = '';
  let copiedUpTo = 0;
  const blocks: Block[] = [];
  for (const group of groups) {
    const first = group[0]!;
    text += source.slice(copiedUpTo, first.start);
    const start = text.length + (first.bullet ? first.marker : 0);
    group.forEach((line, i) => {
      if (i > 0) text += joiner(group[i - 1]!.content, line.content);
      text += line.content;
    });
    blocks.push({ start, end: text.length, kind: 'paragraph' });
    copiedUpTo = group.at(-1)!.end;
  }
  text += source.slice(copiedUpTo);
  groups.forEach((group, i) => (blocks[i]!.kind = kindOf(group, i, groups, text, blocks)));
  return { text, blocks };
}

/** Hyphenated words broken at the line end keep their hyphen ("well-known" cannot be told from "interna-tional"). */
function joiner(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{L}/u.test(after)) return '';
  return isCjkChar(lastChar(before)) && isCjkChar(firstChar(after)) ? '' : ' ';
}

function kindOf(group: readonly Line[], index: number, groups: readonly Line[][], text: string, blocks: readonly Block[]): BlockKind {
  if (group[0]!.marker >= 0) return 'list-item';
  const next = groups[index + 1];
  if (group.length > 1 || !next || next[0]!.marker >= 0) return 'paragraph';
  const own = text.slice(blocks[index]!.start, blocks[index]!.end);
  const following = text.slice(blocks[index + 1]!.start, blocks[index + 1]!.end);
  return looksLikeHeading(own, following) ? 'heading' : 'paragraph';
}

/**
 * A short line without closing punctuation, capitalised as a title, followed by a longer paragraph.
 * Conservative on purpose: a missed heading is read as a paragraph, which costs little.
 */
export function looksLikeHeading(line: string, following: string): boolean {
  if (displayWidth(line) > 80 || ENDS_CLAUSE.test(line) || following.length < line.length * 2) return false;
  if (!/^[\p{Lu}\p{Lo}\p{N}]/u.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > 12) return false;
  const longWords = words.filter((w) => /^\p{L}{4,}/u.test(w) && /^[\p{Lu}\p{Ll}]/u.test(w));
  const capitalised = longWords.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised >= longWords.length / 2;
}
