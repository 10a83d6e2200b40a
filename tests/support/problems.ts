/** Corpus problems and refusals as an English reader sees them: `file:line: what is wrong`. */
import type { AdminError } from '../../src/corpus/admin.js';
import type { CorpusProblem } from '../../src/corpus/problems.js';
import { describeAdminError, formatProblem, messages } from '../../src/messages/messages.js';

/** `file:line: message`, in English. */
export function inEnglish(problem: CorpusProblem): string {
  return formatProblem(messages('en'), problem);
}

/** A refused corpus change in English: why, then each problem of the file. */
export function refusalInEnglish(err: AdminError): string {
  return describeAdminError(messages('en'), err);
}
