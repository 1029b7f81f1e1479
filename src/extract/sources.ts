/**
 * Cited sources: texts and bodies a statement relies on — resolutions (with number and date), reports,
 * broadcasts and statements, laws and charters, court rulings. A court, tribunal or UN body named as someone to
 * act ("hold China accountable through the ICJ") is an organisation, not a cited source: it becomes a source
 * only when something it decided or said is invoked ("the ICJ ruled", "the ruling of the ICJ").
 */
import type { SourceFact } from '../model.js';
import type { EntityMention } from './entities-en.js';
import type { TimeMention } from './times.js';
import { isChinese, type SentenceRef } from './view.js';

export interface SourceMention {
  sentence: SentenceRef;
  start: number;
  end: number;
  kind: SourceFact['kind'];
  name: string;
  number?: string;
  date?: string;
  issuer?: string;
  /** "the report", "報告": a second mention of a source cited before, not a new one. */
  anaphoric?: boolean;
}

const DOC_NOUN_EN = 'report|study|investigation|assessment|memo|memorandum|cable|dossier|white paper|survey|document';
const STATEMENT_NOUN_EN = 'statement|press release|speech|announcement|communiqué|communique|interview|testimony';
const DOC_NOUN = new RegExp(`\\b(${DOC_NOUN_EN})s?\\b`, 'gi');
const BROADCAST_NOUN = new RegExp(`\\b(?:broadcast|${STATEMENT_NOUN_EN})`, 'i');
const BROADCAST = new RegExp(`\\b(?:a|an|the|its|their)\\s+((?:[\\p{L}-]+\\s+){0,2}?)(broadcast|${STATEMENT_NOUN_EN})s?\\b`, 'giu');
const LAW_HEAD = /\b(?:Charter|Act|Convention|Covenant|Declaration|Treaty|Constitution|Protocol|Statute|Law)\b/;

export function findSources(sentence: SentenceRef, entities: EntityMention[], times: TimeMention[]): SourceMention[] {
  const found = isChinese(sentence.language) ? chineseSources(sentence, entities, times) : englishSources(sentence, entities, times);
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: SourceMention[] = [];
  for (const s of found) if (!out.some((o) => s.start < o.end && o.start < s.end)) out.push(s);
  return out;
}

/** The entity whose mention ends right before `at` (allowing a space or a possessive): the issuer in "CIA report". */
function issuerBefore(entities: EntityMention[], text: string, at: number): EntityMention | undefined {
  return entities.find((e) => e.end <= at && (e.kind === 'person' ? /^[’']s\s*$/ : /^(?:[’']s)?\s*$/).test(text.slice(e.end, at)));
}

/** A date right after the phrase: "of 30 November 1973", "in March 1954", "released in 2020". */
function dateAfter(times: TimeMention[], text: string, end: number): TimeMention | undefined {
  return times.find((t) => t.start >= end && t.type === 'DATE' && /^\s*,?\s*(?:(?:adopted|issued|released|published|dated|broadcast|aired)\s+)?(?:of|in|on|from|dated)?\s*$/i.test(text.slice(end, t.start)));
}

const DETERMINERS = /^(?:a|an|the|this|that|these|those|its|their|his|her|our)$/i;
const FUNCTION = /^(?:to|of|in|on|at|by|for|with|from|according|and|or|which|who|was|were|is|are|be|been|as|than|whereas|while|into|through)$/i;

