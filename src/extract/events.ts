/**
 * Events, sentence by sentence: a predicate from a small table of event verbs (assassinate, kill, invade,
 * occupy, declare, release, commemorate … and their Chinese equivalents, which also lets the two versions of
 * one event match), its agent (the first name of the clause not governed by a preposition; the possessor in
 * "China’s occupation has resulted in"), its patient (what follows the verb, or the subject of a passive),
 * the time expression of its own clause — or of the time adverbial that opens the sentence ("In September
 * 1949, …") — and the figures of its clause. An event is kept only when it is dated, counted, or has both
 * an agent and a patient: precision over recall.
 */
import type { EntityMention } from './entities-en.js';
import type { FigureMention } from './figures.js';
import type { TimeMention } from './times.js';
import { isChinese, type SentenceRef } from './view.js';

export interface EventMention {
  sentence: SentenceRef;
  /** Span of the predicate, relative to the sentence. */
  start: number;
  end: number;
  /** Predicate class shared by the languages: `assassinate`, `kill`, `invade` … */
  predicateClass: string;
  predicate: string;
  agent?: EntityMention | string;
  patient?: EntityMention | string;
  place?: EntityMention;
  time?: TimeMention;
  figures: FigureMention[];
  /** The subject is what undergoes it ("the leaders who were martyred"). */
  passive?: boolean;
  /** Kept only if it joins a fact found in another version (a Chinese clause with no date of its own). */
  weak?: boolean;
  /** "of" for nominal predicates ("launched … invasion of East Turkistan"). */
  connector?: string;
}

interface Predicate {
  cls: string;
  re: RegExp;
}

const PREDICATES_EN: Predicate[] = [
  { cls: 'assassinate', re: /\bassassinat(?:e|es|ed|ing)\b/g },
  { cls: 'kill', re: /\b(?:kill(?:s|ed|ing)?|massacr(?:e|es|ed|ing)|murder(?:s|ed|ing)?|execut(?:e|es|ed|ing))\b/g },
  { cls: 'martyr', re: /\bmartyred\b/g },
  { cls: 'orchestrate', re: /\borchestrat(?:e|es|ed|ing)\b/g },
  { cls: 'invade', re: /\b(?:invad(?:e|es|ed|ing)|launch(?:es|ed|ing)?\s+(?:its\s+|an?\s+|the\s+|their\s+)?(?:[\p{L}-]+\s+){0,3}?invasion)\b/gu },
  { cls: 'occupy', re: /\boccup(?:y|ies|ied|ying)\b/g },
  { cls: 'declare', re: /\b(?:declar(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|proclaim(?:s|ed|ing)?)\b/g },
  { cls: 'release', re: /\b(?:releas(?:e|es|ed|ing)|publish(?:es|ed|ing)?|declassif(?:y|ies|ied))\b/g },
  { cls: 'commemorate', re: /\b(?:marks|marked|commemorat(?:e|es|ed|ing))\b/g },
  { cls: 'establish', re: /\b(?:establish(?:es|ed)|founded|proclaimed)\b/g },
  { cls: 'arrest', re: /\b(?:arrest(?:s|ed)|detain(?:s|ed)|imprison(?:s|ed)|jail(?:s|ed)|sentenc(?:es|ed))\b/g },
  { cls: 'deport', re: /\b(?:deport(?:s|ed)|expel(?:s|led)|displac(?:es|ed))\b/g },
  { cls: 'adopt', re: /\badopt(?:s|ed)\b/g },
  { cls: 'cause', re: /\bresult(?:s|ed)?\s+in\b/g },
];

const PREDICATES_ZH: Predicate[] = [
  { cls: 'assassinate', re: /刺殺|刺杀|暗殺|暗杀/g },
  { cls: 'kill', re: /殺死|殺害|杀死|杀害|屠殺|屠杀|處決|处决/g },
  { cls: 'martyr', re: /殉難|殉难|殉國|殉国/g },
  { cls: 'orchestrate', re: /策劃|策划/g },
  { cls: 'invade', re: /發動(?:了)?[^，,。]{0,12}?(?:侵略|入侵)|(?<!的)入侵(?!者)/g },
  { cls: 'occupy', re: /(?<=[了將将會会能])佔領|(?<=[了將将會会能])占领/g },
  { cls: 'declare', re: /宣稱|宣称|宣布|宣佈/g },
  { cls: 'release', re: /解密|發布|发布|公布|發表|发表/g },
  { cls: 'commemorate', re: /紀念|纪念/g },
  { cls: 'establish', re: /(?<!新)成立(?!的)|建立了/g },
  { cls: 'arrest', re: /逮捕|拘留|監禁|监禁|關押|关押/g },
  { cls: 'deport', re: /驅逐|驱逐/g },
  { cls: 'adopt', re: /通過了|通过了/g },
  { cls: 'cause', re: /導致|导致/g },
];

const PREPOSITION_BEFORE = /\b(?:with|under|by|in|on|of|after|from|to|against|for|into|through|as|like|than|about|toward|towards|within|without|including)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u;
const MODAL_BEFORE = /\b(?:could|would|should|must|will|may|might|can|cannot|to)\s+(?:\p{Ll}+ly\s+)?$/u;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|remain|remains|remained)\s+(?:\p{Ll}+ly\s+)?$/u;
const ZH_PREPOSITION = /(?:在|對|对|向|從|从|給|给|與|与|和|及|由|為|为|於|于|把|將|将)$/;

