import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/segment.js';
import { DATE_RULE_WORDS, mayTag, type TaggedWord, tagWords } from '../../src/text/english.js';
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
});
