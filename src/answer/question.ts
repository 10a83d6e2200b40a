import { MAX_QUESTION_LENGTH, questionTooLong } from '../contract/limits.js';
import { UserInputError } from '../contract/types.js';
import type { Expansion, Glossary } from '../search/glossary.js';
import type { PassageIndex, WeightedTerm } from '../search/index.js';
import { editDistance } from '../text/distance.js';
import { nameWords, tagWords } from '../text/english.js';
import { hasJapanese, isInflectedJapanese } from '../text/japanese.js';
import { japaneseSynonyms } from '../text/japanese-synonyms.js';
import { isRoleWord } from '../text/roles.js';
import { contentTerms, isStopWord, stem, stripInvisible, tokenize } from '../text/text.js';
import { isEnglishWord, isKindOf, type Pos, type Relation, relatedWords } from '../text/wordnet.js';
import { type AnswerType, MEASURES, type Measure } from './answer-type.js';
import { readingSize } from './corpus-size.js';
import {
  isJapaneseCountWord,
  isJapanesePhrasing,
  isJapaneseRegionName,
  isJapaneseTitle,
  japaneseAnswerType,
  japaneseMeasureAsked,
  japaneseMeasureNouns,
  japanesePlainNoun,
  japaneseRolesAsked,
  japaneseVerbNoun,
} from './japanese.js';

export type { AnswerType, Measure } from './answer-type.js';

/** One idea of the question: a word (or glossary wording) and the corpus wordings that express it. */
export interface Concept {
  /** The words as the user typed them (normalized). */
  label: string;
  /** Stem sequences that express the concept; the first is the user's own (typo-corrected). */
  alternatives: string[][];
  /** How much the concept counts: the IDF of its rarest known wording; unknown ideas weigh the most. */
  weight: number;
  /** Whether any alternative occurs in the corpus at all. */
  known: boolean;
  /** Written as a name: a capitalized word inside the question, or a name the English model knows ("china"). */
  named: boolean;
  /** An unknown name (a capitalized word, a country): something the corpus never mentions is asked about. */
  foreign: boolean;
  /** Known only through a general English word related to the user's ("envoy" → "ambassador"). */
  related: boolean;
  /**
   * For an idea the corpus does not use, whether it names a thing (a noun or a name) rather than saying how
   * (a verb, an adjective: "hope", "exhaustive"): unknown things decide more often that the corpus lacks it.
   */
  thing: boolean;
  /**
   * Whether it stands only in the context a user gives before asking ("I read that the deal was signed in May,
   * so who signed it?"), outside the question's asking part ({@link askingSpan}).
   */
  context: boolean;
  /**
   * A Japanese verb's or adjective's form kept as an idea because the corpus writes it (作|られる, 出|てる): what the
   * question says happened, which a document may say with another verb (賄う for 出す).
   */
  predicate?: boolean;
}

export interface AnalyzedQuestion {
  text: string;
  /**
   * The question as it is read: `text` with someone called by rank ("the agency's no. 2") written as the role that
   * names them ("the agency's deputy"). What the quotes index and the checks read; `text` is what the user typed, shown back.
   */
  read: string;
  type: AnswerType;
  /** Whether what it asks is negated ("who never signed…"): read from its asking part only ({@link negatedAsking}). */
  negated: boolean;
  /** For a quantity, the class of units it is counted in, when the question says ("how much does it weigh?"). */
  measure: Measure | null;
  /**
   * For "how many <things>" and "the number of <things>", the things counted ("satellites"; "person" for
   * "people"), unless they are a unit (then `measure` says what is counted): a count of other things ("four
   * square metres", "35 missions" for "how many people") does not answer it. `null` for other questions.
   */
  counted: string | null;
  /**
   * Whether it asks what a thing is called ("what's the name of the cargo ship", "the rover's name", "what is the
   * habitat called"): its answer is the sentence that gives the name, not any sentence on the thing. A person's
   * name is asked by a "who" or a "name of <role>" question (type `name`), never here.
   */
  asksName: boolean;
  /**
   * Whether it asks if a list stops or goes on ("is it limited to the listed areas?", "is the list just those few or
   * is there more?"): a text answers with a list that says it goes on ("…, and much more"), in words of its own.
   */
  asksListExtent: boolean;
  /** Stems of the roles a "who is the <role>" question names: its answer stands next to one of them. */
  roles: string[];
  concepts: Concept[];
  /** The ideas a right answer cannot leave out: the rarest ones the corpus knows. */
  main: Concept[];
  /** What retrieval searches for. */
  terms: WeightedTerm[];
}

/**
 * Words that say what kind of answer is wanted rather than what it is about ("signing date"). A Map, not an
 * object literal: a user's word may be "constructor", which every object literal has.
 */
const TYPE_WORDS = new Map<string, AnswerType>(
  Object.entries({
    date: 'date',
    day: 'date',
    year: 'date',
    month: 'date',
    time: 'date',
    week: 'date',
    place: 'place',
    location: 'place',
    venue: 'place',
    city: 'place',
    person: 'person',
    people: 'person',
    officials: 'person',
    many: 'quantity',
    number: 'quantity',
    count: 'quantity',
    money: 'money',
  }),
);

/**
 * Words of question phrasing that are not its topic: "what *kind* of…", "*besides* science", "what does ACME
 * *stand* for", "*according* to Smith", "when is it *supposed* to launch" (what a text says is planned, in its
 * own words: "targeted for", "expected to"); and words of chat that carry no idea ("tbh", "the moon n stuff").
 * Matching them would only add noise, and counting them as ideas the corpus lacks would abstain.
 */
const QUESTION_FILLERS = new Set(
  `kind kinds type types sort role part take took taken stand stands mean means meaning happen happened full
  official else besides both sides exactly actually really like main key specific particular according
  regarding related details detail info information tell told mention mentioned name named job position
  occupation title pls plz please thanks thx hey hi hello tbh btw imo idk lol kinda sorta stuff n etc yeah ok
  okay guys supposed`.split(/\s+/),
);

/** The fillers in any inflection ("what happens"): no related words are looked up for them. */
const FILLER_STEMS = new Set([...QUESTION_FILLERS].map(stem));

const MONEY_WORDS =
  /\b(money|budget|cost|costs|funding|fund|funds|price|spend|spent|pay|paid|dollars|yen|worth)\b/;
const YES_NO_START = /^(is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|may)\b/;
const QUESTION_WORDS = ['when', 'where', 'who', 'what', 'which', 'how', 'why', 'whose'];

/**
 * Which kinds of {@link TYPE_WORDS} only repeat what a question of each type asks for: a date word for a date,
 * a time or a duration ("how many years"), a count word for an amount, a person word for a count of people
 * ("how many people") as for a person.
 */
const SAYS_KIND = new Map<AnswerType, Set<AnswerType>>([
  ['date', new Set(['date'])],
  ['time', new Set(['date'])],
  ['duration', new Set(['date', 'quantity'])],
  ['place', new Set(['place'])],
  ['person', new Set(['person'])],
  ['name', new Set(['person'])],
  ['quantity', new Set(['quantity', 'person'])],
  ['money', new Set(['money', 'quantity'])],
]);

