/**
 * Sharding (SHARD_COUNT): a discord.js `ShardingManager` forks one bot process per shard
 * (`src/discord/shard.ts`), each with its own live corpus. A corpus change on one shard reaches the others
 * on this host through `broadcastEval`; shards on other hosts (SHARD_LIST) reload from their own triggers.
 */
import { once } from 'node:events';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, REST, type RESTGetAPIGatewayBotResult, Routes, ShardingManager } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Actor } from '../records/types.js';
import type { CorpusService } from '../service/service.js';
import { reloadAndLog } from '../service/watch.js';

/** What a shard did when another one asked it to reload. */
export interface ShardReload {
  /** The shard ids of the process that answered. */
  shards: number[];
  outcome: 'reloaded' | 'busy' | 'failed';
  /** The corpus version it answers with now. */
  version: string;
}

/** The reloads a corpus change asked of the other shards: their answers, or why there are none. */
export type OtherShards =
  | { reached: ShardReload[]; total: number; error?: undefined }
  | { reached?: undefined; total: number; error: string };

/** How long a corpus change waits for the other shards' reloads before replying without them. */
const BROADCAST_TIMEOUT_MS = 60_000;

/** `globalThis` key of this process's reload hook: code run by `broadcastEval` sees only globals. */
const HOOK = 'accord.reloadShard';
type ReloadHook = (actor: Actor, shards: number[]) => Promise<ShardReload>;

/** Lets other shards reload this process's corpus (see {@link reloadOtherShards}). */
export function exposeShardReload(
  service: Pick<CorpusService, 'corpusDir' | 'reload' | 'isReloading' | 'current'>,
  logger: Logger,
): void {
  const hook: ReloadHook = async (actor, shards) => {
    const result = await reloadAndLog(service, logger, actor);
    const outcome = typeof result === 'string' ? result : 'reloaded';
    return { shards, outcome, version: service.current.version };
  };
  (globalThis as Record<symbol, unknown>)[Symbol.for(HOOK)] = hook;
}

/**
 * After a corpus change on this shard, reloads every other shard of this host's manager and collects what
 * each did; `null` when the bot is not sharded. Never throws: an unreachable shard is reported instead.
 */
export async function reloadOtherShards(
  client: Client,
  actor: Actor,
  logger: Logger,
): Promise<OtherShards | null> {
  const shard = client.shard;
  if (!shard) return null;
  const context = { hook: HOOK, mine: shard.ids, actor: { userId: actor.userId ?? null, via: 'shard' } };
  let timer: NodeJS.Timeout | undefined;
  // broadcastEval has no deadline of its own: a hung shard must not hold the moderator's reply for ever.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from every shard in ${BROADCAST_TIMEOUT_MS / 1000} s`)),
      BROADCAST_TIMEOUT_MS,
    );
  });
  try {
    // Serialized and run in each shard process: plain expressions only (no imports, no named helpers).
    const broadcast = shard.broadcastEval(
      (c, ctx) => {
        const ids = c.shard?.ids ?? [];
        if (ids.some((id) => ctx.mine.includes(id))) return null;
        const hook = (globalThis as Record<symbol, ReloadHook | undefined>)[Symbol.for(ctx.hook)];
        return hook ? hook(ctx.actor, ids) : { shards: ids, outcome: 'failed' as const, version: '' };
      },
      { context },
    );
    const answers = await Promise.race([broadcast, deadline]);
    const reached = answers.filter((a): a is ShardReload => a !== null);
    logger.info({ shards: reached }, 'corpus change passed on to the other shards');
    return { reached, total: shard.count };
  } catch (err) {
    logger.error({ err }, 'could not ask the other shards to reload');
    return { total: shard.count, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The shard entry file beside this one: compiled JavaScript in dist/ (`npm start`, production), TypeScript
 * in the tests.
 */
const SHARD_FILE = fileURLToPath(new URL(`./shard${extname(import.meta.url)}`, import.meta.url));

/**
 * Starts a `ShardingManager` on `SHARD_COUNT` shards (`auto`: Discord's recommendation), or the
 * `SHARD_LIST` slice of them, and stops them all on SIGINT/SIGTERM. SIGHUP is passed on to every shard
 * (each reloads its corpus).
 */
export async function runShardingManager(options: {
  config: Config;
  logger: Logger;
  exit?: (code: number) => void;
}): Promise<ShardingManager> {
  const { config, logger } = options;
  const exit = options.exit ?? ((code) => process.exit(code));
  const token = config.discordToken;
  if (!token) throw new Error('DISCORD_TOKEN is required to shard');
  // Asked of DISCORD_API_BASE (the manager's own `auto` would ask discord.com), with the identify budget.
  const gateway = (await new REST({ api: config.apiBase })
    .setToken(token)
    .get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const total = config.shardCount === 'auto' ? gateway.shards : (config.shardCount ?? 1);
  const list = config.shardList ?? [...Array(total).keys()];
  const manager = new ShardingManager(SHARD_FILE, {
    token,
    totalShards: total,
    shardList: list,
    mode: 'process',
    // TypeScript shards (when the manager itself runs as TypeScript) need the same loader.
    execArgv: SHARD_FILE.endsWith('.ts') ? ['--import', 'tsx'] : [],
    respawn: true,
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: total }, 'shard starting');
    shard.on('death', (child) => {
      const exitCode = 'exitCode' in child ? child.exitCode : null;
      // Outside a stop the manager starts it again (respawn).
      if (stopping) logger.info({ shard: shard.id, exitCode }, 'shard exited');
      else logger.error({ shard: shard.id, exitCode }, 'shard exited unexpectedly; restarting it');
    });
  });
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    manager.respawn = false;
    logger.info({ signal }, 'stopping every shard');
    // Each shard drains its interactions on SIGTERM; one that hangs is killed after the grace period.
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    logger.info('every shard stopped');
    exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGHUP', () => {
    for (const shard of manager.shards.values()) shard.process?.kill('SIGHUP');
  });
  // Discord allows one identify per 5 s per bucket (shard id % max_concurrency): no wait when each has its own.
  const buckets = new Set(list.map((id) => id % gateway.session_start_limit.max_concurrency));
  const delay = buckets.size === list.length ? 0 : 5_500;
  logger.info({ total, shards: list }, 'starting shards');
  await manager.spawn({ amount: total, delay, timeout: 60_000 });
  logger.info({ shards: list }, 'every shard is ready');
  return manager;
}
