/** Starts the real bot (real discord.js client, real command modules) against a loopback Discord. */

import { EventEmitter } from 'node:events';
import { expect } from 'vitest';
import { AccordBot } from '../../src/discord/bot.js';
import type { CorpusSource } from '../../src/discord/command.js';
import { attachmentOrigins } from '../../src/discord/download.js';
import { type CommandRegistry, loadCommands } from '../../src/discord/registry.js';
import { createLogger } from '../../src/logger.js';
import { en } from '../../src/messages/en.js';
import type { Records } from '../../src/records/types.js';
import { CorpusService, type CorpusServiceOptions } from '../../src/service/service.js';
import { LoopbackDiscord, type LoopbackOptions, type ReplyView } from '../loopback/index.js';
import { waitUntil } from '../support/wait.js';

/** Log lines the bot wrote, parsed. */
export interface LogLines {
  lines: Array<Record<string, unknown>>;
  raw: string[];
  find(msg: string): Record<string, unknown> | undefined;
  /** Resolves with the first line matching `match`, now or as it is written (log lines are not loopback events). */
  next(match: (line: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
}

export interface Harness {
  loopback: LoopbackDiscord;
  bot: AccordBot;
  logs: LogLines;
  close(): Promise<void>;
}

export async function startHarness(
  corpus: CorpusSource,
  options: {
    loopback?: LoopbackOptions;
    cooldown?: { requests: number; seconds: number };
    records?: Records;
    /** MAX_UPLOAD_BYTES for /corpus add (default 1 MB). */
    maxUploadBytes?: number;
    /** The commands (default: the real ones from commands/). */
    commands?: CommandRegistry;
    /** When the bot defers an answer not started yet (default: the bot's 2 s). */
    deferAfterMs?: number;
  } = {},
): Promise<Harness> {
  const loopback = await LoopbackDiscord.start(options.loopback);
  const raw: string[] = [];
  const lines: Array<Record<string, unknown>> = [];
  const written = new EventEmitter();
  const logger = createLogger({
    level: 'debug',
    secrets: [loopback.token],
    destination: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
        written.emit('line');
      },
    },
  });
  const bot = new AccordBot({
    token: loopback.token,
    apiBase: loopback.apiBase,
    corpus,
    commands: options.commands ?? (await loadCommands()),
    settings: {
      moderatorRoleIds: [loopback.guild.roles.moderator],
      maxUploadBytes: options.maxUploadBytes ?? 1024 * 1024,
      attachmentOrigins: attachmentOrigins(loopback.apiBase),
    },
    cooldown: options.cooldown ?? { requests: 5, seconds: 30 },
    ...(options.records ? { records: options.records } : {}),
    logger,
    clientOptions: { waitGuildTimeout: 1_000 },
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  try {
    await bot.start();
  } catch (err) {
    await bot.client.destroy();
    await loopback.close();
    throw err;
  }
  return {
    loopback,
    bot,
    logs: {
      lines,
      raw,
      find: (msg) => lines.find((l) => l.msg === msg),
      next: (match, what) =>
        waitUntil(written, 'line', () => lines.find(match), { what: `a log line: ${what}` }),
    },
    async close() {
      await bot.stop(1_000);
      await loopback.close();
      // Whatever the tests did, every message the bot sent pinged nobody, and it used only routes Discord has.
      expect(
        loopback.mentionViolations.map((v) => `${v.request.route} ${JSON.stringify(v.allowedMentions)}`),
      ).toEqual([]);
      expect(loopback.unknownRoutes).toEqual([]);
    },
  };
}

/**
 * A bot on a real corpus service over `corpusDir` (records, when given, shared by both), with the commands
 * registered so interactions carry their ids, and a cooldown that never gets in the way.
 */
export async function startCorpusBot(
  corpusDir: string,
  options: { records?: Records; maxUploadBytes?: number; service?: CorpusServiceOptions } = {},
): Promise<{ h: Harness; service: CorpusService }> {
  const { records } = options;
  const silent = createLogger({ level: 'silent', secrets: [] });
  const service = await CorpusService.start(corpusDir, silent, {
    ...options.service,
    ...(records ? { records } : {}),
  });
  const h = await startHarness(service, {
    ...(records ? { records } : {}),
    cooldown: { requests: 1000, seconds: 1 },
    ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
  });
  await h.bot.client.application?.commands.set((await loadCommands()).toJSON(), h.loopback.guild.id);
  return { h, service };
}

/** True when `s` holds half of a surrogate pair. */
export function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** The buttons of a reply's first action row. */
export function buttonsOf(reply: {
  components: readonly unknown[];
}): Array<{ custom_id?: string; url?: string; label?: string }> {
  const row = reply.components[0] as
    | { components?: Array<{ custom_id?: string; url?: string; label?: string }> }
    | undefined;
  return row?.components ?? [];
}

/**
 * The answer sentence of an English /ask reply as Discord shows it (bold and Markdown escapes removed), or null
 * when the bot abstained. It is the line just above the citation ("— …"): a short answer or a "closest match"
 * note may stand between the question and the sentence.
 */
export function answerSentenceOf(reply: ReplyView): string | null {
  const embed = reply.embeds[0];
  if (!embed || embed.title === en['ask.notCoveredTitle']) return null;
  const lines = embed.description?.split('\n') ?? [];
  const cite = lines.findIndex((line) => line.startsWith('— '));
  return lines[cite - 1]?.replace(/\*\*/g, '').replace(/\\(.)/g, '$1') ?? null;
}
