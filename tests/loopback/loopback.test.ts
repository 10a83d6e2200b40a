import {
  type ButtonInteraction,
  type Client,
  DiscordAPIError,
  Events,
  HTTPError,
  type Interaction,
  MessageFlags,
  Routes,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, LoopbackDiscord, ROUTES } from './index.js';

const SAFE = { allowedMentions: { parse: [] } } as const;

/** Installs one interaction handler for the duration of a test. */
function onInteraction(client: Client, handler: (i: Interaction) => Promise<unknown>): () => void {
  const listener = (i: Interaction) => {
    handler(i).catch(() => undefined);
  };
  client.on(Events.InteractionCreate, listener);
  return () => client.off(Events.InteractionCreate, listener);
}

describe('loopback REST without a client', () => {
  let loopback: LoopbackDiscord;
  beforeAll(async () => {
    loopback = await LoopbackDiscord.start({ log: () => undefined });
  });
  afterAll(() => loopback.close());

  it('answers GET /gateway/bot with the loopback gateway URL when authorised', async () => {
    const res = await fetch(`${loopback.apiBase}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${loopback.token}` },
    });
    const body = (await res.json()) as {
      url: string;
      shards: number;
      session_start_limit: { max_concurrency: number };
    };
    expect(res.status).toBe(200);
    expect(body.url).toBe(loopback.gatewayUrl);
    expect(body.url.startsWith('ws://127.0.0.1:')).toBe(true);
    expect(body.shards).toBe(1);
    expect(body.session_start_limit.max_concurrency).toBeGreaterThan(0);
  });

  it('refuses a wrong token with 401', async () => {
    const res = await fetch(`${loopback.apiBase}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 0, message: '401: Unauthorized' });
  });

  it('answers unknown routes with a Discord-shaped 404 and logs them', async () => {
    const res = await fetch(`${loopback.apiBase}/v10/guilds/1/bans`, {
      headers: { authorization: `Bot ${loopback.token}` },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 0, message: '404: Not Found' });
    expect(loopback.unknownRoutes).toContain('GET /api/v10/guilds/1/bans');
  });

  it('answers a callback to an unknown interaction with 10062', async () => {
    const res = await fetch(`${loopback.apiBase}/v10/interactions/123/abc/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'hi', allowed_mentions: { parse: [] } } }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 10062, message: 'Unknown interaction' });
  });
});

