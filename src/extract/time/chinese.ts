/**
 * Chinese time-expression rules (Traditional and Simplified alike): 1949年10月12日, 一九四九年九月, 8月27日, 三十年代,
 * 21世紀, 去年, 上個月, 七十五年, 75週年, 自1949年10月至1954年1月, 每天 … Same shape as the English rules: a pattern
 * and what it means; `resolve.ts` supplies the year or the date from context.
 */
import type { Point } from './calendar.js';
import { removeOverlaps } from './english.js';
import type { Candidate, Meaning, TimexType } from './types.js';
import { chineseNumber, durationValue as englishDurationValue } from './words.js';

interface Rule {
  re: RegExp;
  type: TimexType;
  priority?: number;
  /** A cheap test every match of `re` passes (a character it cannot match without): when it fails on a text, `re`
   *  is not run on it. Most rules find nothing in most sentences, and their patterns try every position. */
  needs?: RegExp;
  /** Characters at the end of the match that are context, not extent (來 in 七十五年來). */
  trail?(m: RegExpExecArray): number;
  make(m: RegExpExecArray, text: string): Meaning | null;
}

/** Full-width digits are common in Chinese text; offsets stay the same because each is one code unit. */
function digits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const D = '[0-9０-９]';
const CN = '[〇零一二兩两三四五六七八九十百千]';
const YEAR = `(?:(公元|西元|民國|民国)\\s?)?(${D}{4}|[一二][〇零一二三四五六七八九]{3}|${D}{1,3}(?=年)(?<=(?:民國|民国)\\s?${D}{1,3}))\\s?年`;
const MONTH = `(${D}{1,2}|十[一二]?|[一二三四五六七八九])\\s?月份?`;
const DAY = `(${D}{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\\s?[日號号]`;
const EDGE = '(初|底|末|上旬|中旬|下旬|中期|前後|前后|左右)?';
const NUM = `(${D}+(?:\\.${D}+)?|${CN}+|半)`;

function num(raw: string): number | undefined {
  const s = digits(raw);
  if (s === '半') return 0.5;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  // 一九四九 is read digit by digit, 七十五 as a number.
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s)) return Number([...s].map((c) => chineseNumber(c)).join(''));
  return chineseNumber(s);
}

function yearOf(era: string | undefined, raw: string): number | undefined {
  const y = num(raw);
  if (y === undefined) return undefined;
  return era === '民國' || era === '民国' ? y + 1911 : y;
}

function edgeMod(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (/初|上旬/.test(raw)) return 'START';
  if (/中/.test(raw)) return 'MID';
  if (/底|末|下旬/.test(raw)) return 'END';
  if (/前後|前后|左右/.test(raw)) return 'APPROX';
  return undefined;
}

const UNIT_CODES: Record<string, { code: string; gran: Point['gran']; time?: boolean }> = {
  年: { code: 'Y', gran: 'year' }, 月: { code: 'M', gran: 'month' }, 週: { code: 'W', gran: 'week' }, 周: { code: 'W', gran: 'week' },
  星期: { code: 'W', gran: 'week' }, 禮拜: { code: 'W', gran: 'week' }, 礼拜: { code: 'W', gran: 'week' }, 天: { code: 'D', gran: 'day' }, 日: { code: 'D', gran: 'day' },
  小時: { code: 'H', gran: 'hour', time: true }, 小时: { code: 'H', gran: 'hour', time: true }, 鐘頭: { code: 'H', gran: 'hour', time: true }, 钟头: { code: 'H', gran: 'hour', time: true },
  分鐘: { code: 'M', gran: 'minute', time: true }, 分钟: { code: 'M', gran: 'minute', time: true }, 秒: { code: 'S', gran: 'minute', time: true }, 秒鐘: { code: 'S', gran: 'minute', time: true }, 秒钟: { code: 'S', gran: 'minute', time: true },
  世紀: { code: 'CE', gran: 'century' }, 世纪: { code: 'CE', gran: 'century' }, 季度: { code: 'Q', gran: 'quarter' }, 季: { code: 'Q', gran: 'quarter' },
};
const UNIT = '(年|個月|个月|月|個週|个周|週|周|個星期|个星期|星期|禮拜|礼拜|天|日|個小時|个小时|小時|小时|鐘頭|钟头|分鐘|分钟|秒鐘|秒钟|秒|世紀|世纪|季度)';
const unitOf = (raw: string) => UNIT_CODES[raw.replace(/^[個个]/, '')] ?? UNIT_CODES[raw]!;

