/**
 * One-shot `/ask` for scripts and evaluations.
 *   npm run --silent ask -- --json "when was the agreement signed?"
 *   printf 'q1\nq2\n' | npm run --silent ask -- --json      (one JSON object per line)
 * Only the answer goes to stdout; logs go to stderr.
 */
import { PLAIN, renderAsk } from '../console/render.js';
import type { AskResult, KnowledgeBase } from '../contract/types.js';
import { UserInputError } from '../contract/types.js';
import { describeInputError } from '../messages/messages.js';
import { bootCli, LANG_OPTION, messagesForLang, parseCliArgs, stdinLines } from './shared.js';

const USAGE =
  'npm run --silent ask -- [--json] [--limit N] [--lang en|ja] ["question"]  (no question: one per line on stdin)';

/** The stable JSON contract of `ask --json`. */
export function askJson(result: AskResult) {
  return {
    question: result.question,
    answer: result.answer
      ? {
          text: result.answer.text,
          citation: result.answer.citation,
          short: result.answer.short,
          confidence: result.answer.confidence,
          closest: result.answer.closest,
        }
      : null,
    passages: result.passages.map((p) => ({ id: p.id, text: p.text, score: p.score, citation: p.citation })),
    suggestions: result.suggestions,
  };
}

const { values, positionals } = parseCliArgs(
  {
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string', default: '5' },
      ...LANG_OPTION,
    },
    allowPositionals: true,
  },
  USAGE,
);
/**
 * The most passages `--limit` lists: enough for an evaluation at 10 or 20, short enough to read in a
 * terminal. Programs wanting more call the knowledge base itself.
 */
const MAX_LIMIT = 25;

const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
  process.stderr.write(`--limit must be a whole number from 1 to ${MAX_LIMIT}, got "${values.limit}"\n`);
  process.exit(2);
}
const m = messagesForLang(values.lang, USAGE);
const { logger, service } = await bootCli();

/** Answers one question; a bad question is reported for that line and the run goes on. */
function answer(kb: KnowledgeBase, question: string): { ok: boolean; text: string } {
  try {
    const result = kb.ask(question, { limit });
    return {
      ok: true,
      text: values.json ? JSON.stringify(askJson(result)) : renderAsk(m, result, PLAIN),
    };
  } catch (err) {
    if (!(err instanceof UserInputError)) logger.error({ err, question }, 'ask failed');
    const message = err instanceof UserInputError ? describeInputError(m, err) : m.t('cli.internalError');
    return { ok: false, text: values.json ? JSON.stringify({ question, error: message }) : message };
  }
}

if (positionals.length > 0) {
  const { ok, text } = answer(service.current, positionals.join(' '));
  process.stdout.write(`${text}\n`);
  process.exitCode = ok ? 0 : 1;
} else {
  for await (const line of stdinLines()) {
    process.stdout.write(`${answer(service.current, line).text}\n${values.json ? '' : '\n'}`);
  }
}
