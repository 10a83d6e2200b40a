/**
 * The main job. With DISCORD_TOKEN set it runs the Discord bot; without it, the local console on the corpus,
 * so a fresh clone does something real with no set-up.
 */
import { quietLevel } from './cli/shared.js';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console/console.js';
import { CorpusService } from './core/service.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (!config.discordToken) {
    const logger = createLogger({ level: quietLevel(config.logLevel), secrets: [] });
    process.stdout.write(
      `Discord is not configured (no DISCORD_TOKEN): running the local console on ${config.corpusDir}.\n`,
    );
    const service = await CorpusService.start(config.corpusDir, logger);
    await runConsole(service, logger, {
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
    return;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  logger.fatal('The Discord adapter is not part of this build yet; unset DISCORD_TOKEN to use the console.');
  process.exitCode = 1;
}

await main();
