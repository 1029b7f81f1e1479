/**
 * Numbers in any writing, with their values: 150,000 · 150 000 · 150.000 · 1.5 million · 十五萬 · 15万 · 一百萬 ·
 * 三十 · seventy-five · a million · 75th · 75週年 · 第三 · 25% · 百分之二十五 · millions · 數百萬.
 *
 * Shared by the aligner (anchors), the checker (number mismatches) and the extractor (figures). Qualifiers
 * ("over", "超過") are the callers' business: this module only finds numbers and says what they are worth.
 */
import { RecentMemo } from './memo.js';

export type NumberKind = 'cardinal' | 'ordinal' | 'percent' | 'year';

export interface NumberMention {
  /** Offsets relative to the string given to `findNumbers`, end exclusive. */
  start: number;
  end: number;
  text: string;
  value: number;
  kind: NumberKind;
  /** Vague quantities ("millions", "數百萬", "dozens"): `value` is the lower bound they imply. */
  approximate?: boolean;
  /** The unit or measure word right after the number, when it tells what it counts or that it is a date part: 年 月 日 名 人 …, "years". */
  unit?: string;
}

// ───────────── Chinese numerals ─────────────

// The "financial" capitals 伍 陸 參 拾 … are left out: as ordinary characters (隊伍, 大陸, 參加, 收拾) they are far
// more common in statements than as numerals.
const ZH_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 貳: 2, 贰: 2, 兩: 2, 两: 2, 三: 3, 四: 4,
  五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const ZH_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG_UNITS: Record<string, number> = { 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8, 兆: 1e12 };
const ZH_NUMERAL_CHARS = Object.keys(ZH_DIGITS).join('') + Object.keys(ZH_SMALL_UNITS).join('') + Object.keys(ZH_BIG_UNITS).join('');

/** Value of a run of Chinese numerals (十五萬 → 150000, 一九四九 → 1949, 三十 → 30); NaN when malformed. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  const approx = approximatePair(s);
  if (approx) return approx.value;
  // Digit-by-digit writing (一九四九): no unit characters at all.
  if ([...s].every((c) => c in ZH_DIGITS) && s.length > 1) return Number([...s].map((c) => ZH_DIGITS[c]).join(''));
  let total = 0; // completed big-unit sections
  let section = 0; // current section below 萬
  let digit = -1; // pending digit
  for (const c of s) {
    if (c in ZH_DIGITS) {
      digit = ZH_DIGITS[c]!;
    } else if (c in ZH_SMALL_UNITS) {
      section += (digit < 0 ? 1 : digit) * ZH_SMALL_UNITS[c]!;
      digit = -1;
    } else if (c in ZH_BIG_UNITS) {
      const unit = ZH_BIG_UNITS[c]!;
      const value = section + (digit < 0 ? 0 : digit) || 1;
      // 億 scales everything before it (一萬億); 萬 only its own section (一億二千萬).
      total = unit >= 1e8 ? (total + value) * unit : total + value * unit;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/** 两三 "two or three", 十四五 "fourteen or fifteen": two consecutive digits at the end of a run. */
function approximatePair(s: string): { value: number } | undefined {
  const m = /^(.*?)([一二兩两三四五六七八九])([二三四五六七八九])$/.exec(s);
  if (!m) return undefined;
  const first = ZH_DIGITS[m[2]!]!;
  const second = ZH_DIGITS[m[3]!]!;
  if (second !== first + 1 || (m[1] && !/[十百千萬万億亿]$/.test(m[1]))) return undefined;
  if (!m[1]) return { value: first };
  const head = parseChineseNumeral(m[1] + m[2]);
  return Number.isFinite(head) ? { value: head } : undefined;
}

/** True when a Chinese numeral run is an approximation ("两三", "十四五"). */
function isApproximateChinese(s: string): boolean {
  return approximatePair(s) !== undefined;
}

// ───────────── English number words ─────────────

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const EN_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000, millionth: 1e6,
};
const EN_NUMBER_WORD = new RegExp(
  `\\b(?:${[...Object.keys(EN_UNITS), ...Object.keys(EN_TENS), ...Object.keys(EN_SCALES), ...Object.keys(EN_ORDINALS), 'a', 'an', 'and'].join('|')})\\b`,
  'i',
);

