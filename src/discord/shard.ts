/**
 * One shard's process, forked by the ShardingManager (`src/discord/sharding.ts`) with SHARDS and SHARD_COUNT
 * in its environment (the discord.js client reads them). It runs the normal bot: its own live corpus
 * (records, SIGHUP, CORPUS_WATCH) and `runDiscordBot`, and it can be asked to reload by the other shards.
 */
import { loadConfigOrExit } from '../config.js';
import { createLogger } from '../logger.js';
import { problemForLog } from '../messages/messages.js';
import { startLiveCorpus } from '../service/watch.js';
import { exposeShardReload } from './sharding.js';
import { runDiscordBot } from './start.js';

const config = await loadConfigOrExit();
const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken ?? ''] }).child({
  shard: Number(process.env.SHARDS),
});
// The manager is gone (stopped, crashed): stop as on SIGTERM rather than run unmanaged. Listened for from
// the start, since the manager may go while this shard is still starting.
process.once('disconnect', () => {
  logger.warn('the shard manager went away; stopping');
  process.kill(process.pid, 'SIGTERM');
});
try {
  const live = await startLiveCorpus({ ...config, wordProblem: problemForLog }, logger);
  exposeShardReload(live.service, logger);
  const stop = (code: number) => {
    live.stop();
    process.exit(code);
  };
  await runDiscordBot({ config, corpus: live.service, records: live.records, logger, exit: stop });
} catch (err) {
  logger.fatal({ err }, 'the shard could not start');
  process.exit(1);
}
