/**
 * Numbers and dates: every number and date of a sentence has its counterpart in the aligned sentence.
 *
 * Precision rules (a check that cries wolf gets switched off):
 * - values are compared, not writings (150,000 ~ 15萬, Seventy-five ~ 75, 75th ~ 75週年);
 * - vague quantities (millions, 數百萬) and numbers inside codes (COVID-19, G20) never count;
 * - numbers that are part of a date or a clock time are compared as dates, not as numbers;
 * - a small number written as a word (one … ten, 一 … 十) that is simply absent on the other side is a free
 *   rendering ("both", "a pair", "首次"), reported only when the other side holds a different number instead.
 */
import { findNumbers, parseChineseNumeral, parseEnglishNumber, type NumberMention } from '../lang/numbers.js';
import { abbreviatedIn, describeDate, findDates, sameDate, type DateMention } from './dates.js';
import type { Draft } from './findings.js';
import type { CheckLexicon } from './lexicon.js';
import { stemEnglish } from '../lang/english.js';
import { locateInBead, sentencesLocation, type Bead, type Pair } from './pair.js';

type Qualifier = 'more' | 'less' | 'about' | 'nearly';

interface Num extends NumberMention {
  qualifier?: Qualifier;
  /** Another value the mention stands for: “Yale and two other universities” counts three. */
  implicit?: number;
}

/** Currency written between a qualifier and its number: "over $3 billion", "about RMB 500". */
const CURRENCY = '(?:(?:US|HK|NT)?\\s?\\$|€|£|¥|RMB\\s?|USD\\s?|EUR\\s?)?';
const en = (words: string) => new RegExp(`\\b(?:${words})\\s+${CURRENCY}$`, 'i');
const EN_QUALIFIERS: Array<[RegExp, Qualifier]> = [
  // Negated comparatives first: "no less than" is at least, "no more than" at most.
  [en('(?:no|not) (?:less|fewer|lower) than'), 'more'],
  [en('(?:no|not) (?:more|higher|greater) than|not exceeding|not over'), 'less'],
  [en('less than|fewer than|lower than|under|below|at most|up to|within'), 'less'],
  [en('more than|higher than|greater than|over|above|in excess of|upwards of|at least|exceeding|exceeds|exceeded'), 'more'],
  [en('about|around|approximately|roughly|some|circa|an estimated|estimated'), 'about'],
  [en('nearly|almost|close to|just under|not quite'), 'nearly'],
];
const ZH_QUALIFIERS_BEFORE: Array<[RegExp, Qualifier]> = [
  [/(?:不少於|不少于|不低於|不低于|至少)$/, 'more'],
  // 不会超过 "will not exceed", 没有超过: a negated 超过 is an upper bound.
  [/(?:不|没|沒|未|不会|不會|不能|不得)(?:超過|超过|多於|多于|高於|高于)$/, 'less'],
  // 不到 "under", but not 做不到 "cannot do", 看不到 "cannot see": only after a non-verb.
  [/(?:不超過|不超过|不高於|不高于|不多於|不多于|(?:^|[^\u4e00-\u9fff]|[还還都才仅僅只])不到|不足)$/, 'less'],
  [/(?:超過|超过|逾|多於|多于|高於|高于|至少|不少於|不少于|不低於|不低于|以上的)$/, 'more'],
  [/(?:(?<!不)少於|(?<!不)少于|(?<!不)低於|(?<!不)低于|未滿|未满|至多|最多)$/, 'less'],
  // 約 but not 節約 "save", 簽約 "sign", 預約 "book" …
  [/(?:(?<![节節制简簡契邀预預公条條合签簽赴守违違誓相和婚])[約约]|大概|估計|估计)$/, 'about'],
  [/(?:近|將近|将近|接近|幾乎|几乎|差不多)$/, 'nearly'],
];
/** 近两年 "the past two years", 近日 "recently": 近 before a time span is not "nearly". */
const RECENT_SPAN = /^[\u4e00-\u9fff]?(?:年|天|日|月|個月|个月|期|周|週|星期)/;
const ZH_QUALIFIERS_AFTER: Array<[RegExp, Qualifier]> = [
  [/^[\u4e00-\u9fff]?(?:多|餘|余|以上|有餘|有余)/, 'more'],
  [/^[\u4e00-\u9fff]?(?:以下|以內|以内)/, 'less'],
  [/^[\u4e00-\u9fff]{0,3}?(?:左右|上下)|^[\u4e00-\u9fff]?(?:許|许)/, 'about'],
];
const EN_QUALIFIERS_AFTER: Array<[RegExp, Qualifier]> = [
  [/^(?:\+|-plus|\s+or more|\s+and more|\s+and above|\s+plus)\b/i, 'more'],
  [/^(?:\s+or (?:less|fewer)|\s+and below)\b/i, 'less'],
  [/^(?:\s+or so)\b/i, 'about'],
];

