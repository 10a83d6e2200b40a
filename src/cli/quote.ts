/**
 * One-shot `/quote` for scripts.
 *   npm run --silent quote -- --json "Yamada" [--about "cooperation"]
 * Prints {"query", "speaker": {"name", "title"} | null, "known", "quotes": [{"text", "citation"}], "suggestions"}.
 */
import { PLAIN, renderQuote } from '../console/render.js';
import { UserInputError } from '../contract/types.js';
import { describeInputError } from '../messages/messages.js';
import { bootCli, LANG_OPTION, messagesForLang, parseCliArgs } from './shared.js';

const USAGE = 'npm run --silent quote -- [--json] [--about TOPIC] [--lang en|ja] "speaker"';
const { values, positionals } = parseCliArgs(
  {
    options: { json: { type: 'boolean', default: false }, about: { type: 'string' }, ...LANG_OPTION },
    allowPositionals: true,
  },
  USAGE,
);
const m = messagesForLang(values.lang, USAGE);
const { logger, service } = await bootCli();
const query = positionals.join(' ');
try {
  const result = service.current.quote(query, values.about);
  process.stdout.write(`${values.json ? JSON.stringify(result) : renderQuote(m, result, PLAIN)}\n`);
} catch (err) {
  if (!(err instanceof UserInputError)) logger.error({ err, query }, 'quote failed');
  const message = err instanceof UserInputError ? describeInputError(m, err) : m.t('cli.internalError');
  process.stdout.write(`${values.json ? JSON.stringify({ query, error: message }) : message}\n`);
  process.exitCode = 1;
}
