import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/segment.js';
import {
  DATE_RULE_WORDS,
  type LexicalKind,
  mayTag,
  NAME_RULE_WORDS,
  NUMBER_RULE_WORDS,
  PLACE_RULE_WORDS,
  type TaggedWord,
  tagWords,
} from '../../src/text/english.js';
import { brownPassages } from '../bench/brown.js';

interface Rule {
  match: string;
  tag?: string | string[];
}
interface Model {
  one: { tagSet: Record<string, { parents?: string[] }> };
  two: { matches: Rule[] };
}
const { one, two } = (
  createRequire(import.meta.url)('compromise/two') as { world(): { model: Model } }
).world().model;
const isA = (tag: string, root: string): boolean =>
  tag === root || (one.tagSet[tag]?.parents ?? []).some((p) => isA(p, root));
const tagsOf = (tag: string | string[] = '') =>
  (Array.isArray(tag) ? tag : tag.split(/\s+/)).map((t) => t.replace(/^#/, ''));
/** The post-tagger rules that tag a word as `isKind` takes it, except those that `needs` says start from one. */
const rulesFromNothing = (isKind: (tag: string) => boolean, needs: RegExp): string[] =>
  two.matches.filter((r) => tagsOf(r.tag).some(isKind) && !needs.test(r.match)).map((r) => r.match);

/**
 * Over Brown sentences: where `mayTag(kind)` says no, the model tags no word as `isKind` would take it (checked
 * per sentence); returns the share of sentences said no to, which is what the prefilter saves.
 */
function skippedWhereModelFindsNone(kind: LexicalKind, isKind: (tag: string) => boolean): number {
  const sentences = brownPassages(120).flatMap((p) =>
    splitSentences(p.text).map((s) => p.text.slice(s.start, s.end)),
  );
  let skipped = 0;
  for (const sentence of sentences) {
    if (mayTag(kind, sentence)) continue;
    skipped++;
    expect(
      tagWords(sentence)
        .filter((w) => [...w.tags].some(isKind))
        .map((w) => w.text),
      sentence,
    ).toEqual([]);
  }
  return skipped / sentences.length;
}

/** What the date reader (src/answer/entities.ts) takes for a date word; units of time alone are not. */
const isDateWord = (w: TaggedWord) =>
  ['Month', 'WeekDay', 'Holiday', 'Year'].some((t) => w.tags.has(t)) ||
  (w.tags.has('Date') && !w.tags.has('Duration') && !w.tags.has('Value'));

describe('mayTag', () => {
  it('knows every post-tagger rule of the installed model that makes a date: each is seeded by a word in DATE_RULE_WORDS, a date word or a number', () => {
    // If this fails, the model changed its rules: read the new ones and update DATE_RULE_WORDS.
    const dateRules = two.matches
      .filter((r) => tagsOf(r.tag).some((t) => isA(t, 'Date') && !isA(t, 'Duration')))
      .map((r) => r.match);
    expect(dateRules).toEqual([
      '[sun] the #Ordinal',
      '[sun] #Date',
      '#Date (on|this|next|last|during)? [sun]',
      '(in|by|before|during|on|until|after|of|within|all) [sat]',
      '(in|by|before|during|on|until|after|of|within|all) [wed]',
      '(in|by|before|during|on|until|after|of|within|all) [march]',
      '[sat] #Date',
      '#Preposition [(march|may)]',
      '(this|next|last) (march|may) !#Infinitive?',
      '(march|may) the? #Value',
      '#Value of? (march|may)',
      '[(march|may)] .? #Date',
      '#Date .? [(march|may)]',
      '#Value (am|pm)',
      '#Holiday (day|eve)',
      '#Value of #Month',
      '#Cardinal #Month',
      '#Month #Value to #Value',
      '#Month the #Value',
      '(#WeekDay|#Month) #Value',
      '#Value (#WeekDay|#Month)',
      '(#TextValue && #Date) #TextValue',
      '#Month #NumberRange',
      '#WeekDay #Month #Ordinal',
      '#Month #Ordinal #Cardinal',
      '(#Place|#Demonmym) (standard|daylight|central|mountain)? time',
      '(eastern|mountain|pacific|central|atlantic) (standard|daylight|summer)? time',
      '#Time [(eastern|mountain|pacific|central|est|pst|gmt)]',
      '(central|western|eastern) european time',
    ]);
    for (const word of ['sun', 'sat', 'wed', 'march', 'may', 'am', 'pm', 'time'])
      expect(DATE_RULE_WORDS).toContain(word);
  });

  it('is false only for text no word of which the model could read as a date or a unit of time', () => {
    expect(mayTag('date', 'The dog ran home across the field.')).toBe(false);
    expect(mayTag('date', 'They met in March.')).toBe(true);
    expect(mayTag('date', 'It was a Sunday morning.')).toBe(true);
    expect(mayTag('date', 'He left in 1066.')).toBe(true);
    expect(mayTag('date', "I'm late, she said.")).toBe(true); // "I am": "5 am" is a time
    expect(mayTag('date', 'Le café ouvre.')).toBe(true); // the model folds accents: not told without it
    expect(mayTag('duration', 'They stayed three weeks.')).toBe(true);
    expect(mayTag('duration', 'They stayed in Rouen.')).toBe(false);
  });

  it('never says no where the model finds a date word or a unit of time (Brown sentences)', () => {
    const sentences = brownPassages(120).flatMap((p) =>
      splitSentences(p.text).map((s) => p.text.slice(s.start, s.end)),
    );
    let skipped = 0;
    for (const sentence of sentences) {
      const words = tagWords(sentence);
      if (!mayTag('date', sentence)) {
        skipped++;
        expect(
          words.filter(isDateWord).map((w) => w.text),
          sentence,
        ).toEqual([]);
      }
      if (!mayTag('duration', sentence))
        expect(
          words.filter((w) => w.tags.has('Duration')).map((w) => w.text),
          sentence,
        ).toEqual([]);
    }
    // Most sentences hold no date word: telling so without parsing is what makes a "when" question cheap.
    expect(skipped / sentences.length).toBeGreaterThan(0.5);
  });

  /** Tags the name readers (places, names, people in src/answer/entities.ts) read, and what makes them. */
  const NAME_ROOTS = ['Person', 'Place', 'Organization', 'ProperNoun', 'Acronym'];
  const isName = (tag: string) => NAME_ROOTS.some((root) => isA(tag, root));

  it('knows every post-tagger rule of the installed model that makes a name out of no name: each has a word in NAME_RULE_WORDS', () => {
    // A rule that needs a name, a capital or a word the lexicon knows as one (#Person, #ProperNoun, #Honorific,
    // a "Person|Verb" word…) fires only where mayTag already says yes; the others are listed here. If this
    // fails, the model changed its rules: read the new ones and update NAME_RULE_WORDS.
    const needsName =
      /#(?:Person|ProperNoun|Place|Organization|FirstName|LastName|Honorific|Acronym|City|Country|Demonym|Region|ProperName|SportsTeam)\b|%Person\||\|Place%|@isTitleCase/;
    const fromNothing = rulesFromNothing(isName, needsName);
    expect(fromNothing).toEqual([
      '#Noun van der? #Noun',
      '(king|queen|prince|saint|lady) of #Noun',
      '(first|second|third|1st|2nd|3rd) #Actor',
      '#Noun (&|n) #Noun',
      '(health|school|commerce) board',
      '(nominating|special|conference|executive|steering|central|congressional) committee',
      '#Noun+ (public|private) school',
      '(dc|atlanta|minnesota|manchester|newcastle|sheffield) united',
      'portland [or]',
      '(in|near|nearby|to|from) [turkey]',
    ]);
    for (const word of 'van king first n board committee school united or turkey'.split(' '))
      expect(NAME_RULE_WORDS).toContain(word);
  });

  it('is false for names only where no word could be one', () => {
    expect(mayTag('name', 'The dog ran home and slept.')).toBe(false);
    expect(mayTag('name', 'The dog ran home across the field.')).toBe(true); // "Smith Field"
    expect(mayTag('name', 'I think a dog ran home.')).toBe(false); // "I" and "A" are no acronyms
    expect(mayTag('name', 'The dog ran to Rouen.')).toBe(true);
    expect(mayTag('name', 'the dog ran to paris.')).toBe(true); // the lexicon knows the city in lower case
    expect(mayTag('name', 'O, the dog ran home.')).toBe(true); // a one-letter acronym
    expect(mayTag('name', '(2) Auditors were encouraged.')).toBe(true); // not the first word
    expect(mayTag('name', 'The steering committee met.')).toBe(true);
    expect(mayTag('name', "Be here on the one-o'clock plane.")).toBe(true); // "o'clock" reads as a surname
  });

  it('never says no where the model finds a name, a place or an organisation (Brown sentences)', () => {
    // A third of Brown's sentences name nothing: "who" and "where" questions read those without parsing.
    expect(skippedWhereModelFindsNone('name', isName)).toBeGreaterThan(0.25);
  });

  const isPlace = (tag: string) => isA(tag, 'Place');

  it('knows every post-tagger rule of the installed model that makes a place out of no place: each has a word in PLACE_RULE_WORDS or a place word', () => {
    // If this fails, the model changed its rules: read the new ones and update PLACE_RULE_WORDS.
    const placeTags = Object.keys(one.tagSet).filter(isPlace).join('|');
    const needsPlace = new RegExp(`#(?:${placeTags})\\b|%[^%]*\\bPlace\\b[^%]*%`);
    const fromNothing = rulesFromNothing(isPlace, needsPlace);
    expect(fromNothing).toEqual([
      'portland [or]',
      '(in|near|nearby|to|from) [turkey]',
      '#ProperNoun+ (cliff|place|range|pit|place|point|room|grounds|ruins)',
      '(port|mount|mt) #ProperName',
    ]);
    for (const word of 'turkey cliff place range pit point room grounds ruins port mount mt'.split(' '))
      expect(PLACE_RULE_WORDS).toContain(word);
    expect(mayTag('place', 'portland')).toBe(true); // the lexicon's city
  });

  it('is false for places only where no word could be one', () => {
    expect(mayTag('place', 'The dog ran home and slept.')).toBe(false);
    expect(mayTag('place', 'The council met in Rouen last spring.')).toBe(false); // a name the model does not know
    expect(mayTag('place', 'They flew to France.')).toBe(true);
    expect(mayTag('place', 'They flew to france.')).toBe(true);
    expect(mayTag('place', 'They moved to Louisville.')).toBe(true); // by its ending
    expect(mayTag('place', 'They camped near the Smith River.')).toBe(true); // "river" makes a place
    expect(mayTag('place', 'They camped at Smith Point.')).toBe(true); // a rule's word
    expect(mayTag('place', 'The US agreed.')).toBe(true); // an acronym the tagger reads as a place
    expect(mayTag('place', 'He moved to the U.S.S.R. in May.')).toBe(true); // the lexicon's "ussr"
  });

  it('never says no where the model finds a place (Brown sentences)', () => {
    // Most sentences name no place: "where" questions read those without parsing, unless a name stands
    // where something happens ("in Rouen", src/answer/entities.ts).
    expect(skippedWhereModelFindsNone('place', isPlace)).toBeGreaterThan(0.5);
  });

  const isNumber = (tag: string) => isA(tag, 'Value');

  it('knows every post-tagger rule of the installed model that makes a number out of no number: each has a word in NUMBER_RULE_WORDS', () => {
    // If this fails, the model changed its rules: read the new ones and update NUMBER_RULE_WORDS.
    const numberTags = Object.keys(one.tagSet).filter(isNumber).join('|');
    const needsNumber = new RegExp(`#(?:${numberTags})\\b`);
    const fromNothing = rulesFromNothing(isNumber, needsNumber);
    expect(fromNothing).toEqual([
      'a pound',
      '[(half|quarter)] of? (a|an)',
      '#Adverb [half]',
      '[half] the',
      '!once? [(a|an)] (#Duration|hundred|thousand|million|billion|trillion)',
      '[second] #Noun',
    ]);
    // "a" before a unit of time: the units are words of the number kind too (see english.ts).
    for (const word of ['pound', 'half', 'second', 'hundred']) expect(NUMBER_RULE_WORDS).toContain(word);
  });

  it('is false for numbers only where no word could be one', () => {
    expect(mayTag('number', 'The dog ran home and slept.')).toBe(false);
    expect(mayTag('number', 'Two dogs ran home.')).toBe(true);
    expect(mayTag('number', 'The dog ran home in 1990.')).toBe(true);
    expect(mayTag('number', 'The dog ran home for a week.')).toBe(true); // "a week": "a" reads as one
    expect(mayTag('number', 'King Henry VIII ran home.')).toBe(true); // a Roman numeral
    expect(mayTag('number', 'The dog ran home a fifteenth time.')).toBe(true);
  });

  it('never says no where the model finds a number (Brown sentences)', () => {
    // Most sentences hold no number: "how many" and "how much" questions read those without parsing.
    expect(skippedWhereModelFindsNone('number', isNumber)).toBeGreaterThan(0.5);
  });
});

describe('tagWords', () => {
  it('gives words with the same tags one shared set, so that cached parses stay small', () => {
    const dog = tagWords('The dog slept on the porch.')[1];
    const cat = tagWords('A cat slept in the barn.')[1];
    expect(dog?.tags.has('Noun')).toBe(true);
    expect(dog?.tags).toBe(cat?.tags);
  });
});
