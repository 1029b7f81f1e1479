/**
 * Form: doubled words, unbalanced quotes and brackets, half-width punctuation in Chinese (or full-width in
 * English), text left in the source language. These read one version at a time.
 */
import type { Document, Location, Paragraph, Version } from '../model.js';
import type { Draft } from './findings.js';
import type { CheckLexicon } from './lexicon.js';
import { isChineseLanguage, quote, type Pair } from './pair.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const isHan = (ch: string | undefined) => !!ch && HAN.test(ch);

// ───────────── doubled words ─────────────

/** English words that are correctly written twice in a row. */
const ENGLISH_DOUBLES = new Set(
  'had that bye so ha haha hah knock blah tut chop night hush pooh goody walla baden sing bora pago very dum mau tom ta aye boo cha ring bla'.split(' '),
);

/**
 * One-character words that reduplicate as a matter of grammar: verbs (看看 "have a look"), adjectives (慢慢),
 * measure words (个个 "every one"), kinship and baby talk (妈妈), onomatopoeia (哈哈). 的的 or 在在 are not.
 */
const REDUPLICATING =
  '看试想说走聊听问等谈玩尝查找写读学做猜摸跳笑练转逛歇瞧算洗擦碰讲数比量翻揉敲拍推拉吃喝坐躺睡动摇晃闻' +
  '試說聽問談嘗讀學練轉瞧講數搖聞' +
  '好慢快轻輕大小高长長早远遠少满滿红紅白黑绿綠蓝藍圆圓胖瘦短厚薄深浅淺热熱冷暖甜香软軟硬细細粗静靜悄匆渐漸刚剛常往纷紛仅僅默偏恰稍明久微' +
  '个個只件条條天年月日人家户戶处處次代样樣步层層重片声聲句张張颗顆滴点點朵根块塊本位回遍阵陣排行种種' +
  '妈媽爸哥姐弟妹奶爷爺叔姑舅婆公宝寶娃星猩乖' +
  '哈呵嘻嘿哼嗯啦嘛喔哦呜嗚汪喵咚叮当噹嗒滴嘀咕轰轟哗嘩啪砰隆' +
  '谢謝刚剛仅僅统統通';
const REDUPLICATING_SET = new Set([...REDUPLICATING, '两', '兩']);
/** Two-character verbs that reduplicate (研究研究 "look into it a little"). */
const REDUPLICATING_WORDS = new Set(
  '研究 讨论 討論 考虑 考慮 休息 学习 學習 商量 活动 活動 锻炼 鍛煉 介绍 介紹 了解 整理 打扫 打掃 收拾 准备 準備 检查 檢查 认识 認識 交流 沟通 溝通 放松 放鬆 打听 打聽 琢磨 比划 比劃 热闹 熱鬧 高兴 高興 暖和 凉快 涼快 清醒 明白 意思 表示 反映 宣传 宣傳 调查 調查 观察 觀察'.split(' '),
);

/** Cuts a run of Han characters into words, longest lexicon match first; offsets relative to `text`. */
function segmentHan(text: string, from: number, to: number, lexicon: CheckLexicon | undefined): Array<{ start: number; end: number; word: string }> {
  const out: Array<{ start: number; end: number; word: string }> = [];
  let i = from;
  while (i < to) {
    let n = lexicon ? Math.min(8, to - i) : 1;
    while (n > 1 && !lexicon!.has(text.slice(i, i + n))) n--;
    out.push({ start: i, end: i + n, word: text.slice(i, i + n) });
    i += n;
  }
  return out;
}

/** Doubled words in one text; offsets relative to it. */
export interface Doubled {
  start: number;
  end: number;
  word: string;
  /** False when the doubling may be intended: a name (周珊珊, Han Han), a colloquial form, a compound. */
  certain: boolean;
}

