/**
 * Starts the Discord bot on a loaded corpus, with SIGINT/SIGTERM handled. `src/main.ts` calls it when
 * DISCORD_TOKEN is set.
 */
import { type Config, ConfigError } from '../config.js';
import type { Logger } from '../logger.js';
import type { Records } from '../records/types.js';
import { AccordBot } from './bot.js';
import type { CorpusSource } from './command.js';
import { attachmentOrigins } from './download.js';
import { type CommandRegistry, loadCommands } from './registry.js';

/** Starts the bot and installs signal handlers that stop it and exit. */
export async function runDiscordBot(options: {
  config: Config;
  corpus: CorpusSource;
  logger: Logger;
  commands?: CommandRegistry;
  records?: Records;
  exit?: (code: number) => void;
}): Promise<AccordBot> {
  const { config, logger } = options;
  if (!config.discordToken) throw new ConfigError(['DISCORD_TOKEN: required to run the Discord bot']);
  const bot = new AccordBot({
    token: config.discordToken,
    apiBase: config.apiBase,
    corpus: options.corpus,
    commands: options.commands ?? (await loadCommands()),
    settings: {
      moderatorRoleIds: config.moderatorRoleIds,
      maxUploadBytes: config.maxUploadBytes,
      attachmentOrigins: attachmentOrigins(config.apiBase),
    },
    cooldown: config.cooldown,
    ...(options.records ? { records: options.records } : {}),
    logger,
  });
  installShutdown(bot, logger, options.exit ?? ((code) => process.exit(code)));
  await bot.start();
  return bot;
}

/** On the first SIGINT/SIGTERM: stop the bot (draining running interactions), then exit. */
export function installShutdown(bot: AccordBot, logger: Logger, exit: (code: number) => void): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    bot.stop().then(
      () => exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
