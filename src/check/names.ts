/**
 * Names and acronyms across an English–Chinese pair.
 *
 * - Acronyms (ETGE, PLA, CIA) of the source must reappear in the translation, literally or through a word the
 *   lexicon glosses with them (中情局 ~ CIA) or an expansion whose initials spell them (GDP ~ gross domestic product).
 * - Names: an English proper word the lexicon knows as a name (China, Turkic, Beijing) and a Chinese proper word
 *   (中國, 土耳其, 北京) account for each other when the Chinese word's main gloss is the English word, or the English
 *   word's renderings contain the Chinese word (Turkish ~ 土耳其語 ⊃ 土耳其), or the pinyin spells it (阿拉 ~ Ala).
 *   When a sentence pair has a known English name with no counterpart AND a Chinese name that nothing in the English
 *   accounts for, the name was rendered as a different entity: that is the finding. A name merely absent on one
 *   side is not reported (我国 for "China", a dropped dateline): too often a legitimate rendering.
 */
import { stemEnglish } from '../lang/english.js';
import type { Location } from '../model.js';
import type { Draft } from './findings.js';
import type { CheckLexicon } from './lexicon.js';
import { glossPhrase } from './glosses.js';
import { toSimplified } from '../lang/chinese.js';
import { locateInBead, quote, sentencesLocation, type Bead, type Pair } from './pair.js';

interface Token {
  start: number;
  end: number;
  text: string;
  stem: string;
}

interface ZhWord {
  start: number;
  end: number;
  word: string;
  glosses: string[];
}

/** Edit distance, bounded (returns max+1 beyond `max`). */
function distance(x: string, y: string, max: number): number {
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[y.length]!;
}

/** Spelling variants of one stem: Uyghur ~ Uighur, Turkistan ~ Turkestan; Turkic is not Turkey. */
export function sameStem(x: string, y: string): boolean {
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 4) return false;
  return distance(x, y, 1) <= 1;
}

// ───────────── English side ─────────────

const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function capitalisedTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\b[A-Z][a-zA-Z]+(?:['’][a-z]+)?\b/g)) {
    const word = m[0].replace(/['’]s$/, '');
    if (CALENDAR.test(word) || /^[A-Z]+$/.test(word)) continue;
    const stem = stemEnglish(word);
    if (stem) out.push({ start: m.index!, end: m.index! + word.length, text: word, stem });
  }
  return out;
}

/**
 * Capitalised words standing alone. A word inside a longer name ("Ivy League", "Ministry of Education",
 * "Carl Vinson") is translated as part of that name, so its own lexicon renderings prove nothing.
 */
function standaloneTokens(text: string, capitalised = capitalisedTokens(text)): Token[] {
  return capitalised.filter((t) => {
    const before = text.slice(Math.max(0, t.start - 30), t.start);
    const after = text.slice(t.end, t.end + 30);
    // "and" joins list items (Uyghur and Turkic roots) as often as it joins a name's parts: it does not bind.
    const nameBefore = /[A-Z][\w’'-]*(?:['’]s)?\s+(?:(?:of|the|de|for|&)\s+)*$/.test(before);
    const nameAfter = /^(?:['’]s)?\s+(?:(?:of|the|de|for|&)\s+)*[A-Z]/.test(after);
    return !nameBefore && !nameAfter;
  });
}

/** Latin acronyms: two or more capitals, maybe with digits or dots (U.S. → US). */
export function findAcronyms(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9])(?:[A-Z]\.){2,}|(?<![A-Za-z0-9])[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*(?![A-Za-z0-9])/g)) {
    const bare = m[0].replace(/\./g, '');
    // One letter repeated (MM 美眉, GG) is chat slang; Roman numerals and AM/PM are not acronyms.
    if (bare.length < 2 || bare.length > 8 || /^(.)\1+$/.test(bare) || /^(?:OK|AM|PM|II|III|IV|VI|VII|VIII|IX|XI|XII)$/.test(bare)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: bare });
  }
  return out;
}

// ───────────── Chinese side ─────────────

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