const ENGLISH_UNIT: Record<string, string> = { Y: 'year', W: 'week', D: 'day', H: 'hour', S: 'second', CE: 'century', Q: 'quarter' };
function durationValue(n: number | undefined, unitRaw: string): string {
  const u = unitOf(unitRaw);
  const unit = u.code === 'M' ? (u.time ? 'minute' : 'month') : ENGLISH_UNIT[u.code]!;
  return englishDurationValue(n, unit); // same TimeML rules: 半小時 → PT30M, 兩季 → P6M
}

/** 數十年, 幾十年 → decades; 數年, 幾個月 → unknown count of that unit. */
const VAGUE = '(數|数|幾|几|若干|多|好幾|好几)(十|百)?';
const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };
const PART_OF_DAY: Record<string, string> = {
  上午: 'MO', 早上: 'MO', 清晨: 'MO', 凌晨: 'MO', 早晨: 'MO', 中午: 'MI', 下午: 'AF', 傍晚: 'EV', 晚上: 'EV', 晚間: 'EV', 晚间: 'EV', 夜間: 'NI', 夜间: 'NI', 夜裡: 'NI', 夜里: 'NI', 深夜: 'NI', 今晨: 'MO', 今早: 'MO', 今晚: 'EV', 昨晚: 'NI', 昨夜: 'NI', 明晚: 'EV',
};
const PART = '(上午|早上|清晨|凌晨|早晨|中午|下午|傍晚|晚上|晚間|晚间|夜間|夜间|夜裡|夜里|深夜)';