/** Value of a phrase of English number words ("seventy-five", "two thousand five hundred", "a million"). */
export function parseEnglishNumber(words: string[]): { value: number; ordinal: boolean } | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let ordinal = false;
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (w === 'and') continue;
    if (w === 'a' || w === 'an') {
      current = 1;
      continue;
    }
    if (w in EN_UNITS) current += EN_UNITS[w]!;
    else if (w in EN_TENS) current += EN_TENS[w]!;
    else if (w in EN_SCALES) {
      const scale = EN_SCALES[w]!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (w in EN_ORDINALS) {
      const v = EN_ORDINALS[w]!;
      if (v >= 100) current = (current || 1) * v;
      else current += v;
      ordinal = true;
    } else return undefined;
    seen = true;
  }
  return seen ? { value: total + current, ordinal } : undefined;
}

const VAGUE_EN: Record<string, number> = { dozens: 24, scores: 40, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9 };

// ───────────── the finder ─────────────

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Measure words and units that make a lone Chinese numeral a number rather than part of a word. */
const ZH_MEASURES = '名個个人位年月日號号歲岁次天件項项架座條条艘輛辆間间所家國国種种份本張张頁页萬万億亿倍週周期屆届場场批支隻只户戶元塊块美英公里米噸吨小分秒點点章節节條款';
/** Words that contain numerals but are not numbers. */
const ZH_NOT_NUMBERS = /^(?:一直|一些|一切|一定|一般|一樣|一样|一起|一旦|一再|一向|一致|一貫|一贯|一方面|一邊|一边|一度|一同|一律|一齊|一齐|一手|一心|一口|一道|一番|一時|一时|萬一|万一|統一|统一|唯一|之一|十分|百姓|千萬|千万|萬歲|万岁|一系列|一部分|三峽|三峡)/;

interface Raw {
  start: number;
  end: number;
  value: number;
  kind: NumberKind;
  approximate?: boolean;
}

/** Recent results of `findNumbers`: the aligner, the checker and the extractor look at the same sentences. */
const recentNumbers = new RecentMemo<NumberMention[]>();

/**
 * Every number in `text`, in order, non-overlapping. The list and its mentions are shared with other callers
 * (see `recentNumbers`) and frozen: copy before changing them.
 */
export function findNumbers(text: string): NumberMention[] {
  const known = recentNumbers.get(text);
  if (known) return known;
  const found = freezeMentions(scanNumbers(text));
  recentNumbers.set(text, found);
  return found;
}

function freezeMentions(mentions: NumberMention[]): NumberMention[] {
  for (const mention of mentions) Object.freeze(mention);
  return Object.freeze(mentions) as NumberMention[];
}

function scanNumbers(text: string): NumberMention[] {
  const found: Raw[] = [];
  findDigitNumbers(text, found);
  findChineseNumbers(text, found);
  findEnglishWords(text, found);
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: NumberMention[] = [];
  let lastEnd = -1;
  for (const r of found) {
    if (r.start < lastEnd) continue;
    lastEnd = r.end;
    const mention: NumberMention = { start: r.start, end: r.end, text: text.slice(r.start, r.end), value: r.value, kind: r.kind };
    if (r.approximate) mention.approximate = true;
    const unit = unitAfter(text, r.end);
    if (unit) mention.unit = unit;
    if (mention.kind === 'cardinal' && isYear(mention, text)) mention.kind = 'year';
    out.push(mention);
  }
  return out;
}

function unitAfter(text: string, end: number): string | undefined {
  const next = text[end];
  if (next && CJK.test(next)) {
    const two = text.slice(end, end + 2);
    if (/^(?:週年|周年|年代|世紀|世纪)/.test(two)) return two;
    return next;
  }
  const m = /^[\s\u00a0-]*([A-Za-z]+)/.exec(text.slice(end, end + 24));
  return m?.[1]?.toLowerCase();
}

