/**
 * PDF → blocks from its text layer (unpdf's serverless PDF.js), by layout: text items on one baseline make a
 * line; a line starts a new paragraph after a vertical gap, a change of font size, a first-line indent or a
 * list marker, or when the line before ended a sentence short of the right margin. Lines are joined with a
 * space (nothing between CJK characters); a word hyphenated across lines is joined again; page numbers go.
 */
import { ConcordError, type BlockKind, type DocumentMetadata } from '../model.js';
import { assembleBlocks, type DraftBlock, type ReadContent } from './blocks.js';
import { listMarker, looksLikeHeading } from './plain.js';
import { ENDS_SENTENCE, isCjkChar, firstChar, lastChar } from './text.js';

interface TextLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
}

interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

let unpdfModule: Promise<typeof import('unpdf')> | undefined;

export async function readPdf(bytes: Uint8Array, origin: string): Promise<ReadContent> {
  const { getDocumentProxy } = await (unpdfModule ??= import('unpdf'));
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: PDF.js may transfer (detach) the buffer it is given.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 } as Parameters<typeof getDocumentProxy>[1]);
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'PasswordException') throw new ConcordError(`${origin} is a password-protected PDF`);
    throw new ConcordError(`${origin}: cannot read this PDF (${firstLine(error)})`);
  }
  try {
    const pages: TextLine[][] = [];
    for (let page = 1; page <= doc.numPages; page++) {
      const content = await (await doc.getPage(page)).getTextContent();
      pages.push(withoutPageNumbers(pageLines(content.items as PdfTextItem[], page)));
    }
    const lines = withoutRunningHeads(pages).flat();
    if (!lines.length) throw new ConcordError(`${origin} has no text layer (a scanned PDF? run OCR on it first)`);
    const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    return { ...assembleBlocks(paragraphs(lines)), metadata: pdfMetadata(info) };
  } catch (error) {
    if (error instanceof ConcordError) throw error;
    throw new ConcordError(`${origin}: cannot read this PDF (${firstLine(error)})`);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Text items → lines: items on the same baseline, in content order, with a space where a gap shows one. */
function pageLines(items: readonly PdfTextItem[], page: number): TextLine[] {
  const lines: TextLine[] = [];
  let current: TextLine | undefined;
  let spaceBefore = false;
  for (const item of items) {
    const t = item.transform;
    const str = item.str ?? '';
    // White space is decided here, between the words it separates: an item of spaces only marks a gap.
    if (!str.trim() || !t) {
      if (str) spaceBefore = true;
    } else {
      const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height || 10;
      const [x, y] = [t[4] ?? 0, t[5] ?? 0];
      const sameLine = current && Math.abs(current.y - y) <= size * 0.4 && x >= current.right - size;
      if (current && sameLine) {
        current.text += wordGap(current.text, str, spaceBefore || x - current.right > size * 0.15) + str;
        current.right = Math.max(current.right, x + (item.width ?? 0));
        current.size = Math.max(current.size, size);
      } else {
        current = { text: str, x, right: x + (item.width ?? 0), y, size, page };
        lines.push(current);
      }
      spaceBefore = /\s$/.test(str);
    }
    if (item.hasEOL) {
      current = undefined;
      spaceBefore = false;
    }
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

/**
 * The space between two runs of a line. Next to a CJK character a visible gap is typesetting (the extra
 * space word processors put between Chinese and Latin letters or digits), not a space in the text.
 */
function wordGap(before: string, after: string, gap: boolean): string {
  if (!gap || /\s$/.test(before) || /^\s/.test(after)) return '';
  return isCjkChar(lastChar(before)) || isCjkChar(firstChar(after)) ? '' : ' ';
}

const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$|^第\s*\d{1,4}\s*[页頁]/i;

/** A page number is the first or last line of its page and nothing else. */
function withoutPageNumbers(lines: TextLine[]): TextLine[] {
  return lines.filter((line, i) => !((i === 0 || i === lines.length - 1) && PAGE_NUMBER.test(line.text)));
}

/**
 * Running heads and feet: the same line (numbers aside) first or last on most pages. The letterhead of the
 * first page is kept — it is where the statement names itself.
 */
function withoutRunningHeads(pages: TextLine[][]): TextLine[][] {
  if (pages.length < 3) return pages;
  const key = (line: TextLine | undefined) => line?.text.replace(/\d+/g, '#') ?? '';
  const count = (edge: (page: TextLine[]) => TextLine | undefined) => {
    const counts = new Map<string, number>();
    for (const page of pages) counts.set(key(edge(page)), (counts.get(key(edge(page))) ?? 0) + 1);
    return counts;
  };
  const heads = count((page) => page[0]);
  const feet = count((page) => page.at(-1));
  const repeated = (counts: Map<string, number>, line: TextLine | undefined) => !!line && counts.get(key(line))! >= Math.max(3, pages.length * 0.6);
  return pages.map((page, i) => page.filter((line, j) => !(i > 0 && ((j === 0 && repeated(heads, line)) || (j === page.length - 1 && repeated(feet, line))))));
}

function paragraphs(lines: readonly TextLine[]): DraftBlock[] {
  const bodySize = median(lines.flatMap((l) => Array<number>(Math.min(l.text.length, 200)).fill(l.size)));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const dy = a.y - b.y;
    if (a.page === b.page && near(a.size, bodySize) && near(b.size, bodySize) && dy > 0 && dy < bodySize * 3) gaps.push(dy);
  }
  const lineSpacing = gaps.length ? median(gaps) : bodySize * 1.2;
  const margins = pageMargins(lines, bodySize);

  const groups: TextLine[][] = [];
  for (const line of lines) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    if (group && previous && continues(group, previous, line, { bodySize, lineSpacing, margins })) group.push(line);
    else groups.push([line]);
  }

  const words = wordForms(lines);
  const drafts: DraftBlock[] = groups.map((group) => ({ kind: kindOf(group, bodySize), text: joinPdfLines(group, words) }));
  // A short single line without closing punctuation before a longer paragraph reads as a heading.
  drafts.forEach((draft, i) => {
    const next = drafts[i + 1];
    if (draft.kind === 'paragraph' && groups[i]!.length === 1 && next?.kind === 'paragraph' && looksLikeHeading(draft.text, next.text)) draft.kind = 'heading';
  });
  return drafts;
}

interface Layout {
  bodySize: number;
  lineSpacing: number;
  margins: Map<number, { left: number; right: number }>;
}

function continues(group: readonly TextLine[], previous: TextLine, line: TextLine, layout: Layout): boolean {
  const { bodySize, lineSpacing, margins } = layout;
  if (!near(previous.size, line.size)) return false;
  if (listMarker(line.text)) return false;
  const endsSentence = ENDS_SENTENCE.test(previous.text) || /[:：]$/.test(previous.text);
  // A sentence ends and the next line is in another script: a translation starts, whatever the layout says.
  if (endsSentence && isCjkChar(firstChar(line.text)) !== isCjkChar(lastLetter(previous.text))) return false;
  const dy = previous.y - line.y;
  // A new page or column: only the text decides.
  if (line.page !== previous.page || dy < 0) return !endsSentence;
  if (dy > lineSpacing * 1.5) return false;
  const margin = margins.get(line.page)!;
  const opensListItem = listMarker(group[0]!.text) !== undefined;
  if (!opensListItem && line.x > previous.x + bodySize && previous.x <= margin.left + bodySize / 2) return false;
  const width = Math.max(margin.right - margin.left, bodySize);
  const short = previous.right < margin.right - Math.max(2 * bodySize, width * 0.08);
  if (short && endsSentence) return false;
  // Much shorter than the column without ending a sentence: a heading or a line broken on purpose.
  return previous.right >= margin.right - width * 0.35;
}

function pageMargins(lines: readonly TextLine[], bodySize: number): Map<number, { left: number; right: number }> {
  const byPage = new Map<number, TextLine[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  const margins = new Map<number, { left: number; right: number }>();
  for (const [page, pageLines] of byPage) {
    const body = pageLines.filter((l) => near(l.size, bodySize));
    const sample = body.length ? body : pageLines;
    // The widest line marks the margin; with enough lines, the 90th percentile, so one overlong line cannot move it.
    const right = percentile(sample.map((l) => l.right), sample.length >= 10 ? 0.9 : 1);
    margins.set(page, { left: Math.min(...sample.map((l) => l.x)), right });
  }
  return margins;
}

function kindOf(group: readonly TextLine[], bodySize: number): BlockKind {
  if (listMarker(group[0]!.text)) return 'list-item';
  return group[0]!.size > bodySize * 1.15 ? 'heading' : 'paragraph';
}

/** Lines → one line: hyphenated words rejoined, a space between words, nothing between CJK characters. */
function joinPdfLines(group: readonly TextLine[], words: ReadonlySet<string>): string {
  let text = '';
  for (const line of group) {
    const next = line.text;
    if (!text) text = stripBullet(next);
    else if (/\u00AD$/.test(text)) text = text.slice(0, -1) + next;
    else if (/\p{Ll}[-\u2010]$/u.test(text) && /^\p{Ll}/u.test(next)) text = hyphenBreakIsSyllable(text, next, words) ? text.slice(0, -1) + next : text + next;
    else text += (isCjkChar(lastChar(text)) && isCjkChar(firstChar(next)) ? '' : ' ') + next;
  }
  return text;
}

/** Prefixes that make hyphenated compounds: a break after them keeps its hyphen ("self-determination"). */
const COMPOUND_PREFIX = /^(?:self|counter|non|anti|co|ex|pre|post|pro|multi|cross|well|long|short|high|low|full|half|semi|mid|quasi|neo|pan|sub|super|ultra|all|one|two|three|four|five|so|un)$/i;

/**
 * A word broken at a line-end hyphen: hyphenation (join: "intention-al" → "intentional") or a compound that
 * broke at its own hyphen (keep: "counter-revolutionaries"). The document's own spelling elsewhere decides
 * when it has one; otherwise a compound prefix keeps the hyphen.
 */
function hyphenBreakIsSyllable(text: string, next: string, words: ReadonlySet<string>): boolean {
  const left = /(\p{L}+)[-\u2010]$/u.exec(text)?.[1] ?? '';
  const right = /^\p{L}+/u.exec(next)?.[0] ?? '';
  const joined = (left + right).toLowerCase();
  const hyphenated = `${left}-${right}`.toLowerCase();
  if (words.has(hyphenated) !== words.has(joined)) return words.has(joined);
  return !COMPOUND_PREFIX.test(left);
}

/** Every word and hyphenated compound that appears whole on a line, lowercased. */
function wordForms(lines: readonly TextLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) for (const word of line.text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*(?=[^-\p{L}]|$)/gu) ?? []) words.add(word);
  return words;
}