const RULES: Rule[] = [
  {
    // 1949年10月12日 · 一九四九年九月 · 1949年9月下旬 · 民國38年10月 · 1949年 · 1949年底
    re: new RegExp(`${YEAR}(?:${MONTH}(?:${DAY})?)?${EDGE}`, 'g'),
    needs: /年/,
    type: 'DATE',
    make: (m) => {
      const year = yearOf(m[1], m[2]!);
      if (year === undefined) return null;
      const mod = edgeMod(m[5]);
      if (!m[3]) return { kind: 'point', point: { gran: 'year', year }, mod };
      const month = num(m[3])!;
      if (month < 1 || month > 12) return null;
      if (!m[4]) return { kind: 'point', point: { gran: 'month', year, month }, mod };
      const day = num(m[4])!;
      if (day < 1 || day > 31) return null;
      return { kind: 'point', point: { gran: 'day', year, month, day }, mod };
    },
  },
  {
    // 8月27日 · 十月一日 · 3月 · 3月初 — months alone only as 月 not 個月
    re: new RegExp(`(?<![0-9０-９〇零一二三四五六七八九十個个年])${MONTH}(?:${DAY})?${EDGE}`, 'g'),
    needs: /月/,
    type: 'DATE',
    priority: -1,
    make: (m) => {
      const month = num(m[1]!)!;
      if (month < 1 || month > 12) return null;
      const day = m[2] ? num(m[2]) : undefined;
      if (day !== undefined && (day < 1 || day > 31)) return null;
      return { kind: 'partial', gran: day === undefined ? 'month' : 'day', month, day, mod: edgeMod(m[3]) };
    },
  },
  {
    // 27日 · 27號 — a day of the month alone
    re: new RegExp(`(?<![0-9０-９〇零一二三四五六七八九十月年])(${D}{1,2})\\s?[日號号](?![本報报元语語记記期志])`, 'g'),
    needs: /[日號号]/,
    type: 'DATE',
    priority: -2,
    make: (m) => {
      const day = num(m[1]!)!;
      if (day < 1 || day > 31) return null;
      return { kind: 'relative', gran: 'month', offset: 0, from: 'ref', dayOfMonth: day } as unknown as Meaning;
    },
  },
  {
    // 1930年代 · 三十年代 · 20世紀30年代 · 二十世紀三十年代
    re: new RegExp(`(?:(?:(${D}{1,2}|${CN}+)|(上|本))\\s?(?:個|个)?世[紀纪])?(${D}{4}|${D}0|[一二三四五六七八九]十)\\s?年代(初|初期|中期|末|末期)?`, 'g'),
    needs: /年代/,
    type: 'DATE',
    make: (m0) => {
      const m = [m0[0], m0[1], m0[3], m0[4]] as unknown as RegExpExecArray;
      const raw = digits(m[2]!);
      let decade: number;
      if (/^\d{4}$/.test(raw)) decade = Number(raw);
      else {
        const tens = num(raw)!;
        // 上世紀 / 本世紀 are relative to the present; written in this century, 上世紀九十年代 is the 1990s.
        const century = m[1] ? num(m[1])! - 1 : m0[2] === '本' ? 20 : 19;
        decade = century * 100 + tens;
      }
      if (decade % 10 !== 0) return null;
      return { kind: 'point', point: { gran: 'decade', year: decade }, mod: edgeMod(m[3]) };
    },
  },
  {
    // 21世紀 · 二十一世纪 · 本世紀 · 上世紀 · 21世紀初
    re: new RegExp(`(?:(${D}{1,2}|${CN}+)|(本|上|下|這個|这个|上個|上个))\\s?世[紀纪](初|初期|中期|中葉|中叶|末|末期)?(?!\\s?${D}|[一二三四五六七八九]十年代)`, 'g'),
    needs: /世[紀纪]/,
    type: 'DATE',
    make: (m) => {
      const mod = edgeMod(m[3]?.replace('中葉', '中').replace('中叶', '中'));
      if (m[2]) {
        const offset = /上/.test(m[2]) ? -1 : /下/.test(m[2]) ? 1 : 0;
        return { kind: 'relative', gran: 'century', offset, from: 'dct', mod };
      }
      const n = num(m[1]!);
      if (!n || n > 30) return null;
      return { kind: 'point', point: { gran: 'century', year: (n - 1) * 100 }, mod };
    },
  },
  {
    // 今天 · 昨日 · 明天 · 前天 · 後天 · 今晚 · 昨晚 · 今年 · 去年 · 明年 · 前年 · 後年 · 同年 · 當年
    re: /(大前天|大後天|大后天|今天|今日|昨天|昨日|明天|明日|前天|後天|后天|今晨|今早|今晚|昨晚|昨夜|明晚|今年|去年|明年|前年|後年|后年|同年|當年|当年|翌年|次年|隔年|同日|當天|当天|當日|当日|翌日|次日|隔天)(?:(初|底|末|上半年|下半年|年初|年底|年末)|(?<=年)(?:(\d{1,2}|十[一二]?|[一二三四五六七八九])\s?月(?:(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s?[日號号])?))?/g,
    needs: /[天日晨早晚夜年]/,
    type: 'DATE',
    make: (m) => {
      const w = m[1]!;
      const dayOffsets: Record<string, number> = { 大前天: -3, 大後天: 3, 大后天: 3, 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 明天: 1, 明日: 1, 前天: -2, 後天: 2, 后天: 2, 今晨: 0, 今早: 0, 今晚: 0, 昨晚: -1, 昨夜: -1, 明晚: 1 };
      if (w in dayOffsets) {
        const partOfDay = PART_OF_DAY[w];
        return { kind: 'relative', gran: 'day', offset: dayOffsets[w]!, from: 'dct', partOfDay, timeType: partOfDay ? 'TIME' : 'DATE' };
      }
      const refDays: Record<string, number> = { 同日: 0, 當天: 0, 当天: 0, 當日: 0, 当日: 0, 翌日: 1, 次日: 1, 隔天: 1 };
      if (w in refDays) return { kind: 'relative', gran: 'day', offset: refDays[w]!, from: 'ref' };
      const yearOffsets: Record<string, number> = { 今年: 0, 去年: -1, 明年: 1, 前年: -2, 後年: 2, 后年: 2, 同年: 0, 當年: 0, 当年: 0, 翌年: 1, 次年: 1, 隔年: 1 };
      const from = /同|當|当|翌|次|隔/.test(w) ? 'ref' : 'dct';
      const suffix = m[2];
      const half = suffix === '上半年' ? 1 : suffix === '下半年' ? 2 : undefined;
      const mod = half ? undefined : edgeMod(suffix?.replace(/^年/, ''));
      if (m[3]) {
        // 今年1月, 去年12月5日: a month (and day) of a relative year
        const month = num(m[3])!;
        const day = m[4] ? num(m[4]) : undefined;
        if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return null;
        return { kind: 'relative', gran: 'year', offset: yearOffsets[w]!, from, inYear: { month, day } };
      }
      return { kind: 'relative', gran: 'year', offset: yearOffsets[w]!, from, half, mod };
    },
  },
  {
    // 本月 · 上個月 · 下月 · 這個月 · 當月 · 本週 · 上星期 · 下禮拜 · 本季度 · 上半年 · 週末
    re: /(本|上|下|這個|这个|這|这|上個|上个|下個|下个|當|当|同|次)(月|週|周|星期|禮拜|礼拜|季度|季)(初|底|末|中旬|上旬|下旬)?/g,
    needs: /[月週周期拜季]/,
    type: 'DATE',
    priority: -1,
    make: (m, text) => {
      const det = m[1]!;
      const unit = m[2]!;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 1);
      if ((unit === '週' || unit === '周' || unit === '星期' || unit === '禮拜' || unit === '礼拜') && /[一二三四五六日天]/.test(after)) return null; // 上週五: a weekday
      if (det === '次' && unit !== '月') return null;
      if (/^(下|上)$/.test(det) && unit === '月' && /^[旬]/.test(after)) return null;
      const offset = /上/.test(det) ? -1 : /下|次/.test(det) ? 1 : 0;
      const from = /當|当|同|次/.test(det) ? 'ref' : 'dct';
      const gran: Point['gran'] = unit === '月' ? 'month' : unit.startsWith('季') ? 'quarter' : 'week';
      return { kind: 'relative', gran, offset, from, mod: edgeMod(m[3]) };
    },
  },
  {
    // 星期五 · 週一 · 上週五 · 下星期一 · 禮拜天
    re: /(上|下|本|這|这)?(?:個|个)?(星期|週|周|禮拜|礼拜)([一二三四五六日天])(?:(上午|下午|晚上|早上|中午))?/g,
    needs: /[期週周拜]/,
    type: 'DATE',
    priority: 1,
    make: (m) => {
      const dow = WEEKDAYS[m[3]!]!;
      const dir = m[1] ? (m[1] === '上' ? -1 : m[1] === '下' ? 1 : 0) : undefined;
      return { kind: 'weekday', dow, dir, partOfDay: m[4] ? PART_OF_DAY[m[4]] : undefined };
    },
  },
  {
    // 上午10時 · 下午3點半 · 晚上8点30分 · 10時30分
    re: new RegExp(`${PART}?(${D}{1,2}|${CN}{1,3})\\s?[時时點点](?:(${D}{1,2}|${CN}{1,3})\\s?分|(半)|(${D})刻)?`, 'g'),
    needs: /[時时點点]/,
    type: 'TIME',
    make: (m, text) => {
      let hour = num(m[2]!);
      if (hour === undefined || hour > 24) return null;
      // "三點" after 第 or before 鐘頭 is not a clock time; "5點" in "5點建議" is an item.
      if (/^[鐘钟]頭|^[鐘钟]头|^建議|^建议|^原則|^原则|^要求/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2)) && !m[1]) return null;
      if (/第$/.test(text.slice(Math.max(0, m.index - 1), m.index))) return null;
      const part = m[1];
      if (part && /下午|晚上|晚間|晚间|傍晚/.test(part) && hour < 12) hour += 12;
      const minute = m[3] ? num(m[3]) : m[4] ? 30 : m[5] ? Number(digits(m[5])) * 15 : 0;
      if (minute === undefined || minute > 59) return null;
      // 一點 is also "a little", 一時 "for a moment", 3點 "three points": a bare hour is a clock time only with a
      // part of the day, minutes, 鐘/整 after it, or an Arabic hour before 時.
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 1);
      const clockLike = part || m[3] || m[4] || m[5] || /^[鐘钟整]/.test(after) || (/[時时]$/.test(m[0]) && /^[0-9０-９]/.test(m[2]!));
      if (!clockLike) return null;
      return { kind: 'clock', hour, minute };
    },
  },
  {
    // 上午 · 下午 · 晚上 alone: a part of the day
    re: new RegExp(`${PART}(?![${'0-9０-９'}〇零一二三四五六七八九十])`, 'g'),
    needs: /[午晨晚夜早]/,
    type: 'TIME',
    priority: -3,
    make: (m) => ({ kind: 'clock', partOfDay: PART_OF_DAY[m[1]!] }),
  },
  {
    // 75週年 · 七十五周年
    re: new RegExp(`${NUM}\\s?(?:週年|周年)`, 'g'),
    needs: /[週周]年/,
    type: 'DATE',
    priority: 1,
    make: (m) => {
      const n = num(m[1]!);
      return n && Number.isInteger(n) ? { kind: 'anniversary', n } : null;
    },
  },
  {
    // 75年後 · 三天前 · 兩個月後 · 幾十年後 · 數年前
    re: new RegExp(`(?:${NUM}|${VAGUE})\\s?(?:多)?${UNIT}(?:之)?(後|后|前|以後|以后|以前|以來|以来|來|来)`, 'g'),
    needs: /[後后前來来]/,
    type: 'DATE',
    priority: 1,
    trail: (m) => (/來|来/.test(m[5]!) ? m[5]!.length : 0),
    make: (m) => {
      const unitRaw = m[4]!;
      if (unitRaw === '月' || unitRaw === '日') return null; // 3月前 is "before March"
      if (unitRaw === '年' && m[1] && /^([0-9０-９]{4}|[〇零一二三四五六七八九]{4})$/.test(m[1])) return null; // 2000年以前 is "before 2000"
      const vague = m[2] !== undefined || (!!m[1] && /^[一二兩两三四五六七八九]{2}$/.test(m[1]) && !/^(.)\1$/.test(m[1]));
      const n = vague ? undefined : num(m[1]!);
      if (!vague && (n === undefined || !Number.isInteger(n))) return null;
      const u = unitOf(unitRaw);
      const word = m[5]!;
      if (/來|来/.test(word)) {
        // 75年來: the past 75 years
        const value = vague ? (m[3] === '十' ? 'PXDE' : m[3] === '百' ? 'PXCE' : durationValue(undefined, unitRaw)) : durationValue(n, unitRaw);
        return { kind: 'duration', value, anchoredPast: n !== undefined ? { n, gran: u.gran } : undefined };
      }
      const dir = /前/.test(word) ? -1 : 1;
      if (vague) return { kind: 'offset', n: undefined, gran: m[3] === '十' && u.gran === 'year' ? 'decade' : m[3] === '百' && u.gran === 'year' ? 'century' : u.gran, dir, from: dir < 0 ? 'dct' : 'ref' };
      return { kind: 'offset', n, gran: u.gran, dir, from: dir < 0 ? 'dct' : 'ref' };
    },
  },
  {
    // 過去的75年 · 七十五年 · 三個月 · 超過十年 · 近兩週 · 數十年 · 未來五年 · 十多年
    re: new RegExp(`(?:(過去|过去|最近|近|未來|未来|今後|今后|此後|此后|接下來|接下来)的?\\s?)?(約|约|大約|大约|將近|将近|近|超過|超过|逾|不到|至少|長達|长达|約莫)?(?:${NUM}|${VAGUE})\\s?(多)?${UNIT}(多)?`, 'g'),
    needs: /[年月週周期拜天日時时頭头鐘钟秒紀纪季]/,
    type: 'DURATION',
    make: (m, text) => {
      const unitRaw = m[7]!;
      const anchorWord = m[1];
      const numRaw = m[3];
      // 一兩年, 三四個月: "one or two years" — a count we do not know exactly.
      const vague = m[4] !== undefined || (!!numRaw && /^[一二兩两三四五六七八九]{2}$/.test(numRaw) && !/^(.)\1$/.test(numRaw));
      if (unitRaw === '月' || unitRaw === '日') {
        // "三月" is March and "三日" the third; only 天 / 個月 count days and months.
        return null;
      }
      const n = vague ? undefined : num(numRaw!);
      if (!vague && n === undefined) return null;
      if (unitRaw === '年' && numRaw && /^([0-9０-９]{4}|[〇零一二三四五六七八九]{4})$/.test(numRaw)) return null; // 1949年 is a year
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 1);
      if (unitRaw === '年' && /^[代級级度初底末份]/.test(after)) return null;
      const u = unitOf(unitRaw);
      let value = vague ? (m[5] === '十' ? (u.gran === 'year' ? 'PXDE' : durationValue(undefined, unitRaw)) : m[5] === '百' && u.gran === 'year' ? 'PXCE' : durationValue(undefined, unitRaw)) : durationValue(n, unitRaw);
      if (vague && m[5] === '十' && u.gran !== 'year') value = durationValue(undefined, unitRaw);
      const q = m[2];
      let mod: string | undefined;
      if (q) mod = /超過|超过|逾|長達|长达/.test(q) ? 'MORE_THAN' : /至少/.test(q) ? 'EQUAL_OR_MORE' : /不到|將近|将近|近/.test(q) ? 'LESS_THAN' : 'APPROX';
      if ((m[6] || m[8]) && !vague) mod = 'MORE_THAN'; // 十多年
      const past = anchorWord && /過去|过去|最近|近/.test(anchorWord);
      const future = anchorWord && /未來|未来|今後|今后|此後|此后|接下/.test(anchorWord);
      if (past && n !== undefined) return { kind: 'duration', value, mod, anchoredPast: { n, gran: u.gran } };
      if (future && n !== undefined) return { kind: 'duration', value, mod, anchoredFuture: { n, gran: u.gran } };
      return { kind: 'duration', value, mod };
    },
  },
  {
    // 第三季度 · 2024年第一季 · 上半年 · 下半年 · 年初 · 年底
    re: new RegExp(`(?:${YEAR})?(?:第([一二三四1-4])季度?|(上半年|下半年))`, 'g'),
    needs: /第|半年/,
    type: 'DATE',
    make: (m) => {
      const year = m[2] ? yearOf(m[1], m[2]) : undefined;
      if (m[3]) {
        const quarter = num(m[3])!;
        return year ? { kind: 'point', point: { gran: 'quarter', year, quarter } } : { kind: 'partial', gran: 'quarter', quarter };
      }
      const half = m[4] === '上半年' ? 1 : 2;
      return year ? { kind: 'point', point: { gran: 'half', year, half } } : { kind: 'relative', gran: 'year', offset: 0, from: 'dct', half };
    },
  },
  {
    // 1949年夏天 · 今年春天 · 去年冬季
    re: new RegExp(`(?:${YEAR}|(今年|去年|明年))?(春|夏|秋|冬)(?:天|季)`, 'g'),
    needs: /[春夏秋冬]/,
    type: 'DATE',
    make: (m) => {
      const season = ({ 春: 'SP', 夏: 'SU', 秋: 'FA', 冬: 'WI' } as const)[m[4] as '春']!;
      if (m[2]) {
        const year = yearOf(m[1], m[2]);
        return year ? { kind: 'point', point: { gran: 'season', year, season } } : null;
      }
      if (m[3]) return { kind: 'relative', gran: 'year', offset: m[3] === '去年' ? -1 : m[3] === '明年' ? 1 : 0, from: 'dct', season };
      return null;
    },
  },
  {
    // 每天 · 每年 · 每個月 · 每週一 · 天天 · 每年10月1日
    re: /(每(?:一)?(?:個|个)?(天|日|晚|年|月|週|周|星期|禮拜|礼拜|小時|小时|季度|季)([一二三四五六日天])?|天天|年年|月月)/g,
    needs: /每|天天|年年|月月/,
    type: 'SET',
    make: (m) => {
      const w = m[2] ?? { 天天: '天', 年年: '年', 月月: '月' }[m[1]!]!;
      if (m[3] && /週|周|星期|禮拜|礼拜/.test(w)) return { kind: 'set', value: `XXXX-WXX-${WEEKDAYS[m[3]] || 7}`, quant: 'EVERY' };
      const table: Record<string, string> = { 天: 'P1D', 日: 'P1D', 晚: 'P1D', 年: 'P1Y', 月: 'P1M', 週: 'P1W', 周: 'P1W', 星期: 'P1W', 禮拜: 'P1W', 礼拜: 'P1W', 小時: 'PT1H', 小时: 'PT1H', 季度: 'P3M', 季: 'P3M' };
      return { kind: 'set', value: table[w]!, quant: 'EVERY' };
    },
  },
  {
    // 現在 · 目前 · 當前 · 如今 · 最近 · 近年來 · 近日 · 過去 · 未來 · 將來 · 當時
    re: /(現在|现在|目前|當前|当前|如今|眼下|當下|当下|現時|现时|此刻|最近|近來|近来|近年來|近年来|近年|近日|日前|近期|過去|过去|以往|昔日|未來|未来|將來|将来|今後|今后|日後|日后|不久|遲早|迟早)(?![的]?\s?(?:[0-9０-９〇零一二兩两三四五六七八九十百數数幾几若多]))/g,
    type: 'DATE',
    priority: -3,
    make: (m) => {
      const w = m[1]!;
      if (/現在|现在|目前|當前|当前|如今|眼下|當下|当下|現時|现时|此刻/.test(w)) return { kind: 'ref', value: 'PRESENT_REF' };
      if (/最近|近來|近来|近年|近日|日前|近期|過去|过去|以往|昔日/.test(w)) return { kind: 'ref', value: 'PAST_REF' };
      return { kind: 'ref', value: 'FUTURE_REF' };
    },
  },
];