function qualifierOf(text: string, m: NumberMention): Qualifier | undefined {
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  const after = text.slice(m.end, m.end + 12);
  for (const [re, q] of EN_QUALIFIERS) if (re.test(before)) return q;
  for (const [re, q] of ZH_QUALIFIERS_BEFORE) {
    if (!re.test(before)) continue;
    if (q === 'nearly' && /近$/.test(before) && RECENT_SPAN.test(after)) continue;
    return q;
  }
  for (const [re, q] of [...EN_QUALIFIERS_AFTER, ...ZH_QUALIFIERS_AFTER]) if (re.test(after)) return q;
  // "in her 20s", "early 30s": a plural number is a span of ages, about that number.
  if (/\d$/.test(m.text) && /^s\b/.test(after) && m.value < 100) return 'about';
  return undefined;
}

/** Qualifiers that say the same thing about a number. */
function compatible(x: Qualifier | undefined, y: Qualifier | undefined): boolean {
  if (x === y) return true;
  if (!x || !y) return false;
  const near = new Set<Qualifier>(['about', 'nearly']);
  if (near.has(x) && near.has(y)) return true;
  return (x === 'nearly' && y === 'less') || (x === 'less' && y === 'nearly');
}

const QUALIFIER_WORDS: Record<Qualifier, string> = { more: 'more than', less: 'less than', about: 'about', nearly: 'nearly' };

/**
 * Runs of bare Chinese digit characters shorter than a year are not values: 两三 "two or three", 三四十
 * "thirty or forty", 两两 "pairwise", 六四 "June Fourth".
 */
const ZH_BARE_DIGITS = /^[〇零一二两兩三四五六七八九]{2,3}$/;
const ZH_RANGE_INSIDE = /[一二两兩三四五六七八九]{2}/;

function isChineseRange(text: string): boolean {
  return ZH_BARE_DIGITS.test(text) || ZH_RANGE_INSIDE.test(text);
}

const BIG_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * Corrects readings the shared finder gets wrong in running text: "4.244亿" and "1.5 million" with three
 * decimals are decimals, not thousands separators; 万亿 is 10^12; 2万4801 is one number.
 */
function repaired(text: string, list: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of list) {
    let n = { ...m };
    // "2510 亿": a unit after a space still scales the number.
    // "9千余名": a small unit after digits scales them too (the finder takes only 万 and 亿).
    const smallUnit = /^([十百千])(?![万萬亿億])/.exec(text.slice(n.end));
    if (/^\d+(?:\.\d+)?$/.test(n.text) && smallUnit) n = { ...n, end: n.end + 1, text: n.text + smallUnit[1], value: n.value * ({ 十: 10, 百: 100, 千: 1000 } as Record<string, number>)[smallUnit[1]!]! };
    // "30余万": 余/多 between the digits and their unit — over 300,000.
    const roughUnit = /^([余餘多])([万萬亿億])/.exec(text.slice(n.end));
    if (/^\d+(?:\.\d+)?$/.test(n.text) && roughUnit) n = { ...n, end: n.end + 2, text: n.text + roughUnit[0], value: n.value * BIG_UNIT[roughUnit[2]!]! };
    const spacedUnit = /^\s+([万萬亿億])/.exec(text.slice(n.end));
    if (/^\d[\d.,]*$/.test(n.text) && spacedUnit) n = { ...n, end: n.end + spacedUnit[0].length, text: text.slice(n.start, n.end + spacedUnit[0].length), value: n.value * BIG_UNIT[spacedUnit[1]!]! };
    const scaled = /^(\d{1,3}\.\d{3})\s*(万|萬|亿|億|thousand|million|billion|trillion)$/i.exec(n.text);
    if (scaled) n.value = Number(scaled[1]) * (BIG_UNIT[scaled[2]!] ?? SCALE[scaled[2]!.toLowerCase()]!);
    if (/[万萬]$/.test(n.text) && /^[亿億]/.test(text.slice(n.end))) {
      n = { ...n, end: n.end + 1, text: n.text + text[n.end], value: n.value * 1e8 };
    }
    const previous = out[out.length - 1];
    if (previous && previous.end === n.start && /[万萬亿億]$/.test(previous.text) && n.value < (BIG_UNIT[previous.text.slice(-1)] ?? 0)) {
      out[out.length - 1] = { ...previous, end: n.end, text: previous.text + n.text, value: previous.value + n.value };
      continue;
    }
    out.push(n);
  }
  return out;
}

