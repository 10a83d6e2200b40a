import { describe, expect, it } from 'vitest';
import { countsOf, PeopleFinder, typeEvidence } from '../../src/answer/entities.js';
import type { AnswerType, Measure } from '../../src/answer/question.js';

/** The phrases of `sentence` that hold the asked-for kind (of a `measure`, if given), as text. */
function found(type: AnswerType, sentence: string, people?: PeopleFinder, measure?: Measure): string[] {
  return (
    typeEvidence(type, sentence, people, measure)?.spans.map((s) => sentence.slice(s.start, s.end)) ?? []
  );
}

describe('typeEvidence (a general English model, no corpus words)', () => {
  it('reads numbers and durations spelled out', () => {
    const s = 'The rover is planned to support two astronauts for up to thirty days.';
    expect(found('duration', s)).toEqual(['up to thirty days']);
    expect(found('duration', 'Results come within six months of landing.')).toEqual(['within six months']);
    expect(found('quantity', s)).toEqual(['two', 'up to thirty']);
    expect(found('duration', 'A two-year mission, then several weeks of tests.')).toEqual([
      'two-year',
      'several weeks',
    ]);
  });

  it('reads seconds after a number as a duration, though the model takes "ninety seconds" for a fraction', () => {
    expect(found('duration', 'Alerts go out within ninety seconds of a detection.')).toEqual([
      'within ninety seconds',
    ]);
    expect(found('duration', 'The dish unfurls in under 90 seconds.')).toEqual(['under 90 seconds']);
    expect(found('duration', 'A second mission follows.')).toEqual([]);
  });

  it('reads a time of day on the 24-hour clock, not a ratio or a version', () => {
    expect(found('time', 'Launch from the coast at 03:41 local time.')).toEqual(['03:41']);
    expect(found('time', 'The chair opened the meeting at 09:30.')).toEqual(['09:30']);
    expect(found('time', 'A 3:2 ratio, version 2.30 and a score of 10:4.')).toEqual([]);
  });

  it('reads a sum in a currency the model does not know after a word about money, more weakly than a known one', () => {
    expect(found('money', 'Combined mission cost | 512 million credits')).toEqual(['512 million credits']);
    expect(typeEvidence('money', 'Combined mission cost | 512 million credits')?.strength).toBeLessThan(1);
    expect(found('money', 'The app has 3 million users and costs nothing.')).toEqual([]);
  });

  it('reads the time something takes as a weak answer to "how fast", next to a speed', () => {
    expect(
      found('quantity', 'Products reach users within three hours of each pass.', undefined, 'rate'),
    ).toEqual(['within three hours']);
    expect(found('quantity', 'The rover drives at 12 kilometres per hour.', undefined, 'rate')).toEqual([
      '12 kilometres',
    ]);
  });

  it('reads dates, and says a month with its day is more specific than a year', () => {
    expect(found('date', 'It was signed on January 13, 2023 in the capital.')).toEqual(['January 13, 2023']);
    expect(typeEvidence('date', 'It was signed on January 13, 2023.')?.strength).toBe(1);
    expect(typeEvidence('date', 'It was signed in 1066.')?.strength).toBeLessThan(1);
    expect(found('date', 'They ruled in the 10th and 11th centuries, and again from 1562 to 1598.')).toEqual([
      '10th and 11th centuries',
      '1562 to 1598',
    ]);
    expect(found('date', 'The deal was agreed in November of 2022.')).toEqual(['November of 2022']);
  });

  it('does not take counts for years', () => {
    expect(found('date', 'He came with 2,000 men and 300 ships.')).toEqual([]);
    expect(found('quantity', 'He came in 1066 with 7,000 men.')).toEqual(['7,000']);
  });

  it('tells people from organisations and places by the model, not by a word list', () => {
    const s = 'The agency announced that Anne Smith will lead the mission from Houston.';
    expect(found('name', s)).toEqual(['Anne Smith']);
    expect(found('name', 'NASA announced the plan in Washington.')).toEqual([]);
    expect(found('place', 'NASA announced the plan in Washington.')).toEqual(['Washington']);
  });

  it('takes a name the model does not know as a place only where something happens', () => {
    expect(found('place', 'The council met in Rouen last spring.')).toEqual(['Rouen']);
    expect(found('place', 'We walked across the Plaza at dusk.')).toEqual(['Plaza']);
    expect(found('place', 'Officials from Rouen wrote to Smith.')).toEqual([]);
  });

  it('keeps initials, abbreviations and the proper nouns after a title inside a name', () => {
    expect(found('name', 'The office was led by William E. Simon until spring.')).toEqual([
      'William E. Simon',
    ]);
    expect(found('person', 'The fort was taken by Colonel Monckton in June.')[0]).toBe('Colonel Monckton');
    expect(found('place', 'Trappers travelled throughout the St. Lawrence valley.')).toEqual([
      'St. Lawrence valley',
    ]);
  });

  it('finds registered names, aliases that are names too, and merges overlapping ones', () => {
    const people = new PeopleFinder([
      { name: 'Tanaka Yuki', title: 'Director', aliases: ['Director Tanaka', 'Director', 'the director'] },
    ]);
    expect(found('name', 'The visit of Director Tanaka Yuki was short.', people)).toEqual([
      'Director Tanaka Yuki',
    ]);
    // "Director" alone is a title, not a name.
    expect(found('name', 'The Director spoke.', people)).toEqual([]);
  });

  it('finds the names the text gives people, which the English model may not know as names', () => {
    const sentence = '“We test at night,” said Teodor Alvik, the mission’s chief engineer.';
    // Unregistered, the model reads the name as some proper noun, no name.
    expect(found('name', sentence, new PeopleFinder([]))).toEqual([]);
    expect(found('name', sentence, new PeopleFinder([], ['Teodor Alvik']))).toEqual(['Teodor Alvik']);
  });

  it('reads a count with its unit and how near it is', () => {
    expect(
      found('quantity', 'The crate held roughly 40 percent of the grain, about ninety kilograms.'),
    ).toEqual(['roughly 40 percent', 'about ninety kilograms']);
    expect(found('quantity', 'Each truck carries up to 3,000 kilograms.')).toEqual(['up to 3,000 kilograms']);
  });

  it('reads a count of units of time as weaker evidence of an amount than a count of things', () => {
    const s = 'Under a seven-year deal the truck will carry 5,200 kilograms for thirty days.';
    const spans = typeEvidence('quantity', s)?.spans.map((span) => [
      s.slice(span.start, span.end),
      span.strength,
    ]);
    expect(spans).toEqual([
      ['seven', 0.5],
      ['5,200 kilograms', 1],
      ['thirty', 0.5],
    ]);
  });

  it('reads what the counts of a sentence count: the things a question counts, a kind of them, or others', () => {
    // "How many drones": the drones counted, not the metres.
    const fleet = 'The fleet of nine small drones sees objects as small as two metres from 300 metres up.';
    expect(countsOf(fleet, 'drones')).toBe('counted');
    expect(countsOf('Each drone sees objects as small as two metres from 300 metres up.', 'drones')).toBe(
      'other',
    );
    // A kind of the counted thing counts as it, by WordNet: astronauts and crew members are persons, and people
    // employed count as persons too.
    expect(countsOf('It carries two astronauts.', 'person')).toBe('counted');
    expect(countsOf('In an emergency it carries four crew members.', 'person')).toBe('counted');
    expect(countsOf('The company will employ about 35 staff on site.', 'person')).toBe('counted');
    expect(countsOf('The company will fly about 35 missions a year.', 'person')).toBe('other');
    expect(countsOf('The plateau was chosen from nine candidate sites.', 'location')).toBe('counted');
    // A unit after a range is a unit, whoever WordNet says Celsius was.
    expect(countsOf('It stays between 12 and 18 degrees Celsius.', 'person')).toBe('other');
    // A count followed by no noun says nothing of what it counts; a year is no count.
    expect(countsOf('The count rose to 40.', 'drones')).toBe('unknown');
    expect(countsOf('The drones fly from 2027.', 'drones')).toBe('none');
  });

  it('reads, for an amount of one dimension, only the counts with a unit of it', () => {
    const s =
      'Two pilots flew 1,200 kilometres in a craft of 13 cubic meters carrying about eighty kilograms.';
    expect(found('quantity', s, undefined, 'mass unit')).toEqual(['about eighty kilograms']);
    expect(found('quantity', s, undefined, 'linear unit')).toEqual(['1,200 kilometres']);
    expect(found('quantity', s, undefined, 'volume unit')).toEqual(['13 cubic meters']);
    expect(found('quantity', 'It drives at up to 15 kilometers per hour.', undefined, 'rate')).toEqual([
      'up to 15 kilometers per hour',
    ]);
    expect(found('quantity', 'Two astronauts stay for thirty days.', undefined, 'mass unit')).toEqual([]);
    // A size ("how big?") is a length, an area or a volume, whichever the text gives.
    const dish = 'Two crews will run a 35-metre dish for 20 years.';
    expect(found('quantity', dish, undefined, 'size')).toEqual(['35-metre']);
    expect(found('quantity', s, undefined, 'size')).toEqual(['1,200 kilometres', '13 cubic meters']);
    const shares =
      'Of the 96 million dollars, the state pays 70 percent, the city 25% and two donors the rest.';
    expect(found('quantity', shares, undefined, 'proportion')).toEqual(['70 percent', '25%']);
  });

  it('reads sums whose currency the model takes for a plain noun, with whose currency it is', () => {
    const s = 'The bridge cost 40 million Canadian dollars, and the tunnel 3.2 billion euros.';
    expect(found('money', s)).toEqual(['40 million Canadian dollars', '3.2 billion euros']);
    expect(found('money', 'A museum worth 250 million U.S. dollars opened.')).toEqual([
      '250 million U.S. dollars',
    ]);
    // A currency WordNet knows, which the model does not ("crowns").
    expect(found('money', 'The office will contribute 90 million crowns to the dish.')).toEqual([
      '90 million crowns',
    ]);
    // A currency without a sum is no sum; a number without a currency is none either.
    expect(found('money', 'The dollar fell against the yen while 300 ships waited.')).toEqual([]);
  });

  it('reads the proper nouns after a role as a name, the model knowing them or not', () => {
    const s = 'Project lead engineer Oluwaseun Adebayo-Kwarteng said the bridge will open in May.';
    expect(found('name', s)).toEqual(['Oluwaseun Adebayo-Kwarteng']);
    expect(found('name', 'Our chief executive Halvard Brekkestad resigned.')).toEqual(['Halvard Brekkestad']);
    expect(typeEvidence('person', 'Our chief executive Halvard Brekkestad resigned.')?.strength).toBe(1);
    // A role before a common word or a place names nobody.
    expect(found('name', 'The manager said little about the engineer in Oslo.')).toEqual([]);
  });

  it('asks nothing of open and yes/no questions', () => {
    expect(typeEvidence('any', 'Anything.')).toEqual({ spans: [], strength: 1 });
    expect(typeEvidence('yesno', 'Anything.')).toEqual({ spans: [], strength: 1 });
  });
});