/** The determiner and modifiers before a noun: "A declassified CIA report" → "A", "declassified CIA". */
function leadingWords(text: string, at: number): { determiner?: string; modifiers: string; start: number } {
  let start = at;
  let modifiers = 0;
  const words = [...text.slice(Math.max(0, at - 80), at).matchAll(/[\p{L}\p{N}’'-]+/gu)].map((w) => ({ text: w[0], start: Math.max(0, at - 80) + w.index! }));
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (/[^\s]/.test(text.slice(w.start + w.text.length, start))) break; // punctuation between
    if (DETERMINERS.test(w.text)) {
      const modifierText = text.slice(w.start + w.text.length, at).trim();
      return { determiner: w.text, modifiers: modifierText, start: modifierText ? start : at };
    }
    if (FUNCTION.test(w.text) || modifiers >= 3) break;
    modifiers++;
    start = w.start;
  }
  return { modifiers: text.slice(start, at).trim(), start };
}

function englishSources(sentence: SentenceRef, entities: EntityMention[], times: TimeMention[]): SourceMention[] {
  const text = sentence.text;
  const out: SourceMention[] = [];
  const at = (start: number, end: number, kind: SourceMention['kind'], extra: Partial<SourceMention> = {}): SourceMention => {
    const m: SourceMention = { sentence, start, end, kind, name: text.slice(start, end), ...extra };
    const date = m.date ? undefined : dateAfter(times, text, end);
    if (date) ((m.date = date.value), (m.end = date.end));
    return m;
  };
  // Resolutions: "UN General Assembly Resolution 3070 of 30 November 1973", "UN resolutions", "resolution 2758".
  if (text.includes('esolution')) for (const m of text.matchAll(/\b[Rr]esolutions?\b(?:\s+(?:No\.\s*)?(\d+(?:\/\d+)?(?:\s*\((?:19|20)\d\d\))?))?/g)) {
    let start = m.index!;
    const issuer = issuerBefore(entities, text, start);
    if (issuer) start = issuer.start;
    const end = m.index! + m[0].length;
    const extra: Partial<SourceMention> = {};
    if (m[1]) extra.number = m[1];
    if (issuer) extra.issuer = issuer.name;
    out.push(at(start, end, 'resolution', extra));
  }
  // Reports and other documents: a determiner or an issuer before the noun, so "reported" or "to report" never count.
  for (const m of text.matchAll(DOC_NOUN)) {
    const nounStart = m.index!;
    const lead = leadingWords(text, nounStart);
    const issuer = issuerBefore(entities, text, nounStart);
    if (!lead.determiner && !issuer && !lead.modifiers) continue;
    // "open an investigation", "a survey of villages": activities, unless someone's ("a UN investigation").
    if (/^(?:investigation|study|survey|assessment|document)$/i.test(m[1]!) && !issuer) continue;
    if (/^(?:this|that)$/i.test(lead.determiner ?? '') && !lead.modifiers) continue; // "this report" is the statement itself
    const extra: Partial<SourceMention> = {};
    if (issuer) extra.issuer = issuer.name;
    if (/^the$/i.test(lead.determiner ?? '') && !lead.modifiers && !issuer) extra.anaphoric = true;
    const end = nounStart + m[0].length;
    const by = /^\s+(?:by|of|from)\s+(?:the\s+)?/.exec(text.slice(end));
    if (!issuer && by) {
      const named = entities.find((e) => e.start === end + by[0].length);
      if (named) ((extra.issuer = named.name), delete extra.anaphoric);
    }
    out.push(at(Math.min(lead.start, issuer?.start ?? nounStart), end, 'report', extra));
  }
  // Broadcasts and statements: "a radio broadcast in March 1954", "in a statement".
  if (BROADCAST_NOUN.test(text)) for (const m of text.matchAll(BROADCAST)) {
    if (/^(?:this|our)\b/i.test(m[0])) continue;
    const start = m.index! + m[0].indexOf(m[1] || m[2]!);
    const kind = /broadcast/i.test(m[2]!) ? 'broadcast' : 'statement';
    const issuer = issuerBefore(entities, text, m.index! + m[0].length - m[2]!.length);
    out.push(at(start, m.index! + m[0].length, kind, issuer ? { issuer: issuer.name } : {}));
  }
  // Laws and charters: a capitalised title with a document head ("the UN Charter", "the Genocide Convention").
  if (LAW_HEAD.test(text)) for (const m of text.matchAll(/\b((?:[A-Z][\p{L}.’'-]*\s+(?:of\s+(?:the\s+)?)?){0,5})(Charter|Act|Convention|Covenant|Declaration|Treaty|Constitution|Protocol|Statute|Law)\b((?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\p{L}’'-]*(?:\s+[A-Z][\p{L}’'-]*)*)?)/gu)) {
    if (!m[1]!.trim() && !m[3]) continue;
    const issuer = entities.find((e) => e.start === m.index! && e.end < m.index! + m[0].length && e.kind === 'organisation');
    out.push(at(m.index!, m.index! + m[0].length, 'law', issuer ? { issuer: issuer.name } : {}));
  }
  for (const m of text.matchAll(/\binternational\s+(?:humanitarian\s+|human\s+rights\s+|criminal\s+)?law\b/gi)) out.push({ sentence, start: m.index!, end: m.index! + m[0].length, kind: 'law', name: m[0] });
  // Court rulings: "the ruling of the ICJ", "the ICJ ruled".
  for (const m of text.matchAll(/\b(?:the\s+)?(ruling|judgment|judgement|verdict|advisory opinion|decision|order)\s+(?:of|by)\s+(?:the\s+)?/gi)) {
    const court = entities.find((e) => e.start === m.index! + m[0].length && /court|tribunal|ICJ|ICC|ECHR/i.test(e.name));
    if (court) out.push({ sentence, start: m.index!, end: court.end, kind: 'court', name: text.slice(m.index!, court.end).replace(/^the\s+/i, ''), issuer: court.name });
  }
  for (const e of entities) {
    if (!/court|tribunal|^IC[JC]$/i.test(e.name)) continue;
    const verb = /^\s+(ruled|found|held|ordered|concluded|determined)\b/.exec(text.slice(e.end));
    if (verb) out.push({ sentence, start: e.start, end: e.end + verb[0].length, kind: 'court', name: `${e.name} ${verb[1]}`, issuer: e.name });
  }
  return out;
}

function chineseSources(sentence: SentenceRef, entities: EntityMention[], times: TimeMention[]): SourceMention[] {
  const text = sentence.text;
  const out: SourceMention[] = [];
  const timeBefore = (at: number) => times.find((t) => t.type === 'DATE' && /^的?$/.test(text.slice(t.end, at)));
  // The patterns of resolutions, laws and court rulings try every position; each needs a word most sentences lack.
  if (/決議|决议/.test(text)) for (const m of text.matchAll(/((?:聯合國|联合国)?(?:大會|大会|安理會|安理会|安全理事會|安全理事会|人權理事會|人权理事会)?)(?:第\s*(\d+(?:\/\d+)?)\s*[號号])?(?:決議|决议)/g)) {
    const extra: Partial<SourceMention> = {};
    if (m[2]) extra.number = m[2];
    if (m[1]) extra.issuer = m[1];
    const date = timeBefore(m.index!);
    if (date) extra.date = date.value;
    out.push({ sentence, start: date?.start ?? m.index!, end: m.index! + m[0].length, kind: 'resolution', name: m[0], ...extra });
  }
  for (const m of text.matchAll(/報告|报告|調查報告|调查报告/g)) {
    const issuer = entities.find((e) => e.end === m.index! || (e.end === m.index! - 1 && text[e.end] === '的'));
    let start = issuer?.start ?? m.index!;
    let head = /(?:(解密|秘密|機密|机密|官方|內部|内部|最新)的?)?(一份|這份|这份|該份|该份|一項|一项|該|该|此)?$/.exec(text.slice(0, start));
    // "该组织的报告": whose report, as a modifier (a leading 根據/据 is the frame's, not the name's).
    const owner = !issuer && !head?.[0] ? /([\u4e00-\u9fff]{2,8})的$/.exec(text.slice(Math.max(0, start - 10), start)) : null;
    if (owner) {
      const phrase = owner[1]!.replace(/^.*?(?:根據|根据|依據|依据|按照|依照|據|据)/, '');
      if (phrase.length >= 2) head = Object.assign([phrase + '的', phrase, undefined], { index: 0, input: '' }) as unknown as RegExpExecArray;
    }
    const modifier = head?.[1];
    const determiner = head?.[2];
    const speechAfter = /^(?:中)?(?:指出|稱|称|顯示|显示|表示|說|说|提到|寫道|写道)/.test(text.slice(m.index! + m[0].length));
    if (!issuer && !modifier && !determiner && !speechAfter) continue;
    start -= head?.[0].length ?? 0;
    const extra: Partial<SourceMention> = {};
    if (issuer) extra.issuer = issuer.name;
    if (!issuer && !modifier && (!determiner || /該|该|此|這|这/.test(determiner))) extra.anaphoric = true;
    const date = timeBefore(start);
    if (date) extra.date = date.value;
    const end = m.index! + m[0].length;
    out.push({ sentence, start, end, kind: 'report', name: text.slice(start, end), ...extra });
  }
  for (const m of text.matchAll(/(廣播|广播|聲明|声明|新聞稿|新闻稿|講話|讲话)(?!員|员)/g)) {
    if (/(?:本|此|這份|这份)$/.test(text.slice(0, m.index!))) continue;
    const date = timeBefore(m.index!);
    const kind = /廣播|广播/.test(m[1]!) ? 'broadcast' : 'statement';
    const start = date?.start ?? m.index!;
    const extra: Partial<SourceMention> = date ? { date: date.value } : {};
    // "X今天发表声明": X issues it.
    const issuer = [...entities].reverse().find((e) => e.end <= start && /^[^，,。]{0,8}(?:發表|发表|發布|发布|發出|发出)(?:了)?(?:一份|一項|一项)?$/.test(text.slice(e.end, start)));
    if (issuer) extra.issuer = issuer.name;
    out.push({ sentence, start, end: m.index! + m[0].length, kind, name: text.slice(start, m.index! + m[0].length), ...extra });
  }
  if (/[法約约章言]/.test(text)) for (const m of text.matchAll(/(聯合國憲章|联合国宪章|國際(?:人道|刑事|人權)?法|国际(?:人道|刑事|人权)?法|[\u4e00-\u9fff]{2,8}(?:公約|公约|憲章|宪章|條約|条约|宣言))/g)) {
    const start = m.index! + (/^(?:在|和|與|与|及|根據|根据|依照|按照|符合)/.exec(m[0])?.[0].length ?? 0);
    out.push({ sentence, start, end: m.index! + m[0].length, kind: 'law', name: text.slice(start, m.index! + m[0].length) });
  }
  if (/法[院庭]/.test(text)) for (const m of text.matchAll(/([\u4e00-\u9fffA-Z]{2,12}(?:法院|法庭))(?:的)?(裁決|裁决|判決|判决|裁定|諮詢意見|咨询意见)/g)) out.push({ sentence, start: m.index!, end: m.index! + m[0].length, kind: 'court', name: m[0], issuer: m[1]! });
  return out;
}
