/**
 * Bytes → text, the encoding told from the bytes alone (never the file name).
 *
 * Order of evidence: a byte-order mark; a charset the document declares (HTML `<meta charset>`), when the bytes
 * decode cleanly with it; strict UTF-8; GB18030 against Big5, each decoded and scored for common Chinese
 * characters; legacy single-byte and Japanese/Korean encodings named by chardet, verified by a clean decode.
 * A few invalid sequences in otherwise well-formed text are tolerated and counted (see ADR 0002); more is an error.
 */
import { createRequire } from 'node:module';
import { ConcordError } from '../model.js';
import { FREQUENT_SIMPLIFIED, FREQUENT_TRADITIONAL } from './frequent-hanzi.js';

export interface DecodedText {
  text: string;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`, `big5`, or another label iconv-lite knows. */
  encoding: string;
  /** Byte sequences that could not be decoded and were replaced by U+FFFD (0 unless the damage was tiny). */
  invalidSequences: number;
}

interface Iconv {
  decode(bytes: Uint8Array, encoding: string, options?: { stripBOM?: boolean }): string;
  encodingExists(encoding: string): boolean;
}
interface Chardet {
  analyse(bytes: Uint8Array): { name: string; confidence: number }[];
}

// iconv-lite and chardet are loaded only for text that is not UTF-8: most input never pays for them.
const require = createRequire(import.meta.url);
let iconvModule: Iconv | undefined;
const iconv = (): Iconv => (iconvModule ??= require('iconv-lite') as Iconv);
const chardet = (): Chardet => require('chardet') as Chardet;

/**
 * Real Chinese scores 1.75 or more per document in WMT22 (1.4 for the shortest segments); a wrong GB18030/Big5
 * decoding at most 1.0, Korean EUC-KR read as GB18030 about 1.3. Below this, other encodings are tried first.
 */
const PLAUSIBLE_CHINESE = 1.5;

/** At most this many invalid sequences, and at most one per this many bytes, are tolerated. */
const MAX_INVALID_SEQUENCES = 8;
const BYTES_PER_TOLERATED_INVALID = 2000;

export function decodeText(bytes: Uint8Array, origin: string, declaredCharset?: string): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return decodeWithBom(bytes, bom, origin);

  if (declaredCharset) {
    const declared = decodeDeclared(bytes, declaredCharset);
    if (declared) return declared;
  }

  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return { text: iconv().decode(bytes, utf16), encoding: utf16, invalidSequences: 0 };

  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ConcordError(`${origin} looks binary (a NUL byte at offset ${nul}); expected text, HTML, DOCX or PDF`);

  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', invalidSequences: 0 };

  return decodeLegacy(bytes, origin);
}

type Bom = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

function byteOrderMark(b: Uint8Array): Bom | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8-bom';
  if (b[0] === 0xff && b[1] === 0xfe && !(b[2] === 0 && b[3] === 0)) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return 'gb18030';
  return undefined;
}

function decodeWithBom(bytes: Uint8Array, bom: Bom, origin: string): DecodedText {
  if (bom === 'utf-8-bom') {
    const text = strictUtf8(bytes.subarray(3));
    if (text !== undefined) return { text, encoding: bom, invalidSequences: 0 };
    return tolerate(new TextDecoder('utf-8').decode(bytes.subarray(3)), bom, bytes.length, origin);
  }
  if (bom === 'gb18030') return tolerate(iconv().decode(bytes.subarray(4), 'gb18030'), bom, bytes.length, origin);
  if (bytes.length % 2 !== 0) throw new ConcordError(`${origin}: ${bom.toUpperCase()} text with an odd number of bytes (truncated?)`);
  // TextDecoder('utf-16le'/'utf-16be') is built into Node and marks lone surrogates with U+FFFD.
  const text = new TextDecoder(bom, { ignoreBOM: false }).decode(bytes);
  return tolerate(text, bom, bytes.length, origin);
}

/** Use the charset the document declares if the bytes agree with it; declarations are often wrong. */
function decodeDeclared(bytes: Uint8Array, charset: string): DecodedText | undefined {
  const label = canonicalCharset(charset);
  if (label === 'utf-8') {
    const text = strictUtf8(bytes);
    return text === undefined ? undefined : { text, encoding: 'utf-8', invalidSequences: 0 };
  }
  if (label === 'gb18030' || label === 'big5') {
    const candidate = decodeCjk(bytes, label);
    return candidate.invalid === 0 && candidate.quality > 0.5 ? { text: candidate.text, encoding: label, invalidSequences: 0 } : undefined;
  }
  if (!iconv().encodingExists(label)) return undefined;
  const text = iconv().decode(bytes, label);
  return countInvalid(text) === 0 && !looksBinary(text) ? { text, encoding: label, invalidSequences: 0 } : undefined;
}

/** Charset labels → the names we record; GBK and GB2312 are subsets of GB18030, so they decode as it. */
export function canonicalCharset(charset: string): string {
  const label = charset.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (label === 'utf8' || label === 'utf-8') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|csgb2312|chinese|euc-cn)$/.test(label)) return 'gb18030';
  if (/^(big5|big5-hkscs|cn-big5|x-x-big5|csbig5|cp950)$/.test(label)) return 'big5';
  return label;
}

/** UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte. */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.02) return 'utf-16be';
  return undefined;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeLegacy(bytes: Uint8Array, origin: string): DecodedText {
  // Real Chinese text decodes cleanly in exactly one of the two, with mostly common characters.
  const candidates = [decodeCjk(bytes, 'gb18030'), decodeCjk(bytes, 'big5')].sort(
    (a, b) => a.invalid - b.invalid || b.quality - a.quality,
  );
  const best = candidates[0]!;
  const budget = invalidBudget(bytes.length);
  if (best.invalid === 0 && best.quality >= PLAUSIBLE_CHINESE) return { text: best.text, encoding: best.encoding, invalidSequences: 0 };

  // UTF-8 with a stray bad byte or two (a damaged file): keep it, count the damage.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const utf8Invalid = countInvalid(lenient);
  if (utf8Invalid <= budget && hasMultibyteUtf8(lenient)) return { text: lenient, encoding: 'utf-8', invalidSequences: utf8Invalid };

  if (best.invalid > 0 && best.invalid <= budget && best.quality >= PLAUSIBLE_CHINESE) {
    return { text: best.text, encoding: best.encoding, invalidSequences: best.invalid };
  }

  const other = decodeNamedByChardet(bytes);
  if (other) return other;

  // Clean but unusual Chinese (names, rare characters): still the best reading there is.
  if (best.invalid === 0 && best.quality > 0) return { text: best.text, encoding: best.encoding, invalidSequences: 0 };

  throw new ConcordError(
    `${origin}: undecodable bytes: not valid UTF-8, UTF-16, GB18030 or Big5 text (${utf8Invalid} invalid UTF-8 sequences)`,
  );
}

interface CjkCandidate {
  text: string;
  encoding: 'gb18030' | 'big5';
  invalid: number;
  /** Mean score of the non-ASCII characters, in [-3, 3] (see chineseQuality). */
  quality: number;
}

function decodeCjk(bytes: Uint8Array, encoding: 'gb18030' | 'big5'): CjkCandidate {
  // big5hkscs: the WHATWG Big5 (HKSCS extensions included), a superset of CP950.
  const text = iconv().decode(bytes, encoding === 'big5' ? 'big5hkscs' : 'gb18030');
  return { text, encoding, invalid: countInvalid(text), quality: chineseQuality(text) };
}

/** How many of the frequent characters (lists in frequency order) count as the very most frequent. */
const TOP_FREQUENT = 200;

let topHanzi: Set<number> | undefined;
let frequentHanzi: Set<number> | undefined;
let commonHanzi: Set<number> | undefined;

/**
 * How plausible a decoding is as Chinese. The 200 most frequent characters score 3 (they make up about half
 * of running text; a wrong decoding rarely hits them), other frequent characters 2, characters of the GB2312 first level or
 * the Big5 frequent block 1, CJK punctuation 1, other ideographs 0; kana, Hangul, box drawing, Greek and
 * Cyrillic (what a wrong double-byte decoding produces) −1; U+FFFD and private-use characters −3.
 */
export function chineseQuality(text: string): number {
  const codes = (chars: string) => [...chars].map((c) => c.codePointAt(0)!);
  topHanzi ??= new Set([...codes(FREQUENT_SIMPLIFIED).slice(0, TOP_FREQUENT), ...codes(FREQUENT_TRADITIONAL).slice(0, TOP_FREQUENT)]);
  frequentHanzi ??= new Set(codes(FREQUENT_SIMPLIFIED + FREQUENT_TRADITIONAL));
  commonHanzi ??= buildCommonHanzi();
  let total = 0;
  let count = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    count++;
    if (topHanzi.has(cp)) total += 3;
    else if (frequentHanzi.has(cp)) total += 2;
    else if (commonHanzi.has(cp)) total += 1;
    else if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x2010 && cp <= 0x2027)) total += 1;
    else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || cp >= 0x20000) total += 0;
    else if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0x80 && cp < 0xa0)) total -= 3;
    else total -= 1;
  }
  return count === 0 ? 0 : total / count;
}

/** GB2312 level 1 (the 3,755 common simplified characters) and the 5,401 frequent characters of Big5. */
function buildCommonHanzi(): Set<number> {
  const gb: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) gb.push(lead, trail);
  const big5: number[] = [];
  for (let lead = 0xa4; lead <= 0xc6; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if ((trail > 0x7e && trail < 0xa1) || (lead === 0xc6 && trail > 0x7e)) continue;
      big5.push(lead, trail);
    }
  }
  const chars = iconv().decode(Uint8Array.from(gb), 'gb18030') + iconv().decode(Uint8Array.from(big5), 'big5hkscs');
  const set = new Set<number>();
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) set.add(cp);
  }
  return set;
}

const chardetToIconv: Record<string, string> = {
  'Shift_JIS': 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'KOI8-R': 'koi8-r',
};

/** Other legacy encodings (Cyrillic, Turkish, Arabic, Japanese, Korean…) when chardet is sure and the decode is clean. */
function decodeNamedByChardet(bytes: Uint8Array): DecodedText | undefined {
  for (const match of chardet().analyse(bytes)) {
    if (match.confidence < 30) break;
    if (/^(UTF|ASCII|GB18030|Big5|ISO-2022|mbcs|sbcs)/.test(match.name)) continue;
    const label = chardetToIconv[match.name] ?? match.name.toLowerCase();
    if (!iconv().encodingExists(label)) continue;
    const text = iconv().decode(bytes, label);
    if (countInvalid(text) === 0 && !looksBinary(text) && plausibleFor(label, text)) return { text, encoding: label, invalidSequences: 0 };
  }
  return undefined;
}

/**
 * chardet guesses boldly on short input (a four-character Chinese name comes back as windows-1252), so its
 * guess must look like writing: Japanese is never without kana, Korean is mostly Hangul; alphabetic text has
 * words of ordinary length, and in a Latin alphabet most letters are ASCII.
 */
function plausibleFor(label: string, text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const nonAscii = count(/[^\x00-\x7F]/g);
  if (label === 'euc-kr') return count(/[\uAC00-\uD7A3]/g) >= nonAscii * 0.5;
  if (label === 'shift_jis' || label === 'euc-jp') return count(/[\u3040-\u30FF]/g) >= nonAscii * 0.1;
  const words = text.match(/\p{L}+/gu) ?? [];
  const letters = words.reduce((n, w) => n + w.length, 0);
  if (!words.length || letters / words.length > 12) return false;
  const nonAsciiLetters = count(/[^\x00-\x7F](?<=\p{L})/gu);
  const punctuation = count(/[\u00A0\u00AB\u00B0\u00B7\u00BB\u2010-\u2026]/g);
  if (nonAsciiLetters + punctuation < nonAscii * 0.9) return false;
  const latin = /^(windows-125[02478]|iso-8859-(1|2|3|4|9|10|13|14|15|16))$/.test(label);
  return !latin || nonAsciiLetters <= letters * 0.35;
}

function invalidBudget(byteLength: number): number {
  return Math.min(MAX_INVALID_SEQUENCES, Math.floor(byteLength / BYTES_PER_TOLERATED_INVALID));
}

function tolerate(text: string, encoding: string, byteLength: number, origin: string): DecodedText {
  const invalid = countInvalid(text);
  if (invalid > invalidBudget(byteLength)) {
    throw new ConcordError(`${origin}: undecodable bytes: ${invalid} invalid ${encoding.toUpperCase()} sequences`);
  }
  return { text, encoding, invalidSequences: invalid };
}

function countInvalid(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function hasMultibyteUtf8(text: string): boolean {
  return /[^\x00-\x7F\uFFFD]/.test(text);
}

/** Control characters other than whitespace mean this is not text, whatever it decodes to. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const controls = sample.match(/[\x00-\x08\x0E-\x1A\x1C-\x1F\x7F]/g)?.length ?? 0;
  return controls > Math.max(2, sample.length * 0.01);
}