function chineseNames(text: string, lexicon: CheckLexicon): ZhWord[] {
  const out: ZhWord[] = [];
  for (const run of text.matchAll(HAN_RUN)) {
    let i = run.index!;
    const end = i + run[0].length;
    while (i < end) {
      let n = Math.min(8, end - i);
      while (n > 1 && !lexicon.has(text.slice(i, i + n))) n--;
      const word = text.slice(i, i + n);
      if (n >= 2 && lexicon.isName(word)) {
        const glosses = lexicon.glosses(word);
        if (glosses.length) out.push({ start: i, end: i + n, word, glosses });
      }
      i += n;
    }
  }
  return out;
}

// ───────────── matching ─────────────

interface Matcher {
  lexicon: CheckLexicon;
  /** English stem → the Chinese names it renders as (main gloss), cached. */
  known: Map<string, string[]>;
  renderings: Map<string, string[]>;
  proper: Map<string, boolean>;
}

function renderingsOf(m: Matcher, token: Token): string[] {
  let r = m.renderings.get(token.stem);
  if (!r) m.renderings.set(token.stem, (r = m.lexicon.chineseFor(token.text).slice(0, 400)));
  return r;
}

/**
 * A proper name, not a capitalised common word ("Global", "Council" in a title): most Chinese words glossed by
 * it are names themselves.
 */
function isProper(m: Matcher, english: string): boolean {
  let p = m.proper.get(english);
  if (p === undefined) {
    const renderings = m.lexicon.chineseFor(english).slice(0, 60);
    const names = renderings.filter((w) => m.lexicon.isName(w)).length;
    p = renderings.length > 0 && names >= 0.6 * renderings.length;
    m.proper.set(english, p);
  }
  return p;
}

/** The word's first reading is a name (capitalised pinyin: Tu3 er3 qi2), not just one of its senses (时代 shi2 dai4 "era"). */
function primarilyName(m: Matcher, word: string): boolean {
  return /^[A-Z]/.test(m.lexicon.pinyin?.(word) ?? 'X');
}

/** Chinese names whose main gloss is this English word: the word is a name the lexicon knows. */
function knownNames(m: Matcher, token: Token): string[] {
  let k = m.known.get(token.stem);
  if (!k) {
    k = isProper(m, token.text) ? renderingsOf(m, token).filter((w) => w.length >= 2 && m.lexicon.isName(w) && sameStem(m.lexicon.glosses(w)[0] ?? '', token.stem)) : [];
    m.known.set(token.stem, k);
  }
  return k;
}

/** Pinyin syllables (tones dropped) of each Han character of a text, for transliterated names. */
function syllables(m: Matcher, text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    if (!/[\u3400-\u9fff]/.test(ch)) continue;
    out.push(pinyinLetters(m, ch).replace(/\d/g, ''));
  }
  return out;
}

/** "Tang Feng" ~ 唐凤: the English word is a run of whole syllables of the Chinese text's pinyin. */
function spelledInPinyin(token: Token, pinyin: string[]): boolean {
  const letters = token.text.toLowerCase().replace(/[^a-z]/g, '');
  for (let i = 0; i < pinyin.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(pinyin.length, i + 4); j++) {
      joined += pinyin[j];
      if (joined === letters) return true;
      if (joined.length >= letters.length) break;
    }
  }
  return false;
}

function related(m: Matcher, token: Token, word: ZhWord): boolean {
  if (word.glosses.slice(0, 3).some((g) => sameStem(g, token.stem))) return true;
  // Turkish → 土耳其語 ⊃ 土耳其; Chinese → 中國人 ⊃ 中國. Not the other way: 東突厥斯坦 ⊃ 突厥 says nothing of "Turkic".
  // 中國人 and 中國共產黨 begin with 中國, a rendering of "China": they account for it.
  return renderingsOf(m, token).some((r) => r.includes(word.word)) || knownNames(m, token).some((r) => word.word.startsWith(r));
}

function initialsOf(glosses: string[]): string {
  return glosses.map((g) => g[0]).join('');
}

/** 韩裔 "of Korean descent", 美方 "the US side", 日军: a country's first character before a people/side suffix. */
const ABBREVIATED = /^[裔族人籍语語文方军軍企队隊]$/;