function isYear(m: NumberMention, text: string): boolean {
  if (!Number.isInteger(m.value) || m.value < 1000 || m.value > 2100) return false;
  if (/[,.\s]/.test(m.text.replace(/^\s+|\s+$/g, '')) && /\d[,.\s]\d/.test(m.text)) return false; // 1,949 is a count
  if (m.unit === '年') return true;
  if (m.unit && /^(?:年代|世紀)/.test(m.unit)) return false;
  // An English 4-digit number standing alone reads as a year unless a counted noun follows it.
  if (!/^\d{4}$/.test(m.text)) return false;
  const after = text.slice(m.end, m.end + 20);
  if (/^\s*(?:people|persons|men|women|children|troops|soldiers|deaths|victims|cases|[a-z]+s)\b/i.test(after) && !/^\s*(?:and|as|was|is|its|has|this|s)\b/i.test(after)) {
    return /^['’]?s\b/.test(after);
  }
  return true;
}

const DIGIT_NUMBER =
  /(?<![\d.,])(?:\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f\u2009]\d{3})+|(?:\.\d{3}){2,})(?![\d])|\d+(?:[.,]\d+)?)(?:\s*(%|％|percent\b|per cent\b|st\b|nd\b|rd\b|th\b))?/gu;
const EN_SCALE_AFTER = /^\s*(hundred|thousand|million|billion|trillion)\b/i;
const ZH_UNIT_AFTER = /^([十百千])?([萬万億亿]+)(\d{1,4}(?![\d.,]))?/;

function findDigitNumbers(text: string, out: Raw[]): void {
  // Full-width digits read as ASCII; same length, so offsets hold.
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  for (const m of t.matchAll(DIGIT_NUMBER)) {
    const start = m.index!;
    let end = start + m[0].length;
    const body = m[0].replace(/\s*(%|％|percent|per cent|st|nd|rd|th)$/i, '');
    const scaled = EN_SCALE_AFTER.test(t.slice(end)) || ZH_UNIT_AFTER.test(t.slice(end));
    // Before a scale word the dot is a decimal point: 4.244亿, 1.500 million.
    let value = scaled && /^\d+\.\d+$/.test(body) ? Number(body) : parseDigits(body);
    if (!Number.isFinite(value)) continue;
    let kind: NumberKind = 'cardinal';
    const suffix = m[1]?.toLowerCase();
    if (suffix && /^(%|％|percent|per cent)$/.test(suffix)) kind = 'percent';
    else if (suffix && /^(st|nd|rd|th)$/.test(suffix)) kind = 'ordinal';
    if (kind === 'cardinal') {
      const scale = EN_SCALE_AFTER.exec(t.slice(end));
      const zh = ZH_UNIT_AFTER.exec(t.slice(end));
      if (scale) {
        value *= EN_SCALES[scale[1]!.toLowerCase()]!;
        end += scale[0].length;
      } else if (zh) {
        const bigUnit = [...zh[2]!].reduce((product, c) => product * ZH_BIG_UNITS[c]!, 1);
        value *= (zh[1] ? ZH_SMALL_UNITS[zh[1]]! : 1) * bigUnit;
        // 2万4801: the digits after the unit fill in its lower places.
        if (zh[3]) value += Number(zh[3]);
        end += zh[0].length;
      } else if (/^(?:週年|周年)/.test(t.slice(end))) kind = 'ordinal';
      if (start > 0 && t[start - 1] === '第') kind = 'ordinal';
    }
    out.push({ start, end, value: round(value), kind });
  }
}

function parseDigits(s: string): number {
  const compact = s.replace(/[ \u00a0\u202f\u2009]/g, '');
  if (/^\d{1,3}(,\d{3})+$/.test(compact)) return Number(compact.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(compact)) return Number(compact.replace(/\./g, ''));
  if (/^\d{1,3}(\.\d{3})$/.test(compact) && !compact.startsWith('0')) {
    // "150.000": thousands separator in much of Europe; a decimal with exactly three places is rarer in statements.
    return Number(compact.replace('.', ''));
  }
  if (/^\d+,\d{1,2}$/.test(compact)) return Number(compact.replace(',', '.')); // decimal comma: 1,5
  return Number(compact.replace(/,/g, ''));
}

const ZH_RUN = new RegExp(`[${ZH_NUMERAL_CHARS}]+`, 'g');

