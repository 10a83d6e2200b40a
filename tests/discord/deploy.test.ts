/**
 * Command deployment: `deployCommands` in-process for each case, and `npm run deploy-commands` as a
 * real child process for success and refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeployError, deployCommands } from '../../src/discord/deploy.js';
import { type CommandRegistry, loadCommands } from '../../src/discord/registry.js';
import { LoopbackDiscord } from '../loopback/index.js';
import { env, loopback, run } from './child.js';

describe('deployCommands', () => {
  let discord: LoopbackDiscord;
  let registry: CommandRegistry;
  beforeAll(async () => {
    discord = await LoopbackDiscord.start({ log: () => undefined });
    registry = await loadCommands();
  });
  afterAll(() => discord.close());

  it('registers in a guild, looking up the application id', async () => {
    const result = await deployCommands({
      token: discord.token,
      apiBase: discord.apiBase,
      guildId: discord.guild.id,
      registry,
    });
    expect(result).toEqual({
      applicationId: discord.application.id,
      guildId: discord.guild.id,
      commands: ['ask', 'corpus', 'quote', 'sources'],
    });
    expect(discord.commands.guild.get(discord.guild.id)).toHaveLength(4);
  });

  it('registers globally with a known application id, in one request', async () => {
    const before = discord.requests.length;
    const result = await deployCommands({
      token: discord.token,
      apiBase: discord.apiBase,
      applicationId: discord.application.id,
      registry,
    });
    expect(result.guildId).toBeNull();
    expect(discord.commands.global.map((c) => c.name)).toEqual(['ask', 'corpus', 'quote', 'sources']);
    expect(discord.requests.slice(before).map((r) => r.route)).toEqual(['PUT /applications/:app/commands']);
  });

  it('explains a missing access (wrong guild)', async () => {
    const err = await deployCommands({
      token: discord.token,
      apiBase: discord.apiBase,
      applicationId: discord.application.id,
      guildId: '123456789012345678',
      registry,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as Error).message).toContain('HTTP 403, code 50001: Missing Access');
    expect((err as Error).message).toContain('the bot is in DISCORD_GUILD_ID');
  });
});

describe('npm run deploy-commands', () => {
  it('registers the commands in DISCORD_GUILD_ID and says so', async ({ onTestFinished }) => {
    const discord = await loopback(onTestFinished);
    const p = run(
      onTestFinished,
      'npm',
      ['run', '--silent', 'deploy-commands'],
      env({
        DISCORD_TOKEN: discord.token,
        DISCORD_API_BASE: discord.apiBase,
        DISCORD_GUILD_ID: discord.guild.id,
      }),
    );
    expect(await p.exit).toBe(0);
    expect(p.stdout()).toBe(
      `Registered 4 commands in guild ${discord.guild.id}: ask, corpus, quote, sources\n`,
    );
    expect(discord.commands.guild.get(discord.guild.id)?.map((c) => c.name)).toEqual([
      'ask',
      'corpus',
      'quote',
      'sources',
    ]);
    expect(discord.requests.map((r) => r.route)).toEqual([
      'GET /applications/@me',
      'PUT /applications/:app/guilds/:guild/commands',
    ]);
    // What Discord received shows Japanese members Japanese commands (the loopback checked them as Discord does).
    const registered = discord.commands.guild.get(discord.guild.id) ?? [];
    expect(registered.map((c) => [c.name_localizations, c.description_localizations?.ja])).toEqual([
      [{ ja: '質問' }, 'コーパスの文書について質問する'],
      [{ ja: 'コーパス' }, 'ボットが回答に使うコーパスを管理する'],
      [{ ja: '引用' }, 'コーパスから人の発言を引用する'],
      [{ ja: '出典' }, 'ボットが回答に使う文書の一覧'],
    ]);
    const corpus = registered.find((c) => c.name === 'corpus');
    expect(corpus?.options?.map((o) => o.name_localizations?.ja)).toEqual([
      '再読み込み',
      '追加',
      '削除',
      '復元',
      '未回答',
    ]);
  });

  it('exits non-zero with a clear message when Discord refuses the token', async ({ onTestFinished }) => {
    const discord = await loopback(onTestFinished);
    const badToken = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GLoop.wrong-wrong-wrong';
    const p = run(
      onTestFinished,
      'npm',
      ['run', '--silent', 'deploy-commands'],
      env({ DISCORD_TOKEN: badToken, DISCORD_API_BASE: discord.apiBase, DISCORD_GUILD_ID: discord.guild.id }),
    );
    expect(await p.exit).toBe(1);
    expect(p.stderr()).toContain(
      'Discord refused the command registration: HTTP 401, code 0: 401: Unauthorized',
    );
    expect(p.stderr()).toContain('check DISCORD_TOKEN');
    expect(p.stderr()).not.toContain(badToken);
    expect(discord.commands.guild.size).toBe(0);
  });
});
