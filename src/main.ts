/**
 * The main job. With DISCORD_TOKEN set it runs the Discord bot (with SHARD_COUNT, as a manager of one
 * process per shard); without it, the local console on the corpus, so a fresh clone does something real
 * with no set-up.
 */
import { LANG_OPTION, messagesForLang, parseCliArgs, quietLevel } from './cli/shared.js';
import { loadConfigOrExit } from './config.js';
import { runConsole } from './console/console.js';
import { createLogger } from './logger.js';
import { problemForLog } from './messages/messages.js';
import { CorpusService } from './service/service.js';

const USAGE =
  "npm start [-- --lang en|ja]  (--lang: the local console's language; Discord follows each user's)";
const { values } = parseCliArgs({ options: LANG_OPTION }, USAGE);
const consoleMessages = messagesForLang(values.lang, USAGE);
const config = await loadConfigOrExit();
if (!config.discordToken) {
  process.stdout.write(`${consoleMessages.t('console.noDiscord', { dir: config.corpusDir })}\n`);
  const logger = createLogger({ level: quietLevel(config.logLevel), secrets: [] });
  const service = await CorpusService.start(config.corpusDir, logger, {
    snapshotDir: config.snapshotDir,
    wordProblem: problemForLog,
  });
  await runConsole(
    service,
    logger,
    {
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    },
    consoleMessages,
  );
} else if (config.shardCount !== undefined) {
  const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  try {
    // Each shard is its own process running the branch below's bot (src/discord/shard.ts).
    const { runShardingManager } = await import('./discord/sharding.js');
    await runShardingManager({ config, logger });
  } catch (err) {
    logger.fatal({ err }, 'the shards could not start');
    process.exit(1);
  }
} else {
  const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  try {
    // Records (SQLite), SIGHUP and CORPUS_WATCH reloads come with the live corpus. They and discord.js load
    // only in this branch, which keeps the console's start-up short.
    const { startLiveCorpus } = await import('./service/watch.js');
    const live = await startLiveCorpus({ ...config, wordProblem: problemForLog }, logger);
    const { runDiscordBot } = await import('./discord/start.js');
    await runDiscordBot({
      config,
      corpus: live.service,
      records: live.records,
      logger,
      exit: (code) => {
        live.stop();
        process.exit(code);
      },
    });
  } catch (err) {
    logger.fatal({ err }, 'the Discord bot could not start');
    process.exit(1);
  }
}