function findChineseNumbers(text: string, out: Raw[]): void {
  for (const m of text.matchAll(ZH_RUN)) {
    let start = m.index!;
    let run = m[0];
    if (ZH_NOT_NUMBERS.test(text.slice(start, start + 4))) continue;
    const before = text[start - 1] ?? '';
    // A run right after digits is a unit of that number (15萬), already taken by the digit finder.
    if (/[0-9０-９]/.test(before)) continue;
    // 百分之二十五 → 25%
    const percent = /^百分之/.test(text.slice(start - 0, start + 3)) && run.startsWith('百');
    if (percent) {
      const rest = /^百分之([零〇一二兩两三四五六七八九十百千]+|\d+(?:\.\d+)?)/.exec(text.slice(start));
      if (rest) {
        const v = /\d/.test(rest[1]!) ? Number(rest[1]) : parseChineseNumeral(rest[1]!);
        if (Number.isFinite(v)) out.push({ start, end: start + rest[0].length, value: v, kind: 'percent' });
        continue;
      }
    }
    const vaguePrefix = /[數数幾几上]/.test(before) && /^[十百千萬万億亿]/.test(run);
    const hasUnit = /[十百千萬万億亿拾佰仟]/.test(run);
    const after = text[start + run.length] ?? '';
    const ordinalPrefix = before === '第';
    // A lone digit character (一, 三) counts only before a measure word or after 第; value 1 only with 第.
    if (!hasUnit && run.length === 1) {
      if (!(ordinalPrefix || ZH_MEASURES.includes(after))) continue;
      if (run in ZH_DIGITS && ZH_DIGITS[run] === 1 && !ordinalPrefix) continue;
    }
    if (/^[十百千]/.test(run) && !vaguePrefix && run.length === 1 && !ZH_MEASURES.includes(after) && !ordinalPrefix) continue;
    const value = parseChineseNumeral(run);
    if (!Number.isFinite(value)) continue;
    if (vaguePrefix) {
      start -= 1;
      out.push({ start, end: start + 1 + run.length, value: value === 0 ? 0 : value * (before === '上' ? 1 : 2), kind: 'cardinal', approximate: true });
      continue;
    }
    const kind: NumberKind = ordinalPrefix || /^(?:週年|周年)/.test(text.slice(start + run.length)) ? 'ordinal' : 'cardinal';
    const raw: Raw = { start, end: start + run.length, value, kind };
    if (isApproximateChinese(run)) raw.approximate = true;
    out.push(raw);
  }
}

const EN_WORD_RUN = new RegExp(
  `\\b(?:${[...Object.keys(EN_UNITS), ...Object.keys(EN_TENS), ...Object.keys(EN_SCALES), ...Object.keys(EN_ORDINALS), 'a', 'an'].join('|')})(?:(?:[\\s-]+|\\s+and\\s+)(?:${[...Object.keys(EN_UNITS), ...Object.keys(EN_TENS), ...Object.keys(EN_SCALES), ...Object.keys(EN_ORDINALS)].join('|')}))*\\b`,
  'gi',
);
const VAGUE_RUN = /\b(?:(tens|hundreds)\s+of\s+(thousands|millions)|dozens|scores|hundreds|thousands|millions|billions)\b(?=\s+of\b|\s+[a-z])/gi;

/** The words a run of number words can start with (`EN_WORD_RUN`'s first alternatives), lower case. */
const EN_RUN_FIRST_WORDS = new Set([...Object.keys(EN_UNITS), ...Object.keys(EN_TENS), ...Object.keys(EN_SCALES), ...Object.keys(EN_ORDINALS), 'a', 'an']);
/** `EN_WORD_RUN`, tried at one position only. */
const EN_WORD_RUN_AT = new RegExp(EN_WORD_RUN.source, 'iy');
/** Words without which `VAGUE_RUN` cannot match. */
const VAGUE_WORDS = new Set(['dozens', 'scores', 'hundreds', 'thousands', 'millions', 'billions']);
/**
 * The (first letter, last letter, length) shapes of the words above, case-folded: a word of another shape is
 * passed over without slicing it out and lower-casing it. Lengths take 4 bits (the longest word has 11 letters).
 */
