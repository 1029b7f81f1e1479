/**
 * English names without a gazetteer: runs of capitalised words (joined by "of", "in", "for", "on"), with
 * sentence-initial words kept only when the document also capitalises them mid-sentence, titles split off
 * ("ETGE President Dr. Mamtimin Ala" → organisation ETGE, role President, person Mamtimin Ala), acronyms
 * defined by "Full Name (ACR)", and a kind guessed from the head word.
 */
import type { EntityKind } from '../model.js';
import {
  DOCUMENT_HEADS, FUNCTION_WORDS, MONTHS, ORGANISATION_HEADS, PLACE_HEADS, ROLE_WORDS, WEEKDAYS,
  isAcronym, isCapitalised, isInitialPosition, isWord, tokensOf, type Token,
} from './english.js';
import type { SentenceRef } from './view.js';

export interface EntityMention {
  sentence: SentenceRef;
  /** Offsets relative to the sentence text. */
  start: number;
  end: number;
  text: string;
  /** The name as clustered: no article, no possessive, no title. */
  name: string;
  kind: EntityKind;
  /** How sure the kind is: 2 head word or title, 1 weaker cue, 0 default. */
  kindWeight: number;
  /** Acronym this mention defines ("East Turkistan Government in Exile (ETGE)") or is ("ETGE"). */
  acronym?: string;
  isAcronym?: boolean;
  /** For a person introduced with a title: the role and the organisation named before it. */
  role?: string;
  organisation?: string;
  /** A name given in brackets right after this one that is not its acronym ("Sinkiang (East Turkistan)"). */
  gloss?: string;
}