/** Words after "how" that ask an amount in some dimension ("how big is the dish", "how heavy are the trucks"). */
const HOW_DIMENSION = ['big', 'large', 'tall', 'heavy', 'fast'];

/** Words after "how" that say what kind of answer is wanted ("how much", "how long", "how soon"), as "when" does. */
const HOW_TYPED = new Set(['much', 'long', 'soon']);
/**
 * Words that, with "how long", only repeat that a duration is asked for: "how long does it *last*", "how long
 * is the *duration*". Without it "last" is often no verb ("what did they approve last").
 */
const DURATION_WORDS = new Set(['last', 'lasts', 'duration']);
const asksHowLong = (words: string[]) => words.some((w, i) => w === 'how' && words[i + 1] === 'long');

/**
 * Words that say in which dimension an asked-for amount is (general English, stems): "how much does it
 * *weigh*", "how many kilometers of *distance*". "Long" is left out: "how long" asks for a duration far more often.
 */
const MEASURE_WORDS = new Map<string, Measure>(
  Object.entries({
    weigh: 'mass unit',
    weight: 'mass unit',
    heavi: 'mass unit',
    heavier: 'mass unit',
    mass: 'mass unit',
    far: 'linear unit',
    distanc: 'linear unit',
    tall: 'linear unit',
    height: 'linear unit',
    wide: 'linear unit',
    width: 'linear unit',
    deep: 'linear unit',
    depth: 'linear unit',
    length: 'linear unit',
    volum: 'volume unit',
    area: 'area unit',
    percentag: 'proportion',
    percent: 'proportion',
    proport: 'proportion',
    fraction: 'proportion',
    fast: 'rate',
    // Not "big"/"large": "how big is the team" asks for a count as often as "how big is the dish" for a length.
    size: 'size',
    speed: 'rate',
    altitud: 'linear unit',
    elev: 'linear unit',
  }),
);

/**
 * Nouns of a dimension that ask for an amount of it when a "what" question or keywords name them ("at what
 * altitude…", "habitat elevation", "top speed"): stems of {@link MEASURE_WORDS} that are nouns of one meaning.
 * Not "area", "size", "length" or "volume": "what areas of cooperation", "what length of time".
 */
const MEASURE_NOUNS = new Set([
  'weight',
  'mass',
  'distanc',
  'height',
  'depth',
  'width',
  'speed',
  'altitud',
  'elev',
]);
/** Nouns of a stretch of time that ask for a duration the same way: "comms delay one way?", "funding period". */
const DURATION_NOUNS = new Set(['delai', 'lag', 'period', 'lifetim', 'lifespan']);

/** The unit after "how many" ("how many kg"), where it is one, its position and what it measures. */
function unitAfterHowMany(words: string[]): { at: number; measure: Measure } | null {
  const at = words.findIndex((w, i) => w === 'many' && words[i - 1] === 'how') + 1;
  const unit = at > 0 ? words[at] : undefined;
  // Its commonest meaning only: "how many volumes" counts books, though a volume may be a measure.
  const measure = unit ? MEASURES.find((m) => isKindOf(unit, m, 1)) : undefined;
  return measure ? { at, measure } : null;
}

/**
 * The things "how many <things>" or "the number of <things>" counts ({@link AnalyzedQuestion.counted}): the
 * word after it, unless that is a stop word ("how many of them") or a unit (a `measure`); after adjectives, the
 * noun they describe ("how many small drones": drones, as the tagger reads the `i`-th word's part of speech in
 * `tagsOf`); "people" and "persons" count persons, the word WordNet classes people under.
 */
function countedThing(
  words: string[],
  type: AnswerType,
  measure: Measure | null,
  tagsOf: (i: number) => ReadonlySet<string> | undefined,
): string | null {
  if (type !== 'quantity' || measure !== null) return null;
  const at =
    words.findIndex(
      (w, i) => (w === 'many' && words[i - 1] === 'how') || (w === 'of' && words[i - 1] === 'number'),
    ) + 1;
  const isWord = (w: string | undefined): w is string => !!w && !isStopWord(w) && /^\p{L}+$/u.test(w);
  const first = at > 0 ? words[at] : undefined;
  if (!isWord(first)) return null;
  let word = first;
  // Past adjectives only, to the first noun: a head noun for every phrase, tried before, cost the fit its floors;
  // and a count's reading matches any noun of its phrase ("four crew members" counts crew).
  if (tagsOf(at)?.has('Adjective'))
    for (let i = at + 1; isWord(words[i]); i++) {
      const tags = tagsOf(i);
      if (tags?.has('Noun') && !tags.has('Pronoun')) {
        word = words[i] as string;
        break;
      }
      if (!tags?.has('Adjective')) break;
    }
  return word === 'people' || word === 'persons' ? 'person' : word;
}

/**
 * "How much of the university money goes to stipends" asks for a part of it, a share ("70 percent"), whatever
 * it is a share of: the sum of the whole is no answer.
 */
const asksShare = (words: string[]) =>
  words.some((w, i) => w === 'of' && words[i - 1] === 'much' && words[i - 2] === 'how');

/**
 * The class of units a question's amount is counted in: a share for a part ("how much of…"), or named by a
 * word of dimension ("weigh", "far", "speed"), or by the unit itself after "how many" ("how many kg" → "mass
 * unit"), which WordNet classes.
 */
export function measureAsked(words: string[]): Measure | null {
  if (asksShare(words)) return 'proportion';
  for (const word of words) {
    const measure = MEASURE_WORDS.get(stem(word));
    if (measure) return measure;
  }
  return unitAfterHowMany(words)?.measure ?? null;
}

/**
 * Whether the `i`-th of a question's words only says what kind of answer is wanted, as "when" does, rather
 * than what it is about: "signing *date*", "how *much*", "how *long*", "how long does it *last*", "how many
 * *kg*".
 */
function saysKind(
  words: string[],
  i: number,
  type: AnswerType,
  measure: Measure | null,
  small: boolean,
): boolean {
  const word = words[i] ?? '';
  const kind = TYPE_WORDS.get(word);
  // "Per year" says what a count is counted over ("students per year"), not that a date is asked for; and a
  // word of another kind than the one asked is topic: "who runs it day to day" asks for no date.
  // A kind asked for in a second question ("what day was it signed, and in what city?") is no topic either, in a
  // corpus of a few documents (a large one, SQuAD's, on which the ranker is fitted, reads its questions as before).
  if (kind)
    return (
      words[i - 1] !== 'per' &&
      (SAYS_KIND.get(type)?.has(kind) === true || (small && ['what', 'which'].includes(words[i - 1] ?? '')))
    );
  // "The full name of the astronaut": a person's name is what a name question asks for, not its topic.
  if (type === 'name' && (word === 'name' || word === 'names')) return true;
  if (HOW_TYPED.has(word) && words[i - 1] === 'how') return true;
  // "How big", "how heavy": the dimension the answer's unit says ("35-metre"), rarely a word of the answer.
  if (words[i - 1] === 'how' && HOW_DIMENSION.includes(word)) return true;
  if (measure !== null && words[i - 1] === 'how' && MEASURE_WORDS.has(stem(word))) return true;
  if (type === 'duration' && DURATION_WORDS.has(word) && asksHowLong(words)) return true;
  return measure !== null && unitAfterHowMany(words)?.at === i;
}

