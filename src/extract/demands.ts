/**
 * Demands: calls to action. Three shapes, in English and Chinese:
 * - a call: "X calls upon / urges / appeals to ADDRESSEE to VP" (呼籲/敦促/要求 ADDRESSEE …);
 * - a numbered list after a call that ends with a colon ("… to act urgently:" then "1) Condemn …"): every item
 *   is its own demand, with its number, the call's addressee and the call's demander;
 * - an obligation laid on others: "The world must not ignore …", "The international community must recognize …"
 *   (國際社會必須…, 世界不應…). First-person obligations ("we must") are commitments, not demands.
 */
import type { EntityMention } from './entities-en.js';
import { FUNCTION_WORDS } from './english.js';
import { isChinese, type SentenceRef } from './view.js';

export interface DemandMention {
  sentence: SentenceRef;
  /** Further sentences of the same demand (a list item running over several sentences). */
  more: SentenceRef[];
  start: number;
  end: number;
  text: string;
  addressee?: string;
  item?: number;
  /** Which call of the version the item belongs to (1-based), for matching lists across versions. */
  list?: number;
  /** Who demands: an entity named as the subject of the call, or the author ("we"). */
  demander?: EntityMention;
}

const CALL_EN = /\b(calls?\s+(?:up)?on|called\s+(?:up)?on|urges?|urged|appeals?\s+to|appealed\s+to|implores?|demands?|requests?|asks?|encourages?|invites?)\s+(.+?)\s+to\b\s*(?::\s*|(?=\S))/i;
const MODAL_EN = /((?:[Tt]he\s+)?(?:international community|world|global community|[Uu]nited [Nn]ations|governments?|states|countries|nations|international organi[sz]ations|civil society|(?:\p{Lu}[\p{L}’'-]*)(?:\s+\p{Lu}[\p{L}’'-]*)*))\s+(must(?:\s+not)?|should(?:\s+not)?|needs?\s+to|has\s+to|have\s+to|ought\s+to|cannot(?=\s+(?:remain|ignore|stand|allow|tolerate|turn|look|accept|afford|continue))|can\s+no\s+longer)\s+([^.;]+)/gu;
const ITEM_EN = /^\s*(?:\(?(\d{1,2})[).]|([a-z])\)|[•·*\-–—])\s+/;

const CALL_ZH = /(呼籲|呼吁|敦促|促請|促请|懇請|恳请|要求|號召|号召)/;
const ADDRESSEE_ZH = /^(國際社會|国际社会|全球社會|全球社会|國際組織|国际组织|各國政府|各国政府|各國|各国|世界各國|世界各国|世界|聯合國|联合国|民間社會|民间社会|公民社會|公民社会|全世界|國際社群|国际社群)(?:[、，,和及與与]+(?:國際組織|国际组织|民間社會|民间社会|公民社會|公民社会|各國政府|各国政府))*/;
const MODAL_ZH = /(國際社會|国际社会|全球社會|全球社会|世界各國|世界各国|世界|各國政府|各国政府|聯合國|联合国|國際組織|国际组织)(必須|必须|應該|应该|應當|应当|不應該|不应该|不應|不应|不能|需要|應|应)([^。；;]+)/g;
const ITEM_ZH = /^\s*(?:[(（]?(\d{1,2}|[一二三四五六七八九十])[)）．.、]|[•·*\-–—])\s*/;

const ZH_NUMERALS = '一二三四五六七八九十';
const itemNumber = (raw: string) => (/^\d+$/.test(raw) ? Number(raw) : /^[a-z]$/.test(raw) ? raw.charCodeAt(0) - 96 : ZH_NUMERALS.indexOf(raw) + 1);

interface Call {
  addressee: string;
  demander?: EntityMention;
  list: number;
}

export function findDemands(sentences: SentenceRef[], entities: Map<string, EntityMention[]>): DemandMention[] {
  const out: DemandMention[] = [];
  let open: Call | undefined; // a call whose list is being read
  let calls = 0;
  let lastItem: DemandMention | undefined;
  for (const s of sentences) {
    const zh = isChinese(s.language);
    const marked = (zh ? ITEM_ZH : ITEM_EN).exec(s.text);
    const firstInParagraph = s.indexInParagraph === 0;
    // A list item whose bullet the reader already removed counts as an item too.
    const itemMatch = marked ?? (s.kind === 'list-item' ? Object.assign([''], { index: 0, input: s.text }) as unknown as RegExpExecArray : null);
    if (itemMatch && firstInParagraph && open) {
      const start = itemMatch[0].length;
      const text = s.text.slice(start).trim();
      const d: DemandMention = { sentence: s, more: [], start, end: s.text.length, text, addressee: open.addressee, list: open.list };
      const number = itemMatch[1] ?? itemMatch[2];
      if (number) d.item = itemNumber(number); // bullets have none
      if (open.demander) d.demander = open.demander;
      out.push(d);
      lastItem = d;
      continue;
    }
    if (!firstInParagraph && lastItem && lastItem.sentence.paragraph === s.paragraph) {
      lastItem.more.push(s);
      lastItem.text += ' ' + s.text.trim();
      continue;
    }
    lastItem = undefined;
    if (firstInParagraph) open = undefined;
    const call = zh ? callZh(s, entities.get(s.id) ?? []) : callEn(s, entities.get(s.id) ?? []);
    if (call) {
      calls++;
      if (call.listFollows) open = { addressee: call.addressee, list: calls, ...(call.demander ? { demander: call.demander } : {}) };
      else {
        const d: DemandMention = { sentence: s, more: [], start: call.start, end: call.end, text: call.text, addressee: call.addressee };
        if (call.demander) d.demander = call.demander;
        out.push(d);
      }
    }
    for (const m of obligations(s)) if (!out.some((d) => d.sentence === s && d.start <= m.start && m.start < d.end)) out.push(m);
  }
  return out;
}