const SMALL_EN: Record<number, RegExp> = {
  1: /\b(?:one|once|first|single|a|an|alone|only)\b/i,
  2: /\b(?:two|twice|second|both|pair|double|couple|twin)\b/i,
  3: /\b(?:three|third|thrice|triple)\b/i,
  4: /\b(?:four|fourth|quarter)\b/i,
  5: /\b(?:five|fifth)\b/i,
  6: /\b(?:six|sixth)\b/i,
  7: /\b(?:seven|seventh)\b/i,
  8: /\b(?:eight|eighth)\b/i,
  9: /\b(?:nine|ninth)\b/i,
  10: /\b(?:ten|tenth)\b/i,
};
const SMALL_ZH: Record<number, string> = { 1: '一壹首单單', 2: '二两兩贰貳双雙俩倆', 3: '三叁參', 4: '四肆', 5: '五伍', 6: '六陆陸', 7: '七柒', 8: '八捌', 9: '九玖', 10: '十拾' };

const ROUND: Record<number, RegExp> = {
  100: /[百佰]|\bhundred|\bcent(?:enary|ennial|ury)/i,
  1000: /[千仟]|\bthousand/i,
  10000: /[万萬]|\bten thousand/i,
  100000000: /[亿億]|\bhundred million/i,
};

/**
 * A number may hide in a word the finder does not read as one: 一级 "Level 1", "both" for 两, 万元 "10,000 yuan",
 * 百年 "one-hundred-year".
 */
function hiddenSmallNumber(value: number, otherText: string): boolean {
  if (ROUND[value]) return ROUND[value]!.test(otherText);
  if (!Number.isInteger(value) || value < 1 || value > 10) return false;
  return SMALL_EN[value]!.test(otherText) || [...SMALL_ZH[value]!].some((c) => otherText.includes(c));
}

/** List enumerators (“3.”, “(三)”, “三、”) number the text, not the world. */
function isEnumerator(text: string, m: NumberMention): boolean {
  const before = text.slice(0, m.start);
  const after = text.slice(m.end, m.end + 1);
  return /^\s*[(（]?$/.test(before) && /^[.)）、．]$/.test(after);
}

