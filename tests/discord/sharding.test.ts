/**
 * SHARD_COUNT: `npm start` runs a ShardingManager with one bot process per shard, against a loopback
 * Discord that recommends 2 shards. Both identify, each answers its guild's interactions, a /corpus reload
 * on one reloads both, and SIGTERM stops them all.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';
import { emptyDiff } from '../../src/corpus/diff.js';
import { corpusChangeReply } from '../../src/discord/format.js';
import { messages } from '../../src/messages/messages.js';
import type { ReloadReport } from '../../src/service/service.js';
import { LoopbackDiscord } from '../loopback/index.js';
import { CORPUS_DIR } from '../support/bundled.js';
import { LUNAR_NOTE } from '../support/knowledge.js';
import { env, type Finished, logLines, type Run, run, startArgs } from './child.js';

describe('SHARD_COUNT and SHARD_LIST', () => {
  const problems = (vars: Record<string, string>) => {
    try {
      parseConfig(vars);
      return [];
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
  };

  it('reads a count, auto, or nothing (no manager)', () => {
    expect(parseConfig({}).shardCount).toBeUndefined();
    expect(parseConfig({ SHARD_COUNT: 'auto' }).shardCount).toBe('auto');
    expect(parseConfig({ SHARD_COUNT: '4', SHARD_LIST: '1, 3' })).toMatchObject({
      shardCount: 4,
      shardList: [1, 3],
    });
  });

  it('says what is wrong with a bad count or list', () => {
    expect(problems({ SHARD_COUNT: '0' })).toEqual([
      'SHARD_COUNT: must be a number of shards (1 or more) or auto',
    ]);
    expect(problems({ SHARD_LIST: '0,1' })).toEqual([
      'SHARD_LIST: needs SHARD_COUNT set to a number (the total over every host), not unset or auto',
    ]);
    expect(problems({ SHARD_COUNT: 'auto', SHARD_LIST: '0' })).toHaveLength(1);
    expect(problems({ SHARD_COUNT: '4', SHARD_LIST: '2,4,2' })).toEqual([
      'SHARD_LIST: ids must be below SHARD_COUNT (4); got 4',
      'SHARD_LIST: each shard id must appear once',
    ]);
    expect(problems({ SHARD_COUNT: '4', SHARD_LIST: 'one' })[0]).toMatch(
      /^SHARD_LIST\.0: must be comma-separated/,
    );
  });
});

describe('the reload report of a sharded bot', () => {
  const report: ReloadReport = {
    documents: 1,
    passages: 9,
    quotes: 4,
    version: 'b2',
    previousVersion: 'a1',
    buildMs: 5,
    diff: emptyDiff(),
  };

  it('lists each shard of this host, and says the ones on other hosts reload there', () => {
    const reply = corpusChangeReply(messages('en'), null, report, {
      total: 4,
      reached: [
        { shards: [1], outcome: 'reloaded', version: 'b2' },
        { shards: [2], outcome: 'busy', version: 'a1' },
      ],
    });
    expect(reply.content?.split('\n')[1]).toBe(
      'Other shards: shard 1: reloaded (b2); shard 2: busy with another reload. Not reached: 1 shard on other hosts (they reload on their own SIGHUP or CORPUS_WATCH).',
    );
  });

  it('says when the other shards could not be asked', () => {
    const reply = corpusChangeReply(messages('en'), null, report, {
      total: 2,
      error: 'Shard 1 is not ready',
    });
    expect(reply.content).toContain(
      'The other shards could not be asked to reload (Shard 1 is not ready); they reload on their own triggers (SIGHUP, CORPUS_WATCH).',
    );
  });
});

/** `npm start` (without npm in between, so the test sees the exit code) with `vars`, against `discord`. */
function startBot(finished: Finished, discord: LoopbackDiscord, vars: Record<string, string>): Run {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-shards-'));
  finished(() => rmSync(dataDir, { recursive: true, force: true }));
  return run(
    finished,
    process.execPath,
    startArgs(),
    env({ DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, DATA_DIR: dataDir, ...vars }),
  );
}

/** Waits until the manager says every shard of this host is ready. */
async function shardsReady(p: Run): Promise<void> {
  await p.logged((lines) => lines.some((l) => l.msg === 'every shard is ready'), 'every shard to be ready');
}

