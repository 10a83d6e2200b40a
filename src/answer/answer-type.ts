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
