/**
 * Small text helpers shared by the format readers: normalisation, joining wrapped lines, display width.
 */

/** Every line end we accept: CRLF, CR, LF, NEL, form feed (a page break), U+2028 and U+2029. */
const LINE_ENDS = /\r\n|[\r\u0085\f\u2028\u2029]/g;

/**
 * Decoded text → the document's normalised text: `\n` line ends, NFC, no byte-order marks.
 * U+FEFF is dropped everywhere, not just at the start: mid-text it is a leftover of concatenated files
 * and carries no meaning.
 */
export function normaliseText(decoded: string): string {
  let text = decoded;
  if (text.includes('\uFEFF')) text = text.replace(/\uFEFF/g, '');
  return text.replace(LINE_ENDS, '\n').normalize('NFC');
}

/** Han ideographs, kana, Hangul and CJK/full-width punctuation: scripts written without spaces between words. */
const CJK = /[\u2E80-\u2FDF\u3000-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

export function isCjkChar(ch: string): boolean {
  return CJK.test(ch);
}

/** The text that joins two wrapped lines: nothing between two CJK characters, a space otherwise. */
export function lineJoiner(before: string, after: string): string {
  const last = lastChar(before);
  const first = firstChar(after);
  if (!last || !first) return '';
  return isCjkChar(last) && isCjkChar(first) ? '' : ' ';
}

/** Join wrapped lines into one line, as a reader would read them. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    out = out ? out + lineJoiner(out, line) + line : line;
  }
  return out;
}

/** Collapse runs of whitespace (as HTML does) but drop a line break between two CJK characters. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[ \t\n\r\f\v]+/g, (run, offset: number, whole: string) => {
      if (!run.includes('\n')) return ' ';
      const before = whole.slice(Math.max(0, offset - 2), offset);
      const after = whole.slice(offset + run.length, offset + run.length + 2);
      return lineJoiner(before, after) === '' && before && after ? '' : ' ';
    })
    .trim();
}

/** Columns a line takes in a monospaced view: CJK and full-width characters count two. */
export function displayWidth(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x2e80) width += code === 9 ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 1;
    else width += isCjkCode(code) || (code >= 0xd840 && code <= 0xd87f) ? 2 : code >= 0xdc00 && code <= 0xdfff ? 0 : 1;
  }
  return width;
}

/** CJK in the Basic Multilingual Plane, by code unit (a fast path for widths). */
function isCjkCode(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x2fdf) || (code >= 0x3000 && code <= 0x312f) || (code >= 0x3190 && code <= 0x31ff) ||
    (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)
  );
}

export function firstChar(text: string): string {
  const cp = text.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

export function lastChar(text: string): string {
  if (!text) return '';
  const code = text.charCodeAt(text.length - 1);
  return code >= 0xdc00 && code <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
}

/** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
export const ENDS_SENTENCE = /[.!?。！？…．｡](?:["'”’»」』）)\]】〉》]*)$/;

/** A line that ends a clause or introduces something: never a heading. */
export const ENDS_CLAUSE = /[.!?。！？…．｡:：;；,，、—–\-"'”’»」』）)\]】〉》]$/;