const SPELLED_AFTER_ARTICLE = /\ban?\s+((?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?\s+(?:hundred|thousand|million|billion|trillion))\b/gi;

/** "a six million claim": the finder skips a spelled number after an article, or reads the article as "one". */
function withoutArticle(text: string, found: NumberMention[]): NumberMention[] {
  const list = [...found];
  for (const m of text.matchAll(SPELLED_AFTER_ARTICLE)) {
    const start = m.index! + m[0].length - m[1]!.length;
    if (list.some((n) => n.start < m.index! + m[0].length && start < n.end)) continue;
    const parsed = parseEnglishNumber(m[1]!.split(/[\s-]+/));
    if (parsed) list.push({ start, end: start + m[1]!.length, text: m[1]!, value: parsed.value, kind: 'cardinal' });
  }
  list.sort((x, y) => x.start - y.start);
  return list.map((m) => {
    const words = /^an?\s+(.+)$/i.exec(m.text);
    if (!words || /^(?:hundred|thousand|million|billion|trillion)\b/i.test(words[1]!)) return m;
    const parsed = parseEnglishNumber(words[1]!.split(/[\s-]+/));
    return parsed ? { ...m, start: m.end - words[1]!.length, text: words[1]!, value: parsed.value } : m;
  });
}

/** 十九大 "the 19th (Party) Congress", 十九届四中全会: ordinals the shared finder leaves alone. */
function withCongresses(text: string, list: NumberMention[]): NumberMention[] {
  const extra: NumberMention[] = [];
  for (const m of text.matchAll(/([一二三四五六七八九十]{1,3})(?=大(?![约約概家多量小部])|中全[会會])|(十[一二三四五六七八九])五(?![年个個])/g)) {
    const value = parseChineseNumeral(m[1] ?? m[2]!);
    if (Number.isFinite(value)) extra.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], value, kind: 'ordinal' });
  }
  // 百分之七八十 "70 or 80 per cent": two percentages.
  for (const m of text.matchAll(/百分之([一二三四五六七八九])([一二三四五六七八九])十/g)) {
    for (const [i, c] of [m[1]!, m[2]!].entries()) extra.push({ start: m.index! + 3 + i, end: m.index! + 4 + i + (i ? 1 : 0), text: c, value: parseChineseNumeral(c) * 10, kind: 'percent' });
  }
  // 四成 "40 per cent", 超六成 "over 60%" (成 = tenths); not 完成, 一成不变.
  for (const m of text.matchAll(/([一二两兩三四五六七八九])成(?![立功员員为為本果绩績年都就人长長熟型分交不])/g)) {
    const before = text[m.index! - 1] ?? '';
    if (/[\u4e00-\u9fff]/.test(before) && !/[超近约約逾占佔有达達了的将將]/.test(before)) continue;
    extra.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], value: parseChineseNumeral(m[1]!) * 10, kind: 'percent' });
  }
  if (!extra.length) return list;
  // These readings win over the finder's for the same characters (十四五 is not the range 四五).
  const kept = list.filter((n) => !extra.some((e) => n.start < e.end && e.start < n.end));
  return [...kept, ...extra].sort((x, y) => x.start - y.start);
}

/** The numbers of a text that must have a counterpart, with their qualifiers; dates masked out. */
/** Cheap test before the full finder: digits, Chinese numerals or an English number word. */
const MAY_HOLD_NUMBER = /[0-9０-９〇零一二两兩三四五六七八九十百千万萬亿億]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+(?:teenth|tieth)|dozens|scores|hundreds|thousands|millions|billions)\b/i;

function comparableNumbers(text: string, dates: DateMention[], codes?: number[]): Num[] {
  const out: Num[] = [];
  if (!MAY_HOLD_NUMBER.test(text)) return out;
  // Digits glued to letters (windows11, office2019, to15) the finder skips: codes, kept for the other side's sake.
  for (const m of text.matchAll(/[A-Za-z][-‐]?(\d+(?:\.\d+)?)/g)) codes?.push(Number(m[1]));
  for (const m of withCongresses(text, repaired(text, withoutArticle(text, findNumbers(text))))) {
    if (m.approximate || (m.kind !== 'ordinal' && m.kind !== 'percent' && isChineseRange(m.text)) || isEnumerator(text, m)) continue;
    // 伍 and the other financial numerals are ordinary characters (队伍 "team") unless they come in a run.
    if (/^[壹贰貳叁參肆伍陆陸柒捌玖]/.test(m.text) && /[\u4e00-\u9fff]/.test(text[m.start - 1] ?? '') && !/[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟零]/.test(text[m.start - 1]!)) continue;
    if (/^[壹贰貳叁參肆伍陆陸柒捌玖]$/.test(m.text)) continue;
    // A bare unit (百, 万 in 数以万计) is not a count; "second one" is an ordinal and a pronoun, not 3.
    if (/^[十百千万萬亿億]$/.test(m.text) || /\b(?:first|second|third|[a-z]+th)\b\s+\w/i.test(m.text)) continue;
    // "five and six" is a list of two numbers, not eleven.
    if (/\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine)\b/i.test(m.text)) continue;
    if (dates.some((d) => m.start < d.end && d.start < m.end)) continue;
    // Part of a code or name: COVID-19, G20, MH370, 5G, 3D, windows11. Kept aside: "Windows 11" on the other side.
    if (/[A-Za-z][-‐]?$|[\p{L}][-‐]$/u.test(text.slice(Math.max(0, m.start - 2), m.start)) || /^[A-Z](?![A-Za-z])/.test(text.slice(m.end, m.end + 2))) {
      codes?.push(m.value);
      continue;
    }
    // The number of a term spelled out before its code: "coronavirus disease 2019 (COVID-19)", "Group of 20 (G20)".
    const expands = /^\s*[(（]\s*[A-Za-z]+[-‐]?(\d+)[)）]?/.exec(text.slice(m.end, m.end + 20));
    if (expands && (Number(expands[1]) === m.value || Number(expands[1]) === m.value % 100)) {
      codes?.push(m.value, Number(expands[1]));
      continue;
    }
    // "Yale and two other universities", "X plus three more": the count includes the one named before.
    const additive = /\b(?:and|plus|with)\s+$/i.test(text.slice(Math.max(0, m.start - 6), m.start)) && /^\s+(?:other|others|more|further)\b/i.test(text.slice(m.end, m.end + 10));
    out.push({ ...m, qualifier: qualifierOf(text, m), ...(additive ? { implicit: m.value + 1 } : {}) });
  }
  return out;
}