/** A rendering of the token stands in the Chinese text, and not as a piece of a longer name (突厥 in 東突厥斯坦). */
function renderedIn(m: Matcher, token: Token, chinese: string, names: ZhWord[]): boolean {
  for (const r of knownNames(m, token)) {
    if (r.length === 2) {
      for (let at = chinese.indexOf(r[0]!); at >= 0; at = chinese.indexOf(r[0]!, at + 1)) if (ABBREVIATED.test(chinese[at + 1] ?? '')) return true;
    }
    let at = chinese.indexOf(r);
    while (at >= 0) {
      const inside = names.find((w) => w.start <= at && at + r.length <= w.end && w.word !== r && w.word.length > r.length);
      if (!inside) return true;
      at = chinese.indexOf(r, at + 1);
    }
  }
  return false;
}

function pinyinLetters(m: Matcher, word: string): string {
  return (m.lexicon.pinyin?.(word) ?? '').toLowerCase().replace(/[^a-zü]/g, '').replace(/ü/g, 'u');
}

/**
 * The consonant skeleton of a name as Chinese transliteration keeps it: Dominique ~ 多米尼克 (duo mi ni ke),
 * Charlie ~ 查理 (cha li), Roald ~ 罗尔德 (luo er de) all reduce alike. r and l merge (Chinese has one of them),
 * h and y and vowels drop, repeats collapse.
 */
export function skeleton(letters: string): string {
  const s = letters
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/(?:ch|sh|zh|tch|ts)/g, 's')
    .replace(/ph/g, 'f')
    .replace(/[ckqgx]/g, 'k')
    .replace(/[bp]/g, 'p')
    .replace(/[dt]/g, 't')
    .replace(/[fvw]/g, 'f')
    .replace(/[szj]/g, 's')
    .replace(/r/g, 'l')
    .replace(/[aeiouhy]/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

/** The English text spells the Chinese name's pinyin (阿拉 ~ Ala, 习近平 ~ Xi Jinping) or its transliteration skeleton. */
function transliterated(m: Matcher, word: ZhWord, english: string, tokens: Token[]): boolean {
  const py = pinyinLetters(m, word.word);
  if (py.length < 3) return false;
  const letters = english.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.includes(py)) return true;
  // Only names the lexicon does not know: Turkic and 土耳其 (Tu er qi) share a skeleton and are not the same.
  const sk = skeleton(py.replace(/\d/g, ''));
  return sk.length >= 2 && tokens.some((t) => skeleton(t.text) === sk && !knownNames(m, t).length);
}

const matchers = new WeakMap<CheckLexicon, Matcher>();

/** One matcher per lexicon, so its caches serve every document checked in this process. */
function matcherFor(lexicon: CheckLexicon): Matcher {
  let m = matchers.get(lexicon);
  if (!m) matchers.set(lexicon, (m = { lexicon, known: new Map(), renderings: new Map(), proper: new Map() }));
  return m;
}

/**
 * English names in a sentence pair that the checker anchors to a Chinese name (China ~ 中國): the names whose
 * swap for another entity it can see. Used by the benchmark to inject detectable swaps.
 */
export function anchoredNames(english: string, chinese: string, lexicon: CheckLexicon): Array<{ start: number; end: number; text: string; zh: string }> {
  const m = matcherFor(lexicon);
  const names = chineseNames(chinese, lexicon).filter((w) => primarilyName(m, w.word));
  const out: Array<{ start: number; end: number; text: string; zh: string }> = [];
  for (const t of standaloneTokens(english)) {
    if (!knownNames(m, t).length) continue;
    const w = names.find((x) => related(m, t, x));
    if (w) out.push({ start: t.start, end: t.end, text: t.text, zh: w.word });
  }
  return out;
}

/** Whether the checker would see this English name as rendered somewhere in the Chinese text. */
export function nameRenderedIn(name: string, chinese: string, lexicon: CheckLexicon): boolean {
  const m = matcherFor(lexicon);
  const stem = stemEnglish(name);
  if (!stem) return true;
  const token: Token = { start: 0, end: name.length, text: name, stem };
  const names = chineseNames(chinese, lexicon);
  return names.some((w) => related(m, token, w)) || renderedIn(m, token, chinese, names) || spelledInPinyin(token, syllables(m, chinese));
}

