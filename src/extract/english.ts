/** Small English helpers shared by the extractors: tokens, capitalisation, word classes used as cues. */

export interface Token {
  text: string;
  start: number;
  end: number;
}

// Abbreviations with dots stay one token ("Dr.", "D.C."); words keep inner apostrophes and hyphens ("People’s").
const TOKEN = /(?:[A-Z]\.){2,}|(?:Dr|Mr|Mrs|Ms|Prof|St|Gen|Col|Lt|Sen|Rep|Gov|Jr|Sr|No|Art|Nos)\.(?=\s)|[\p{L}\p{N}]+(?:[’'\-][\p{L}\p{N}]+)*|\S/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  return out;
}

const tokenCache = new WeakMap<object, Token[]>();

/** Tokens of a sentence, computed once per sentence object. */
export function tokensOf(sentence: { text: string }): Token[] {
  let tokens = tokenCache.get(sentence);
  if (!tokens) tokenCache.set(sentence, (tokens = tokenize(sentence.text)));
  return tokens;
}

export const isCapitalised = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(w);
};
export const isAcronym = (w: string): boolean => /^(?:[A-Z]{2,7}s?|(?:[A-Z]\.){2,})$/.test(w);
export const isWord = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
  if (c < 128) return false;
  return /^[\p{L}\p{N}]/u.test(w);
};

export const MONTHS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
export const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));

/** Capitalised words that start sentences but never names. */
export const FUNCTION_WORDS = new Set(
  (
    'the a an this that these those in on at for from by with as after before during since every each our we their they it its he she ' +
    'his her i you your my us them there here furthermore however moreover meanwhile according while when although though if but and or ' +
    'nor so yet also then thus hence today yesterday tomorrow all some many most no not any such what which who whom whose where why how ' +
    'under over between among against through throughout into onto upon about without within beyond despite'
  ).split(' '),
);

/** Words that give a person's office: they separate an organisation (before) from a name (after). */
export const ROLE_WORDS = new Set(
  'president vice prime minister foreign secretary secretary-general general chairman chairwoman chairperson chair director spokesperson spokesman spokeswoman ambassador senator representative commissioner professor doctor dr. prof. mr. mrs. ms. judge chief executive leader founder deputy governor mayor envoy rapporteur coordinator head'.split(' '),
);

/** Head words of organisation names. */
export const ORGANISATION_HEADS = new Set(
  'government party army court assembly council agency committee commission congress organization organisation nations ministry office department bureau institute foundation parliament senate coalition movement front forces police service society association center centre alliance league tribunal network watch amnesty federation authority administration corps guard navy'.split(' '),
);

/** Head words of place names (states are places). */
export const PLACE_HEADS = new Set('republic union kingdom states emirates province region city county island islands mountains river sea ocean state territory prefecture district'.split(' '));

/** Head words of documents: a capitalised phrase ending in one is a cited text, not an entity. */
export const DOCUMENT_HEADS = new Set('resolution resolutions report charter act convention covenant declaration treaty constitution law statute protocol'.split(' '));

/** Verbs of saying, for quotations and reported speech. */
export const SPEECH_VERBS = 'said|says|say|stated|states|state|added|adds|told|tells|explained|explains|noted|notes|declared|declares|announced|announces|stressed|stresses|emphasized|emphasised|urged|warned|warns|wrote|writes|argued|argues|claimed|claims|insisted|insists|asserted|asserts|remarked|continued|concluded|affirmed|reaffirmed|proclaimed|acknowledged|admitted|confirmed|reported';

/** Is the token at `i` in the first word position of its sentence or clause (after a quote, list marker or colon)?
 *  Called for every capitalised token, so tokens are tested by character, not by regular expression. */
export function isInitialPosition(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]!.text;
    if (isOneOf(t, OPENERS)) continue;
    if (isDigits(t) && j + 1 < tokens.length && isOneOf(tokens[j + 1]!.text, ').')) return true;
    if (isOneOf(t, ').') && j > 0 && isDigits(tokens[j - 1]!.text)) {
      j--;
      continue;
    }
    return isOneOf(t, ':.!?;');
  }
  return true;
}

/** Quotes, brackets and dashes that may come before the first word of a clause. */
const OPENERS = '“"‘\'([—–-';
const isOneOf = (token: string, chars: string): boolean => token.length === 1 && chars.includes(token);
/** /^\d+$/: ASCII digits only. */
function isDigits(token: string): boolean {
  if (token.length === 0) return false;
  for (let k = 0; k < token.length; k++) {
    const c = token.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Past participle of a verb lemma or form ("assassinate" → "assassinated", "kill" → "killed"). */
export function pastParticiple(verb: string): string {
  const v = verb.toLowerCase();
  if (/ed$/.test(v)) return v;
  if (/ing$/.test(v)) return v.replace(/ing$/, /[^aeiou][aeiou][tdn]ing$/.test(v) ? 'ed' : 'ed');
  if (/e$/.test(v)) return v + 'd';
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ied';
  return v + 'ed';
}

export const stripThe = (s: string): string => s.replace(/^(?:the|a|an)\s+/i, '');