/** All predicates of a language in one pattern, one group each, so a sentence is scanned once. */
const combined = (list: Predicate[], flags: string) => new RegExp(list.map((p) => `(${p.re.source})`).join('|'), flags);
const ALL_EN = combined(PREDICATES_EN, 'gu');
const ALL_ZH = combined(PREDICATES_ZH, 'g');

/** Clause pieces of a sentence: cut at punctuation and before subordinators, never inside a time expression. */
function segments(text: string, times: TimeMention[], zh: boolean): [number, number][] {
  const cuts = new Set<number>([0, text.length]);
  const re = zh ? /[，,；;：:。]/g : /[,;:]|\s(?=(?:that|which|who|whom|when|while|whereas|after|before|because|although)\b)/g;
  for (const m of text.matchAll(re)) {
    const at = m.index! + 1;
    if (times.some((t) => at > t.start && at < t.end)) continue;
    cuts.add(at);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(1).map((end, i) => [sorted[i]!, end]);
}

export function findEvents(sentence: SentenceRef, entities: EntityMention[], times: TimeMention[], figures: FigureMention[], exclude: [number, number][] = []): EventMention[] {
  const zh = isChinese(sentence.language);
  const text = sentence.text;
  const list = zh ? PREDICATES_ZH : PREDICATES_EN;
  const found = [...text.matchAll(zh ? ALL_ZH : ALL_EN)];
  if (!found.length) return [];
  const segs = segments(text, times, zh);
  const segOf = (at: number) => segs.findIndex(([s, e]) => at >= s && at < e);
  const out: EventMention[] = [];
  {
    for (const m of found) {
      const p = list[m.findIndex((g, k) => k > 0 && g !== undefined) - 1]!;
      const start = m.index!;
      const end = start + m[0].length;
      if (exclude.some(([s, e]) => start >= s && start < e)) continue;
      const before = text.slice(Math.max(0, start - 60), start);
      if (!zh && MODAL_BEFORE.test(before) && !/\bwent\s+on\s+to\s+$/.test(before)) continue;
      // "the release of", "its occupation": a noun, not a verb (the nominal invasion is matched with "launch").
      if (!zh && p.cls !== 'invade' && p.cls !== 'cause' && /^\s+of\b/.test(text.slice(end, end + 4)) && !/(?:ed|ing)$/.test(m[0])) continue;
      // "the then newly established republic": a participle used as an adjective.
      if (!zh && /ed$/.test(m[0]) && /\b(?:the|a|an|its|their|newly|recently|then|once|long|self|well|so-called)[\s-]+$/i.test(before)) continue;
      if (zh && /(?:打算|企圖|企图|意圖|意图|能夠|能够|可以|將要|将要)$/.test(before)) continue;
      const seg = segOf(start);
      const [segStart, segEnd] = segs[seg] ?? [0, text.length];
      const passive = zh ? /被$/.test(before) : PASSIVE_BEFORE.test(before) || /,\s*$/.test(before) && /ed$/.test(m[0]);
      const clauseStart = clauseStartOf(text, start, zh);
      const inClause = entities.filter((e) => e.start >= clauseStart && e.end <= start);
      let agent: EntityMention | string | undefined;
      let patient: EntityMention | string | undefined;
      if (passive) {
        patient = zh ? [...inClause].reverse().find((e) => e.end <= start) : passiveSubject(text, start, inClause);
        // "more than 1 million people were detained": the figure is what underwent it.
        const counted = figures.find((f) => f.end <= start && /^\s*(?:(?:were|was|had been|have been|has been|are|is|remain|remains)\s+)?(?:\p{Ll}+ly\s+)?$/u.test(text.slice(f.end, start)));
        if (counted && !zh) patient = counted.text;
        const by = zh ? undefined : /^\s+by\s+(?:the\s+)?/.exec(text.slice(end));
        if (by) agent = entities.find((e) => e.start === end + by[0].length);
      } else {
        agent = inClause.find((e) => zh ? !ZH_PREPOSITION.test(text.slice(Math.max(0, e.start - 1), e.start)) && !/^的/.test(text.slice(e.end, e.end + 1)) || /^的[^，,]{0,8}(?:佔領|占领|侵略|統治|统治)/.test(text.slice(e.end, e.end + 12)) : !PREPOSITION_BEFORE.test(text.slice(Math.max(clauseStart, e.start - 40), e.start)) && !(/^[’']s\s/.test(text.slice(e.end)) && inClause.some((o) => o.start > e.end && o.start - e.end <= 4)));
        if (!agent && !zh && /\b(?:we|We)\s+(?:\p{Ll}+ly\s+)?$/u.test(before)) agent = 'we';
        patient = zh ? patientZh(text, end, entities) : patientEn(text, end, entities, p.cls);
      }
      const time = timeFor(text, times, segs, seg, start, zh);
      const eventFigures = figures.filter((f) => f.start >= end && f.start < segEnd);
      if (!zh && !passive && eventFigures[0] && /^\s*$/.test(text.slice(end, eventFigures[0].start).replace(/\b(?:over|more than|at least|about|nearly|some|up to|the|of)\b/gi, ''))) patient = eventFigures[0].text;
      const predicate = zh ? m[0] : m[0].replace(/\s+/g, ' ');
      const e: EventMention = { sentence, start, end, predicateClass: p.cls, predicate, figures: eventFigures };
      if (!time && !eventFigures.length && !(agent && patient)) e.weak = true;
      if (passive) e.passive = true;
      if (p.cls === 'invade' && /invasion$/.test(predicate) && /^\s+of\b/.test(text.slice(end))) e.connector = 'of';
      if (agent) e.agent = agent;
      if (patient) e.patient = patient;
      if (time) e.time = time;
      const place = entities.find((x) => x.kind === 'place' && x.start >= segStart && x.end <= segEnd && x !== agent && x !== patient && (zh ? /在$/.test(text.slice(0, x.start)) : /\b(?:in|at|into)\s+$/.test(text.slice(0, x.start))));
      if (place) e.place = place;
      out.push(e);
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Where the clause of a verb at `at` begins: after "that", a semicolon, or the sentence start. */
function clauseStartOf(text: string, at: number, zh: boolean): number {
  const before = text.slice(0, at);
  const re = zh ? /[；;:：。—–]|(?:宣稱|宣称|表示|指出|說|说)[，,]/g : /[;:—–]|\bthat\b/g;
  let start = 0;
  for (const m of before.matchAll(re)) start = m.index! + m[0].length;
  return start;
}

function passiveSubject(text: string, at: number, inClause: EntityMention[]): EntityMention | string | undefined {
  const before = text.slice(Math.max(0, at - 80), at);
  // "the leaders who were martyred", "A declassified CIA report, released …"
  const m = /((?:the|a|an|those|these)\s+(?:[\p{L}’'-]+\s+){0,4}?[\p{L}’'-]+)(?:,\s*|\s+(?:who|which|that)\s+)?(?:(?:was|were|had been|have been|has been|is|are|remain|remains)\s+)?(?:\p{Ll}+ly\s+)?$/iu.exec(before);
  const entity = [...inClause].reverse().find((e) => e.end <= at && /^[\s,]*(?:(?:who|which|that)\s+)?(?:was|were|had been|have been|has been|is|are|remain|remains)?\s*$/.test(text.slice(e.end, at)));
  if (entity) return entity;
  return m ? m[1]! : undefined;
}

function patientEn(text: string, end: number, entities: EntityMention[], cls: string): EntityMention | string | undefined {
  let from = end;
  const of = /^\s+(?:of|against)\s+/.exec(text.slice(from));
  if (cls === 'invade' && of) from += of[0].length;
  const direct = entities.find((e) => e.start >= from && /^\s*(?:the\s+)?$/.test(text.slice(from, e.start)) && !/^[’']s\s/.test(text.slice(e.end)));
  if (direct) return direct;
  const m = /^\s+((?:the|a|an|its|their|his|her|our|those|these)?\s*(?:(?:[\p{L}\p{N},’'-]+|\(\p{Lu}{2,7}\))\s+){0,10}?[\p{L}\p{N}’'-]+)(?=\s+(?:in|on|at|with|during|since|through|into|for|to|across|between|while|as|by|from|under|using|labeling|that|which|who)\b|\s*[,.;:“”"]|\s*\((?!\p{Lu}{2,7}\))|$)/u.exec(text.slice(from));
  const phrase = m?.[1]?.trim();
  if (!phrase || /^(?:that|which|who|to|in|on|at|by|with|from|during|since|through|into|for|as|between)\b/i.test(phrase)) return undefined;
  return phrase;
}

function patientZh(text: string, end: number, entities: EntityMention[]): EntityMention | string | undefined {
  const rest = text.slice(end).replace(/^了/, '');
  const offset = end + (text.slice(end).startsWith('了') ? 1 : 0);
  const direct = entities.find((e) => e.start === offset || (e.start > offset && /^(?:[\d,]+名|超過|超过)?$/.test(text.slice(offset, e.start))));
  const np = /^([^，,。；;、“”]{1,24})/.exec(rest)?.[1];
  if (direct && (!np || np.length <= direct.end - offset + 2)) return direct;
  return np;
}

/** The time of a verb: in its own clause piece, else in the nearest earlier piece that is only a time adverbial. */
function timeFor(text: string, times: TimeMention[], segs: [number, number][], seg: number, at: number, zh: boolean): TimeMention | undefined {
  const [s, e] = segs[seg] ?? [0, text.length];
  const own = times.filter((t) => t.start >= s && t.start < e);
  if (own.length) return own.sort((x, y) => Math.abs(x.start - at) - Math.abs(y.start - at))[0];
  for (let k = seg - 1; k >= 0; k--) {
    const [ps, pe] = segs[k]!;
    const inPiece = times.filter((t) => t.start >= ps && t.end <= pe + 1);
    if (!inPiece.length) continue;
    let rest = text.slice(ps, pe);
    for (const t of inPiece) rest = rest.replace(t.text, ' ');
    const adverbial = zh ? /^[\s,，在於于自從从當时時]*$/.test(rest.replace(/[,，]/g, '')) : /^[\s,]*(?:(?:in|on|at|by|during|since|from|until|between|and|to|that|then|as of|of|the)\b[\s,]*)*$/i.test(rest);
    if (adverbial) return inPiece[inPiece.length - 1];
  }
  return undefined;
}