describe('a real discord.js client against the loopback', () => {
  let loopback: LoopbackDiscord;
  let client: Client<true>;
  let off: (() => void) | undefined;

  beforeAll(async () => {
    loopback = await LoopbackDiscord.start({ heartbeatIntervalMs: 150 });
    client = await connectClient(loopback);
  });
  afterEach(() => {
    off?.();
    off = undefined;
  });
  afterAll(async () => {
    await client.destroy();
    await loopback.close();
  });

  it('logs in: fetches /gateway/bot, identifies shard [0, 1], gets READY and the test guild', async () => {
    expect(client.user.id).toBe(loopback.botUser.id);
    expect(client.application.id).toBe(loopback.application.id);
    expect(client.guilds.cache.get(loopback.guild.id)?.name).toBe('Accord Test Guild');
    const session = loopback.session(0);
    expect(session?.identify).toMatchObject({ token: loopback.token, shard: [0, 1], intents: 1 });
    expect(session?.urls[0]).toMatch(/^\/\?v=10&encoding=json/);
    const gateway = loopback.requests.find((r) => r.route === ROUTES.gatewayBot);
    expect(gateway?.headers.authorization).toBe(`Bot ${loopback.token}`);
    expect(loopback.unknownRoutes).toEqual([]);
  });

  it('acknowledges heartbeats', async () => {
    await loopback.waitFor(() => (loopback.session(0)?.heartbeats ?? 0) >= 2, 'two heartbeats');
    await loopback.waitFor(() => client.ws.ping >= 0, 'a measured ping');
  });

  it('delivers a slash command with options and records the reply', async () => {
    let seen:
      | { name: string; question: string | null; member: boolean; perms: string | undefined }
      | undefined;
    off = onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = {
        name: i.commandName,
        question: i.options.getString('question'),
        member: i.inGuild(),
        perms: i.memberPermissions?.bitfield.toString(),
      };
      await i.reply({ content: `You asked: ${i.options.getString('question')}`, ...SAFE });
    });
    const handle = loopback.command('ask', { question: 'What is the agreement?', private: false });
    const reply = await handle.reply();
    expect(reply.content).toBe('You asked: What is the agreement?');
    expect(reply.ephemeral).toBe(false);
    expect(seen).toEqual({
      name: 'ask',
      question: 'What is the agreement?',
      member: true,
      perms: loopback.actors.member.permissions.toString(),
    });
    expect(loopback.mentionViolations).toEqual([]);
  });

  it('supports defer, edit and follow-up, ephemeral included', async () => {
    off = onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply({ content: 'done', ...SAFE });
      await i.followUp({ content: 'and more', ...SAFE });
    });
    const handle = loopback.command('ask', { question: 'q' });
    expect((await handle.callback()).type).toBe(5);
    const reply = await handle.reply();
    expect(reply).toMatchObject({ content: 'done', ephemeral: true });
    expect((await handle.followUp(1)).content).toBe('and more');
  });

  it('serves fetchReply and deleteReply on the original message', async () => {
    let fetched: string | undefined;
    off = onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'to be deleted', ...SAFE });
      fetched = (await i.fetchReply()).content;
      await i.deleteReply();
    });
    const handle = loopback.command('ask', { question: 'q' });
    await loopback.waitFor(() => handle.record.deleted.length === 1, 'the delete');
    expect(fetched).toBe('to be deleted');
    expect(handle.requests().map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 204',
      'GET 200',
      'DELETE 204',
    ]);
  });

  it('records a violation when a payload omits allowed_mentions', async () => {
    off = onInteraction(client, async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: '@everyone hi' });
    });
    const before = loopback.mentionViolations.length;
    const handle = loopback.command('ask', { question: 'q' });
    await handle.reply();
    expect(loopback.mentionViolations.length).toBe(before + 1);
    expect(loopback.mentionViolations.at(-1)?.request.params.id).toBe(handle.id);
  });

  it('refuses a second callback with 40060', async () => {
    let second: unknown;
    off = onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      const body = { type: 4, data: { content: 'one', allowed_mentions: { parse: [] } } };
      await client.rest.post(Routes.interactionCallback(i.id, i.token), { body, auth: false });
      second = await client.rest
        .post(Routes.interactionCallback(i.id, i.token), { body, auth: false })
        .catch((e: unknown) => e);
    });
    const handle = loopback.command('ask', { question: 'q' });
    await handle.rejection(40060);
    await loopback.waitFor(() => second, 'the second callback to fail');
    expect(second).toBeInstanceOf(DiscordAPIError);
    expect((second as DiscordAPIError).code).toBe(40060);
  });

  it('refuses the first callback after the window with 10062', async () => {
    let error: unknown;
    off = onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      loopback.expire(i.id);
      error = await i.reply({ content: 'late', ...SAFE }).catch((e: unknown) => e);
    });
    const handle = loopback.command('ask', { question: 'q' });
    await handle.rejection(10062);
    await loopback.waitFor(() => error, 'the reply to fail');
    expect((error as DiscordAPIError).code).toBe(10062);
    expect(handle.record.callback).toBeNull();
  });

  it('enforces the window by time too, when a test sets one', async () => {
    const unlimited = loopback.callbackWindowMs;
    expect(unlimited).toBe(Number.POSITIVE_INFINITY);
    loopback.callbackWindowMs = 50;
    try {
      let error: unknown;
      off = onInteraction(client, async (i) => {
        if (!i.isChatInputCommand()) return;
        await new Promise((r) => setTimeout(r, 120));
        error = await i.deferReply().catch((e: unknown) => e);
      });
      loopback.command('ask', { question: 'q' });
      await loopback.waitFor(() => error, 'the late defer to fail');
      expect((error as DiscordAPIError).code).toBe(10062);
    } finally {
      loopback.callbackWindowMs = unlimited;
    }
  });

  it('rejects over-limit payloads with 50035 Invalid Form Body, acknowledging nothing', async () => {
    let error: unknown;
    off = onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      error = await i.reply({ content: 'x'.repeat(2001), ...SAFE }).catch((e: unknown) => e);
    });
    const handle = loopback.command('ask', { question: 'q' });
    await loopback.waitFor(() => error, 'the reply to fail');
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    expect(handle.record.callback).toBeNull();
  });

  it('survives an armed 429 on the callback: discord.js waits Retry-After and retries', async () => {
    loopback.armRateLimit(ROUTES.callback, { retryAfter: 0.1 });
    off = onInteraction(client, async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'after 429', ...SAFE });
    });
    const handle = loopback.command('ask', { question: 'q' });
    expect((await handle.reply()).content).toBe('after 429');
    const statuses = handle.requests().map((r) => r.status);
    expect(statuses).toEqual([429, 204]);
    const limited = handle.requests()[0];
    expect(limited?.response).toEqual({
      message: 'You are being rate limited.',
      retry_after: 0.1,
      global: false,
    });
  });

  it('answers 500 when armed; discord.js retries, and fails after 4 attempts', async () => {
    loopback.armServerError(ROUTES.editMessage, { times: 4 });
    let error: unknown;
    off = onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      error = await i.editReply({ content: 'x', ...SAFE }).catch((e: unknown) => e);
    });
    const handle = loopback.command('ask', { question: 'q' });
    await loopback.waitFor(() => error, 'the edit to fail');
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(500);
    expect(handle.requests().filter((r) => r.status === 500)).toHaveLength(4);
  });

  it('delivers autocomplete and records the choices', async () => {
    off = onInteraction(client, async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond([{ name: `${typed} Nelson`, value: 'bill-nelson' }]);
    });
    const handle = loopback.autocomplete('quote', { speaker: 'Bill' }, 'speaker');
    expect(await handle.choices()).toEqual([{ name: 'Bill Nelson', value: 'bill-nelson' }]);
  });

  it('rejects more than 25 autocomplete choices and names outside 1-100 chars', async () => {
    const errors: unknown[] = [];
    off = onInteraction(client, async (i) => {
      if (!i.isAutocomplete()) return;
      const many = Array.from({ length: 26 }, (_, n) => ({ name: `n${n}`, value: `v${n}` }));
      errors.push(await i.respond(many).catch((e: unknown) => e));
      errors.push(await i.respond([{ name: '', value: 'v' }]).catch((e: unknown) => e));
    });
    loopback.autocomplete('quote', { speaker: 'x' }, 'speaker');
    await loopback.waitFor(() => errors.length === 2, 'two refusals');
    expect(errors.map((e) => (e as DiscordAPIError).code)).toEqual([50035, 50035]);
  });

  it('delivers an attachment option (resolved by id) and serves its bytes on 127.0.0.1', async () => {
    const file = loopback.hostAttachment('notes.md', 'hello from the CDN', { size: 5 });
    let seen: { name: string; size: number; text: string } | undefined;
    off = onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      const a = i.options.getAttachment('file', true);
      seen = { name: a.name, size: a.size, text: await (await fetch(a.url)).text() };
      await i.reply({ content: 'got it', ...SAFE });
    });
    await loopback.command('corpus', { file }, { subcommand: 'add' }).reply();
    expect(seen).toEqual({ name: 'notes.md', size: 5, text: 'hello from the CDN' });
    await loopback.waitFor(() => loopback.downloads[0]?.closed, 'the download to end');
    expect(loopback.downloads).toEqual([{ id: file.id, total: 18, sent: 18, completed: true, closed: true }]);
    expect((await fetch(file.url.replace(file.id, '1'))).status).toBe(404);
  });

  it('delivers a button press on the bot message and records the update', async () => {
    off = onInteraction(client, async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({
          content: 'with button',
          components: [{ type: 1, components: [{ type: 2, style: 2, custom_id: 'more:1', label: 'More' }] }],
          ...SAFE,
        });
      } else if (i.isButton()) {
        const b: ButtonInteraction = i;
        await b.update({ content: `pressed ${b.customId}`, components: [], ...SAFE });
      }
    });
    const cmd = loopback.command('ask', { question: 'q' });
    const first = await cmd.reply();
    expect(first.components).toHaveLength(1);
    const press = loopback.pressButton('more:1', first.message);
    expect((await press.callback()).type).toBe(7);
    const updated = await press.reply();
    expect(updated.content).toBe('pressed more:1');
    expect(updated.message.id).toBe(first.message.id);
  });

  it('stores registered guild commands and validates them', async () => {
    const saved = await client.application.commands.set(
      [
        {
          name: 'ask',
          description: 'Ask a question',
          options: [{ name: 'question', description: 'q', type: 3, required: true }],
        },
      ],
      loopback.guild.id,
    );
    expect(saved.size).toBe(1);
    expect(loopback.commands.guild.get(loopback.guild.id)?.[0]?.name).toBe('ask');
    const error = await client.application.commands
      .set([{ name: 'Ask', description: '' }], loopback.guild.id)
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { '0': { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } },
    });
  });

  it('resumes after a 4000 close and replays events missed while disconnected', async () => {
    off = onInteraction(client, async (i) => {
      if (i.isChatInputCommand())
        await i.reply({ content: `still here: ${i.options.getString('question')}`, ...SAFE });
    });
    const session = loopback.session(0);
    expect(session).toBeDefined();
    loopback.closeShard(0, 4000);
    // Dispatched while the shard is down: must arrive through RESUME replay.
    const handle = loopback.command('ask', { question: 'missed' });
    const resumed = await loopback.waitForResume(0, 1);
    expect(resumed.id).toBe(session?.id);
    expect(resumed.urls.at(-1)).toMatch(/^\/resume\?v=10/);
    expect((await handle.reply()).content).toBe('still here: missed');
    // And live events keep flowing after the resume.
    const after = loopback.command('ask', { question: 'after' });
    expect((await after.reply()).content).toBe('still here: after');
  });
});