/** 20世纪 ~ "the 1960s": a century number stands for the years and decades in it. */
function centuryOf(n: Num, dateValues: number[]): boolean {
  return !!n.unit && /^世/.test(n.unit) && dateValues.some((v) => v >= 1000 && Math.floor(v / 100) === n.value - 1);
}

/** 95后 "born after 1995": a two-digit number standing for a year. */
function shortYear(n: Num, year: Num): boolean {
  // An ordinal is no year: “the 21st Congress” does not stand for 2021.
  return n.kind !== 'ordinal' && n.value >= 0 && n.value < 100 && Number.isInteger(n.value) && year.kind === 'year' && year.value % 100 === n.value;
}

const sameValue = (x: number, y: number) => x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));

/** Written with digits, or large enough that no translator drops it silently. */
const significant = (n: Num) => (/\d/.test(n.text) && n.value !== 1) || n.value > 10 || n.kind === 'percent';

function label(n: Num): string {
  return n.kind === 'year' ? `year ${n.text}` : `“${n.text}”`;
}

export function checkNumbers(pair: Pair, lexicon?: CheckLexicon): Draft[] {
  const drafts: Draft[] = [];
  const compared: Compared[] = [];
  for (const bead of pair.beads) {
    if (!bead.a.length || !bead.b.length) continue;
    const result = compareBead(bead, () => termNumbers(pair, bead, lexicon));
    drafts.push(...result.drafts);
    compared.push(result);
  }
  // A number the translator moved across a sentence boundary (“… 3 cases.” | “Of these, 12 …”) is unmatched in
  // one bead and its counterpart unmatched in the neighbouring one: a different sentence division, not an error.
  for (const [i, here] of compared.entries()) {
    for (const near of [compared[i - 1], compared[i + 1]]) {
      if (!near) continue;
      for (const [mine, theirs] of [[here.unmatchedA, near.unmatchedB], [here.unmatchedB, near.unmatchedA]] as const) {
        for (const n of [...mine]) {
          const j = theirs.findIndex((m) => !m.qualifier === !n.qualifier && sameValue(n.value, m.value) && significant(n));
          if (j < 0) continue;
          mine.splice(mine.indexOf(n), 1);
          theirs.splice(j, 1);
        }
      }
    }
  }
  for (const c of compared) drafts.push(...unmatchedDrafts(c));
  return drafts;
}

interface Compared {
  bead: Bead;
  drafts: Draft[];
  unmatchedA: Num[];
  unmatchedB: Num[];
}

/**
 * Values the Chinese side of a bead says inside a lexicon term whose gloss spells the number out: 五毛 “fifty
 * cents”, 三峡 “Three Gorges”. The English number then renders the term, not a count of its own.
 */
function termNumbers(pair: Pair, bead: Bead, lexicon?: CheckLexicon): Set<string> {
  const out = new Set<string>();
  if (!lexicon || pair.a.isChinese === pair.b.isChinese) return out;
  const chinese = pair.a.isChinese ? bead.aText : bead.bText;
  if (!/[〇零一二两兩三四五六七八九十百千万萬亿億0-9]/.test(chinese)) return out;
  for (const word of lexicon.segment(chinese)) {
    if (word.length < 2 || !/[〇零一二两兩三四五六七八九十百千万萬亿億0-9]/.test(word)) continue;
    for (const g of lexicon.glosses(word)) out.add(g);
  }
  return out;
}