const RANGE_JOIN = /^\s*(?:至|到|—|－|–|-|~|～|至於|起至|直到|直至)\s*$/;
const RANGE_OPEN = /(自|從|从|由|於|于)\s*$/;
const RANGE_CLOSE = /^(?:止|為止|为止|之間|之间|期間|期间)/;

const isDateLike = (c: Candidate) => c.type === 'DATE' && (c.meaning.kind === 'point' || c.meaning.kind === 'partial' || c.meaning.kind === 'relative');
const isDayLike = (c: Candidate) =>
  (c.meaning.kind === 'point' && c.meaning.point.gran === 'day') ||
  (c.meaning.kind === 'partial' && c.meaning.gran === 'day') ||
  c.meaning.kind === 'weekday' ||
  (c.meaning.kind === 'relative' && c.meaning.gran === 'day');

export function recogniseChinese(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.needs && !rule.needs.test(text)) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text))) {
      if (m[0].length === 0) { rule.re.lastIndex++; continue; }
      const meaning = rule.make(m, text);
      if (!meaning) continue;
      const type: TimexType = meaning.kind === 'duration' ? 'DURATION' : meaning.kind === 'set' ? 'SET' : meaning.kind === 'offset' && meaning.n === undefined ? 'DURATION' : rule.type;
      found.push({ start: m.index, end: m.index + m[0].length - (rule.trail?.(m) ?? 0), meaning: normaliseDayOfMonth(meaning), priority: rule.priority ?? 0, type });
    }
  }
  return combine(text, removeOverlaps(found));
}

