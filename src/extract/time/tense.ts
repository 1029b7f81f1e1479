/**
 * The tense around an expression decides which "Friday" or "March 12" is meant: the one before the document
 * date in a report of what happened, the one after it in an announcement. We look for the nearest tense cue in
 * the clause (HeidelTime uses part-of-speech tags; cue words do nearly as well on news).
 */

const EN_FUTURE = /\b(?:will|won't|wo n't|'ll|shall|going to|plans? to|planned|planning|scheduled|expects? to|expected to|is to|are to|intends? to|would|next|upcoming|coming|tomorrow)\b/gi;
const EN_PAST =
  /\b(?:was|were|had|did|said|told|met|began|came|went|took|gave|made|held|left|fled|fell|rose|won|lost|sent|saw|became|brought|built|bought|found|fought|got|kept|led|paid|put|ran|sold|spoke|stood|struck|thought|wrote|ago|last|yesterday|earlier|previously|recently)\b|\b[a-z]{3,}ed\b/gi;
const ZH_FUTURE = /將|将|將會|将会|計劃|计划|預計|预计|打算|即將|即将|明年|下個|下个/g;
const ZH_PAST = /了|過|过|曾|已經|已经|去年|上個|上个/g;

/** The clause around an expression; Chinese clauses end at commas too (they join clauses, not phrases). */
function clause(text: string, start: number, end: number, lang: 'en' | 'zh'): [number, number] {
  const boundary = lang === 'zh' ? /[.!?;\n。！？；，,]/ : /[.!?;\n。！？；]/;
  let from = start;
  while (from > 0 && !boundary.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !boundary.test(text[to]!)) to++;
  return [from, to];
}

/** Distance to the nearest cue; cues after the expression count as farther (the governing verb usually precedes).
 *  Only the clause is searched: a regex run on the whole text would scan to its end whenever the clause has no
 *  further cue, which makes a long text quadratic. Clauses end at punctuation, so word boundaries are unchanged. */
function nearest(re: RegExp, text: string, from: number, to: number, start: number, end: number): number {
  const clauseText = text.slice(from, to);
  re.lastIndex = 0;
  let best = Infinity;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clauseText))) {
    const at = from + m.index;
    if (at >= start && at < end) continue; // the expression's own words ("last", "next") are not the verb
    const distance = at < start ? start - at : RIGHT_PENALTY + at - end;
    if (distance < best) best = distance;
  }
  return best;
}
const RIGHT_PENALTY = 30;

/** -1 past, 1 future, 0 when the clause says nothing. */
export function tenseAt(text: string, start: number, end: number, lang: 'en' | 'zh'): -1 | 0 | 1 {
  const [from, to] = clause(text, start, end, lang);
  const future = nearest(lang === 'en' ? EN_FUTURE : ZH_FUTURE, text, from, to, start, end);
  const past = nearest(lang === 'en' ? EN_PAST : ZH_PAST, text, from, to, start, end);
  if (future === Infinity && past === Infinity) return 0;
  return future <= past ? 1 : -1;
}