/** `termGlossesOf` segments the bead's Chinese: it is called only when some number is left without a counterpart. */
function compareBead(bead: Bead, termGlossesOf: () => Set<string>): Compared {
  const drafts: Draft[] = [];
  const datesA = findDates(bead.aText);
  const datesB = findDates(bead.bText);
  drafts.push(...compareDates(bead, datesA, datesB));
  const codesA: number[] = [];
  const codesB: number[] = [];
  // An English number left without a counterpart that spells out a Chinese term's numeral (“fifty” for 五毛) is
  // part of the term's rendering.
  let termGlosses: Set<string> | undefined;
  const inTerm = (text: string) => (n: Num) => {
    termGlosses ??= termGlossesOf();
    return !termGlosses.size || !text.slice(n.start, n.end).split(/[\s-]+/).every((w) => termGlosses!.has(stemEnglish(w)) || termGlosses!.has(w));
  };
  const numsA = comparableNumbers(bead.aText, datesA, codesA);
  const numsB = comparableNumbers(bead.bText, datesB, codesB);
  if (!numsA.length && !numsB.length) return { bead, drafts, unmatchedA: [], unmatchedB: [] };
  // A number inside a date on one side may stand alone on the other (“in 1949” ~ “1949年9月”, “8 to 10” ~ “10日”).
  const parts = (d: DateMention) => [d.year, d.day, d.month, d.decade, d.hour, d.minute, d.hour !== undefined && d.hour > 12 ? d.hour - 12 : undefined];
  const dateValuesA = datesA.flatMap(parts).filter((v): v is number => v !== undefined);
  const dateValuesB = datesB.flatMap(parts).filter((v): v is number => v !== undefined);
  const counterpartIn = (n: Num, nums: Num[], dateValues: number[], codes: number[], otherText: string) =>
    nums.some((m) => sameValue(n.value, m.value) || (n.implicit !== undefined && sameValue(n.implicit, m.value)) || (m.implicit !== undefined && sameValue(n.value, m.implicit)) || shortYear(n, m) || shortYear(m, n)) ||
    dateValues.includes(n.value) ||
    codes.includes(n.value) ||
    centuryOf(n, dateValues) ||
    hiddenSmallNumber(n.value, otherText);
  const unmatchedA = numsA.filter((n) => !counterpartIn(n, numsB, dateValuesB, codesB, bead.bText)).filter(inTerm(bead.aText));
  const unmatchedB = numsB.filter((n) => !counterpartIn(n, numsA, dateValuesA, codesA, bead.aText)).filter(inTerm(bead.bText));

  // Qualifiers of numbers present on both sides.
  for (const n of numsA) {
    const m = numsB.find((x) => sameValue(n.value, x.value));
    // A qualifier only the translation has is mostly one the source says in a way not recognised here: not reported.
    if (!m || compatible(n.qualifier, m.qualifier) || !n.qualifier) continue;
    const what = n.qualifier ? `“${QUALIFIER_WORDS[n.qualifier]} ${n.text}”` : `“${n.text}”`;
    const now = m.qualifier ? `“${QUALIFIER_WORDS[m.qualifier]} ${m.text}”` : `plain “${m.text}”`;
    drafts.push({
      kind: 'number',
      severity: 'minor',
      message: `Qualifier ${n.qualifier && !m.qualifier ? 'dropped' : m.qualifier && !n.qualifier ? 'added' : 'changed'}: source says ${what}, translation says ${now}.`,
      ...locPair(bead, n, m),
    });
  }
  return { bead, drafts, unmatchedA, unmatchedB };
}