/** "27日" alone: the 27th of the reference month — a partial date the resolver completes. */
function normaliseDayOfMonth(meaning: Meaning): Meaning {
  const day = (meaning as { dayOfMonth?: number }).dayOfMonth;
  if (day === undefined) return meaning;
  return { kind: 'partial', gran: 'day', day, month: undefined } as Meaning;
}

function combine(text: string, list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    if (b) {
      const gap = text.slice(a.end, b.start);
      // 1949年10月12日上午10時 → a TIME on that day
      if (/^\s?$/.test(gap) && b.meaning.kind === 'clock' && isDayLike(a)) {
        const c = b.meaning;
        const m = a.meaning;
        let meaning: Meaning = m;
        if (m.kind === 'point') meaning = c.hour === undefined ? { ...m, point: { ...m.point, partOfDay: c.partOfDay }, timeType: 'TIME' } : { ...m, point: { ...m.point, gran: 'minute', hour: c.hour, minute: c.minute ?? 0 }, timeType: 'TIME' };
        else if (m.kind === 'relative') meaning = { ...m, hour: c.hour, minute: c.minute, partOfDay: c.partOfDay, timeType: 'TIME' };
        else if (m.kind === 'partial' || m.kind === 'weekday') meaning = { ...m, hour: c.hour, minute: c.minute, partOfDay: c.partOfDay };
        out.push({ start: a.start, end: b.end, type: 'TIME', priority: 0, meaning });
        i++;
        continue;
      }
      // 自1949年10月至1954年1月 · 1949年至1954年 · 從去年到今年
      if (RANGE_JOIN.test(gap) && isDateLike(a) && isDateLike(b)) {
        const opener = RANGE_OPEN.exec(text.slice(Math.max(0, a.start - 2), a.start));
        const closer = RANGE_CLOSE.exec(text.slice(b.end, b.end + 2));
        const start = opener ? a.start - opener[0].length : a.start;
        const end = closer ? b.end + closer[0].length : b.end;
        out.push({ start, end, type: 'DURATION', priority: 0, meaning: { kind: 'interval', from: a, to: b } });
        i++;
        continue;
      }
    }
    if (a.meaning.kind === 'clock' && a.meaning.hour === undefined) continue; // 上午 alone, not attached to a date
    out.push(a);
  }
  return out;
}