export function checkNames(pair: Pair, lexicon: CheckLexicon | undefined): Draft[] {
  if (pair.a.isChinese === pair.b.isChinese) return [];
  const drafts: Draft[] = [];
  const matcher = lexicon ? matcherFor(lexicon) : undefined;
  for (const bead of pair.beads) {
    if (!bead.a.length || !bead.b.length) continue;
    drafts.push(...checkAcronyms(bead, lexicon));
    if (matcher) drafts.push(...checkNamePair(bead, pair.a.isChinese ? 'b' : 'a', matcher));
  }
  return drafts;
}

function checkAcronyms(bead: Bead, lexicon: CheckLexicon | undefined): Draft[] {
  const drafts: Draft[] = [];
  const target = bead.bText;
  let targetUpper: string | undefined;
  const seen = new Set<string>();
  for (const acronym of findAcronyms(bead.aText)) {
    if (seen.has(acronym.text)) continue;
    seen.add(acronym.text);
    targetUpper ??= target.toUpperCase().replace(/\./g, '');
    if (standingAcronym(acronym.text).test(targetUpper)) continue;
    if (spelledOut(acronym.text, target) || glossedBy(acronym.text, target, lexicon)) continue;
    // An acronym inside a dateline ("Washington, D.C. —") goes missing with the whole dateline: say that.
    const dateline = datelineOf(bead.aText);
    if (dateline && acronym.start >= dateline.start && acronym.end <= dateline.placeEnd) {
      if (!datelineRendered(bead.aText.slice(dateline.start, dateline.placeEnd), target, lexicon)) {
        const a = locateInBead(bead.a, dateline.start, dateline.end);
        drafts.push({
          kind: 'untranslated',
          severity: 'minor',
          message: `The dateline “${bead.aText.slice(dateline.start, dateline.end).trim()}” is not translated: the translation begins “${quote(target, 16)}” without the place the source is dated from.`,
          a,
          b: sentencesLocation(bead.b),
          evidence: a ? [a] : [],
        });
        continue;
      }
    }
    const a = locateInBead(bead.a, acronym.start, acronym.end);
    drafts.push({
      kind: 'name',
      severity: 'major',
      message: `Acronym “${bead.aText.slice(acronym.start, acronym.end)}” of the source does not reappear in the translation.`,
      a,
      b: sentencesLocation(bead.b),
      evidence: a ? [a] : [],
    });
  }
  return drafts;
}

/** Compiled patterns of acronyms met lately (an acronym recurs through a document); bounded, cleared when full. */
const acronymPatterns = new Map<string, RegExp>();

/** The acronym standing alone in upper-cased text, maybe with a plural or possessive S. */
function standingAcronym(acronym: string): RegExp {
  let pattern = acronymPatterns.get(acronym);
  if (!pattern) {
    if (acronymPatterns.size >= 1000) acronymPatterns.clear();
    acronymPatterns.set(acronym, (pattern = new RegExp(`(?<![A-Z0-9])${acronym}(?:S|'S|’S)?(?![A-Z0-9])`)));
  }
  return pattern;
}

/**
 * A dateline opening a text: one or more capitalised place words, maybe with commas and initials, then a dash
 * ("Washington, D.C. —", "GENEVA (Reuters) -", "Beijing —"). Offsets of the place and of the whole dateline.
 */
export function datelineOf(text: string): { start: number; placeEnd: number; end: number } | undefined {
  const m = /^(\s*)((?:[A-Z][\p{L}'’-]*\.?|(?:[A-Z]\.)+)(?:,?\s+(?:[A-Z][\p{L}'’-]*\.?|(?:[A-Z]\.)+)){0,4})\s*(?:\([^)]{1,30}\)\s*)?[—–]|^(\s*)((?:[A-Z][\p{L}'’-]*\.?|(?:[A-Z]\.)+)(?:,?\s+(?:[A-Z][\p{L}'’-]*\.?|(?:[A-Z]\.)+)){0,4})\s*(?:\([^)]{1,30}\)\s*)?--?\s/u.exec(text);
  if (!m) return undefined;
  const lead = (m[1] ?? m[3] ?? '').length;
  const place = m[2] ?? m[4] ?? '';
  return { start: lead, placeEnd: lead + place.length, end: m[0].length };
}