/** Findings for the numbers of a bead left without a counterpart. */
function unmatchedDrafts({ bead, unmatchedA, unmatchedB }: Compared): Draft[] {
  const drafts: Draft[] = [];
  const pairedB = new Set<Num>();
  for (const n of unmatchedA) {
    const candidates = unmatchedB.filter((m) => !pairedB.has(m));
    // Pair with the unmatched number of the nearest magnitude: 31 for 30 rather than 1949.
    const m = candidates.sort((x, y) => Math.abs(Math.log10(Math.abs(x.value) + 1) - Math.log10(Math.abs(n.value) + 1)) - Math.abs(Math.log10(Math.abs(y.value) + 1) - Math.log10(Math.abs(n.value) + 1)))[0];
    if (m) {
      pairedB.add(m);
      drafts.push({
        kind: 'number',
        severity: 'major',
        message: `Number differs: ${label(n)} in the source (${fmt(n.value)}), ${label(m)} in the translation (${fmt(m.value)}).`,
        ...locPair(bead, n, m),
      });
    } else if (significant(n)) {
      drafts.push({
        kind: 'number',
        severity: 'major',
        message: `${capital(label(n))} (${fmt(n.value)}) in the source has no counterpart in the translation.`,
        ...locPair(bead, n, undefined),
      });
    }
  }
  // With nothing in the source left unexplained, a year or an ordinal only the translation has is mostly made
  // explicit for the reader (“the 19th Central Committee” for 全会, “Beijing 2022” for 北京冬奥会): worth a look only.
  const explicitation = !unmatchedA.length;
  for (const m of unmatchedB) {
    if (pairedB.has(m) || !significant(m)) continue;
    const added = explicitation && (m.kind === 'year' || m.kind === 'ordinal');
    drafts.push({
      kind: 'number',
      severity: added ? 'info' : 'major',
      message: `${capital(label(m))} (${fmt(m.value)}) in the translation is not in the source${added ? ' — probably added for explicitness; check it is right.' : '.'}`,
      // A year added next to an unexplained source number is minor: context, or the source's number rewritten.
      ...(m.kind === 'year' && !added ? { severity: 'minor' as const } : {}),
      ...locPair(bead, undefined, m),
    });
  }
  return drafts;
}

function compareDates(bead: Bead, datesA: DateMention[], datesB: DateMention[]): Draft[] {
  const drafts: Draft[] = [];
  const unmatchedA = datesA.filter((d) => !datesB.some((e) => sameDate(d, e)) && !abbreviatedIn(d, bead.bText));
  const unmatchedB = datesB.filter((e) => !datesA.some((d) => sameDate(d, e)) && !abbreviatedIn(e, bead.aText));
  const used = new Set<DateMention>();
  for (const d of unmatchedA) {
    const isTime = d.hour !== undefined;
    const e = unmatchedB.find((x) => !used.has(x) && (x.hour !== undefined) === isTime);
    if (e) {
      used.add(e);
      drafts.push({
        kind: 'date',
        severity: 'major',
        message: `${isTime ? 'Time' : 'Date'} differs: “${d.text}” (${describeDate(d)}) in the source, “${e.text}” (${describeDate(e)}) in the translation.`,
        ...locPair(bead, d, e),
      });
    } else if (d.day !== undefined && d.month !== undefined) {
      drafts.push({
        kind: 'date',
        severity: 'minor',
        message: `Date “${d.text}” (${describeDate(d)}) in the source has no counterpart in the translation.`,
        ...locPair(bead, d, undefined),
      });
    }
  }
  for (const e of unmatchedB) {
    if (used.has(e) || e.day === undefined || e.month === undefined) continue;
    drafts.push({
      kind: 'date',
      severity: 'minor',
      message: `Date “${e.text}” (${describeDate(e)}) in the translation is not in the source.`,
      ...locPair(bead, undefined, e),
    });
  }
  return drafts;
}

function locPair(bead: Bead, x: { start: number; end: number } | undefined, y: { start: number; end: number } | undefined): Pick<Draft, 'a' | 'b' | 'evidence'> {
  const a = x ? locateInBead(bead.a, x.start, x.end) : undefined;
  const b = y ? locateInBead(bead.b, y.start, y.end) : undefined;
  // Without a span on one side, point at the whole aligned sentence there.
  const wholeA = a ?? sentencesLocation(bead.a);
  const wholeB = b ?? sentencesLocation(bead.b);
  return { a: wholeA, b: wholeB, evidence: [a, b].filter((l): l is NonNullable<typeof l> => !!l) };
}

/** What `toLocaleString('en-US')` gives, with the formatter built once rather than on every call. */
const EN_US_NUMBER = new Intl.NumberFormat('en-US');
const fmt = (v: number) => (Number.isInteger(v) ? EN_US_NUMBER.format(v) : String(v));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
