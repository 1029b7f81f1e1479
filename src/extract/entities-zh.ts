/**
 * Chinese names without a gazetteer: transliterated names joined by · (馬木提敏·阿拉), words the CC-CEDICT lexicon
 * marks as proper names (蘇聯, 新疆, 東突厥斯坦) joined with the institutional words that follow them
 * (東突厥斯坦 + 流亡政府, 中國 + 人民解放軍, 維吾爾 + 族), Latin acronyms inside Chinese text, and "名稱(ACR)".
 * Without the lexicon only the ·-names, acronyms and bracketed names are found.
 */
import { lexiconAvailable, loadLexicon, type Lexicon } from '../lang/lexicon.js';
import type { EntityMention } from './entities-en.js';
import type { SentenceRef } from './view.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Lexicon names that are dates or the language and people in general, not entities. */
const NOT_NAMES = /^(?:[一二三四五六七八九十]+月|星期.|禮拜.|礼拜.|中華|中华|華人|华人|漢語|汉语|中文)$/;
const NAME_DOT = /[\u3400-\u9fff]{1,12}[·•‧・][\u3400-\u9fff]{1,10}/g;
const ROLES = /(?:外交部長|外交部长|副總統|副总统|總統|总统|主席|總理|总理|部長|部长|發言人|发言人|秘書長|秘书长|主任|大使|議員|议员|領導人|领导人|博士|教授|先生|女士|將軍|将军|法官)/g;
const AFTER_NAME = /(?:博士|教授|先生|女士|說|说|表示|指出|稱|称|強調|强调|認為|认为|的|在|和|與|与|是|等|曾|也|則|则|已|被|將|将|對|对)+$/;

/** Words that turn a name before them into an organisation, a place or a group. */
const ORGANISATION_SUFFIX = /^(?:流亡政府|政府|共產黨|共产党|黨|党|人民解放軍|人民解放军|解放軍|解放军|軍隊|军队|軍|军|法院|法庭|大會|大会|委員會|委员会|組織|组织|議會|议会|國會|国会|聯盟|联盟|部|局|署|理事會|理事会)$/;
const PLACE_SUFFIX = /^(?:人民共和國|人民共和国|共和國|共和国|自治區|自治区|省|市|縣|县|州|地區|地区)$/;
const GROUP_SUFFIX = /^(?:族|民族|人|人民)$/;

