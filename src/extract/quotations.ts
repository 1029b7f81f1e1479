/**
 * Quotations and reported speech, per language version.
 *
 * - A quotation is a quoted passage with a speaker: attributed by a verb of saying next to it ("…," said X /
 *   X said: "…" / X說。/ X表示：「…」), by "according to X" / 報告指出, or continuing the previous quotation of
 *   the same speaker in the paragraph (a quote running over several sentences, or resumed after "said X.").
 * - A short quoted term with none of these (a staged “plane crash”) is a scare quote, not a quotation. A label
 *   introduced by "labeling them as" / 標記為 inside reported speech is the reported speaker's words.
 * - Reported speech ("X declared … that …", "According to the report, …", "X宣稱，…") is a frame: what follows
 *   is attributed to X (or to the source X spoke in), relayed by the author.
 */
import type { EntityMention } from './entities-en.js';
import { SPEECH_VERBS } from './english.js';
import type { SourceMention } from './sources.js';
import { isChinese, type SentenceRef } from './view.js';

export interface Speaker {
  name: string;
  kind: 'speaker' | 'source';
  mention?: EntityMention;
  source?: SourceMention;
  role?: string;
  organisation?: string;
}

export interface QuoteMention {
  version: string;
  /** Document offsets of the quoted words (marks excluded). */
  start: number;
  end: number;
  text: string;
  speaker: Speaker;
  /** The quote's pieces per sentence, offsets relative to the sentence. */
  parts: { sentence: SentenceRef; start: number; end: number }[];
}

/** A stretch of a sentence whose assertions belong to someone the author reports. */
export interface Frame {
  sentence: SentenceRef;
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  speaker: Speaker;
}

export interface VersionContext {
  text: string;
  sentences: SentenceRef[];
  entities: Map<string, EntityMention[]>;
  /** Sources per sentence, anaphoric ones already resolved to what they refer to. */
  sources: Map<string, SourceMention[]>;
}

// 說/稱 alone, not inside 小說, 據說, 名稱, 號稱 …
const ZH_SPEECH = '(?<![小據据聽听雖虽如傳传解演遊游勸劝])[說说]|表示|指出|(?<![名號号簡简俗統统堪職职尊暱昵對对])[稱称]|強調|强调|補充|补充|寫道|写道|宣稱|宣称|宣布|宣佈|聲稱|声称|認為|认为|提到';
const LABEL_EN = /\b(?:label(?:l)?(?:ing|ed)|call(?:ing|ed)|describ(?:ing|ed)|brand(?:ing|ed)|term(?:ing|ed)|dubb(?:ing|ed)|denounc(?:ing|ed))\b[^“"”]{0,40}$/i;
const LABEL_ZH = /(?:標記為|标记为|稱為|称为|稱之為|称之为|稱作|称作|形容為|形容为|斥為|斥为|列為|列为|視為|视为)\s*$/;
const ABBREVIATION_DOT = /(?<!\b(?:Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Gen|[A-Z]))[.;](?=\s|$)/;
const SPEAKER_NOUN_EN = /^(?:(?:a|an|the|one|another)\s+)?(?:[\p{L}-]+\s+){0,3}(?:spokes(?:person|man|woman)|official|officer|minister|director|president|chair(?:man|woman|person)?|expert|witness|activist|resident|researcher|lawyer|analyst|representative|diplomat|survivor|victim|source|leader|envoy|ambassador|professor|scholar)s?$/iu;
const SPEAKER_NOUN_ZH = /^[\u3400-\u9fff]{0,8}(?:發言人|发言人|官員|官员|負責人|负责人|主席|總統|总统|部長|部长|主任|專家|专家|人士|代表|學者|学者|律師|律师|證人|证人|倖存者|幸存者|受害者)$/;
const APPOSITION = new RegExp(`^,\\s+(?:the\\s+|a\\s+|an\\s+)?([a-z][\\p{L} -]{2,40}?)\\s+(?:of|at|for)\\s+(?:the\\s+)?([^,.;“”"]+?)(?=${ABBREVIATION_DOT.source}|,|$)`, 'u');
const ZH_FRAME = new RegExp(`(${ZH_SPEECH})\\s*[,，:：]`, 'g');
const EN_SPEECH = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'g');
const EN_ATTRIBUTION_ONLY = new RegExp(`^[,，]?\\s*(?:(?:${SPEECH_VERBS})\\s+[^“”"]{1,80}|[^“”"]{1,80}\\s+(?:${SPEECH_VERBS}))\\s*[.,;:]?$`);
const ZH_ATTRIBUTION_ONLY = new RegExp(`^[,，]?[^“”「」。]{0,30}(?:${ZH_SPEECH})(?:道)?[。，,:：]?$`);
const ZH_SPEAKER_AFTER = new RegExp(`^\\s*[,，。]?\\s*([^“”「」。，,]{1,30}?)(?:${ZH_SPEECH})(?:道)?(?=[。，,:：]|$)`);
const ZH_SPEAKER_BEFORE = new RegExp(`([^“”「」。，,]{1,30}?)(?:${ZH_SPEECH})(?:道)?\\s*[:：,，]?\\s*$`);
const EN_SPEAKER_AFTER = new RegExp(`^\\s*[,.!?]?\\s*(?:(?:${SPEECH_VERBS})\\s+(.+?)|(.+?)\\s+(?:${SPEECH_VERBS}))(?=${ABBREVIATION_DOT.source}|,|$)`);
const EN_SPEAKER_BEFORE = new RegExp(`([^“”".;:]{1,80}?)\\s+(?:${SPEECH_VERBS})(?:\\s+that)?\\s*[,:]?\\s*$`);