describe('sharding and login failures', () => {
  it('identifies every shard and routes guild interactions to the owning shard', async () => {
    const loopback = await LoopbackDiscord.start({ shards: 2, guilds: 2 });
    // discord.js only follows the recommended shard count with `shards: 'auto'`.
    const client = await connectClient(loopback, { shards: 'auto' });
    try {
      const shards = await loopback.waitForShards(2);
      expect(shards.map((s) => s.identify)).toMatchObject([{ shard: [0, 2] }, { shard: [1, 2] }]);
      expect(client.guilds.cache.size).toBe(2);
      const seenShards: number[] = [];
      client.on(Events.InteractionCreate, (i) => {
        if (!i.isChatInputCommand()) return;
        seenShards.push(i.guild?.shardId ?? -1);
        void i.reply({ content: 'ok', ...SAFE });
      });
      const second = loopback.guilds[1];
      if (!second) throw new Error('expected two guilds');
      const handle = loopback.command('ask', { question: 'q' }, { guild: second });
      expect(handle.record.shardId).toBe(1);
      expect((await handle.reply()).content).toBe('ok');
      expect(seenShards).toEqual([1]);
    } finally {
      await client.destroy();
      await loopback.close();
    }
  });

  it('fails login with a wrong token', async () => {
    const loopback = await LoopbackDiscord.start();
    try {
      await expect(connectClient(loopback, {}, 'bad.token.value')).rejects.toThrow(/invalid token/i);
    } finally {
      await loopback.close();
    }
  });
});