interface CallMatch {
  addressee: string;
  demander?: EntityMention;
  listFollows: boolean;
  start: number;
  end: number;
  text: string;
}

function callEn(s: SentenceRef, entities: EntityMention[]): CallMatch | undefined {
  if (!CALL_WORD_EN.test(s.text)) return undefined;
  const m = CALL_EN.exec(s.text);
  if (!m) return undefined;
  const verbAt = m.index;
  const subjectText = s.text.slice(0, verbAt);
  // The subject: a name right before the verb, or "we"; "to urge" or "they ask" inside other clauses do not count.
  const demander = [...entities].reverse().find((e) => e.end <= verbAt && /^\s*(?:\p{Ll}+ly\s+)?(?:also\s+|again\s+|once again\s+)?$/u.test(s.text.slice(e.end, verbAt)) && e.kind !== 'place');
  if (!demander && !/\b(?:we|We)\s+(?:\p{Ll}+ly\s+)?(?:also\s+|again\s+)?$/u.test(subjectText)) return undefined;
  const addressee = m[2]!.replace(/^(?:the\s+)?/i, (x) => x).trim();
  const restStart = verbAt + m[0].length;
  const rest = s.text.slice(restStart).trim();
  const listFollows = /:\s*$/.test(s.text.trim()) && rest.replace(/:\s*$/, '').split(/\s+/).filter(Boolean).length <= 4;
  const text = rest.replace(/[.:]\s*$/, '');
  const out: CallMatch = { addressee, listFollows, start: verbAt, end: s.text.replace(/\s+$/, '').length, text: text || rest };
  if (demander) out.demander = demander;
  return out;
}

function callZh(s: SentenceRef, entities: EntityMention[]): CallMatch | undefined {
  const m = CALL_ZH.exec(s.text);
  if (!m) return undefined;
  const after = s.text.slice(m.index + m[0].length);
  const addresseeEntity = entities.find((e) => e.start === m.index + m[0].length);
  const addressee = ADDRESSEE_ZH.exec(after)?.[0] ?? addresseeEntity?.name;
  if (!addressee) return undefined;
  const demander = [...entities].reverse().find((e) => e.end <= m.index && /^\s*(?:再次|也|亦|強烈|强烈|緊急|紧急)?$/.test(s.text.slice(e.end, m.index)));
  if (!demander && !/我們|我们|我/.test(s.text.slice(Math.max(0, m.index - 4), m.index))) return undefined;
  const rest = after.slice(addressee.length);
  const listFollows = /[:：]\s*$/.test(s.text.trim()) && rest.replace(/[:：]\s*$/, '').length <= 10;
  const out: CallMatch = { addressee, listFollows, start: m.index, end: s.text.replace(/\s+$/, '').length, text: rest.replace(/^[，,]/, '').replace(/[。:：]\s*$/, '') };
  if (demander) out.demander = demander;
  return out;
}

const MODAL_WORD_EN = /\b(?:must|should|needs? to|has to|have to|ought to|cannot|can no longer)\b/;
const MODAL_WORD_ZH = /必須|必须|應|应|不能|需要/;
const CALL_WORD_EN = /\b(?:call|urge|appeal|implore|demand|request|ask|encourage|invite)/i;

function obligations(s: SentenceRef): DemandMention[] {
  const out: DemandMention[] = [];
  const zh = isChinese(s.language);
  if (!(zh ? MODAL_WORD_ZH : MODAL_WORD_EN).test(s.text)) return out;
  for (const m of s.text.matchAll(zh ? MODAL_ZH : MODAL_EN)) {
    const subject = m[1]!;
    const first = subject.split(/\s+/)[0]!;
    if (!zh && !/^[Tt]he$/.test(first) && (FUNCTION_WORDS.has(first.toLowerCase()) || /^(?:We|I|Our|It|They|He|She|What|Why|How|Who|Where|When|Which)$/.test(first))) continue;
    if (/[?？]\s*$/.test(s.text)) continue; // a question is not a demand
    const start = m.index!;
    const text = m[0].replace(/[”"」』,，\s]+$/, '').trim();
    out.push({ sentence: s, more: [], start, end: start + text.length, text, addressee: subject.replace(/^[Tt]he\s+/, 'the ') });
  }
  return out;
}