// ───────────── frames ─────────────

export function findFrames(sentence: SentenceRef, ctx: VersionContext): Frame[] {
  const text = sentence.text;
  const entities = ctx.entities.get(sentence.id) ?? [];
  const sources = ctx.sources.get(sentence.id) ?? [];
  const out: Frame[] = [];
  if (isChinese(sentence.language)) {
    for (const m of text.matchAll(ZH_FRAME)) {
      const verbAt = m.index!;
      if (insideQuote(text, verbAt)) continue;
      const subjectSource = sources.find((s) => s.end === verbAt || (s.end <= verbAt && /^中?$/.test(text.slice(s.end, verbAt))));
      const subject = [...entities].reverse().find((e) => e.end <= verbAt && /^(?:官方|正式|公開|公开|曾|已|也|則|则|再次)*$/.test(text.slice(e.end, verbAt)));
      const speaker = subjectSource ? sourceSpeaker(subjectSource) : subject ? speakerOf(subject, sources.find((s) => s.end <= subject.start && (s.kind === 'broadcast' || s.kind === 'statement'))) : undefined;
      if (speaker) out.push({ sentence, start: verbAt + m[0].length, end: text.length, speaker });
    }
    for (const m of text.matchAll(/(?:根據|根据|據|据)([^，,。]{1,30}?)(?:的)?(?:報導|报道|報告|报告|稱|称|顯示|显示)?[,，]/g)) {
      const phraseEnd = m.index! + m[0].length;
      const source = sources.find((s) => s.start >= m.index! && s.end <= phraseEnd);
      const entity = entities.find((e) => e.start >= m.index! && e.end <= phraseEnd);
      const speaker = source ? sourceSpeaker(source) : entity ? speakerOf(entity) : undefined;
      if (speaker) out.push({ sentence, start: phraseEnd, end: text.length, speaker });
    }
    return out;
  }
  for (const m of text.matchAll(/\bAccording to\s+([^,“"]{2,80}?),\s*/gi)) {
    const phraseStart = m.index! + m[0].indexOf(m[1]!);
    const phraseEnd = phraseStart + m[1]!.length;
    const source = sources.find((s) => s.start >= phraseStart && s.start < phraseEnd);
    const entity = entities.find((e) => e.start >= phraseStart && e.end <= phraseEnd);
    const speaker = source ? sourceSpeaker(source) : entity ? speakerOf(entity) : { name: m[1]!.replace(/^the\s+/i, ''), kind: 'speaker' as const };
    out.push({ sentence, start: m.index! + m[0].length, end: text.length, speaker });
  }
  for (const m of text.matchAll(EN_SPEECH)) {
    const verbAt = m.index!;
    if (insideQuote(text, verbAt)) continue;
    const rest = text.slice(verbAt + m[0].length);
    const that = /^([^“”".;]{0,90}?)\bthat\b\s*,?\s*/.exec(rest);
    if (!that) continue;
    const subject = [...entities].reverse().find((e) => e.end <= verbAt && /^(?:[’']s)?\s+(?:\p{Ll}+ly\s+|has\s+|have\s+|had\s+|also\s+|then\s+)*$/u.test(text.slice(e.end, verbAt)) && e.kind !== 'place');
    const between = verbAt + m[0].length + that[1]!.length;
    const source = sources.find((s) => s.start >= verbAt && s.end <= between + 1);
    if (!subject && !source) continue;
    const speaker = subject ? speakerOf(subject, source) : sourceSpeaker(source!);
    out.push({ sentence, start: verbAt + m[0].length + that[0].length, end: text.length, speaker });
  }
  return out;
}

function speakerOf(e: EntityMention, spokenIn?: SourceMention): Speaker {
  if (spokenIn) {
    spokenIn.issuer ??= e.name;
    return { name: spokenIn.name, kind: 'source', source: spokenIn, mention: e };
  }
  const s: Speaker = { name: e.name, kind: 'speaker', mention: e };
  if (e.role) s.role = e.role;
  if (e.organisation) s.organisation = e.organisation;
  return s;
}

const sourceSpeaker = (s: SourceMention): Speaker => ({ name: s.name, kind: 'source', source: s });

/** True when `at` lies between an opening and a closing quotation mark of the sentence. */
function insideQuote(text: string, at: number): boolean {
  let depth = 0;
  let straight = false;
  for (let i = 0; i < at; i++) {
    const c = text[i]!;
    if (c === '“' || c === '「' || c === '『') depth++;
    else if ((c === '”' || c === '」' || c === '』') && depth > 0) depth--;
    else if (c === '"') straight = !straight;
  }
  return depth > 0 || straight;
}

// ───────────── quotations ─────────────

interface RawQuote {
  open: number;
  close: number; // index of the closing mark, or paragraph end when unclosed
  closed: boolean;
}

const OPEN: Record<string, string> = { '“': '”', '「': '」', '『': '』' };

function pairQuotes(text: string, from: number, to: number): RawQuote[] {
  const out: RawQuote[] = [];
  const stack: { at: number; close: string }[] = [];
  let straightAt = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // Only quotation marks matter: “ ” 「 」 『 』 and ".
    if (code !== 0x22 && code !== 0x201c && code !== 0x201d && (code < 0x300c || code > 0x300f)) continue;
    const c = text[i]!;
    if (OPEN[c]) stack.push({ at: i, close: OPEN[c]! });
    else if (stack.length && c === stack[stack.length - 1]!.close) {
      const open = stack.pop()!;
      if (!stack.length) out.push({ open: open.at, close: i, closed: true });
    } else if (c === '"' && !stack.length) {
      if (straightAt < 0) straightAt = i;
      else (out.push({ open: straightAt, close: i, closed: true }), (straightAt = -1));
    }
  }
  // A quotation left open at the end of a paragraph (a cut-off text) runs to its end.
  if (stack.length) out.push({ open: stack[0]!.at, close: to, closed: false });
  return out.sort((x, y) => x.open - y.open);
}

/** The last person named before `at` in the version ("Callamard condemned the arrests. “…,” she said."). */
function personBefore(ctx: VersionContext, at: number): Speaker | undefined {
  for (let i = ctx.sentences.length - 1; i >= 0; i--) {
    const s = ctx.sentences[i]!;
    if (s.start >= at) continue;
    const person = (ctx.entities.get(s.id) ?? []).filter((m) => m.kind === 'person' && s.start + m.end <= at).pop();
    if (person) return speakerOf(person);
    if (at - s.end > 2000) break;
  }
  return undefined;
}

/** "he said", "她說": the speaker named last in the version. */
const PRONOUN = /^(?:he|she|他|她)$/i;
const PRONOUN_MARK: Speaker = { name: '(pronoun)', kind: 'speaker' };

export function findQuotations(ctx: VersionContext, frames: Frame[]): QuoteMention[] {
  const out: QuoteMention[] = [];
  let lastPerson: Speaker | undefined;
  const byParagraph = new Map<string, SentenceRef[]>();
  for (const s of ctx.sentences) {
    const list = byParagraph.get(s.paragraph) ?? [];
    list.push(s);
    byParagraph.set(s.paragraph, list);
  }
  for (const sentences of byParagraph.values()) {
    const from = sentences[0]!.start;
    const to = sentences[sentences.length - 1]!.end;
    const raws = pairQuotes(ctx.text, from, to);
    const speakers: (Speaker | undefined)[] = raws.map((q, i) => {
      const found = attributedSpeaker(ctx, sentences, q, raws[i - 1], raws[i + 1]);
      if (found === PRONOUN_MARK) return lastPerson ?? personBefore(ctx, q.open);
      if (found?.mention?.kind === 'person') lastPerson = found;
      return found;
    });
    // Continuations: a quote next to a quote of a known speaker, with only the attribution between them.
    for (let pass = 0; pass < 2; pass++) {
      raws.forEach((q, i) => {
        if (speakers[i]) return;
        const prev = raws[i - 1];
        const next = raws[i + 1];
        if (prev && speakers[i - 1] && isAttributionOnly(ctx.text.slice(prev.close + 1, q.open))) speakers[i] = speakers[i - 1];
        else if (next && speakers[i + 1] && isAttributionOnly(ctx.text.slice(q.close + 1, next.open))) speakers[i] = speakers[i + 1];
      });
    }
    raws.forEach((q, i) => {
      const speaker = speakers[i] ?? labelSpeaker(ctx, sentences, q, frames);
      if (!speaker) return; // scare quotes
      const start = q.open + 1;
      const end = q.closed ? q.close : trimEnd(ctx.text, start, q.close);
      const text = ctx.text.slice(start, end).replace(/^[\s]+|[\s,，]+$/g, '');
      if (!text) return;
      const parts = sentences
        .filter((s) => s.start < end && start < s.end)
        .map((s) => ({ sentence: s, start: Math.max(start, s.start) - s.start, end: Math.min(end, s.end) - s.start }));
      out.push({ version: sentences[0]!.version, start, end, text, speaker, parts });
    });
  }
  return out;
}

const trimEnd = (text: string, start: number, end: number) => {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
};

/** Text between two quotes that is only an attribution ("said X." / "X說。") or nothing. */
function isAttributionOnly(between: string): boolean {
  const t = between.trim();
  if (!t || /^[,.，。;；]$/.test(t)) return true;
  return EN_ATTRIBUTION_ONLY.test(t) || ZH_ATTRIBUTION_ONLY.test(t);
}

function sentenceAt(sentences: SentenceRef[], at: number): SentenceRef {
  return sentences.find((s) => at >= s.start && at < s.end) ?? sentences[sentences.length - 1]!;
}

/** Entity mentions of the paragraph overlapping [start, end) (document offsets). */
function mentionsIn(ctx: VersionContext, sentences: SentenceRef[], start: number, end: number): EntityMention[] {
  return sentences.flatMap((s) => (ctx.entities.get(s.id) ?? []).filter((m) => s.start + m.start >= start && s.start + m.end <= end));
}

function sourcesIn(ctx: VersionContext, sentences: SentenceRef[], start: number, end: number): SourceMention[] {
  return sentences.flatMap((s) => (ctx.sources.get(s.id) ?? []).filter((m) => s.start + m.start >= start && s.start + m.end <= end + 1));
}

function attributedSpeaker(ctx: VersionContext, sentences: SentenceRef[], q: RawQuote, prev: RawQuote | undefined, next: RawQuote | undefined): Speaker | undefined {
  const text = ctx.text;
  const zh = isChinese(sentences[0]!.language);
  const tailEnd = next ? next.open : sentences[sentences.length - 1]!.end;
  const tailStart = q.close + 1;
  const tail = text.slice(tailStart, Math.min(tailEnd, tailStart + 160));
  const headStart = Math.max(prev ? prev.close + 1 : sentences[0]!.start, sentenceAt(sentences, q.open).start);
  const head = text.slice(headStart, q.open);
  if (zh) {
    const after = ZH_SPEAKER_AFTER.exec(tail);
    if (after) return resolveSpeaker(ctx, sentences, tailStart + after[0].indexOf(after[1]!), tailStart + after[0].indexOf(after[1]!) + after[1]!.length, after[1]!);
    const before = ZH_SPEAKER_BEFORE.exec(head.slice(-40));
    if (before) {
      const at = q.open - head.slice(-40).length + before.index;
      return resolveSpeaker(ctx, sentences, at, at + before[1]!.length, before[1]!);
    }
    return undefined;
  }
  const after = EN_SPEAKER_AFTER.exec(tail);
  if (after) {
    const phrase = (after[1] ?? after[2])!;
    if (phrase.split(/\s+/).length <= 14 && !/[“”"]/.test(phrase)) {
      const at = tailStart + after[0].lastIndexOf(phrase);
      // "said Jane Doe, the director of Rights Watch": the apposition gives role and organisation.
      const apposition = APPOSITION.exec(text.slice(at + phrase.length, at + phrase.length + 120));
      const speaker = resolveSpeaker(ctx, sentences, at, at + phrase.length + (apposition?.[0].length ?? 0), phrase + (apposition?.[0] ?? ''));
      if (speaker && apposition && speaker.mention?.kind !== 'organisation') {
        speaker.role ??= apposition[1]!;
        speaker.organisation ??= apposition[2]!;
        if (speaker.mention && speaker.mention.kindWeight < 2) ((speaker.mention.kind = 'person'), (speaker.mention.kindWeight = 1));
      }
      return speaker;
    }
  }
  const according = /\bAccording to\s+([^,“"]{2,80}?),\s*$/i.exec(head);
  if (according) {
    const at = headStart + according.index + according[0].indexOf(according[1]!);
    return resolveSpeaker(ctx, sentences, at, at + according[1]!.length, according[1]!);
  }
  const near = head.slice(-120);
  const before = EN_SPEAKER_BEFORE.exec(near);
  if (before) {
    const at = q.open - near.length + before.index;
    return resolveSpeaker(ctx, sentences, at, at + before[1]!.length, before[1]!);
  }
  return undefined;
}

function resolveSpeaker(ctx: VersionContext, sentences: SentenceRef[], start: number, end: number, phrase: string): Speaker | undefined {
  const source = sourcesIn(ctx, sentences, start, end)[0];
  if (source) return sourceSpeaker(source);
  const mentions = mentionsIn(ctx, sentences, start, end);
  const person = mentions.find((m) => m.kind === 'person');
  const named = /^[^,]+,\s+(?:the|a|an)\s/.test(phrase) ? mentions[0] : undefined;
  const chosen = person ?? named ?? [...mentions].reverse().find((m) => m.kind === 'organisation' || m.kind === 'group') ?? mentions[mentions.length - 1];
  if (chosen) {
    const s = speakerOf(chosen);
    // "X, the Y of Z": role and organisation after the name.
    const apposition = /^,\s+(?:the\s+)?([a-z][\w -]{2,40}?)\s+of\s+(?:the\s+)?(.+)$/.exec(phrase.slice(phrase.indexOf(chosen.name) + chosen.name.length));
    if (apposition && !s.role) ((s.role = apposition[1]!), (s.organisation = apposition[2]!));
    if (!s.organisation && person) {
      const org = mentions.find((m) => m !== person && m.kind === 'organisation' && m.end <= person.start);
      if (org) s.organisation = org.name;
    }
    return s;
  }
  // Nobody named: only an office or a kind of person speaks ("a spokesperson said", "一名官員說").
  const name = phrase.trim().replace(/^(?:the|a|an)\s+/i, '');
  if (PRONOUN.test(name)) return PRONOUN_MARK;
  if (!name || !(SPEAKER_NOUN_EN.test(phrase.trim()) || SPEAKER_NOUN_ZH.test(name))) return undefined;
  return { name, kind: 'speaker' };
}

/** A quoted label inside reported speech ("labeling them as “…”") is the reported speaker's words. */
function labelSpeaker(ctx: VersionContext, sentences: SentenceRef[], q: RawQuote, frames: Frame[]): Speaker | undefined {
  const sentence = sentenceAt(sentences, q.open);
  const before = ctx.text.slice(sentence.start, q.open);
  const label = isChinese(sentence.language) ? LABEL_ZH.test(before) : LABEL_EN.test(before);
  const frame = frames.find((f) => f.sentence.id === sentence.id && f.start <= q.open - sentence.start);
  if (label && frame) return frame.speaker;
  return undefined;
}