/**
 * A word of a place's kind ("city", "town") that the corpus uses: documents write a place with its kind ("a
 * control room in the city of Brantmoor"), so "in which city…" finds it there, though "city" also says what is asked.
 */
function placeWordOfCorpus(word: string, index: PassageIndex): boolean {
  return TYPE_WORDS.get(word) === 'place' && index.has(stem(word));
}

/** Phrases that only place the question in time, not in topic: "agency boss at the time?". */
const FILLER_PHRASES = /\b(at the time|these days|this time|nowadays|currently|right now|or what|or not)\b/gi;

/**
 * Questions whether a list stops or goes on: "is it limited to the listed areas?", "is the list just those few or is
 * there more?", "is the list of fields exhaustive?" (not "was the plan exhaustive": thorough).
 */
const ASKS_LIST_EXTENT =
  /\b(?:limited|restricted|confined)\s+to\b|\b(?:just|only)\s+(?:those|these|the\s+(?:listed|ones\s+listed))\b|\b(?:is|are)\s+there\s+(?:any(?:thing)?\s+)?(?:more|others)\b|\blists?\b[^?.!]*\bexhaustive\b|\b(?:exhaustive|full|complete|whole|entire)\s+list\b/i;
/**
 * How such a question words the list and its extent: phrasing, no idea a text states ("the framework covers …
 * and much more" says neither "list" nor "limited").
 */
const LIST_EXTENT_WORDS = new Set(
  'list lists listed limited restricted confined exhaustive complete full whole entire few more others'.split(
    ' ',
  ),
);

/**
 * Where the asker read it, not what they ask about: "the administrator mentioned in the release", "her name as
 * written in the agency's article about the launch", "from this post". Users call the document they read by what it
 * is; the document's own text never does, so counting such words as ideas the corpus lacks would abstain.
 */
