/**
 * What a general English model says about the words of a text: which are people's names, places,
 * organisations, numbers (spelled out too), dates and units of time. The model is compromise's: a lexicon and
 * tagger for English, nothing about any corpus.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise/two';

/** One word of a text and the model's tags for it (`Person`, `Place`, `Organization`, `Value`, `Date`…). */
export interface TaggedWord {
  /** The word as written (without surrounding punctuation). */
  text: string;
  /** Offsets of the word in the text. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

type Nlp = typeof nlpType;
let model: Nlp | undefined;

/**
 * The library, loaded on first use: loading takes a few hundred milliseconds, which a process that never
 * needs it (a reload worker, a question of no particular kind) does not spend. Its tagger only (`compromise/two`):
 * the full build also chunks every text into phrases on each parse, which costs a fifth more and changes no tag.
 */
function english(): Nlp {
  model ??= createRequire(import.meta.url)('compromise/two') as Nlp;
  return model;
}

/** Parses of recent texts: a corpus is read again and again, and parsing one sentence costs about a millisecond. */
const parses = new Map<string, TaggedWord[]>();
const MAX_PARSES = 20_000;

/** The words of `text` with their tags and offsets. Cached: the same sentence is parsed once. */
export function tagWords(text: string): TaggedWord[] {
  const cached = parses.get(text);
  if (cached) return cached;
  const doc = english()(text);
  doc.compute('offset');
  const words: TaggedWord[] = [];
  for (const term of doc.docs.flat()) {
    const offset = (term as { offset?: { start: number; length: number } }).offset;
    // Ranges such as "1568–1609" are one word followed by empty ones the tagger adds.
    if (!offset || term.text === '') continue;
    words.push({
      text: term.text,
      start: offset.start,
      end: offset.start + offset.length,
      tags: term.tags ?? new Set(),
    });
  }
  if (parses.size >= MAX_PARSES) parses.delete(parses.keys().next().value as string);
  parses.set(text, words);
  return words;
}

/** Tags that make a word part of a name: a person, a place, an organisation, a people ("Japanese"). */
const NAME_TAGS = ['Person', 'Place', 'Organization', 'Demonym', 'Country', 'City', 'Region'];

/**
 * Words of `text` that English names something with, even typed in lower case ("china", "nato", "europeans"):
 * the model's lexicon knows countries, peoples and well-known organisations.
 */
export function nameWords(text: string): TaggedWord[] {
  return tagWords(text).filter((w) => NAME_TAGS.some((t) => w.tags.has(t)));
}

/** Tags of words that name or describe something other than a person: a place, an organisation, a date, a quality. */
const NOT_PERSON_TAGS = ['Place', 'Organization', 'Country', 'City', 'Region', 'Date', 'Adjective'];

/**
 * Whether English reads `name` as naming something other than a person: "City Council", "Georgia",
 * "January", "Northern Lights". Read as a whole and word by word; a word the model knows as a person's name
 * anywhere wins ("Lena Park", "Grace Young"), since the tagger reads "<name> Park" as a place.
 */
export function namesNonPerson(name: string): boolean {
  const whole = tagWords(name);
  const tags = [
    ...whole.map((w) => w.tags),
    ...whole.map((w) => tagWords(w.text)[0]?.tags ?? new Set<string>()),
  ];
  return !tags.some((t) => t.has('Person')) && tags.some((t) => NOT_PERSON_TAGS.some((tag) => t.has(tag)));
}

/** Kinds of word the model's lexicon and rules tell apart before any parse (see {@link mayTag}). */
export type LexicalKind = 'date' | 'duration';

/** The parts of compromise's model {@link mayTag} reads. */
interface ModelData {
  one: {
    tagSet: Record<string, { parents?: string[] }>;
    lexicon: Record<string, string | string[]>;
    frozenLex: Record<string, string | string[]>;
    contractions: { word?: string; after?: string; out?: string[] }[];
    aliases: Record<string, string>;
  };
  two: { switches: Record<string, string> };
}

/**
 * Words that the model's rules (not its lexicon) make into dates, by compromise 14's post-tagger (its rules
 * are pinned by a test, so that an upgrade that adds some is noticed): "in march", "may 5", "sun the 5th",
 * "on sat", "wed", "5 am", "eastern time", "3pm PST".
 */
export const DATE_RULE_WORDS = 'march may sun sat wed am pm time pst mst cst est'.split(' ');

let lexicalWords: Record<LexicalKind, Set<string>> | undefined;

/** Adds the first word (a–z) of `entry`: a phrase of the lexicon is found only where its first word is. */
function addFirstWord(words: Set<string>, entry: string | undefined): void {
  const first = entry && /[a-z]+/.exec(entry)?.[0];
  if (first) words.add(first);
}

/**
 * Per kind, every word the model could tag as one, lower case: its lexicon's and ambiguous words' entries
 * of the kind (the first word of a phrase, which the phrase needs), the contractions and aliases that
 * become one, and the rules' own words. Dates leave out units of time ("week" alone is a duration, no date).
 */
function wordsOfKinds(): Record<LexicalKind, Set<string>> {
  if (lexicalWords) return lexicalWords;
  const { one, two } = (english().world() as { model: ModelData }).model;
  const isA = (tag: string, root: string): boolean =>
    tag === root || (one.tagSet[tag]?.parents ?? []).some((p) => isA(p, root));
  const kinds: Record<LexicalKind, (tag: string) => boolean> = {
    date: (tag) => isA(tag, 'Date') && !isA(tag, 'Duration'),
    duration: (tag) => isA(tag, 'Duration'),
  };
  lexicalWords = { date: new Set(DATE_RULE_WORDS), duration: new Set() };
  for (const [kind, test] of Object.entries(kinds) as [LexicalKind, (tag: string) => boolean][]) {
    const words = lexicalWords[kind];
    const entries = [one.lexicon, one.frozenLex, two.switches].flatMap((e) => Object.entries(e));
    for (const [entry, tags] of entries)
      if ((Array.isArray(tags) ? tags : tags.split('|')).some(test)) addFirstWord(words, entry);
    // "I'm" is "I am"; "&" is "and": what a word becomes is what the tagger reads.
    for (const c of one.contractions)
      if (c.out?.some((w) => words.has(w))) for (const w of [c.word, c.after]) addFirstWord(words, w);
    for (const [alias, word] of Object.entries(one.aliases)) if (words.has(word)) addFirstWord(words, alias);
  }
  return lexicalWords;
}

/**
 * Whether the model could tag some word of `text` as a kind of word: a date word (a month, a weekday, a year,
 * a time of day…) or a unit of time. `false` only when it certainly would not, told from the words alone,
 * without parsing (which costs about a millisecond a sentence): a sentence no word of which could be a date
 * holds no date. Digits (years, times) and text beyond ASCII (which the model folds) always could.
 */
export function mayTag(kind: LexicalKind, text: string): boolean {
  if (/[\d\u0080-\uffff]/.test(text)) return true;
  const words = wordsOfKinds()[kind];
  for (const word of text.toLowerCase().split(/[^a-z]+/)) if (words.has(word)) return true;
  return false;
}
