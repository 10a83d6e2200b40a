/**
 * What a general English model says about the words of a text: which are people's names, places,
 * organisations, numbers (spelled out too), dates and units of time. The model is compromise's: a lexicon and
 * tagger for English, nothing about any corpus.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise/two';
import { fasterSweep } from './sweep.js';

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
  if (!model) {
    model = createRequire(import.meta.url)('compromise/two') as Nlp;
    // The same tags in less time (sweep.ts).
    model.plugin(fasterSweep as Parameters<Nlp['plugin']>[0]);
  }
  return model;
}

/**
 * Parses of recent texts: a corpus is read again and again, and parsing one sentence costs about a millisecond.
 * At about 2 KB a parse (with shared tag sets), a full cache holds some 20 MB.
 */
const parses = new Map<string, TaggedWord[]>();
const MAX_PARSES = 10_000;

/**
 * One set per combination of tags, shared by every word that has it: the tagger's own set for each word made a
 * cached parse cost 5 KB (some 100 MB when the cache is full), and a few hundred combinations cover English.
 */
const tagSets = new Map<string, ReadonlySet<string>>();
const MAX_TAG_SETS = 10_000;

function sharedTags(tags: Set<string> | undefined): ReadonlySet<string> {
  if (!tags) return new Set();
  const key = [...tags].sort().join(' ');
  let shared = tagSets.get(key);
  if (!shared) {
    shared = new Set(tags);
    if (tagSets.size < MAX_TAG_SETS) tagSets.set(key, shared);
  }
  return shared;
}

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
      tags: sharedTags(term.tags),
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

/**
 * Kinds of word the model's lexicon and rules tell apart before any parse (see {@link mayTag}): dates, units of
 * time, names (a person, a place, an organisation, any proper noun or acronym), places alone and numbers
 * (spelled out too).
 */
export type LexicalKind = 'date' | 'duration' | 'name' | 'number' | 'place';

/** The parts of compromise's model {@link mayTag} reads. */
interface ModelData {
  one: {
    tagSet: Record<string, { parents?: string[] }>;
    lexicon: Record<string, string | string[]>;
    frozenLex: Record<string, string | string[]>;
    contractions: { word?: string; after?: string; out?: string[] }[];
    aliases: Record<string, string>;
  };
  two: {
    switches: Record<string, string>;
    /** By length of the ending; some lengths have none. */
    suffixPatterns: (Record<string, string> | undefined)[];
    endsWith: Record<string, [RegExp, string | string[]][]>;
    regexNormal: [RegExp, string | string[]][];
    regexText: [RegExp, string | string[]][];
    regexNumbers: [RegExp, string | string[]][];
    neighbours: Record<string, [string, string][]>;
    orgWords: Record<string, boolean>;
    placeWords: Record<string, boolean>;
  };
}

/**
 * Words that the model's rules (not its lexicon) make into dates, by compromise 14's post-tagger (its rules
 * are pinned by a test, so that an upgrade that adds some is noticed): "in march", "may 5", "sun the 5th",
 * "on sat", "wed", "5 am", "eastern time", "3pm PST".
 */
export const DATE_RULE_WORDS = 'march may sun sat wed am pm time pst mst cst est'.split(' ');

/**
 * Words that the model's rules make into (part of) a name without any name or capital already in the text,
 * by compromise 14's post-tagger (pinned by a test like the date rules): "the first secretary" (an honorific),
 * "king of spain", "van der", "the health board", "the steering committee", "the public school", "dc united",
 * "in turkey", "rock n roll".
 */
export const NAME_RULE_WORDS =
  'van king queen prince saint lady first second third 1st 2nd 3rd n board committee school united or turkey'.split(
    ' ',
  );

/**
 * Words that the model's rules make into (part of) a number without any number already in the text, by
 * compromise 14's post-tagger (pinned by a test): "a pound", "half of a", "the second person", and "a" before a
 * unit of time or "hundred" ("a week", "a hundred"), which the units of time stand for.
 */
export const NUMBER_RULE_WORDS = 'pound half quarter second hundred thousand million billion trillion'.split(
  ' ',
);

/**
 * Words that the model's rules make into (part of) a place without any place already in the text, by compromise
 * 14's post-tagger (pinned by a test like the name rules): "Smith Point", "Mount Kenya", "near turkey". ("Portland
 * or" needs "Portland", a place already.)
 */