const DOCUMENT_MENTION =
  /\b(?:(?:as\s+)?(?:mentioned|named|listed|quoted|cited|written|described|given|reported|stated|featured)\s+)?(?:in|from)\s+(?:the|this|that)\s+(?:[\p{L}'’-]+\s+)?(?:press\s+)?(?:release|article|document|story|announcement|write-?up|piece|post)\b/giu;

/**
 * "The agency's no. 2", "its number two", "second-in-command", "ナンバー2": English's and Japanese's ways of
 * calling someone by rank, which documents write as the role "deputy" ({@link byRank}).
 */
const NUMBER_TWO =
  /(?:\bno\.?|\bnumber|\bnum\.?|#)\s*(?:2|two)\b|\bsecond[\s-]+in[\s-]+command\b|ナンバー(?:2|２|ツー)/giu;
/** What "no. 2" follows when it names a person by rank: a possessive, "the", a Japanese の. */
const RANK_OWNER = /(?:['’]s|\bthe|\bits|\btheir|\bhis|\bher|の)\s*$/iu;

/**
 * `text` with a rank ({@link NUMBER_TWO}) written as the role "deputy", when the corpus speaks of deputies: after
 * a possessive or "the", or a name ("ESA no. 2", "esa no. 2": capitalized, an organisation English knows, or no
 * English word); "pad no. 2" and "building number two" name things.
 */
function byRank(text: string, index: PassageIndex): string {
  if (!index.has(stem('deputy'))) return text;
  return text.replace(NUMBER_TWO, (found: string, at: number) => {
    if (!/^(?:no|num|number|#)/i.test(found)) return ' deputy ';
    const before = text.slice(0, at);
    if (RANK_OWNER.test(before)) return ' deputy ';
    const word = /([\p{L}\d-]+)\s*$/u.exec(before)?.[1];
    if (!word) return found;
    const names =
      /\p{Lu}/u.test(word) ||
      !isEnglishWord(word) ||
      nameWords(word).some((w) => w.tags.has('Organization') || w.tags.has('Acronym'));
    return names ? ' deputy ' : found;
  });
}

/**
 * "Does the pact say anything about safety?", "does it mention launches?": asked of a document or an agreement
 * (not of a person: "did the minister say anything about…" asks for someone's words), it asks what the text
 * covers. The subject is "it", "this" or "that", or "the"/"this" before a word English calls a text or an agreement.
 */
const SAYS_ANYTHING_ABOUT =
  /(\b(?:does|do|did|will)\s+(?:it|this|that|(?:the|this|that|their|its)\s+(?:agreement|deal|pact|accord|treaty|framework|memorandum|contract|plan|programme|program|document|release|article|report|announcement|statement|charter|partnership)))\s+(?:(?:say|talk|speak)\s+(?:anything|something|much)\s+(?:about|on|of|regarding)|mention(?:\s+anything\s+(?:about|on|of))?)\b/giu;

/** `text` with "does <the text> say anything about X" as "does <the text> cover X", when the corpus says "cover". */
function asCovering(text: string, index: PassageIndex): string {
  if (!index.has(stem('cover'))) return text;
  return text.replace(SAYS_ANYTHING_ABOUT, (_found: string, subject: string) => `${subject} cover`);
}

/**
 * What the asker says of their own memory ("I can't remember his name, who was it?", "we don't know…", "I forgot"):
 * chat, no idea the corpus should hold.
 */
const ASKERS_MEMORY =
  /\b(?:i|we)\s+(?:(?:just|really|honestly|still)\s+)?(?:(?:can(?:not|['’]?t)|could(?:n['’]?t|\s+not)|do(?:n['’]?t|\s+not)|did(?:n['’]?t|\s+not))\s+(?:remember|recall|recollect|know)|forgot|forget|(?:have|['’]ve)\s+forgotten)\b/gi;

/**
 * Role words English also uses as adjectives of things: "what *executive* role", "what *general* area", "which
 * *head* office", "which *chief* concern" ask no one.
 */
const ADJECTIVAL_ROLES = new Set(
  'official chief general executive head deputy associate assistant'.split(' '),
);

/**
 * "Which astronaut showed up", "what Japanese minister spoke": a role after "which" or "what" (past a word or two
 * that say which: "which Italian astronaut") asks who, as "who" does. Not a role word describing a thing, before
 * a noun that is no role nor a kind of person ("what executive role", "which head office"); "which chief executive",
 * "which chief negotiator" and "which official commented" ask who.
 */
function asksWhichPerson(words: string[]): boolean {
  // The tagger's reading of the word after a role word: a noun that is no role ("office"), not a verb.
  const describesThing = (k: number) => {
    const next = words[k + 1];
    if (!ADJECTIVAL_ROLES.has(words[k] as string) || !next || isStopWord(next) || isRoleWord(next))
      return false;
    // Roles the word list lacks are people still: "which chief negotiator", "which head researcher".
    if (isKindOf(next, 'person')) return false;
    const start = words.slice(0, k + 1).join(' ').length + 1;
    const tags = tagWords(words.join(' ')).find((t) => t.start === start)?.tags;
    return tags?.has('Noun') === true && !tags.has('Verb');
  };
  return words.some((w, i) => {
    if (w !== 'which' && w !== 'what') return false;
    let k = i + 1;
    if (words[k] === 'of' && words[k + 1] === 'the') k += 2;
    for (const end = k + 3; k < end && k < words.length; k++) {
      const word = words[k] as string;
      if (isRoleWord(word) && !describesThing(k)) return true;
      if (isStopWord(word)) return false;
    }
    return false;
  });
}

/**
 * "The name of the Japanese astronaut": the name of someone, a role after "name of" (within a few words). Not a role
 * before it: the "official name of the pact" is a title, no one's name.
 */
function asksNameOf(words: string[]): boolean {
  return words.some(
    (w, i) => w === 'name' && words[i + 1] === 'of' && words.slice(i + 2, i + 6).some(isRoleWord),
  );
}

/** Words before "name" that make it a verb: "can you name the partners" asks for names, not one thing's. */
const NAMING_VERB_BEFORE = new Set(['you', 'u', 'to', 'pls', 'please', 'plz', 'and', 'or']);

/**
 * "What's the name of the ship", "the rover's name", "habitat name", "what is the habitat called": a question on
 * what something is called (its type, read before, says whether it is someone). "Called" asks only as the
 * question's last word: "called off", "called for", "called on" are other verbs.
 */
function asksThingsName(words: string[]): boolean {
  const named = words.some(
    (w, i) => (w === 'name' || w === 'names') && i > 0 && !NAMING_VERB_BEFORE.has(words[i - 1] as string),
  );
  return named || /\b(what|whats)\b.*\bcalled$/.test(words.join(' '));
}

/** "Last year", "last month": a time the question is placed in, not the verb "last" that asks how long. */
const LAST_TIME =
  /\blast (?:year|month|week|season|decade|century|time|night|summer|winter|spring|autumn|fall)\b/g;

/** "In which city…", "at what venue…": the kind a word of {@link TYPE_WORDS} after a preposition and "which" asks. */
function kindAfterPreposition(words: string[]): AnswerType | null {
  if (!/^(?:at|to|of|in|on|from)\s+(?:what|which)\b/.test(words.join(' '))) return null;
  for (const word of words.slice(2, 4)) {
    const type = TYPE_WORDS.get(word);
    if (type) return type;
  }
  return null;
}

/** Reads what kind of answer a question asks for from its (normalized) words. */
export function answerType(words: string[]): AnswerType {
  const text = words.join(' ');
  if (MONEY_WORDS.test(text) && /\b(how much|what|which|budget|cost)\b/.test(text)) return 'money';
  if (
    /\bhow (long|many years|many months)\b/.test(text) ||
    /\bhow soon\b/.test(text) ||
    /\b(duration|lasts?|expire|expires)\b/.test(text.replace(LAST_TIME, ' '))
  ) {
    if (!/\b(when|date)\b/.test(text)) return 'duration';
  }
  if (/\b(what|which|at what) (time|hour)\b|\btime of (the )?day\b/.test(text)) return 'time';
  if (/\b(when|date|what year|which year|what day|which day|what time)\b/.test(text)) return 'date';
  if (/\bwhere\b/.test(text)) return 'place';
  if (asksNameOf(words)) return 'name';
  // A role after "who is" asks for the name of whoever holds it.
  if (/\bwho (is|are|was|were|the)\b/.test(text) && words.some(isRoleWord)) return 'name';
  if (/\b(who|whom|whose|whos)\b/.test(text)) return 'person';
  // "How big", "how heavy": an amount in some dimension, as "how much" asks one. Not "how far", "how wide",
  // "how deep" or "how high": they reach as often as they measure ("how far does the cooperation reach", "how
  // wide is the scope of the framework", a blind writer's question answered in words, not a number).
  if (/\bhow (many|much)\b/.test(text) || HOW_DIMENSION.some((w) => text.includes(`how ${w} `)))
    return 'quantity';
  if (YES_NO_START.test(text)) return 'yesno';
  // "What year…", or keywords alone: "prior deal month and year".
  const keywordsOnly = !QUESTION_WORDS.some((q) => words.includes(q));
  for (const word of keywordsOnly ? words : words.slice(0, 4)) {
    const type = TYPE_WORDS.get(word);
    if (type && (keywordsOnly || /^(what|which)\b/.test(text))) return type;
  }
  // "At what altitude…", "what is the rover's top speed", "comms delay one way?": a dimension or a stretch of
  // time named where a kind of answer is, asks for an amount of it.
  if (keywordsOnly || /^(?:(?:at|to|of|in)\s+)?(?:what|whats|which)\b/.test(text)) {
    const stems = (keywordsOnly ? words : words.slice(0, 6)).map(stem);
    if (stems.some((s) => DURATION_NOUNS.has(s))) return 'duration';
    if (stems.some((s) => MEASURE_NOUNS.has(s))) return 'quantity';
  }
  return 'any';
}

/** "wen" → "when", "wher" → "where": question words typed wrong, when the corpus has no such word. */
function fixQuestionWord(word: string, index: PassageIndex): string {
  if (word.length < 3 || isStopWord(word) || index.has(stem(word))) return word;
  return QUESTION_WORDS.find((q) => editDistance(word, q, 1) <= 1) ?? word;
}

/**
 * Weighted share of the question's ideas the corpus does not use (or only through a related word), an idea
 * that names no thing (a verb, an adjective) counting `otherShare` of its weight.
 */
export function unknownShare(question: AnalyzedQuestion, otherShare: number): number {
  let total = 0;
  let unknown = 0;
  // The context a user gives before asking is what they already know, not what they ask the corpus for: its
  // words say nothing of whether the corpus covers the question.
  const asked = question.concepts.filter((c) => !c.context);
  for (const c of asked.length ? asked : question.concepts) {
    total += c.weight;
    if (!c.known || c.related) unknown += c.thing ? c.weight : otherShare * c.weight;
  }
  return total ? unknown / total : 0;
}

/**
 * Words that negate; a question and its answer sentence agree on negation (SQuAD's traps add or drop one). Not
 * "no." before a number: "No. 3", "nasa no. 2" give a rank.
 */
const NEGATION =
  /\b(?:not|no(?!\.\s*\d)|never|none|nobody|nothing|neither|nor|without|cannot|\w+n['’]t|(?:is|are|was|were|do|does|did|has|have|had|could|would|should)nt)\b/i;

/** Whether English text is negated ("not", "never", "isn't", "isnt"…). */
export const isNegated = (text: string): boolean => NEGATION.test(text);

/**
 * What the asker says of themselves ("I can't remember…", "we don't know…", "not sure if…"): a negation of their
 * knowledge, not of the fact they ask about.
 */
const ASKERS_OWN_NEGATION =
  /\b(?:i|we)\s+(?:(?:just|really|honestly|still)\s+)?(?:can(?:not|['’]?t)|could(?:n['’]?t|\s+not)|do(?:n['’]?t|\s+not)|did(?:n['’]?t|\s+not)|am\s+not)\b|\bi['’]?m\s+not\b|\bnot\s+sure\b/gi;

/** A question word anywhere: a sentence that asks something. */
const ASKS = new RegExp(`\\b(?:${QUESTION_WORDS.join('|')})\\b`, 'i');
/** A sentence opening as a yes/no question, after a word of chat ("like is the bridge included…"), asks too. */
const ASKS_YES_NO = new RegExp(
  `^\\s*(?:(?:like|so|and|but|ok|okay|well|also)\\W+)?${YES_NO_START.source.slice(1)}`,
  'i',
);

/** A sentence opening with a question word (the group), after a word of chat ("so what…"). */
const OPENS_ASKING = new RegExp(
  `^\\s*(?:(?:like|so|and|but|ok|okay|well|also)\\W+)?(${QUESTION_WORDS.join('|')})\\b`,
  'i',
);

/** Words "how" asks with ("how many trucks", "how long"), before the verb of its question. */
const HOW_WORDS = new Set(['many', 'much', 'long', 'far', 'often', 'old', 'big', 'large', 'soon', 'high']);

/** Words that, right after a question word, begin the subject of a clause: "where I live…", "when the vote…". */
const CLAUSE_SUBJECT = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'it',
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'his',
  'her',
  'their',
  'its',
  'this',
  'these',
  'those',
  'nobody',
  'everyone',
  'everybody',
  'someone',
  'somebody',
]);

/**
 * Whether a sentence opening with a question word asks. It asks unless what follows the question word says it
 * opens a clause of what the user tells: a pronoun or determiner beginning its subject ("where I live…", "when the
 * vote was held…", "what our team saw…"), or a name and its verb ("what Orbitex announced…"). Whatever else follows
 * asks: a verb ("who chaired", "who's"), the things it asks of ("which new council voted", "how many trucks
 * were"), or a phrase before its verb ("who in France signed").
 */
function opensQuestion(text: string): boolean {
  const open = OPENS_ASKING.exec(text);
  if (!open) return false;
  const end = open.index + open[0].length;
  // A verb joined to the question word: "who's", "where'd".
  if (/^['’]\p{L}/u.test(text.slice(end))) return true;
  const words = tagWords(text).filter((w) => w.start >= end);
  const asked = open[1]?.toLowerCase();
  let i = 0;
  if (asked === 'how' && HOW_WORDS.has(words[0]?.text.toLowerCase() ?? '')) i++;
  if (words[i]?.text.toLowerCase() === 'else') i++;
  const next = words[i];
  if (!next) return true;
  if (
    CLAUSE_SUBJECT.has(next.text.toLowerCase()) ||
    next.tags.has('Pronoun') ||
    next.tags.has('Determiner') ||
    next.tags.has('Possessive')
  )
    return false;
  let name = i;
  while (words[name]?.tags.has('ProperNoun')) name++;
  return !(name > i && words[name]?.tags.has('Verb'));
}

/**
 * Whether a question asked before a turn ("but is…") goes on after it: "What was delayed by a year but is now due
 * in 2027?" asks one thing. A question word after the turn opens a new question ("I saw it, but when was it?").
 */
function goesOn(sentence: string, turn: RegExpExecArray): boolean {
  const next = /^\S+/.exec(sentence.slice(turn.index + turn[0].length))?.[0] ?? '';
  if (ASKS.test(next)) return false;
  const before = sentence.slice(0, turn.index);
  return opensQuestion(before) || ASKS_YES_NO.test(before);
}

/**
 * The part of a question that asks: of several sentences the last that asks something ("There was a second
 * astronaut, right? I can't remember his name, who was it?"), and in it what follows ", so" before a
 * question word ("I read this wasn't the first deal, so what did the earlier one confirm?"). What comes before
 * is context the user gives, not what they ask.
 */
export function askingPart(text: string): string {
  const { start, end } = askingSpan(text);
  return text.slice(start, end);
}

/** Where {@link askingPart} stands in `text`. */
export function askingSpan(text: string): { start: number; end: number } {
  // A full stop ends a sentence after a word of four letters or more: not "No. 13", "Dr. Ito", "etc.".
  const sentences = [...text.matchAll(/.+?(?:(?<=[?!]|\p{L}{4}\.)(?=\s)|$)/gsu)].filter((m) =>
    /\p{L}/u.test(m[0]),
  );
  const asking = sentences.findLast((m) => /\?\s*$/.test(m[0]) || ASKS.test(m[0]) || ASKS_YES_NO.test(m[0]));
  if (!asking) return { start: 0, end: text.length };
  // "…, so what…", and "I know they signed it, but where?": what comes after "but" asks, what comes before is
  // what the user already knows (a comma before "but" is often left out in chat).
  const turn =
    /(?:,\s*(?:and\s+)?so|,?\s+but)\s+(?=(?:what|when|where|who|which|how|why|whose|is|are|was|were|do|does|did)\b)/i.exec(
      asking[0],
    );
  const start = asking.index + (turn && !goesOn(asking[0], turn) ? turn.index + turn[0].length : 0);
  return { start, end: asking.index + asking[0].length };
}

/** Whether the question's asking part ({@link askingPart}) is negated, the asker's own "I can't remember" aside. */
export function negatedAsking(text: string): boolean {
  return isNegated(askingPart(text).replace(ASKERS_OWN_NEGATION, ' '));
}

/** Checks and cleans a question, throwing a {@link UserInputError} that says what is wrong. */
export function cleanQuestion(raw: string): string {
  // Mentions name people or channels, not what the question is about.
  const text = stripInvisible(raw)
    .replace(/<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') {
    throw new UserInputError('Please type a question: this one is empty.', { code: 'questionEmpty' });
  }
  if (text.length > MAX_QUESTION_LENGTH) throw questionTooLong(text.length);
  if (contentTerms(text).length === 0 && !/\p{L}/u.test(text)) {
    throw new UserInputError(
      'Please ask with words: this question has no letters or numbers to search for.',
      { code: 'questionNoWords' },
    );
  }
  return text;
}

/**
 * A question whether something is new or has come before ("is this the first time they worked together?", "is
 * there precedent?", "a fresh start?", "what does it build on?"): a sentence saying how long it has gone on
 * ("rests on a long history of…", "a long-standing tradition") answers it, though it says neither "first" nor
 * "new". Read on the asking part.
 */
const ASKS_PRECEDENT =
  /\bfirst\s+time\b|\bprecedents?\b|\bfresh\s+start\b|\bfrom\s+scratch\b|\b(?:is|was)\s+(?:this|it|that)\s+(?:the|their)\s+first\b|\bbuil(?:d|ds|t|ding)\s+on\b|\b(?:earlier|previous|prior|past)\s+(?:cooperation|collaboration|relationship|relations|ties|partnership|work)\b/i;
/** The words of such a question that ask it ("first", "fresh start", "earlier"): what a span gone by says. */
const PRECEDENT_WORDS = new Set(
  'first time fresh start scratch precedent precedents earlier previous prior past before ever'.split(' '),
);
/** How English says that something has gone on a long time: the wordings that answer {@link ASKS_PRECEDENT}. */
const PAST_EXTENT_WORDS = ['history', 'tradition', 'longstanding', 'decades', 'heritage', 'legacy'];

/** Adds to `alternatives` the stems of those of `wordings` the corpus uses, each once. */
function addWordings(alternatives: string[][], wordings: readonly string[], index: PassageIndex): void {
  for (const wording of wordings) {
    const stems = contentTerms(wording).map((t) => t.stem);
    if (stems.length === 0 || !stems.every((s) => index.has(s))) continue;
    if (!alternatives.some((a) => a.join(' ') === stems.join(' '))) alternatives.push(stems);
  }
}

/** Words calling someone a country's leader ("the Hungarian leader"): {@link HEADS_OF_GOVERNMENT} say who. */
const LEADER_WORDS = new Set(['leader', 'leaders']);
/** The offices English calls a country's leader by. */
const HEADS_OF_GOVERNMENT = ['prime minister', 'president', 'premier', 'chancellor'];

/**
 * Whether the word of `words` at `at` names a country or its people ("hungarian", "France's", "peru"), as the
 * general English model tags them: then a leader after it is that country's.
 */
function ledNation(words: { word: string; raw: string }[], at: number): boolean {
  const word = words[at];
  if (!word) return false;
  return tagWords(word.raw.replace(/['’]s$/i, '')).some((w) =>
    ['Country', 'Demonym'].some((t) => w.tags.has(t)),
  );
}

const EXPANSION_WEIGHT = 0.6;
const CORRECTION_WEIGHT = 0.8;
/** Ideas weighing at least this share of the heaviest known one are main ideas. */
const MAIN_IDEA_SHARE = 0.8;
/** The least an unknown word weighs: about the IDF of a word in a third of the passages. */
const UNKNOWN_WEIGHT_FLOOR = 1;
/** An unknown word weighs this share of the question's rarest known idea (at least the floor). */
const UNKNOWN_SHARE = 0.5;

/**
 * The stem itself when the corpus uses it, else its typo correction ("peacefull" → "peaceful" → "peac"). A
 * word English has ("stipends", "speed") is no typo of a corpus word ("spend"), only perhaps a shortening of
 * one ("tech" → "technolog"); nor is a first name (`isFirstName`, asked only then) one of two letters swapped
 * ("liam" is no "lima").
 */
function knownStem(
  word: { word: string; stem: string },
  index: PassageIndex,
  isFirstName: () => boolean,
): string | null {
  if (index.has(word.stem)) return word.stem;
  const again = stem(word.stem);
  if (index.has(again)) return again;
  const swapped = swappedLetters(word.stem, index);
  const corrected = (swapped && !isFirstName() ? swapped : null) ?? index.correct(word.stem);
  if (corrected && !corrected.startsWith(word.stem) && isEnglishWord(word.word)) return null;
  return corrected;
}

/**
 * The corpus's stem that `typed` is with two neighbouring letters swapped ("nelsno" → "nelson", "melori" →
 * "melroi"): one slip of the fingers, which the index's fuzzy look-up counts as two edits and so leaves
 * uncorrected in a short word. Not the first letter, as the look-up; not in words of under four letters.
 */
function swappedLetters(typed: string, index: PassageIndex): string | null {
  if (typed.length < 4 || /\d/.test(typed)) return null;
  for (let i = 1; i + 1 < typed.length; i++) {
    if (typed[i] === typed[i + 1]) continue;
    const swapped = `${typed.slice(0, i)}${typed[i + 1]}${typed[i]}${typed.slice(i + 2)}`;
    if (index.has(swapped)) return swapped;
  }
  return null;
}

/** What a related word's wording weighs in retrieval, next to the user's own (1) and a glossary meaning's. */
const RELATED_WEIGHT = 0.5;
/**
 * Relations followed from a word the corpus never uses, in its three commonest meanings (broader terms only in
 * its commonest one: "precedent" is an "example", not a "representative"); measured on the press-release sets
 * and SQuAD's tune split (docs/answer-quality.md). Words of a definition proved too loose.
 */
const RELATIONS = new Set<Relation>(['synonym', 'similar', 'derived', 'broader']);
const RELATED_SENSES = 3;
const BROADER_SENSES = 1;
/** A name ("Lyon") relates only through its other names and what it is part of, never its definition. */
const NAME_RELATIONS = new Set<Relation>(['synonym', 'broader']);

/**
 * The corpus's wordings of general English words related to `word` (WordNet), strongest relation first; for a
 * name ("Lyon" → "France"), only its other names and what it is part of, never words of its definition.
 */
function relatedInCorpus(
  word: string,
  index: PassageIndex,
  isName: boolean,
  pos: Pos | undefined,
): string[][] {
  const allowed = isName ? NAME_RELATIONS : RELATIONS;
  const found = new Map<string, string[]>();
  for (const r of relatedWords(word, RELATED_SENSES, pos)) {
    if (!allowed.has(r.relation) || (r.relation === 'broader' && r.sense >= BROADER_SENSES)) continue;
    // Every word of a related phrase must count: "come across" is not "across".
    const stems = contentTerms(r.text).map((t) => t.stem);
    if (stems.length === 0 || stems.length !== r.text.split(' ').length) continue;
    if (!stems.every((s) => index.has(s))) continue;
    found.set(stems.join(' '), stems);
  }
  return [...found.values()];
}

/** The most compounds holding a Japanese word read as its wordings: the corpus's commonest. */
const COMPOUNDS = 3;

/** The corpus's wordings of a Japanese word's synonyms (Sudachi's groups: Japanese words and English ones). */
function japaneseSynonymsInCorpus(word: string, index: PassageIndex): string[][] {
  const found = new Map<string, string[]>();
  for (const synonym of japaneseSynonyms(word)) {
    const stems = contentTerms(synonym).map((t) => t.stem);
    if (stems.length > 0 && stems.every((s) => index.has(s))) found.set(stems.join(' '), stems);
  }
  return [...found.values()];
}

/** The longest phrase WordNet knows ("get rid of", "set aside") is this many words. */
const MAX_WORDNET_PHRASE = 3;

/**
 * A question's phrases of two or three words that English has as one meaning ("get rid of", "set aside",
 * "take place"), with the corpus's words for them (WordNet's synonyms of the phrase: "remove", "reserve",
 * "occur"), where the corpus does not use the user's own words: spans of `stems` (the content words, `words`,
 * of the question's `tokens`), read as one idea the corpus says through related words. Word by word, "rid"
 * or "aside" is unknown and "set" means anything.
 */
function phrasesOf(
  tokens: { word: string; start: number }[],
  words: { start: number }[],
  stems: string[],
  index: PassageIndex,
): Expansion[] {
  const at = new Map(words.map((w, i) => [w.start, i]));
  const found: Expansion[] = [];
  for (let t = 0; t < tokens.length; t++) {
    for (let n = Math.min(MAX_WORDNET_PHRASE, tokens.length - t); n >= 2; n--) {
      const phrase = tokens.slice(t, t + n);
      const content = phrase.flatMap((p) => at.get(p.start) ?? []);
      const first = content[0];
      if (first === undefined || content.some((c, k) => c !== first + k)) continue;
      if (content.every((c) => index.has(stems[c] as string))) continue;
      // Question phrasing ("what does ACME stand for") is no idea, in a phrase or not.
      if (content.every((c) => FILLER_STEMS.has(stems[c] as string))) continue;
      const meanings = synonymsInCorpus(phrase.map((p) => p.word).join(' '), index);
      if (meanings.length === 0) continue;
      found.push({ at: first, length: content.length, meanings });
      t += n - 1;
      break;
    }
  }
  return found;
}

/**
 * The corpus's wordings of WordNet's synonyms of the verb `phrase` in its commonest meanings: a phrasal verb
 * says one action ("get rid of" = "remove"), where a phrase of degree ("a lot" = "much") says no idea at all.
 */
function synonymsInCorpus(phrase: string, index: PassageIndex): string[][] {
  const found = new Map<string, string[]>();
  for (const r of relatedWords(phrase, RELATED_SENSES, 'v')) {
    if (r.relation !== 'synonym') continue;
    const stems = contentTerms(r.text).map((t) => t.stem);
    if (stems.length === 0 || stems.length !== r.text.split(' ').length) continue;
    if (stems.some((s) => FILLER_STEMS.has(s)) || !stems.every((s) => index.has(s))) continue;
    found.set(stems.join(' '), stems);
  }
  return [...found.values()];
}

/** Turns a cleaned question into concepts (with glossary meanings and typo corrections) and search terms. */
export function analyzeQuestion(text: string, index: PassageIndex, glossary: Glossary): AnalyzedQuestion {
  // The readings of ranks, of questions whether something came before, of "in which city" and of a country's
  // leader were measured on a few documents (the press-release sets): a large corpus (SQuAD's, on which the
  // ranker is fitted) reads its questions as before (corpus-size.ts).
  const small = readingSize(index) === 'small';
  const reading = small ? asCovering(byRank(text, index), index) : text;
  const source = reading
    .replace(FILLER_PHRASES, ' ')
    .replace(ASKERS_MEMORY, ' ')
    .replace(DOCUMENT_MENTION, ' ');
  const asking = askingSpan(source);
  // Japanese sentences open with no capital: there a capital marks a name wherever it stands ("ESAとNASA…").
  const japanese = hasJapanese(source);
  const tokens = tokenize(source, glossary.dictionary).map((t) => ({
    ...t,
    word: fixQuestionWord(t.word, index),
    // A capital inside the question (not opening a sentence) marks a name; so does one opening a sentence
    // that goes on in Japanese ("ESAとNASA…"), but not one opening an English sentence with a Japanese word.
    capitalized:
      /^\p{Lu}/u.test(source.slice(t.start, t.end)) &&
      (!/^\s*$|[.!?:。！？]\s*$/.test(source.slice(0, t.start)) ||
        hasJapanese(source.slice(t.end).trimStart().charAt(0))),
  }));
  const plain = tokens.map((t) => t.word);
  const asksPrecedent = small && ASKS_PRECEDENT.test(source.slice(asking.start, asking.end));
  // A few documents a moderator adds use few of the words users ask with: there phrases ("get rid of") are
  // looked up in WordNet too (small, above).
  // What kind of answer is asked is read from the asking part: the context's question word ("when I was a kid…,
  // but who…") asks nothing. A part asking with no question word of its own ("who attended the signing? name?")
  // goes on with the question before it: read with the whole.
  const asked = tokens.filter((t) => t.start >= asking.start && t.end <= asking.end).map((t) => t.word);
  const asksOwn = QUESTION_WORDS.some((q) => asked.includes(q)) || YES_NO_START.test(asked.join(' '));
  const askedWords = asksOwn ? asked : plain;
  const read = japaneseAnswerType(source) ?? (asksShare(askedWords) ? 'quantity' : answerType(askedWords));
  // "Which astronaut…" asks who in a corpus of a few documents; in SQuAD's tune split it cost more right
  // paragraphs and wrong abstentions than it gained.
  // And "in which city…", "at what venue…" ask for the kind, as "which city…" does.
  const type =
    read === 'any' && small
      ? asksWhichPerson(askedWords)
        ? 'person'
        : (kindAfterPreposition(askedWords) ?? read)
      : read;
  // Only an amount asked for ("how much…", "how many…") is narrowed to a dimension: "how far does the
  // cooperation reach" and "what areas" ask for no number.
  const measure =
    type === 'quantity'
      ? ((japanese ? japaneseMeasureAsked(source) : null) ?? measureAsked(askedWords))
      : null;
  const asksName = type === 'any' && asksThingsName(askedWords);
  const asksListExtent = small && ASKS_LIST_EXTENT.test(source);
  const typeWordsAreTopic = type === 'any' || type === 'yesno';
  const words = tokens
    .filter(
      (t, i) =>
        !isStopWord(t.word) &&
        (typeWordsAreTopic ||
          !saysKind(plain, i, type, measure, small) ||
          (small && placeWordOfCorpus(t.word, index))),
    )
    .map((t) => ({
      word: t.word,
      stem: stem(t.word),
      capitalized: t.capitalized,
      raw: source.slice(t.start, t.end),
      around: { before: source.slice(0, t.start), after: source.slice(t.end) },
      start: t.start,
    }));
  // Names of countries, peoples and organisations, even typed in lower case ("how did china react"), as a
  // general English model knows them, or in Japanese as CLDR names regions (中国): read only when a word is
  // unknown to the corpus and not capitalized.
  let names: Set<number> | undefined;
  const isName = (w: { start: number; raw: string }) => {
    // A title ("phd", "prof") is tagged as part of a person's name, but names no one.
    names ??= new Set(
      nameWords(source)
        .filter((n) => !n.tags.has('Honorific'))
        .map((n) => n.start),
    );
    return names.has(w.start) || (japanese && isJapaneseRegionName(w.raw));
  };
  // The part of speech of a word the corpus does not use, to look up only its meanings as used ("land" the verb).
  const tagsAt = (start: number) => tagWords(source).find((t) => t.start === start)?.tags;
  const posOf = (w: { start: number }): Pos | undefined => {
    const tags = tagsAt(w.start);
    if (!tags) return undefined;
    if (tags.has('Verb')) return 'v';
    if (tags.has('Adjective')) return 'a';
    if (tags.has('Adverb')) return 'r';
    if (tags.has('Noun')) return 'n';
    return undefined;
  };
  // Fix typos first so that the glossary sees "agreement" in "agrement".
  const stems = words.map(
    (w) => knownStem(w, index, () => tagsAt(w.start)?.has('FirstName') === true) ?? w.stem,
  );
  const expansions = glossary.expand(stems);
  const phrases = (small ? phrasesOf(tokens, words, stems, index) : []).filter(
    (p) => !expansions.some((g) => g.at < p.at + p.length && p.at < g.at + g.length),
  );
  const concepts: Concept[] = [];
  const terms: WeightedTerm[] = [];
  for (let i = 0; i < stems.length; ) {
    const expansion = expansions.find((e) => e.at === i);
    const phrase = phrases.find((p) => p.at === i);
    const length = expansion?.length ?? phrase?.length ?? 1;
    const own = stems.slice(i, i + length);
    const original = words.slice(i, i + length);
    const alternatives = [own, ...(expansion?.meanings ?? [])];
    if (japanese && length === 1 && original[0]) {
      alternatives.push(...japaneseMeasureNouns(original[0].word, original[0].around).map((w) => [w]));
      const plain = japanesePlainNoun(original[0].word);
      if (plain) alternatives.push([stem(plain)]);
    }
    i += length;
    // A counter after its number (何か|月) is no idea, unless a wording of both maps it ("11月").
    if (length === 1 && japanese && original[0] && isJapaneseCountWord(original[0].word, original[0].around))
      continue;
    // A Japanese title right after a name (山田社長) says whom, as さん does: a document may title them otherwise
    // (代表取締役). Unless the question asks who holds it, or the register words it (an English text writes the title in its own words).
    if (
      !expansion &&
      length === 1 &&
      japanese &&
      original[0] &&
      type !== 'name' &&
      type !== 'person' &&
      isJapaneseTitle(original[0].word, original[0].around)
    )
      continue;
    // Question phrasing ("what kind of", "according to") is no idea to look for, unless the glossary maps it.
    // Nor a word a measure's noun stands for (大|きさ: 直径).
    if (
      !expansion &&
      !phrase &&
      alternatives.length === 1 &&
      original.every(
        (w) =>
          QUESTION_FILLERS.has(w.word) ||
          // "What is the habitat called" asks a name: "called" is the asking, as "name" is.
          (asksName && w.word === 'called') ||
          (asksListExtent && LIST_EXTENT_WORDS.has(w.word)) ||
          isJapanesePhrasing(w.raw, w.word, w.around, (word) => index.has(stem(word))),
      )
    )
      continue;
    // "The Hungarian leader", "France's leader": a country's leader is its head of government, whom documents call
    // by office ("Prime Minister Varga").
    if (small && length === 1 && LEADER_WORDS.has(original[0]?.word ?? '') && ledNation(words, i - 2))
      addWordings(alternatives, HEADS_OF_GOVERNMENT, index);
    // "Is this the first time…?": the corpus's words for a span gone by say it ("a long history of…").
    if (asksPrecedent && original.every((w) => PRECEDENT_WORDS.has(w.word)))
      addWordings(alternatives, PAST_EXTENT_WORDS, index);
    let known = alternatives.filter((alt) => alt.every((s) => index.has(s)));
    const first = original[0];
    // A Japanese word the corpus never uses may be said by its synonym (テスト → 試験, タイトル → "title"):
    // words of one meaning, counted as known like a glossary's wordings.
    if (known.length === 0 && !expansion && length === 1 && first && hasJapanese(first.word)) {
      // A verb the corpus writes as its noun (打ち上げる: 打ち上げ), else a synonym.
      const noun = japaneseVerbNoun(first.word);
      known =
        noun !== null && index.has(stem(noun)) ? [[stem(noun)]] : japaneseSynonymsInCorpus(first.raw, index);
      // Else the same word with other okurigana (組立: 組み立て).
      if (known.length === 0) known = index.okuriganaVariantsOf(first.word).map((w) => [w]);
      // Else the compounds the corpus writes it in (雪 → 融雪): one idea, as "snow" is in "snowmelt".
      if (known.length === 0) known = index.compoundsOf(first.word, COMPOUNDS).map((w) => [w]);
      alternatives.push(...known);
    } else if (!expansion && length === 1 && first && hasJapanese(first.word)) {
      // A verb the corpus writes both ways (打ち上げる, 打ち上げは…予定): its noun says it too.
      const noun = japaneseVerbNoun(first.word);
      if (noun !== null && index.has(stem(noun))) {
        alternatives.push([stem(noun)]);
        known = [...known, [stem(noun)]];
      }
    }
    // A word the corpus never uses may still be said in the corpus's words: "envoy" → "ambassador".
    // A phrase ("get rid of") is said by its synonyms as a word by its related words.
    const related = phrase
      ? known.length === 0
        ? phrase.meanings
        : []
      : known.length === 0 &&
          length === 1 &&
          first !== undefined &&
          // A number has no related words; a word with a digit in it may ("co2" → "carbon dioxide").
          !/^[\d.,:/-]+$/.test(first.word) &&
          !FILLER_STEMS.has(first.stem)
        ? relatedInCorpus(first.word, index, first.capitalized || isName(first), posOf(first))
        : [];
    if (related.length) {
      alternatives.push(...related);
      known = related;
    }
    // The user's own wording sets the weight when the corpus uses it: "Canada" stays common even though the
    // glossary also offers the rarer "Canadian".
    const weightOf = (alt: string[]) => Math.min(...alt.map((s) => index.idf(s)));
    const ownKnown = own.every((s) => index.has(s));
    const named = original.some((w) => w.capitalized || isName(w));
    concepts.push({
      label: original.map((w) => w.word).join(' '),
      alternatives,
      weight: ownKnown ? weightOf(own) : known.length ? Math.max(...known.map(weightOf)) : 0,
      known: known.length > 0,
      named,
      foreign: known.length === 0 && named,
      related: related.length > 0,
      thing:
        known.length > 0 ||
        original.some((w) => w.capitalized || /\d/.test(w.word) || [undefined, 'n'].includes(posOf(w))),
      context: original.every((w) => w.start < asking.start || w.start >= asking.end),
      ...(japanese &&
      !expansion &&
      original.every((w) => hasJapanese(w.word) && isInflectedJapanese(w.raw, w.word, w.around))
        ? { predicate: true }
        : {}),
    });
    const corrected = own.some((stem, k) => stem !== original[k]?.stem);
    alternatives.forEach((alt, a) => {
      const base =
        a === 0 ? (corrected ? CORRECTION_WEIGHT : 1) : related.length ? RELATED_WEIGHT : EXPANSION_WEIGHT;
      for (const stem of alt) terms.push({ stem, weight: base / alt.length });
    });
  }
  // A word the corpus never uses may be what the question is about ("budget of the agreement") or only how it
  // is phrased ("I read somewhere…"): it weighs a share of the rarest known idea. Names are handled apart.
  const unknownWeight = Math.max(
    UNKNOWN_WEIGHT_FLOOR,
    UNKNOWN_SHARE * Math.max(0, ...concepts.map((c) => c.weight)),
  );
  for (const concept of concepts) if (!concept.known || concept.related) concept.weight = unknownWeight;
  // A Japanese question's roles are also its ideas' Japanese wordings of one (トップ: 理事長), and 組合|長, where the
  // corpus writes them: a name stands by the role's word only in a text that has it.
  const roles = [
    ...tokens.filter((t) => isRoleWord(t.word)).map((t) => stem(t.word)),
    ...(japanese
      ? japaneseRolesAsked(
          source,
          concepts.flatMap((c) => c.alternatives.filter((a) => a.length === 1).map((a) => a[0] ?? '')),
        ).filter((role) => index.has(role))
      : []),
  ];
  // A place's kind kept as an idea ("city", placeWordOfCorpus) weighs half the least of the others and is no main
  // idea: it says what is asked more than where to look.
  const kinds =
    typeWordsAreTopic || !small
      ? []
      : concepts.filter((c) => c.label.split(' ').every((w) => placeWordOfCorpus(w, index)));
  const least = Math.min(...concepts.filter((c) => !kinds.includes(c)).map((c) => c.weight));
  if (Number.isFinite(least)) for (const c of kinds) c.weight = Math.min(c.weight, least / 2);
  const known = concepts.filter((c) => c.known);
  const top = Math.max(0, ...known.filter((c) => !kinds.includes(c)).map((c) => c.weight));
  // An idea found only through a related word is no main idea: the corpus may say something else with it.
  const main = known.filter((c) => !c.related && !kinds.includes(c) && c.weight >= MAIN_IDEA_SHARE * top);
  const counted = countedThing(plain, type, measure, (i) => tagsAt(tokens[i]?.start ?? -1));
  return {
    text,
    read: reading,
    type,
    negated: negatedAsking(text),
    measure,
    counted,
    asksName,
    asksListExtent,
    roles,
    concepts,
    main,
    terms,
  };
}