/** Bullets are layout; numbers and letters of a list are content and stay. */
function stripBullet(text: string): string {
  const marker = listMarker(text);
  return marker?.bullet ? text.slice(marker.length) : text;
}

function pdfMetadata(info: Record<string, unknown>): DocumentMetadata {
  const text = (key: string) => (typeof info[key] === 'string' && (info[key] as string).trim()) || undefined;
  const metadata: DocumentMetadata = {};
  const title = text('Title');
  const author = text('Author');
  const date = pdfDate(text('CreationDate'));
  if (title) metadata.title = title;
  if (author) metadata.author = author;
  if (date) metadata.date = date;
  return metadata;
}

/** `D:20240927103000+02'00'` → `2024-09-27T10:30:00+02:00`; date-only when that is all there is. */
export function pdfDate(value: string | undefined): string | undefined {
  const m = value && /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  let iso = [y, mo, d].filter(Boolean).join('-');
  if (d && h) {
    iso += `T${h}:${mi ?? '00'}:${s ?? '00'}`;
    if (zone) iso += zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  }
  return iso;
}

/** The last letter or ideograph of a line, past closing punctuation. */
function lastLetter(text: string): string {
  const match = /[\p{L}\p{N}](?=[^\p{L}\p{N}]*$)/u.exec(text);
  return match?.[0] ?? '';
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(a, b) * 0.15;
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * p)]!;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