/** Some word of the dateline's place stands in the translation, literally or through a lexicon rendering. */
function datelineRendered(place: string, target: string, lexicon: CheckLexicon | undefined): boolean {
  for (const word of place.match(/[A-Za-z]{3,}/g) ?? []) {
    if (target.toLowerCase().includes(word.toLowerCase())) return true;
    if (lexicon?.chineseFor(word).some((w) => w.length >= 2 && lexicon.isName(w) && target.includes(w))) return true;
  }
  return false;
}

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'de', 'a', 'an', '&']);

/** GDP ~ "gross domestic product": consecutive words whose initials spell the acronym. */
function spelledOut(acronym: string, text: string): boolean {
  const words = (text.match(/[A-Za-z]+/g) ?? []).filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  const initials = words.map((w) => w[0]!.toUpperCase()).join('');
  return acronym.length >= 2 && initials.includes(acronym.replace(/[0-9&]/g, ''));
}

/** 中情局 glosses "CIA"; 新冠肺炎 glosses "COVID". */
function glossedBy(acronym: string, text: string, lexicon: CheckLexicon | undefined): boolean {
  if (!lexicon || !/[\u4e00-\u9fff]/.test(text)) return false;
  const stem = stemEnglish(acronym);
  return lexicon.chineseFor(acronym).some((w) => w.length >= 2 && text.includes(w) && lexicon.glosses(w).includes(stem));
}

