/**
 * English content words for lexical matching: lower case, stop words dropped, irregular forms mapped to their
 * lemma, then Porter-stemmed. The lexicon compiler stems CC-CEDICT glosses with exactly this function, so a
 * stem found in English text can be compared with a stem in the compiled lexicon.
 */
import { stemmer } from 'stemmer';

/** Function words and dictionary labels (CC-CEDICT writes "sb", "sth", "lit.", "fig."): they carry no meaning to match. */
const STOPWORDS = new Set(
  (
    'a an the and or but nor if then else than so as at by for from in into of off on onto out over to up upon with within without about ' +
    'above after again against along among around before behind below beneath beside besides between beyond down during except inside ' +
    'near since through throughout till toward towards under underneath until unto via ' +
    'i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its ' +
    'itself they them their theirs themselves one ones oneself someone somebody something anyone anybody anything everyone everybody ' +
    'everything nobody nothing sb sth sb\'s sth\'s one\'s oneself ' +
    'this that these those who whom whose which what whatever whoever when where why how there here ' +
    'am is are was were be been being do does did doing done have has had having will would shall should can could may might must ' +
    'ought not no yes very too also just only even still yet ever never quite rather really such same other another each every ' +
    'all any both either neither some much many more most less least few several own ' +
    'let lets s t d ll m re ve don doesn didn isn aren wasn weren hasn haven hadn won wouldn shan shouldn can cannot couldn mustn ' +
    'oh ah eh hey well now etc esp e g i e lit fig abbr coll pr cl fam usu usually sometimes something somewhat kind sort type ' +
    'mr mrs ms miss sir madam'
  ).split(/\s+/),
);

/** Irregular verbs and plurals the Porter stemmer leaves apart from their lemma ("went" would never meet "go"). */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    'arose:arise arisen:arise awoke:awake awoken:awake bore:bear borne:bear beat:beat beaten:beat became:become began:begin begun:begin ' +
    'bent:bend bet:bet bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break bred:breed brought:bring ' +
    'built:build burnt:burn bought:buy caught:catch chose:choose chosen:choose clung:cling came:come crept:creep dealt:deal dug:dig ' +
    'dove:dive drew:draw drawn:draw dreamt:dream drank:drink drunk:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall ' +
    'fed:feed felt:feel fought:fight found:find fled:flee flung:fling flew:fly flown:fly forbade:forbid forbidden:forbid forgot:forget ' +
    'forgotten:forget forgave:forgive forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go ' +
    'grew:grow grown:grow hung:hang heard:hear hid:hide hidden:hide held:hold kept:keep knelt:kneel knew:know known:know ' +
    'led:lead leapt:leap learnt:learn left:leave lent:lend lit:light lost:lose made:make meant:mean met:meet ' +
    'paid:pay proven:prove quit:quit rode:ride ridden:ride rang:ring rung:ring rose:rise risen:rise ran:run said:say saw:see seen:see ' +
    'sought:seek sold:sell sent:send shook:shake shaken:shake shone:shine shot:shoot shown:show shrank:shrink shut:shut sang:sing ' +
    'sung:sing sank:sink sunk:sink sat:sit slept:sleep slid:slide slung:sling spoke:speak spoken:speak sped:speed spent:spend spun:spin ' +
    'spat:spit split:split spread:spread sprang:spring sprung:spring stood:stand stole:steal stolen:steal stuck:stick stung:sting ' +
    'stank:stink strode:stride struck:strike strung:string strove:strive swore:swear sworn:swear swept:sweep swam:swim swum:swim ' +
    'swung:swing took:take taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw trod:tread ' +
    'understood:understand woke:wake woken:wake wore:wear worn:wear wove:weave woven:weave wept:weep won:win wrung:wring ' +
    'wrote:write written:write men:man women:woman children:child feet:foot teeth:tooth geese:goose mice:mouse oxen:ox ' +
    'wives:wife knives:knife lives:life wolves:wolf leaves:leaf thieves:thief selves:self halves:half better:good best:good ' +
    'worse:bad worst:bad elder:old eldest:old'
  )
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/** Stems by word as given and by normalised word, bounded: a corpus' vocabulary, not its text. */
const stemCache = new Map<string, string>();

/** The stem of one English word, or '' for a stop word. */
export function stemEnglish(word: string): string {
  // Words recur in the same spelling, so the word as given is looked up first: no case folding, no regex.
  const known = stemCache.get(word);
  if (known !== undefined) return known;
  const lower = word.toLowerCase().replace(/[’‘]/g, "'");
  let stem = stemCache.get(lower);
  if (stem === undefined) {
    stem = '';
    const bare = lower.replace(/'s$/, '');
    if (bare.length > 1 && !STOPWORDS.has(bare) && !/^\d/.test(bare)) stem = stemmer(IRREGULAR[bare] ?? bare);
  }
  if (stemCache.size < 200_000) {
    stemCache.set(lower, stem);
    stemCache.set(word, stem);
  }
  return stem;
}

/** English words of a text (letters, inner apostrophes and hyphens split into parts). */
export function englishWords(text: string): string[] {
  return text.match(/[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?/g) ?? [];
}

/** The stems of the content words of an English text, in order (repeats kept). */
export function englishContentStems(text: string): string[] {
  const stems: string[] = [];
  for (const word of englishWords(text)) {
    const stem = stemEnglish(word);
    if (stem) stems.push(stem);
  }
  return stems;
}
