import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { UserInputError } from '../contract/types.js';
import type { CorpusService } from '../service/service.js';
import { ANSI, PLAIN, renderAsk, renderQuote, renderSources, type Style } from './render.js';

/** A console command: what it takes, what it does. The table below is the only list. */
interface ConsoleCommand {
  usage: string;
  summary: string;
  run(args: string, service: CorpusService, style: Style): string | Promise<string>;
}

/** `/quote <speaker> [about: <topic>]`: the topic is optional, after "about:". */
function splitQuoteArgs(args: string): { speaker: string; about?: string } {
  const match = /^(.*?)\s+about:\s*(.*)$/i.exec(args);
  if (!match) return { speaker: args };
  return match[2]?.trim() ? { speaker: match[1] ?? '', about: match[2].trim() } : { speaker: match[1] ?? '' };
}

const COMMANDS: Record<string, ConsoleCommand> = {
  ask: {
    usage: '/ask <question>',
    summary: 'answer a question from the corpus, with cited excerpts',
    run: (args, service, style) => renderAsk(service.current.ask(args), style),
  },
  quote: {
    usage: '/quote <speaker> [about: <topic>]',
    summary: 'every quote of a speaker, found by any of their names',
    run: (args, service, style) => {
      const { speaker, about } = splitQuoteArgs(args);
      return renderQuote(service.current.quote(speaker, about), style);
    },
  },
  sources: {
    usage: '/sources',
    summary: 'the documents in the corpus',
    run: (_args, service, style) => renderSources(service.current.sources(), service.current.version, style),
  },
  reload: {
    usage: '/reload',
    summary: 'reload the corpus folder (all or nothing)',
    run: async (_args, service) => {
      const r = await service.reload();
      return `Reloaded: ${r.documents} documents, ${r.passages} passages, ${r.quotes} quotes in ${r.buildMs} ms (corpus ${r.previousVersion} → ${r.version}).`;
    },
  },
  help: {
    usage: '/help',
    summary: 'this list',
    run: () =>
      [
        'Commands (a line without a command is asked as a question):',
        ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(36)} ${c.summary}`),
        '  /exit                                leave',
      ].join('\n'),
  },
};

/** Runs one console line and returns what to print. User mistakes come back as plain messages. */
export async function runLine(
  line: string,
  service: CorpusService,
  style: Style,
  logger: Logger,
): Promise<string> {
  const trimmed = line.trim();
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  const name = match ? (match[1] ?? '').toLowerCase() : 'ask';
  const args = match ? (match[2] ?? '') : trimmed;
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return `Unknown command "/${name}". Type /help for the list.`;
  try {
    return await command.run(args, service, style);
  } catch (err) {
    if (err instanceof UserInputError) return err.message;
    if (err instanceof Error && (err.name === 'CorpusError' || err.name === 'ReloadInProgressError'))
      return err.message;
    logger.error({ err, command: name }, 'console command failed');
    return 'Something went wrong while answering; the details are in the log.';
  }
}

/**
 * The local console: the replies the bot would send, rendered for a terminal. With a terminal it prompts;
 * with a pipe it reads one command a line and returns at end of input.
 */
export async function runConsole(
  service: CorpusService,
  logger: Logger,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; interactive: boolean },
): Promise<void> {
  const style = io.interactive ? ANSI : PLAIN;
  const rl = createInterface({
    input: io.input,
    output: io.interactive ? io.output : undefined,
    terminal: io.interactive,
  });
  const print = (text: string) => io.output.write(`${text}\n`);
  if (io.interactive) {
    print('Accord console. Ask a question, or type /help. /exit leaves.');
    rl.setPrompt('accord> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === '/exit' || trimmed === '/quit') break;
    if (trimmed !== '') {
      if (!io.interactive) print(`> ${trimmed}`);
      print(await runLine(trimmed, service, style, logger));
      if (!io.interactive) print('');
    }
    if (io.interactive) rl.prompt();
  }
  rl.close();
}
