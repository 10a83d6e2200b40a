/**
 * The kind of thing a question asks for; the answer sentence must hold one. `name` wants a proper name
 * ("who is the ambassador?"); `person` is satisfied by a name or by who did it ("who gathered?" →
 * "representatives from…"); `money` wants a sum, not just any number. Its own module so that the English
 * and Japanese question readers share it without importing each other.
 */
export type AnswerType =
  | 'date'
  | 'time'
  | 'place'
  | 'name'
  | 'person'
  | 'quantity'
  | 'money'
  | 'duration'
  | 'yesno'
  | 'any';

/**
 * The class of units an asked-for amount is counted in, as WordNet names it: "how much does it weigh?" wants
 * a "mass unit" (kilograms, tonnes), "how far?" a "linear unit", "how fast?" a "rate" (kilometers per hour),
 * "how much of it?" a "proportion" (percent) of it.
 */
export type Measure =
  | 'mass unit'
  | 'linear unit'
  | 'volume unit'
  | 'area unit'
  | 'rate'
  | 'proportion'
  /** "How big?": a length, an area or a volume, whichever the thing is measured in. */
  | 'size';

/** The classes of units a {@link Measure} takes: its own, or for a size those of length, area and volume. */
export const unitClasses = (measure: Measure): Measure[] =>
  measure === 'size' ? ['linear unit', 'area unit', 'volume unit'] : [measure];

/** Every class of units, for telling which one a unit a question names ("how many kg?") belongs to. */
export const MEASURES: readonly Measure[] = [
  'mass unit',
  'linear unit',
  'volume unit',
  'area unit',
  'rate',
  'proportion',
];