const LONGEST_WORD = 15;
const shapeOf = (first: number, last: number, length: number) => ((first | 32) - 97) * 26 * 16 + ((last | 32) - 97) * 16 + length;
const WORD_SHAPES = new Uint8Array(26 * 26 * 16);
for (const w of [...EN_RUN_FIRST_WORDS, ...VAGUE_WORDS]) WORD_SHAPES[shapeOf(w.charCodeAt(0), w.charCodeAt(w.length - 1), w.length)] = 1;
const isLetterCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** A regex word character (`\w` without the u flag): where `\b` sees a word. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function findEnglishWords(text: string, out: Raw[]): void {
  // A run of number words starts at a whole word (between \b's) that is a number word, so instead of letting
  // EN_WORD_RUN try its seventy alternatives at every position, walk the words and try it only where one is.
  let mayBeVague = false;
  for (let i = 0; i < text.length; ) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
    const first = text.charCodeAt(i);
    const last = text.charCodeAt(end - 1);
    if (end - i <= LONGEST_WORD && isLetterCode(first) && isLetterCode(last) && WORD_SHAPES[shapeOf(first, last, end - i)]) {
      const word = text.slice(i, end).toLowerCase();
      if (VAGUE_WORDS.has(word)) mayBeVague = true;
      if (EN_RUN_FIRST_WORDS.has(word)) {
        EN_WORD_RUN_AT.lastIndex = i;
        const m = EN_WORD_RUN_AT.exec(text);
        if (m) {
          for (const part of splitNumberRun(m[0], i)) addEnglishNumber(part.text, part.start, out);
          end = i + m[0].length;
        }
      }
    }
    i = end;
  }
  if (!mayBeVague) return;
  for (const m of text.matchAll(VAGUE_RUN)) {
    const lower = m[0].toLowerCase();
    let value: number;
    if (m[1]) value = (m[1].toLowerCase() === 'tens' ? 10 : 100) * 2 * (m[2]!.toLowerCase() === 'thousands' ? 1e3 : 1e6);
    else value = VAGUE_EN[lower]!;
    out.push({ start: m.index!, end: m.index! + m[0].length, value, kind: 'cardinal', approximate: true });
  }
}

/**
 * Cuts a run of number words where one number ends and the next begins: "five and six" (and joins only after
 * a scale word: "one hundred and five"), "second one" (an ordinal ends its number), "a six million" (an article
 * before a non-scale word is not part of it).
 */
function splitNumberRun(run: string, offset: number): { text: string; start: number }[] {
  const tokens = [...run.matchAll(/[A-Za-z]+/g)].map((t) => ({ word: t[0].toLowerCase(), start: offset + t.index!, end: offset + t.index! + t[0].length }));
  const parts: { text: string; start: number }[] = [];
  let current: typeof tokens = [];
  const flush = () => {
    while (current.length && current[current.length - 1]!.word === 'and') current.pop();
    if (current.length) parts.push({ text: run.slice(current[0]!.start - offset, current[current.length - 1]!.end - offset), start: current[0]!.start });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = current[current.length - 1];
    if (token.word === 'and' && !(previous && previous.word in EN_SCALES)) {
      flush();
      continue;
    }
    if ((token.word === 'a' || token.word === 'an') && current.length) flush();
    if (previous && (previous.word === 'a' || previous.word === 'an') && !(token.word in EN_SCALES)) current = [];
    if (previous && previous.word in EN_ORDINALS && !(token.word in EN_SCALES)) flush();
    current.push(token);
  }
  flush();
  return parts;
}

function addEnglishNumber(phrase: string, start: number, out: Raw[]): void {
  const words = phrase.split(/[\s-]+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  // "a"/"an" only count in front of a scale word ("a million"); "one" alone is too often a pronoun.
  if ((lower[0] === 'a' || lower[0] === 'an') && !(lower[1]! in EN_SCALES)) return;
  if (lower.length === 1 && ['one', 'second', 'a', 'an'].includes(lower[0]!)) return;
  if (lower.length === 1 && lower[0]! in EN_SCALES) return; // bare "hundred"/"million" without a count
  const parsed = parseEnglishNumber(words);
  if (!parsed) return;
  out.push({ start, end: start + phrase.length, value: parsed.value, kind: parsed.ordinal ? 'ordinal' : 'cardinal' });
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** True when `word` is an English number word (for callers that tokenise). */
export function isEnglishNumberWord(word: string): boolean {
  return EN_NUMBER_WORD.test(word);
}