export const PLACE_RULE_WORDS = 'cliff place range pit point room grounds ruins port mount mt turkey'.split(
  ' ',
);

/**
 * Acronyms the model's tagger makes places when written in capitals ("LA", "NY", "US", "DC", "GB", "UK"): a list
 * in its code (the acronym pass), not in its model data, so a test over Brown sentences guards it.
 */
const PLACE_ACRONYM = /^(?:LA|NY|US|DC|GB|UK)(?![a-z])/;

/** What the model could tag as a kind of word, read from its lexicon and rules once. */
interface KindEvidence {
  /** Words (a–z, 0–9) that could be one. */
  words: Set<string>;
  /** Phrases of the lexicon, as their words: each could be one only where all its words are. */
  phrases: string[][];
  /** Endings that make an unknown word one (names and numbers: "-ville", "-opoulos", "-teenth"). */
  suffixes: string[];
  /** Patterns of the word's letters that make it one (names and numbers: "mcdonald", "F.B.I.", "5kg"). */
  patterns: RegExp[];
}

let kindEvidence: Record<LexicalKind, KindEvidence> | undefined;

/** The words (a–z, 0–9) of a lexicon entry or a text, as {@link mayTag} compares them. */
const piecesOf = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** The tags of a lexicon entry, a switch ("Person|Verb") or a rule's result. */
const tagList = (tags: string | string[]): string[] =>
  (Array.isArray(tags) ? tags : tags.split(/[|\s]+/)).map((t) => t.replace(/^#/, ''));

/**
 * Per kind, every word the model could tag as one: its lexicon's and ambiguous words' entries of the kind
 * (a phrase only with all its words), the contractions and aliases that become one, and the rules' own words.
 * Dates leave out units of time ("week" alone is a duration, no date). Names add the words that make a name of
 * a capitalized neighbour ("river", "committee"), places those that make a place of one ("river", "gulf") and
 * the acronyms read as places; names, numbers and places the endings and letter patterns of unknown words
 * ("-ville"), and numbers the units of time ("a week": "a" is a number).
 */
function evidenceOfKinds(): Record<LexicalKind, KindEvidence> {
  if (kindEvidence) return kindEvidence;
  const { one, two } = (english().world() as { model: ModelData }).model;
  // Asked for every tag of every entry of the lexicon, for each kind: each answer is worked out once.
  const known = new Map<string, boolean>();
  const isA = (tag: string, root: string): boolean => {
    const key = `${tag} ${root}`;
    let is = known.get(key);
    if (is === undefined) {
      is = tag === root || (one.tagSet[tag]?.parents ?? []).some((p) => isA(p, root));
      known.set(key, is);
    }
    return is;
  };
  const NAME_ROOTS = ['Person', 'Place', 'Organization', 'ProperNoun', 'Acronym'];
  const kinds: Record<LexicalKind, (tag: string) => boolean> = {
    date: (tag) => isA(tag, 'Date') && !isA(tag, 'Duration'),
    duration: (tag) => isA(tag, 'Duration'),
    name: (tag) => NAME_ROOTS.some((root) => isA(tag, root)),
    number: (tag) => isA(tag, 'Value'),
    place: (tag) => isA(tag, 'Place'),
  };
  const empty = (): KindEvidence => ({ words: new Set(), phrases: [], suffixes: [], patterns: [] });
  kindEvidence = { date: empty(), duration: empty(), name: empty(), number: empty(), place: empty() };
  for (const w of DATE_RULE_WORDS) kindEvidence.date.words.add(w);
  // The lexicon's entries with their tags, split once for all the kinds.
  const entries = [one.lexicon, one.frozenLex, two.switches]
    .flatMap((e) => Object.entries(e))
    .map(([entry, tags]) => [entry, tagList(tags)] as const);
  for (const [kind, test] of Object.entries(kinds) as [LexicalKind, (tag: string) => boolean][]) {
    const evidence = kindEvidence[kind];
    const add = (entry: string | undefined) => {
      const pieces = piecesOf(entry ?? '');
      if (pieces.length === 1) evidence.words.add(pieces[0] as string);
      else if (pieces.length > 1) evidence.phrases.push(pieces);
    };
    for (const [entry, tags] of entries) if (tags.some(test)) add(entry);
    const becomes = (word: string) => evidence.words.has(word);
    // "I'm" is "I am"; "&" is "and": what a word becomes is what the tagger reads.
    for (const c of one.contractions) if (c.out?.some(becomes)) for (const w of [c.word, c.after]) add(w);
    for (const [alias, word] of Object.entries(one.aliases)) if (becomes(word)) add(alias);
  }
  const name = kindEvidence.name;
  for (const w of NAME_RULE_WORDS) name.words.add(w);
  // "Smith River", "Acme Bank": these make a place or an organisation of the capitalized word before them.
  for (const w of [...Object.keys(two.orgWords), ...Object.keys(two.placeWords)]) name.words.add(w);
  // "Smith Jr": the word before becomes a person.
  for (const list of [two.neighbours.leftWords, two.neighbours.rightWords])
    for (const [word, tag] of list ?? []) if (kinds.name(tag)) name.words.add(word);
  const place = kindEvidence.place;
  // "Smith River", "Gulf of Mexico": these make a place of the capitalized word before or after them.
  for (const w of [...PLACE_RULE_WORDS, ...Object.keys(two.placeWords)]) place.words.add(w);
  place.patterns.push(PLACE_ACRONYM);
  const number = kindEvidence.number;
  for (const w of [...NUMBER_RULE_WORDS, ...kindEvidence.duration.words]) number.words.add(w);
  for (const kind of ['name', 'number', 'place'] as const) {
    const evidence = kindEvidence[kind];
    for (const bySuffix of two.suffixPatterns)
      for (const [suffix, tag] of Object.entries(bySuffix ?? {}))
        if (kinds[kind](tag)) evidence.suffixes.push(suffix);
    const rules = [
      ...Object.values(two.endsWith).flat(),
      ...two.regexNormal,
      ...two.regexText,
      ...two.regexNumbers,
    ];
    for (const [pattern, tags] of rules) if (tagList(tags).some(kinds[kind])) evidence.patterns.push(pattern);
  }
  return kindEvidence;
}

/**
 * Capital letters that are no sign of a name: the first of a text's first word when more letters follow (the
 * model reads no name into capitals there), and the words "A" and "I" (no acronyms to it).
 */
const NO_SIGN_CAPITAL = /^[^\p{L}\p{N}\s]*\p{Lu}(?=\p{Ll})|(?<![\p{L}\p{N}'’.-])[AI](?![\p{L}\p{N}'’.-])/gu;

/**
 * Whether the model could tag some word of `text` as a kind of word: a date word (a month, a weekday, a year,
 * a time of day…), a unit of time, a name, a place or a number. `false` only when it certainly would not, told from the
 * words alone, without parsing (which costs about a millisecond a sentence): a sentence no word of which could
 * be a date holds no date. Text beyond ASCII (which the model folds) always could; digits could be dates and
 * numbers; a capital letter past the first (not the words "A" and "I"), or an ampersand, could make a name;
 * capitals "XIV" a (Roman) number.
 */
export function mayTag(kind: LexicalKind, text: string): boolean {
  if (/[\u0080-\uffff]/.test(text)) return true;
  if (kind === 'name') {
    if (/[\p{Lu}&]/u.test(text.replace(NO_SIGN_CAPITAL, ''))) return true;
  } else if (/\d/.test(text) || (kind === 'number' && /[IVXLCDM]{2}/.test(text))) return true;
  const { words, phrases, suffixes, patterns } = evidenceOfKinds()[kind];
  // The model reads an acronym without its periods: "U.S.S.R." is the lexicon's "ussr".
  const acronyms = text.match(/(?:(?<![\p{L}\p{N}])\p{L}\.){2,}/gu) ?? [];
  const pieces = [...piecesOf(text), ...acronyms.flatMap((a) => piecesOf(a.replace(/\./g, '')))];
  for (const piece of pieces) {
    if (words.has(piece)) return true;
    // An ending counts on a longer word only: the model reads "field" as a word, "Springfield" by its ending.
    for (const suffix of suffixes) if (piece.length > suffix.length && piece.endsWith(suffix)) return true;
  }
  if (phrases.length) {
    const present = new Set(pieces);
    if (phrases.some((phrase) => phrase.every((p) => present.has(p)))) return true;
  }
  if (patterns.length)
    // The model reads the parts of a hyphenated word as words: "one-o'clock".
    for (const raw of text.split(/[\s\-–—/]+/)) {
      const word = raw.replace(/^[^\p{L}\p{N}]+/u, '');
      if (patterns.some((p) => p.test(word) || p.test(word.toLowerCase()))) return true;
    }
  return false;
}