export function findDoubledWords(text: string, chinese: boolean, lexicon: CheckLexicon | undefined): Doubled[] {
  const found: Doubled[] = [];
  for (const m of text.matchAll(/\b([A-Za-z]+)\s+\1\b/gi)) {
    const word = m[1]!;
    if (ENGLISH_DOUBLES.has(word.toLowerCase())) continue;
    // Names repeat (Han Han, Walla Walla); "low-power power line" is a compound and its noun.
    const opensSentence = /(?:^|[.!?。！？:;“"]\s*)$/.test(text.slice(0, m.index!));
    if (/[-‐]$/.test(text.slice(0, m.index!))) continue;
    const maybeName = /^[A-Z][a-z]/.test(word) && m[0] === `${word} ${word}` && !opensSentence;
    found.push({ start: m.index!, end: m.index! + m[0].length, word, certain: !maybeName });
  }
  if (!chinese && !HAN.test(text)) return found;
  // Segmenting is the costly part: only runs holding a repeated piece need it.
  let repeats = false;
  for (const run of text.matchAll(/[\u3400-\u9fff\uf900-\ufaff]+/g)) {
    if (!/([\u3400-\u9fff\uf900-\ufaff]{1,8})\1/.test(run[0])) continue;
    repeats = true;
    const words = segmentHan(text, run.index!, run.index! + run[0].length, lexicon);
    for (let k = 0; k < words.length; k++) {
      const x = words[k - 1];
      const y = words[k]!;
      // 了了 or 的的 read as one lexicon word: a function character is still written twice.
      const afterNumber = /[0-9０-９一二三四五六七八九十两兩百千]\s*$/.test(text.slice(0, y.start));
      // (2020年年初: the second 年 begins 年初 "start of the year".)
      const startsNextWord = !!lexicon?.has(y.word[1]! + (text[y.end] ?? ''));
      const slipProne = FUNCTION_CHARACTERS.has(y.word[0]!) || /[内內们們些]/.test(y.word[0]!) || (afterNumber && MEASURES.has(y.word[0]!) && !startsNextWord);
      // 很多多: 很多 took the first copy of 多多; 上一一张: a doubled numeral (一一 "one by one") before a measure word.
      const takenBefore = y.word.length === 2 && y.word[0] === y.word[1] && !!x && !!lexicon?.has(x.word + y.word[0]) && STRADDLING.has(y.word[0]!);
      const numeralBeforeMeasure = y.word.length === 2 && y.word[0] === y.word[1] && /[一二三四五六七八九两兩]/.test(y.word[0]!) && MEASURES.has(text[y.end] ?? '');
      if (y.word.length === 2 && y.word[0] === y.word[1] && (slipProne || takenBefore || numeralBeforeMeasure) && !isAabb(words, k, lexicon)) {
        found.push({ start: y.start, end: y.end, word: y.word[0]!, certain: true });
        continue;
      }
      if (!x) continue;
      // 很多多, 分钟内内: the first copy was taken into the word before.
      // (受不了了 "can't stand it any more" is a complement and a particle, not a slip.)
      // Only for function characters: 试题|题型 and 自体骨|骨量 share a character legitimately.
      const straddles = y.word.length === 1 && x.word.length >= 2 && x.word.endsWith(y.word) && !lexicon?.has(x.word + y.word) && !/[不得]了$/.test(x.word) && !aabbAround(text, y.start - 1);
      // 做做好, 人人民: the second copy was taken into the word after.
      const straddlesAfter = x.word.length === 1 && y.word.length >= 2 && y.word.startsWith(x.word) && !lexicon?.has(x.word + y.word) && !aabbAround(text, x.start);
      if (x.word !== y.word && !straddles && !straddlesAfter) continue;
      const doubled = straddles ? y.word : x.word;
      let verdict = straddles || straddlesAfter ? (STRADDLING.has(doubled) ? 'slip' : 'maybe') : reduplication(words, k, lexicon);
      // 14天天, 3个个: a measure word right after a number is that number's, so its double is a slip (天天 "daily" is not).
      if (!straddles && !straddlesAfter && doubled.length === 1 && MEASURES.has(doubled) && /[0-9０-９一二三四五六七八九十两兩百千]\s*$/.test(text.slice(0, x.start)) && !lexicon?.has(doubled + (text[y.end] ?? ''))) verdict = 'slip';
      // 你好好休息: 好好 may be the adverb after a word ending in 好; a reduplicating character is never certain.
      if ((straddles || straddlesAfter) && REDUPLICATING_SET.has(doubled)) verdict = 'maybe';
      if (verdict === 'legitimate') continue;
      const start = straddles ? y.start - 1 : x.start;
      found.push({ start, end: start + 2 * doubled.length, word: doubled, certain: verdict === 'slip' });
      k++;
    }
  }
  // Every finder below looks for Han characters written twice in a row, which no run holds.
  if (!repeats) return found.sort((p, q) => p.start - q.start);
  if (lexicon) found.push(...repeatedWords(text, lexicon, found), ...doubledAcrossWords(text, lexicon, found), ...reduplicatedAtClauseEnd(text, found));
  found.push(...reduplicatedAgainstGrammar(text, found));
  return found.sort((p, q) => p.start - q.start);
}

const covered = (found: Doubled[], at: number) => found.some((d) => d.start <= at && at < d.end);

/**
 * A lexicon word written twice in a row whatever the segmentation made of it (不能不|能, two 沙特阿拉伯): a slip,
 * unless the word is one that reduplicates (研究研究) or is itself a reduplication (哈哈哈哈).
 */
function repeatedWords(text: string, lexicon: CheckLexicon, found: Doubled[]): Doubled[] {
  const out: Doubled[] = [];
  for (const m of text.matchAll(/([\u3400-\u9fff\uf900-\ufaff]{2,8})\1/g)) {
    const word = m[1]!;
    const at = m.index!;
    if (covered(found, at) || covered(out, at) || !lexicon.has(word) || new Set(word).size === 1 || lexicon.has(word + word)) continue;
    const end = at + 2 * word.length;
    // 微生物|生物量: each copy belongs to a longer word with its outer neighbour.
    if (lexicon.has((text[at - 1] ?? '') + word) || lexicon.has(word + (text[end] ?? ''))) continue;
    // 不错不错！ at the end of a clause is emphasis as often as a slip.
    const emphatic = /^\s*(?:[，。！？；,.!?;~～…]|$)/.test(text.slice(end));
    out.push({ start: at, end, word, certain: !emphatic && !REDUPLICATING_WORDS.has(word) && !REDUPLICATING_SET.has(word[0]!) });
  }
  return out;
}

/**
 * A character written twice where one copy belongs to a longer word on each side: 双年年展 is 双年展 with 年
 * doubled — remove one copy and a lexicon word of three or more characters spans the join; keep both and no
 * word holds the pair. (北京市市长 stays: no word spans 京市长.)
 */
function doubledAcrossWords(text: string, lexicon: CheckLexicon, found: Doubled[]): Doubled[] {
  const out: Doubled[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text[i]!;
    if (c !== text[i + 1] || !isHan(c) || covered(found, i)) continue;
    if (isHan(text[i + 2]) && text[i + 2] === text[i + 3]) continue;
    if (i > 0 && text[i - 1] === text[i - 2]) continue;
    // 考试|试卷, 北京市|市长: each copy ends or begins a word of its own; only a stray copy is a slip.
    if (wordEndsAt(text, i, lexicon) && wordStartsAt(text, i + 1, lexicon)) continue;
    const spans = spansJoin(text, i, lexicon);
    if (spans) {
      out.push({ start: i, end: i + 2, word: c, certain: true });
      i++;
    }
  }
  return out;
}

const wordEndsAt = (text: string, at: number, lexicon: CheckLexicon) => [2, 3, 4, 5, 6].some((n) => at - n + 1 >= 0 && lexicon.has(text.slice(at - n + 1, at + 1)));
const wordStartsAt = (text: string, at: number, lexicon: CheckLexicon) => [2, 3, 4, 5, 6].some((n) => at + n <= text.length && lexicon.has(text.slice(at, at + n)));

/**
 * A lexicon word of ≥ 3 characters covers text[at] once text[at + 1] is removed (双年展, 大百科 in 大大百科),
 * and no word covers the same stretch with both copies kept.
 */
function spansJoin(text: string, at: number, lexicon: CheckLexicon): boolean {
  const joined = text.slice(Math.max(0, at - 4), at + 1) + text.slice(at + 2, at + 6);
  const pivot = Math.min(at, 4);
  for (let from = Math.max(0, pivot - 4); from <= pivot; from++) {
    for (let to = Math.max(pivot + 1, from + 3); to <= Math.min(joined.length, from + 8); to++) {
      const word = joined.slice(from, to);
      if (word.length >= 3 && [...word].every(isHan) && lexicon.has(word) && !lexicon.has(text.slice(at - (pivot - from), at + 2 + (to - pivot - 1)))) return true;
    }
  }
  return false;
}

/** Adjectives whose reduplication (好好, 慢慢) is an adverb or a predicate: it needs a verb, 的, 地 or 儿 after it. */
const ADJECTIVE_AA = new Set([...'好慢快轻輕早远遠满滿红紅白黑绿綠蓝藍圆圓胖瘦厚薄深浅淺软軟硬细細粗静靜']);

/** 那就好好，: an adjective reduplicated at the end of a clause, with nothing for it to modify, is a slip. */
function reduplicatedAtClauseEnd(text: string, found: Doubled[]): Doubled[] {
  const out: Doubled[] = [];
  for (const m of text.matchAll(/([\u3400-\u9fff])\1(?=\s*(?:[，。！？；：,.!?;:…]|$))/g)) {
    const c = m[1]!;
    const at = m.index!;
    if (!ADJECTIVE_AA.has(c) || covered(found, at) || text[at - 1] === c || text[at - 2] === text[at - 1]) continue;
    out.push({ start: at, end: at + 2, word: c, certain: false });
  }
  return out;
}

/** Reduplicating verbs (看看, 吃吃): the verbs at the head of REDUPLICATING. */
const VERB_AA = new Set([...'看试想说走聊听问等谈玩尝查找写读学做猜摸跳笑练转逛歇瞧算洗擦碰讲数比量翻揉敲拍推拉吃喝坐躺睡动摇晃闻試說聽問談嘗讀學練轉講數搖聞']);

/**
 * Reduplications the grammar rules out, whatever the lexicon says of AA: a reduplicated adjective takes no degree
 * adverb (很多多, 太短短: AA already intensifies — a slip), and a tentative verb VV is not negated (没办法吃吃, 没看看:
 * probably a slip, but colloquial speech bends this, so only possible). 好好 stays (很好好看 is 很 + 好看).
 */
function reduplicatedAgainstGrammar(text: string, found: Doubled[]): Doubled[] {
  const out: Doubled[] = [];
  for (const m of text.matchAll(/(很|太|更|挺|蛮|蠻|非常|特别|特別|十分|没有|沒有|没办法|沒辦法|无法|無法|没|沒|未)([\u3400-\u9fff])\2/g)) {
    const c = m[2]!;
    const at = m.index! + m[1]!.length;
    if (covered(found, at) || text[at + 2] === c || (text[at + 2] !== undefined && text[at + 2] === text[at + 3]) || c === '好' || m[1]!.endsWith(c)) continue;
    const negated = /[没沒无無未]/.test(m[1]![0]!);
    if (negated ? !VERB_AA.has(c) : FUNCTION_CHARACTERS.has(c) || VERB_AA.has(c)) continue;
    out.push({ start: at, end: at + 2, word: c, certain: !negated });
  }
  return out;
}

/** Function characters: 了了 and 的的 are lexicon words, but in running text nearly always a slip. */
const FUNCTION_CHARACTERS = new Set([...'的了是在和与與把被将將对對从從向于於也都就还還又我你他她它们們这這那有不吗嗎呢吧啊着著过過得及并並而']);

const MEASURES = new Set([...'天年月日个個次件条條位名岁歲张張本只隻头頭辆輛家项項座层層点點分秒周週斤米元块塊份间間台臺部']);

/** Characters whose doubling across a word boundary is a slip (很多多, 分钟内内, 他们们). */
const STRADDLING = new Set([...'的了是在和与與把被将將对對从從向于於也都就还還又们們多内內些吗嗎呢吧着著过過']);

/** 干干净净, 漂漂亮亮: the doubled character at `at` (and `at + 1`) sits in an AABB form. */
function aabbAround(text: string, at: number): boolean {
  return (text[at - 2] !== undefined && text[at - 2] === text[at - 1]) || (text[at + 2] !== undefined && text[at + 2] === text[at + 3]);
}

/** AABB (清清楚楚, 是是非非, 的的確確): a doubled character right next to this doubled one. */
function isAabb(words: Array<{ word: string }>, k: number, lexicon?: CheckLexicon): boolean {
  const charAt = (i: number) => {
    const w = words[i]?.word;
    if (!w) return undefined;
    if (w.length === 2 && w[0] === w[1]) return w[0];
    return w.length === 1 && words[i + 1]?.word === w ? w : undefined;
  };
  const word = words[k]!.word;
  const own = word[0]!;
  // With a lexicon, AA and BB make AABB only when AB is a word (干净 → 干干净净): 刚刚叫叫 is not one.
  const pairs = (other: string | undefined, ownFirst: boolean) => !!other && (!lexicon || lexicon.has(ownFirst ? own + other : other + own));
  if (word.length === 2) return pairs(charAt(k + 1), true) || pairs(charAt(k - 1), false) || pairs(charAt(k - 2), false);
  return pairs(charAt(k + 1), true) || pairs(charAt(k - 2), false) || pairs(charAt(k - 3), false);
}

/** Whether two identical neighbouring words are grammar, a slip, or cannot be told apart from a name. */
function reduplication(words: Array<{ word: string }>, k: number, lexicon: CheckLexicon | undefined): 'legitimate' | 'slip' | 'maybe' {
  const word = words[k]!.word;
  const aabb = word.length === 1 && isAabb(words, k, lexicon);
  if (FUNCTION_CHARACTERS.has(word)) return aabb ? 'legitimate' : 'slip';
  if (lexicon?.has(word + word) || aabb) return 'legitimate';
  // 讨论讨论, 说说 are grammar in speech, and also the commonest slips: reported, but only as possible.
  if (word.length > 1) return REDUPLICATING_WORDS.has(word) ? 'maybe' : 'slip';
  if (REDUPLICATING_SET.has(word)) return lexicon ? 'maybe' : 'legitimate';
  // Any other doubled character may be a given name (周珊珊, 兰兰) or a colloquial form (麻麻的).
  return 'maybe';
}

// ───────────── brackets and quotes ─────────────

const OPENERS: Record<string, string> = { '(': 'paren', '（': 'paren', '[': 'square', '【': 'lenticular', '《': 'title', '〈': 'angle', '「': 'corner', '『': 'white-corner', '“': 'double-quote', '{': 'brace' };
const CLOSERS: Record<string, string> = { ')': 'paren', '）': 'paren', ']': 'square', '】': 'lenticular', '》': 'title', '〉': 'angle', '」': 'corner', '』': 'white-corner', '”': 'double-quote', '}': 'brace' };

/** Every key of OPENERS and CLOSERS. */
const BRACKET_MARK = /[()（）[\]【】《》〈〉「」『』“”{}]/g;

/** Unbalanced brackets and quotes of a paragraph: offsets relative to it. */
export function findUnbalanced(text: string, nextParagraph: string | undefined): Array<{ start: number; end: number; mark: string; problem: 'unclosed' | 'unopened' }> {
  const stack: Array<{ at: number; mark: string; kind: string }> = [];
  const problems: Array<{ start: number; end: number; mark: string; problem: 'unclosed' | 'unopened' }> = [];
  if (!/[()（）[\]【】《》〈〉「」『』“”{}"]/.test(text)) return problems;
  // Only the marks matter: jump from one to the next rather than look up every character.
  for (const m of text.matchAll(BRACKET_MARK)) {
    const i = m.index!;
    const ch = m[0];
    if (OPENERS[ch]) stack.push({ at: i, mark: ch, kind: OPENERS[ch]! });
    else if (CLOSERS[ch]) {
      // List markers "1)", "a)" and emoticons ":)" close nothing.
      if ((ch === ')' || ch === '）') && (/(?:^|[\s(（。！？；;：:，,、])(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})$/.test(text.slice(Math.max(0, i - 5), i)) || /[:;]-?$/.test(text.slice(Math.max(0, i - 2), i)))) {
        if (!stack.some((s) => s.kind === 'paren')) continue;
      }
      const kind = CLOSERS[ch]!;
      const index = stack.map((s) => s.kind).lastIndexOf(kind);
      if (index < 0) problems.push({ start: i, end: i + 1, mark: ch, problem: 'unopened' });
      else stack.splice(index, 1);
    }
  }
  for (const open of stack) {
    // Multi-paragraph quotations leave each paragraph open and reopen the next one.
    if (open.kind === 'double-quote' && nextParagraph?.trimStart().startsWith('“')) continue;
    problems.push({ start: open.at, end: open.at + 1, mark: open.mark, problem: 'unclosed' });
  }
  // Straight double quotes pair up among themselves.
  const straight = [...text.matchAll(/"/g)];
  if (straight.length % 2 === 1) {
    const last = straight[straight.length - 1]!;
    problems.push({ start: last.index!, end: last.index! + 1, mark: '"', problem: 'unclosed' });
  }
  return problems.sort((x, y) => x.start - y.start);
}

// ───────────── punctuation width ─────────────

/** Half-width marks inside Chinese text, with the full-width form they should take. */
export function findHalfWidthInChinese(text: string): Array<{ start: number; end: number; mark: string }> {
  const found: Array<{ start: number; end: number; mark: string }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!',;:?!()'.includes(ch)) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    // Between digits it is a separator (150,000; 10:30), not punctuation.
    if (/[,:]/.test(ch) && /\d/.test(prev ?? '') && /\d/.test(next ?? '')) continue;
    const touchesHan = isHan(prev) || isHan(next) || (ch === '(' && isHan(prev)) || (ch === ')' && isHan(next));
    if (!touchesHan) continue;
    found.push({ start: i, end: i + 1, mark: ch });
  }
  return found;
}

/** Full-width marks and letters inside English text. */
export function findFullWidthInEnglish(text: string): Array<{ start: number; end: number; mark: string }> {
  const found: Array<{ start: number; end: number; mark: string }> = [];
  for (const m of text.matchAll(/[，。：；！？（）＂Ａ-Ｚａ-ｚ０-９、]/g)) {
    // Inside a Chinese quotation the marks belong to it.
    if (isHan(text[m.index! - 1]) || isHan(text[m.index! + 1])) continue;
    found.push({ start: m.index!, end: m.index! + 1, mark: m[0] });
  }
  return found;
}

// ───────────── the checks ─────────────

const loc = (version: Version, p: Paragraph, start: number, end: number): Location => {
  const sentence = p.sentences.find((s) => s.start <= p.start + start && p.start + start < s.end);
  return { version: version.id, paragraph: p.id, ...(sentence ? { sentence: sentence.id } : {}), start: p.start + start, end: p.start + end };
};

/** Which side of a finding a version's locations go to: `b` for a translation, `a` for a source. */
export function sideOfVersion(doc: Document, version: Version): 'a' | 'b' {
  if (doc.alignments.some((al) => al.versions[1] === version.id)) return 'b';
  if (doc.alignments.some((al) => al.versions[0] === version.id)) return 'a';
  return doc.versions[0] === version ? 'a' : 'b';
}

export function checkForm(doc: Document, lexicon: CheckLexicon | undefined): Draft[] {
  const drafts: Draft[] = [];
  for (const version of doc.versions) {
    const role = sideOfVersion(doc, version);
    const chineseVersion = isChineseLanguage(version.language);
    const halfWidth: Location[] = [];
    const marks = new Map<string, number>();
    const paragraphsWithMarks = new Set<string>();
    version.paragraphs.forEach((p, index) => {
      const chinese = isChineseLanguage(p.language) || (chineseVersion && HAN.test(p.text));
      for (const d of findDoubledWords(p.text, chinese, lexicon)) {
        const where = loc(version, p, d.start, d.end);
        const message = d.certain
          ? `Doubled word: “${p.text.slice(d.start, d.end)}” — “${d.word}” written twice.`
          : `Possibly doubled: “${p.text.slice(d.start, d.end)}” — “${d.word}” twice, unless it is a name or meant so.`;
        drafts.push({ kind: 'doubled-word', severity: d.certain ? 'minor' : 'info', message, [role]: where, evidence: [where] });
      }
      for (const u of findUnbalanced(p.text, version.paragraphs[index + 1]?.text)) {
        const where = loc(version, p, u.start, u.end);
        const message = u.problem === 'unclosed' ? `Unbalanced: “${u.mark}” is opened but never closed in this paragraph.` : `Unbalanced: “${u.mark}” closes something never opened in this paragraph.`;
        drafts.push({ kind: 'unbalanced', severity: 'minor', message, [role]: where, evidence: [where] });
      }
      const wrongWidth = chinese ? findHalfWidthInChinese(p.text) : findFullWidthInEnglish(p.text);
      for (const w of wrongWidth) {
        halfWidth.push(loc(version, p, w.start, w.end));
        marks.set(w.mark, (marks.get(w.mark) ?? 0) + 1);
        paragraphsWithMarks.add(p.id);
      }
    });
    if (halfWidth.length) {
      const counts = [...marks].map(([m, n]) => `${n} × “${m}”`).join(', ');
      const what = chineseVersion ? 'Half-width punctuation in Chinese text' : 'Full-width characters in English text';
      const advice = chineseVersion ? 'use the full-width forms ，；：？！（）' : 'use their half-width forms';
      drafts.push({
        kind: 'punctuation',
        severity: 'minor',
        message: `${what}: ${counts} in ${paragraphsWithMarks.size} paragraph${paragraphsWithMarks.size > 1 ? 's' : ''} — ${advice}.`,
        [role]: halfWidth[0]!,
        evidence: halfWidth,
      });
    }
  }
  return drafts;
}

// ───────────── text left in the source language ─────────────

function scriptShares(text: string): { latin: number; han: number; latinWords: number } {
  let han = 0;
  for (const ch of text) if (isHan(ch)) han++;
  const words = text.match(/[A-Za-z]+(?:['’][a-z]+)?/g) ?? [];
  const latin = words.reduce((n, w) => n + w.length, 0);
  // Lower-case running words: names and acronyms may stay in Latin script in a Chinese text.
  const latinWords = words.filter((w) => /^[a-z]/.test(w) && w.length > 1).length;
  return { latin, han, latinWords };
}

/** Sentences of the translation still in the source's script. */
export function checkLeftUntranslated(pair: Pair): Draft[] {
  const drafts: Draft[] = [];
  if (pair.a.isChinese === pair.b.isChinese) return drafts;
  for (const s of pair.b.sentences) {
    const { latin, han, latinWords } = scriptShares(s.text);
    const leftOver = pair.b.isChinese ? latinWords >= 4 && latin > han * 3 : han >= 4 && han * 3 > latin;
    if (!leftOver) continue;
    const where: Location = { version: s.version, paragraph: s.paragraph, sentence: s.id, start: s.start, end: s.end };
    drafts.push({
      kind: 'untranslated-text',
      severity: 'major',
      message: `Left in the source language: “${quote(s.text, 50)}” is ${pair.b.isChinese ? 'English' : 'Chinese'} inside the ${pair.b.isChinese ? 'Chinese' : 'English'} version.`,
      b: where,
      evidence: [where],
    });
  }
  return drafts;
}
