/** Limits every adapter applies the same way (Discord's own limits stay in the Discord adapter). */
import { UserInputError } from './types.js';

/** The longest question accepted, in characters (after blanks are collapsed): the console, CLI and Discord alike. */
export const MAX_QUESTION_LENGTH = 300;

/** The one refusal of a question longer than {@link MAX_QUESTION_LENGTH}. */
export function questionTooLong(length: number): UserInputError {
  return new UserInputError(
    `Questions can be at most ${MAX_QUESTION_LENGTH} characters; this one has ${length}. Please shorten it.`,
    { code: 'questionTooLong', length, max: MAX_QUESTION_LENGTH },
  );
}
