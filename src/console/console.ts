import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { UserInputError } from '../contract/types.js';
import { CorpusError, countProblems } from '../corpus/problems.js';
import {
  describeInputError,
  describeReloadTimeout,
  formatProblem,
  type Messages,
  type PlainMessageKey,
} from '../messages/messages.js';
import { type CorpusService, ReloadInProgressError } from '../service/service.js';
import { ReloadTimeoutError } from '../service/worker.js';
import { ANSI, PLAIN, renderAsk, renderQuote, renderSources, type Style } from './render.js';

/** How the console writes: emphasis for a terminal or a pipe, words in the reader's language (`--lang`). */
export interface ConsoleView {
  style: Style;
  messages: Messages;
}

/** A console command: what it takes, what it does. The table below is the only list. */
interface ConsoleCommand {
  /** How to type it, when it takes arguments (otherwise `/<name>`). */
  usage?: PlainMessageKey;
  summary: PlainMessageKey;
  run(args: string, service: CorpusService, view: ConsoleView): string | Promise<string>;
}

/** `/quote <speaker> [about: <topic>]`: the topic is optional, after "about:". */
function splitQuoteArgs(args: string): { speaker: string; about?: string } {
  const match = /^(.*?)\s+about:\s*(.*)$/i.exec(args);
  if (!match) return { speaker: args };
  return match[2]?.trim() ? { speaker: match[1] ?? '', about: match[2].trim() } : { speaker: match[1] ?? '' };
}

const COMMANDS: Record<string, ConsoleCommand> = {
  ask: {
    usage: 'console.askUsage',
    summary: 'console.askSummary',
    run: (args, service, { style, messages }) => renderAsk(messages, service.current.ask(args), style),
  },
  quote: {
    usage: 'console.quoteUsage',
    summary: 'console.quoteSummary',
    run: (args, service, { style, messages }) => {
      const { speaker, about } = splitQuoteArgs(args);
      return renderQuote(messages, service.current.quote(speaker, about), style);
    },
  },
  sources: {
    summary: 'console.sourcesSummary',
    run: (_args, service, { style, messages }) =>
      renderSources(messages, service.current.sources(), service.current.version, style),
  },
  reload: {
    summary: 'console.reloadSummary',
    run: async (_args, service, { messages }) => {
      const r = await service.reload();
      return messages.t('console.reloaded', {
        documents: r.documents,
        passages: r.passages,
        quotes: r.quotes,
        ms: r.buildMs,
        from: r.previousVersion,
        to: r.version,
      });
    },
  },
  help: {
    summary: 'console.helpSummary',
    run: (_args, _service, { messages: m }) =>
      [
        m.t('console.help'),
        ...Object.entries(COMMANDS).map(
          ([name, c]) => `  ${(c.usage ? m.t(c.usage) : `/${name}`).padEnd(36)} ${m.t(c.summary)}`,
        ),
        `  ${'/exit'.padEnd(36)} ${m.t('console.exitSummary')}`,
      ].join('\n'),
  },
};

/** Runs one console line and returns what to print. User mistakes come back as plain messages. */
export async function runLine(
  line: string,
  service: CorpusService,
  view: ConsoleView,
  logger: Logger,
): Promise<string> {
  const trimmed = line.trim();
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  const name = match ? (match[1] ?? '').toLowerCase() : 'ask';
  const args = match ? (match[2] ?? '') : trimmed;
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return view.messages.t('console.unknown', { name });
  try {
    return await command.run(args, service, view);
  } catch (err) {
    if (err instanceof UserInputError) return describeInputError(view.messages, err);
    if (err instanceof CorpusError) {
      const m = view.messages;
      const head = m.count('console.reloadFailed', countProblems(err.problems));
      return [head, ...err.problems.map((p) => formatProblem(m, p))].join('\n');
    }
    if (err instanceof ReloadInProgressError) return view.messages.t('corpus.reloadRunning');
    if (err instanceof ReloadTimeoutError) return describeReloadTimeout(view.messages, err.timeoutMs);
    logger.error({ err, command: name }, 'console command failed');
    return view.messages.t('console.failed');
  }
}

/** The longest line the pipe mode echoes whole; a longer one is cut, saying so. */
const ECHO_CHARS = 200;

/** A line as the pipe mode echoes it: whole, or its start and how long it was. */
function echo(line: string, messages: Messages): string {
  if (line.length <= ECHO_CHARS) return line;
  return messages.t('console.echoCut', {
    text: line.slice(0, ECHO_CHARS),
    length: line.length.toLocaleString(messages.lang),
  });
}

/**
 * The local console: the replies the bot would send, rendered for a terminal. With a terminal it prompts;
 * with a pipe it reads one command a line and returns at end of input.
 */
export async function runConsole(
  service: CorpusService,
  logger: Logger,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; interactive: boolean },
  messages: Messages,
): Promise<void> {
  const view: ConsoleView = { style: io.interactive ? ANSI : PLAIN, messages };
  const rl = createInterface({
    input: io.input,
    output: io.interactive ? io.output : undefined,
    terminal: io.interactive,
  });
  const print = (text: string) => io.output.write(`${text}\n`);
  if (io.interactive) {
    print(messages.t('console.welcome'));
    rl.setPrompt('accord> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === '/exit' || trimmed === '/quit') break;
    if (trimmed !== '') {
      if (!io.interactive) print(`> ${echo(trimmed, messages)}`);
      print(await runLine(trimmed, service, view, logger));
      if (!io.interactive) print('');
    }
    if (io.interactive) rl.prompt();
  }
  rl.close();
}
