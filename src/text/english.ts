/**
 * What a general English model says about the words of a text: which are people's names, places,
 * organisations, numbers (spelled out too), dates and units of time. The model is compromise's: a lexicon and
 * tagger for English, nothing about any corpus.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

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
 * needs it (a reload worker, a question of no particular kind) does not spend.
 */
function english(): Nlp {
  model ??= createRequire(import.meta.url)('compromise') as Nlp;
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