describe('the sharded bot process', () => {
  it('runs 2 shards that each answer, reloads both from one, and stops them all', async ({
    onTestFinished,
  }) => {
    const discord = await LoopbackDiscord.start({ shards: 2, guilds: 2, log: () => undefined });
    onTestFinished(() => discord.close());
    const corpusDir = mkdtempSync(join(tmpdir(), 'accord-shards-corpus-'));
    onTestFinished(() => rmSync(corpusDir, { recursive: true, force: true }));
    cpSync(CORPUS_DIR, corpusDir, { recursive: true });
    const p = startBot(onTestFinished, discord, { SHARD_COUNT: 'auto', CORPUS_DIR: corpusDir });
    await shardsReady(p);
    const sessions = await discord.waitForShards(2);
    expect(sessions.map((s) => [s.shardId, s.shardCount]).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // The shards start one after the other: the first builds the index and saves it, the second loads it.
    const loaded = logLines(p.stderr()).filter((l) => l.msg === 'index loaded from its snapshot');
    expect(loaded.map((l) => l.shard)).toEqual([1]);

    // Each guild's interactions go to its own shard, and each shard answers.
    for (const guild of discord.guilds) {
      const reply = await discord.command('sources', {}, { guild }).reply();
      expect(reply.embeds[0]?.title).toMatch(/^Sources \(\d+ documents?\)$/);
    }
    const shardsUsed = [...discord.interactions.values()].map((r) => r.shardId).sort();
    expect(shardsUsed).toEqual([0, 1]);

    // A reload on shard 0 reaches shard 1 too, after shard 0's: shard 0 builds the new index, shard 1 loads it.
    writeFileSync(join(corpusDir, 'lunar-note.md'), LUNAR_NOTE);
    const reload = discord.command('corpus', {}, { subcommand: 'reload', actor: discord.actors.manager });
    expect(reload.record.shardId).toBe(0);
    const reply = await reload.reply();
    expect(reply.ephemeral).toBe(true);
    const [, before, after] = /^Corpus reloaded: version (\w+) → (\w+)\./.exec(reply.content ?? '') ?? [];
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(reply.content).toMatch(/\nOther shards: shard 1: reloaded \(\w+\)\.\n/);
    const reloaded = logLines(p.stderr()).filter((l) => l.msg === 'corpus reloaded');
    expect(reloaded.map((l) => l.shard).sort()).toEqual([0, 1]);
    const loadedOnReload = logLines(p.stderr()).filter(
      (l) => l.msg === 'index loaded from its snapshot' && l.worker === 'reload',
    );
    expect(loadedOnReload.map((l) => l.shard)).toEqual([1]);
    expect(discord.mentionViolations).toEqual([]);

    // SIGHUP to the manager reloads every shard, as it reloads the single bot.
    const manager = logLines(p.stderr()).find((l) => l.msg === 'starting shards')?.pid;
    process.kill(Number(manager), 'SIGHUP');
    const asked = await p.logged((lines) => {
      const shards = lines.filter((l) => l.msg === 'corpus: reload requested by signal').map((l) => l.shard);
      return shards.length === 2 && shards;
    }, 'both shards to be asked to reload');
    expect(asked.sort()).toEqual([0, 1]);

    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(p.stderr()).toContain('"msg":"every shard stopped"');
    expect(logLines(p.stderr()).filter((l) => l.msg === 'discord bot stopped')).toHaveLength(2);
    await discord.waitFor(() => sessions.every((s) => s.invalid), 'both sessions to end');
    expect(p.stderr()).not.toContain(discord.token);
    // Several bot processes, each building or loading the index: twice the global net on a loaded machine.
  }, 120_000);

  it('runs only its SHARD_LIST slice, and says a reload did not reach the other hosts', async ({
    onTestFinished,
  }) => {
    // One host of two: shards 1 and 3 of 4 (guild i is on shard i).
    const discord = await LoopbackDiscord.start({ shards: 4, guilds: 4, log: () => undefined });
    onTestFinished(() => discord.close());
    const p = startBot(onTestFinished, discord, { SHARD_COUNT: '4', SHARD_LIST: '1,3' });
    await shardsReady(p);
    const live = discord.sessions.filter((s) => !s.invalid);
    expect(live.map((s) => [s.shardId, s.shardCount]).sort()).toEqual([
      [1, 4],
      [3, 4],
    ]);
    const reload = discord.command(
      'corpus',
      {},
      {
        subcommand: 'reload',
        actor: discord.actors.manager,
        ...(discord.guilds[1] ? { guild: discord.guilds[1] } : {}),
      },
    );
    expect(reload.record.shardId).toBe(1);
    expect((await reload.reply()).content).toMatch(
      /\nOther shards: shard 3: reloaded \(\w+\)\. Not reached: 2 shards on other hosts \(they reload on their own SIGHUP or CORPUS_WATCH\)\.\n/,
    );
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    // Several bot processes, each building or loading the index: twice the global net on a loaded machine.
  }, 120_000);
});