function checkNamePair(bead: Bead, englishSide: 'a' | 'b', m: Matcher): Draft[] {
  const chineseSide = englishSide === 'a' ? 'b' : 'a';
  const english = englishSide === 'a' ? bead.aText : bead.bText;
  const chinese = englishSide === 'a' ? bead.bText : bead.aText;
  // “我国” (our country), “该国” (that country) stand for a country the English names: such a country is no orphan.
  const countryByPronoun = /[我本该該][国國]/.test(chinese);
  const allTokens = capitalisedTokens(english);
  const tokens = standaloneTokens(english, allTokens);
  // Only names the lexicon knows can be found rendered wrongly; most sentences have none, and segmenting the
  // Chinese is the costly part.
  if (!tokens.some((t) => knownNames(m, t).length)) return [];
  const names = chineseNames(chinese, m.lexicon);
  if (!names.length) return [];
  const englishStems = new Set<string>();
  for (const w of english.match(/[A-Za-z]+/g) ?? []) {
    const s = stemEnglish(w);
    if (s) englishStems.add(s);
  }
  const acronyms = findAcronyms(english).map((a) => a.text.toLowerCase());
  const capitalStems = new Set([...allTokens.map((t) => t.stem), ...acronyms]);
  // Cheap tests first: the reverse lexicon (renderings) is consulted only for names still unexplained.
  const orphanNames = names
    .filter(
      (w) =>
        // Xinhuanet ~ 新华网 (xinhua): an English word may carry the name as its stem's prefix.
        ![...englishStems].some((s) => sameStem(s, w.glosses[0]!) || (w.glosses[0]!.length >= 4 && s.startsWith(w.glosses[0]!))) &&
        !w.glosses.slice(0, 4).some((g) => capitalStems.has(g)) &&
        // 美帝 (unit, state …) ~ "US": an acronym of the English spelled by the word's glosses.
        !acronyms.some((a) => initialsOf(w.glosses).includes(a)) &&
        !transliterated(m, w, english, allTokens),
    )
    .filter((w) => !allTokens.some((t) => related(m, t, w)) && primarilyName(m, w.word));
  // A name said more often in the Chinese than anything in the English accounts for (中国 twice, "Chinese" once):
  // the surplus mention is an orphan too, though only when an English name is left unrendered to pair it with.
  const surplus = surplusMentions(m, names, allTokens, orphanNames, chinese);
  if (!orphanNames.length && !surplus.length) return [];
  const pinyin = syllables(m, chinese);
  const orphanTokens = tokens.filter(
    (t) =>
      knownNames(m, t).length &&
      !(countryByPronoun && knownNames(m, t).some((w) => /[国國]$/.test(w))) &&
      !names.some((w) => related(m, t, w)) &&
      !renderedIn(m, t, chinese, names) &&
      !spelledInPinyin(t, pinyin),
  );
  const drafts: Draft[] = [];
  const used = new Set<ZhWord>();
  // Pair orphans best-first: closest in the spelling of the gloss (Turkic ~ turkei), then in position.
  const candidates = orphanTokens.flatMap((token) =>
    [...orphanNames, ...surplus].map((word) => ({
      token,
      word,
      score: commonPrefix(word.glosses[0]!, token.stem) * 10 - Math.abs(word.start / chinese.length - token.start / Math.max(1, english.length)),
    })),
  );
  candidates.sort((x, y) => y.score - x.score);
  const usedTokens = new Set<Token>();
  for (const { token, word } of candidates) {
    if (used.has(word) || usedTokens.has(token)) continue;
    used.add(word);
    usedTokens.add(token);
    const usual = knownNames(m, token).filter((w) => w !== word.word);
    // Of the usual renderings, the one written in the same script as the translation (Traditional or Simplified).
    const simplified = toSimplified(chinese) === chinese;
    const sameScript = (w: string) => Number((toSimplified(w) === w) === simplified);
    const prefer = usual.sort((x, y) => sameScript(y) - sameScript(x) || sharedCharacters(y, chinese) - sharedCharacters(x, chinese))[0];
    // A proper adjective (an adjectival ending: Turkic, Chinese) before a common noun (Turkic peoples) is a term;
    // a proper noun (Beijing, "Voltaire shall") is a name.
    const adjective = /(?:ic|ish|ese|an|ian|ean)$/.test(token.text) && /^\s+[a-z]/.test(english.slice(token.end, token.end + 3)) && !/^\s+(?:and|or|of|is|was|has|are|were|have|had|does|did|said|says|shall|will|would|can|could|should|must|may|might)\b/.test(english.slice(token.end, token.end + 9));
    const en = locateInBead(bead[englishSide], token.start, token.end);
    const zh = locateInBead(bead[chineseSide], word.start, word.end);
    const where: { a?: Location; b?: Location } = englishSide === 'a' ? { a: en, b: zh } : { a: zh, b: en };
    drafts.push({
      kind: adjective ? 'terminology' : 'name',
      severity: 'major',
      message: `“${token.text}” ${englishSide === 'a' ? 'is rendered as' : 'translates'} “${word.word}”, which means “${glossPhrase(word.word, word.glosses.slice(0, 2))}” — a different name${prefer ? `; “${token.text}” is usually ${prefer}` : ''}.`,
      ...where,
      evidence: [en, zh].filter((l): l is Location => !!l),
    });
  }
  return drafts;
}

/**
 * The last mention of each Chinese name that occurs more often than the English tokens related to it. Mentions
 * are counted in the text, inside longer words too (中国 in 中国特色社会主义, which "Chinese" accounts for).
 */
function surplusMentions(m: Matcher, names: ZhWord[], tokens: Token[], orphans: ZhWord[], chinese: string): ZhWord[] {
  const out: ZhWord[] = [];
  const byWord = new Map<string, ZhWord[]>();
  for (const w of names) if (!orphans.includes(w)) byWord.set(w.word, [...(byWord.get(w.word) ?? []), w]);
  // In a list of names (philosophers, member states) counts drift with every variant spelling: no surplus there.
  if (new Set(names.filter((w) => primarilyName(m, w.word)).map((w) => w.word)).size > 3) return out;
  for (const [word, mentions] of byWord) {
    const count = chinese.split(word).length - 1;
    if (count < 2 || !primarilyName(m, word)) continue;
    const accounted = tokens.filter((t) => related(m, t, mentions[0]!)).length;
    if (accounted >= 1 && count > accounted) out.push(mentions[mentions.length - 1]!);
  }
  return out;
}

function sharedCharacters(word: string, text: string): number {
  let n = 0;
  for (const ch of word) if (text.includes(ch)) n++;
  return n / word.length;
}

function commonPrefix(x: string, y: string): number {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}
