import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type Config, loadConfigOrExit } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { isLang, LANGS, type Messages, messages, problemForLog } from '../messages/messages.js';
import { CorpusService } from '../service/service.js';

/** What every one-shot CLI starts from: parsed config, a logger on stderr, the loaded corpus. */
export async function bootCli(): Promise<{ config: Config; logger: Logger; service: CorpusService }> {
  const config = await loadConfigOrExit();
  const logger = createLogger({ level: quietLevel(config.logLevel), secrets: [config.discordToken] });
  const service = await CorpusService.start(config.corpusDir, logger, {
    snapshotDir: config.snapshotDir,
    wordProblem: problemForLog,
  });
  return { config, logger, service };
}

/** Parses CLI flags: `--help` (or `-h`) prints usage and exits 0; a bad flag prints why and usage, and exits 2. */
export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string) {
  const args = config.args ?? process.argv.slice(2);
  const flags = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (flags.includes('--help') || flags.includes('-h')) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nusage: ${usage}\n`);
    process.exit(2);
  }
}

/** The `--lang` option every CLI and the console take: the language of what they write (default English). */
export const LANG_OPTION = { lang: { type: 'string', default: 'en' } } as const;

/** The messages `--lang` asks for, or usage and exit 2 when it names no language replies come in. */
export function messagesForLang(value: string | undefined, usage: string): Messages {
  const lang = value ?? 'en';
  if (isLang(lang)) return messages(lang);
  process.stderr.write(`--lang must be one of ${LANGS.join(', ')}, got "${lang}"\nusage: ${usage}\n`);
  process.exit(2);
}

/** Lines of standard input, one at a time, blank ones skipped. */
export async function* stdinLines(): AsyncGenerator<string> {
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input: process.stdin, terminal: false })) {
    if (line.trim() !== '') yield line;
  }
}

/**
 * Log level for the console and the CLIs: corpus problems still show (they are errors), routine start-up
 * lines do not, unless LOG_LEVEL asks for more detail than "info".
 */
export function quietLevel(level: string): string {
  return level === 'info' ? 'warn' : level;
}
