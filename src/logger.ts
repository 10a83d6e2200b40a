import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Field paths that may hold secrets; pino replaces their values with "[Redacted]". */
const REDACT_PATHS = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
];

/**
 * Tokens a URL carries, as Discord's errors log it (`err.url`): an interaction's or a webhook's, each of which
 * can post as the bot while it lives (an interaction's for 15 minutes).
 */
const URL_TOKENS = /(\/(?:interactions|webhooks)\/\d+\/)[\w.-]+/g;

/**
 * pino-pretty's stream factory, or `undefined` for JSON lines. Loaded only when standard error is a terminal
 * (a person reads it), and only where it is installed: it is a devDependency, absent from a production
 * install (`npm ci --omit=dev`), which logs JSON.
 */
const pretty = process.stderr.isTTY ? await prettyIfInstalled() : undefined;

async function prettyIfInstalled() {
  try {
    return (await import('pino-pretty')).default;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw err;
  }
}

export interface LoggerOptions {
  level: string;
  /** Secret values to scrub from every line, wherever they appear (an error message, a URL). */
  secrets?: (string | undefined)[];
  /** Where lines go; standard error by default, so standard output stays for replies and JSON. */
  destination?: DestinationStream;
}

/**
 * The application logger: JSON lines on standard error (readable ones on a terminal, see {@link pretty}),
 * with secrets redacted by field and scrubbed by value, and the tokens in Discord URLs ({@link URL_TOKENS}).
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const target: DestinationStream =
    options.destination ??
    (pretty ? pretty({ destination: 2, sync: true }) : pino.destination({ dest: 2, sync: true }));
  const scrubbed: DestinationStream = {
    write: (line: string) =>
      target.write(
        secrets
          .reduce((s, secret) => s.replaceAll(secret, '[Redacted]'), line)
          .replace(URL_TOKENS, '$1[Redacted]'),
      ),
  };
  return pino({ level: options.level, redact: { paths: REDACT_PATHS, censor: '[Redacted]' } }, scrubbed);
}