const CONNECTORS = new Set(['of', 'in', 'for', 'on', 'de', 'du', 'des', 'la', 'al', 'bin', 'van', 'von']);
/** Possessives that belong inside a name ("People’s Republic"), unlike "China’s occupation". */
const NAME_INTERNAL_POSSESSIVES = /^(?:People|Peoples|Women|Children|Workers|Citizens|Nations)[’']s?$/;
const DEMONYM_ADJECTIVE = /(?:ese|ic|ian|ish|an|i|ur|et)$/;
const GROUP_NOUNS = /^(?:people|peoples|community|communities|minority|minorities|diaspora|nation)$/;

export interface CapitalisationEvidence {
  /** Words the version capitalises somewhere other than the start of a sentence: evidence that they are names. */
  midSentence: Set<string>;
  /** Capitalised words also seen right before another capitalised word or in the plural ("Soviet Union",
   *  "Soviets"): alone before a common noun ("Soviet backing") they are adjectives, not names. */
  modifiers: Set<string>;
}

export function capitalisationEvidence(sentences: SentenceRef[]): CapitalisationEvidence {
  const midSentence = new Set<string>();
  const modifiers = new Set<string>();
  for (const s of sentences) {
    const tokens = tokensOf(s);
    tokens.forEach((t, i) => {
      if (!isCapitalised(t.text) || !isWord(t.text)) return;
      if (!isInitialPosition(tokens, i)) midSentence.add(bare(t.text));
      const next = tokens[i + 1];
      if (next && next.start === t.end + 1 && isCapitalised(next.text) && isWord(next.text) && !(hasApostrophe(t.text) && /[’']s$/.test(t.text))) modifiers.add(t.text);
      if (isPlural(t.text)) modifiers.add(t.text.slice(0, -1));
    });
  }
  return { midSentence, modifiers };
}

/** Most words have no apostrophe: they skip the regular expressions that look for a possessive. */
const hasApostrophe = (w: string) => w.includes("'") || w.includes('’');
const bare = (w: string) => (hasApostrophe(w) ? w.replace(/[’']s?$/, '') : w);
/** /[^s]s$/: ends in an s that does not double one ("Soviets", not "Congress"). */
const isPlural = (w: string) => w.length >= 2 && w.charCodeAt(w.length - 1) === 115 && w.charCodeAt(w.length - 2) !== 115;

export function findEnglishEntities(sentence: SentenceRef, evidence: CapitalisationEvidence): EntityMention[] {
  const { midSentence } = evidence;
  const tokens = tokensOf(sentence);
  const out: EntityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run = readRun(tokens, i, midSentence);
    if (!run) {
      i++;
      continue;
    }
    i = run.next;
    const found = analyseRun(sentence, tokens, run.from, run.to, evidence);
    // "(ETGE)" right after "East Turkistan Government in Exile" is part of that mention, not another one.
    const previous = out[out.length - 1];
    if (found.length === 1 && found[0]!.isAcronym && previous?.acronym === found[0]!.acronym && /^\s*[(（]\s*$/.test(sentence.text.slice(previous.end, found[0]!.start))) continue;
    out.push(...found);
  }
  markGroupLists(sentence.text, out);
  return out;
}

interface Run {
  from: number;
  /** Inclusive index of the last token. */
  to: number;
  next: number;
}

function startsName(tokens: Token[], i: number, midSentence: Set<string>): boolean {
  const w = tokens[i]!.text;
  if (!isWord(w) || !isCapitalised(w)) return false;
  const lower = bare(w).toLowerCase();
  if (MONTHS.has(lower) || WEEKDAYS.has(lower)) return false;
  if (isAcronym(w)) return true;
  if (FUNCTION_WORDS.has(lower) || w === 'I' || /[’'](?:ll|m|ve|d|re|t)$/i.test(w)) return false;
  if (/^\p{Lu}[\p{Ll}]*-\p{Ll}/u.test(w) && /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)/i.test(w)) return false;
  // Sentence-initial: a name if the document capitalises it elsewhere, or a title before a name ("Secretary General Agnès Callamard").
  return !isInitialPosition(tokens, i) || midSentence.has(bare(w)) || (ROLE_WORDS.has(lower) && tokens[i + 1] !== undefined && isCapitalised(tokens[i + 1]!.text));
}

function readRun(tokens: Token[], i: number, midSentence: Set<string>): Run | undefined {
  if (!startsName(tokens, i, midSentence)) return undefined;
  let to = i;
  let j = i;
  for (;;) {
    const t = tokens[j]!.text;
    // A possessive ends the name unless it is part of it ("People’s Republic").
    if (/[’']s$/.test(t) && !NAME_INTERNAL_POSSESSIVES.test(t)) break;
    const next = tokens[j + 1];
    if (!next || next.start > tokens[j]!.end + 1) break; // only single spaces inside names
    if (isCapitalised(next.text) && isWord(next.text) && !MONTHS.has(next.text.toLowerCase()) && !FUNCTION_WORDS.has(next.text.toLowerCase())) {
      j++;
      to = j;
      continue;
    }
    // "of", "in", "for" … inside a name, when a capitalised word follows ("Government in Exile", "Court of Justice").
    let k = j + 1;
    while (k < tokens.length && (CONNECTORS.has(tokens[k]!.text) || (tokens[k]!.text === 'the' && CONNECTORS.has(tokens[k - 1]!.text)))) k++;
    if (k > j + 1 && k < tokens.length && isCapitalised(tokens[k]!.text) && isWord(tokens[k]!.text) && !MONTHS.has(tokens[k]!.text.toLowerCase()) && !FUNCTION_WORDS.has(tokens[k]!.text.toLowerCase())) {
      j = k;
      to = j;
      continue;
    }
    break;
  }
  return { from: i, to, next: to + 1 };
}

function analyseRun(sentence: SentenceRef, tokens: Token[], from: number, to: number, evidence: CapitalisationEvidence): EntityMention[] {
  const words = tokens.slice(from, to + 1);
  const out: EntityMention[] = [];
  const after = tokens[to + 1];
  const last = words[words.length - 1]!.text;
  const followedByNoun = after !== undefined && /^\p{Ll}/u.test(after.text) && after.start === words[words.length - 1]!.end + 1 && !/[’']s?$/.test(last);
  if (followedByNoun && !isAcronym(last)) {
    const start = words[0]!.start;
    const head = after.text.replace(/[’']s?$/, '');
    // "Turkic peoples", "East Turkistani people": a group named by its people.
    if (GROUP_NOUNS.test(head) && (DEMONYM_ADJECTIVE.test(last) || evidence.modifiers.has(last))) {
      const end = after.start + head.length;
      const text = sentence.text.slice(start, end);
      return [{ sentence, start, end, text, name: text, kind: 'group', kindWeight: 2 }];
    }
    // "the Chinese government": an adjective of nationality before a governing body names that body.
    if (words.length === 1 && /^(?:government|authorities|regime|army|military|police|communists)$/.test(after.text)) {
      const text = sentence.text.slice(start, after.end);
      return [{ sentence, start, end: after.end, text, name: text, kind: after.text === 'communists' ? 'group' : 'organisation', kindWeight: 2 }];
    }
    // "Soviet backing", "Chinese Communist aggression", "Uyghur children": adjectives, not names.
    if (evidence.modifiers.has(last) || /(?:ese|ic|ian|ish|i|ur)$/.test(last)) return out;
  }
  if (words.length === 1 && /ese$/.test(last)) return out;
  // Titles split the run: organisation before, person after ("ETGE Foreign Minister Salih Hudayar").
  const roleAt = words.findIndex((w, k) => ROLE_WORDS.has(w.text.toLowerCase()) && k < words.length - 1 && !ORGANISATION_HEADS.has(words[k + 1]!.text.toLowerCase()));
  if (roleAt >= 0) {
    let nameAt = roleAt;
    while (nameAt < words.length && ROLE_WORDS.has(words[nameAt]!.text.toLowerCase())) nameAt++;
    const orgWords = words.slice(0, roleAt);
    const roleWords = words.slice(roleAt, nameAt).filter((w) => !/^(?:dr|prof|mr|mrs|ms)\.$/i.test(w.text));
    const nameWords = words.slice(nameAt);
    const organisation = orgWords.length ? mention(sentence, orgWords, 'organisation', 1) : undefined;
    if (organisation) out.push(organisation);
    if (nameWords.length) {
      const person = mention(sentence, nameWords, 'person', 2);
      if (roleWords.length) person.role = roleWords.map((w) => w.text).join(' ');
      if (organisation) person.organisation = organisation.name;
      out.push(person);
    }
    return out;
  }
  // A cited text ("UN General Assembly Resolution", "UN Charter") names its issuer, not an entity of its own.
  let end = words.length;
  while (end > 0 && DOCUMENT_HEADS.has(words[end - 1]!.text.toLowerCase())) end--;
  if (end === 0) return out;
  const kept = words.slice(0, end);
  const classified = classify(kept, tokens, to);
  const m = mention(sentence, kept, classified.kind, classified.weight);
  const bracket = bracketAfter(sentence.text, m.end);
  if (bracket) {
    if (acronymFits(bracket.inner, kept.map((w) => w.text))) m.acronym = bracket.inner;
    else if (/^\p{Lu}/u.test(bracket.inner) && bracket.inner.split(/\s+/).length <= 5) m.gloss = bracket.inner;
  }
  if (isAcronym(m.name)) {
    m.isAcronym = true;
    m.acronym = m.name.replace(/s$/, '');
  }
  out.push(m);
  return out;
}

function mention(sentence: SentenceRef, words: Token[], kind: EntityKind, kindWeight: number): EntityMention {
  let kept = words;
  while (kept.length > 1 && /^(?:Dr|Prof|Mr|Mrs|Ms)\.$/.test(kept[0]!.text)) kept = kept.slice(1);
  const first = kept[0]!;
  const last = kept[kept.length - 1]!;
  const end = /[’']s$/.test(last.text) ? last.end - 2 : /[’']$/.test(last.text) ? last.end - 1 : last.end;
  const text = sentence.text.slice(first.start, end);
  const m: EntityMention = { sentence, start: first.start, end, text, name: text, kind, kindWeight };
  if (isAcronym(text)) ((m.isAcronym = true), (m.acronym = text.replace(/s$/, '')));
  return m;
}

function classify(words: Token[], tokens: Token[], lastIndex: number): { kind: EntityKind; weight: number } {
  const texts = words.map((w) => w.text.replace(/[’']s$/, ''));
  const head = texts[texts.length - 1]!.toLowerCase();
  if (texts.some((w) => ORGANISATION_HEADS.has(w.toLowerCase())) && !PLACE_HEADS.has(head)) return { kind: 'organisation', weight: 2 };
  if (PLACE_HEADS.has(head)) return { kind: 'place', weight: 2 };
  const next = tokens[lastIndex + 1]?.text ?? '';
  const last = texts[texts.length - 1]!;
  // "Turkic peoples", "East Turkistani people": a group named by its people.
  if (GROUP_NOUNS.test(next) && DEMONYM_ADJECTIVE.test(last)) return { kind: 'group', weight: 2 };
  // Plural names of peoples: "Uyghurs", "Kazakhs", "East Turkistanis", "Chinese Communists".
  if (/[^su]s$/.test(last) && !/(?:ews|ics|ies)$/.test(last) && !isAcronym(last) && last.length > 3) return { kind: 'group', weight: 1 };
  if (isAcronym(last)) return { kind: 'organisation', weight: 0 };
  return { kind: 'place', weight: 0 };
}

/** True when `acronym` is made of the initials of the name's words, in order (connectors may be skipped). */
export function acronymFits(acronym: string, words: string[]): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  if (letters.length < 2 || !/^[A-Z]{2,8}$/.test(acronym.replace(/[.\s]/g, ''))) return false;
  const initials = words.flatMap((w) => w.split(/-/)).map((w) => w[0] ?? '').filter((c) => /\p{L}/u.test(c));
  if (initials[0]?.toUpperCase() !== letters[0]) return false;
  let k = 0;
  for (const c of initials) if (k < letters.length && c.toUpperCase() === letters[k]) k++;
  return k === letters.length;
}

function bracketAfter(text: string, end: number): { inner: string; start: number; end: number } | undefined {
  const m = /^\s*[(（]([^()（）]{1,60})[)）]/.exec(text.slice(end));
  return m ? { inner: m[1]!.trim(), start: end + m[0].indexOf(m[1]!), end: end + m[0].length } : undefined;
}

/** In "Uyghurs, Kazakhs, Kyrgyz, and other Turkic peoples" every item is a group once one of them is. */
function markGroupLists(text: string, mentions: EntityMention[]): void {
  for (let i = 0; i < mentions.length; i++) {
    let j = i;
    while (j + 1 < mentions.length && /^\s*,?\s*(?:and|or)?\s*(?:other\s+)?$/.test(text.slice(mentions[j]!.end, mentions[j + 1]!.start))) j++;
    if (j === i) continue;
    const list = mentions.slice(i, j + 1);
    if (list.some((m) => m.kind === 'group' && m.kindWeight >= 1)) for (const m of list) if (m.kindWeight === 0) ((m.kind = 'group'), (m.kindWeight = 1));
    i = j;
  }
}