export function findChineseEntities(sentence: SentenceRef): EntityMention[] {
  const text = sentence.text;
  const out: EntityMention[] = [];
  const taken = new Uint8Array(text.length);
  const take = (m: EntityMention) => {
    for (let k = m.start; k < m.end; k++) taken[k] = 1;
    out.push(m);
  };
  for (const m of text.matchAll(NAME_DOT)) for (const person of personFromDotName(sentence, m.index!, m[0])) take(person);
  const lexicon = lexiconAvailable() ? loadLexicon() : undefined;
  if (lexicon) for (const m of lexiconNames(sentence, lexicon, taken)) take(m);
  for (const m of text.matchAll(/[A-Z]{2,7}/g)) {
    const at = m.index!;
    if (taken[at] || /[A-Za-z]/.test(text[at - 1] ?? '') || /[A-Za-z]/.test(text[at + m[0].length] ?? '')) continue;
    // "(ETGE)" after a Chinese name is that name's acronym, not a mention of its own.
    if (/[(（]$/.test(text.slice(0, at)) && out.some((e) => e.acronym === m[0] && e.end >= at - 2)) continue;
    take({ sentence, start: at, end: at + m[0].length, text: m[0], name: m[0], kind: 'organisation', kindWeight: 0, acronym: m[0], isAcronym: true });
  }
  if (/[(（]\s*[A-Z]/.test(text)) for (const m of bracketedNames(sentence, taken)) take(m);
  out.sort((x, y) => x.start - y.start);
  return out;
}

function personFromDotName(sentence: SentenceRef, at: number, raw: string): EntityMention[] {
  const dot = raw.search(/[·•‧・]/);
  let left = raw.slice(0, dot);
  let role: string | undefined;
  let roleEnd = 0;
  for (const r of left.matchAll(ROLES)) ((role = r[0]), (roleEnd = r.index! + r[0].length));
  left = left.slice(roleEnd);
  const right = raw.slice(dot + 1, dot + 1 + 6).replace(AFTER_NAME, '').replace(AFTER_NAME, '');
  if (!left || !right) return [];
  const start = at + roleEnd;
  const end = at + dot + 1 + right.length;
  const name = sentence.text.slice(start, end);
  const person: EntityMention = { sentence, start, end, text: name, name, kind: 'person', kindWeight: 2 };
  if (role) person.role = role;
  // The organisation right before the role: a Latin acronym ("ETGE總統").
  const before = /([A-Z]{2,7})\s*$/.exec(sentence.text.slice(Math.max(0, at - 10), at + roleEnd - (role?.length ?? 0)));
  if (role && before) person.organisation = before[1];
  return [person];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function segmentWithOffsets(text: string, lexicon: Lexicon): Word[] {
  const words: Word[] = [];
  let pos = 0;
  for (const w of lexicon.segment(text)) {
    const at = text.indexOf(w, pos);
    if (at < 0) continue;
    words.push({ text: w, start: at, end: at + w.length });
    pos = at + w.length;
  }
  return words;
}

function lexiconNames(sentence: SentenceRef, lexicon: Lexicon, taken: Uint8Array): EntityMention[] {
  const text = sentence.text;
  const words = segmentWithOffsets(text, lexicon);
  const out: EntityMention[] = [];
  // A proper name whose first reading is a name (中國 Zhong1 guo2), not a common word that is also a title
  // (大學 da4 xue2 "university", also the classic); months and weekdays are dates.
  // Cheapest tests first: most words are single characters or common words without a name reading.
  const isName = (w: Word) => {
    if (w.text.length < 2 || taken[w.start] || !HAN.test(w.text[0]!)) return false;
    const entry = lexicon.entry(w.text);
    if (entry?.name !== true || !/^\p{Lu}/u.test(entry.pinyin)) return false;
    return !NOT_NAMES.test(w.text);
  };
  for (let i = 0; i < words.length; i++) {
    if (!isName(words[i]!)) continue;
    let j = i;
    while (j + 1 < words.length && words[j + 1]!.start === words[j]!.end && isName(words[j + 1]!)) j++;
    let kind: EntityMention['kind'] = 'place';
    let kindWeight = 0;
    const next = words[j + 1];
    if (next && next.start === words[j]!.end && !taken[next.start]) {
      if (ORGANISATION_SUFFIX.test(next.text)) ((kind = 'organisation'), (kindWeight = 2), j++);
      else if (PLACE_SUFFIX.test(next.text)) ((kind = 'place'), (kindWeight = 2), j++);
      else if (GROUP_SUFFIX.test(next.text)) ((kind = 'group'), (kindWeight = 2), j++);
    }
    if (kindWeight === 0 && /.{2}(?:族|民族)$/.test(words[j]!.text)) ((kind = 'group'), (kindWeight = 2));
    if (kindWeight === 0 && /(?:共和國|共和国|國|国)$/.test(words[j]!.text)) kindWeight = 1;
    if (kindWeight === 0 && /(?:黨|党|軍|军|政府)$/.test(words[j]!.text)) ((kind = 'organisation'), (kindWeight = 1));
    const start = words[i]!.start;
    const end = words[j]!.end;
    const name = text.slice(start, end);
    const m: EntityMention = { sentence, start, end, text: name, name, kind, kindWeight };
    const bracket = /^\s*[(（]\s*([A-Z]{2,7}|[\u3400-\u9fff]{2,12})\s*[)）]/.exec(text.slice(end));
    if (bracket) {
      if (/^[A-Z]/.test(bracket[1]!)) m.acronym = bracket[1]!;
      else m.gloss = bracket[1]!;
    }
    out.push(m);
    i = j;
  }
  return out;
}

/** A Chinese name right before "(ACR)" that the lexicon did not find, cut at the last function character. */
function bracketedNames(sentence: SentenceRef, taken: Uint8Array): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of sentence.text.matchAll(/([\u3400-\u9fff]{2,16})\s*[(（]\s*([A-Z]{2,7})\s*[)）]/g)) {
    let run = m[1]!;
    let start = m.index!;
    const cut = Math.max(...[...'的了在是和與与及對对將将把被由從从向為为使讓让於于其該该這这那並并'].map((c) => run.lastIndexOf(c)));
    if (cut >= 0) ((start += cut + 1), (run = run.slice(cut + 1)));
    if (run.length < 2 || taken[start] || taken[start + run.length - 1]) continue;
    const kind = /(?:政府|黨|党|軍|军|法院|組織|组织|大會|大会)$/.test(run) ? 'organisation' : 'place';
    out.push({ sentence, start, end: start + run.length, text: run, name: run, kind, kindWeight: 1, acronym: m[2]! });
  }
  return out;
}
