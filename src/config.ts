import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The project root (the nearest folder above with a package.json), so that defaults work whatever folder
 * the bot is started from, and whether this file runs as src/config.ts or compiled as dist/src/config.js.
 */
export const PROJECT_ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const positiveInt = (fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int('must be a whole number').positive('must be above 0').default(fallback),
  );
/** `true`/`false` (also `1`/`0`, `yes`/`no`); `z.coerce.boolean` would read "false" as true. */
const flag = (fallback: boolean) =>
  z.preprocess(
    (value) => {
      const v = emptyAsUndefined(value);
      if (typeof v !== 'string') return v;
      const lower = v.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(lower)) return true;
      if (['false', '0', 'no', 'off'].includes(lower)) return false;
      return v;
    },
    z.boolean({ error: 'must be true or false' }).default(fallback),
  );

/** A comma-separated list, empty entries dropped; `undefined` when unset or blank. */
const commaList = (value: unknown) =>
  typeof value === 'string' && value.trim() !== ''
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/** Every setting, read from the environment (and `.env`) once at boot. */
const schema = z.object({
  DISCORD_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().min(20, 'looks too short to be a bot token').optional(),
  ),
  DISCORD_APPLICATION_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  DISCORD_API_BASE: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
      .default('https://discord.com/api'),
  ),
  MODERATOR_ROLE_IDS: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    z.array(snowflake),
  ),
  CORPUS_DIR: z.preprocess(emptyAsUndefined, z.string().default(resolve(PROJECT_ROOT, 'corpus'))),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  COOLDOWN_REQUESTS: positiveInt(5),
  COOLDOWN_SECONDS: positiveInt(30),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(resolve(PROJECT_ROOT, 'data'))),
  RECORDS_RETENTION_DAYS: positiveInt(90),
  CORPUS_WATCH: flag(false),
  MAX_UPLOAD_BYTES: positiveInt(1024 * 1024),
  RELOAD_TIMEOUT_SECONDS: positiveInt(300),
  SHARD_COUNT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^(auto|[1-9]\d{0,3})$/, 'must be a number of shards (1 or more) or auto')
      .optional(),
  ),
  SHARD_LIST: z.preprocess(
    commaList,
    z.array(z.string().regex(/^\d{1,4}$/, 'must be comma-separated shard ids (0, 1, 2…)')).optional(),
  ),
});

/** SHARD_COUNT and SHARD_LIST, checked together: the list is a slice of a fixed count, each id once. */
function parseShards(c: z.infer<typeof schema>): {
  count: number | 'auto' | undefined;
  list: number[] | undefined;
  problems: string[];
} {
  const count =
    c.SHARD_COUNT === undefined || c.SHARD_COUNT === 'auto' ? c.SHARD_COUNT : Number(c.SHARD_COUNT);
  const list = c.SHARD_LIST?.map(Number);
  if (!list) return { count, list, problems: [] };
  if (typeof count !== 'number') {
    const problem =
      'SHARD_LIST: needs SHARD_COUNT set to a number (the total over every host), not unset or auto';
    return { count, list, problems: [problem] };
  }
  const problems: string[] = [];
  const outside = list.filter((id) => id >= count);
  if (outside.length) {
    problems.push(`SHARD_LIST: ids must be below SHARD_COUNT (${count}); got ${outside.join(', ')}`);
  }
  if (new Set(list).size !== list.length) problems.push('SHARD_LIST: each shard id must appear once');
  return { count, list, problems };
}

/** Parsed configuration. Handlers receive it; nothing reads `process.env` after boot. */
export interface Config {
  discordToken: string | undefined;
  applicationId: string | undefined;
  guildId: string | undefined;
  apiBase: string;
  moderatorRoleIds: string[];
  corpusDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  cooldown: { requests: number; seconds: number };
  /** Folder for the records database, its salt and the live corpus manifest. */
  dataDir: string;
  /** Where index snapshots are kept (DATA_DIR/index): every start of the same corpus loads instead of building. */
  snapshotDir: string;
  /** Feedback, abstention and audit rows older than this many days are deleted. */
  retentionDays: number;
  /** Reload when files in the corpus folder change. */
  corpusWatch: boolean;
  /** Largest document `/corpus add` accepts, in bytes. */
  maxUploadBytes: number;
  /** How long a reload's worker may run before it is stopped and the reload fails (the live corpus stays). */
  reloadTimeoutMs: number;
  /**
   * Run the bot as this many shards under discord.js's ShardingManager (`auto`: as many as Discord
   * recommends); `undefined` runs one process without a manager.
   */
  shardCount: number | 'auto' | undefined;
  /** The shard ids this host runs (of `shardCount`); `undefined` runs them all. */
  shardList: number[] | undefined;
}

/** Thrown at boot with one line per bad setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Parses the environment, failing with every problem at once rather than the first one. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const c = result.data;
  const shards = parseShards(c);
  if (shards.problems.length) throw new ConfigError(shards.problems);
  return {
    discordToken: c.DISCORD_TOKEN,
    applicationId: c.DISCORD_APPLICATION_ID,
    guildId: c.DISCORD_GUILD_ID,
    apiBase: c.DISCORD_API_BASE.replace(/\/+$/, ''),
    moderatorRoleIds: c.MODERATOR_ROLE_IDS,
    corpusDir: resolve(c.CORPUS_DIR),
    logLevel: c.LOG_LEVEL,
    cooldown: { requests: c.COOLDOWN_REQUESTS, seconds: c.COOLDOWN_SECONDS },
    dataDir: resolve(c.DATA_DIR),
    snapshotDir: resolve(c.DATA_DIR, 'index'),
    retentionDays: c.RECORDS_RETENTION_DAYS,
    corpusWatch: c.CORPUS_WATCH,
    maxUploadBytes: c.MAX_UPLOAD_BYTES,
    reloadTimeoutMs: c.RELOAD_TIMEOUT_SECONDS * 1000,
    shardCount: shards.count,
    shardList: shards.list,
  };
}

/** Reads `.env` (when present) into the environment, then parses it. Call once, at boot. */
export async function loadConfig(): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ path: resolve(PROJECT_ROOT, '.env'), quiet: true });
  return parseConfig(process.env);
}

/** What every entry point does first: the configuration, or every problem with it on stderr and exit 2. */
export async function loadConfigOrExit(): Promise<Config> {
  try {
    return await loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
}
