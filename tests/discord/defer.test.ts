/**
 * Discord's 3-second rule: fast answers go out directly (callback type 4); while a reload runs, or when a
 * handler is slow, the bot defers (type 5) and edits the answer in. Never two acknowledgements (40060).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ask from '../../commands/ask.js';
import type { Command } from '../../src/discord/command.js';
import { CommandRegistry, loadCommands } from '../../src/discord/registry.js';
import { type Actor, type InteractionHandle, MEMBER_PERMISSIONS, makeActor } from '../loopback/index.js';
import { FakeCorpus } from './fakes.js';
import { type Harness, startHarness } from './harness.js';

const EPHEMERAL = 1 << 6;
let n = 0;
const someone = (): Actor => makeActor(`deferee${++n}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The callback and every request of an interaction, once it has its visible reply. */
async function settled(handle: InteractionHandle) {
  const reply = await handle.reply();
  const callback = await handle.callback();
  return { reply, callback, requests: handle.requests() };
}

describe('while a reload runs', () => {
  let h: Harness;
  let corpus: FakeCorpus;
  beforeAll(async () => {
    corpus = new FakeCorpus();
    h = await startHarness(corpus);
    await h.bot.client.application?.commands.set((await loadCommands()).toJSON(), h.loopback.guild.id);
    corpus.isReloading = true;
  });
  afterAll(() => h.close());

  it('defers /ask at once, then edits the answer in', async () => {
    const { reply, callback, requests } = await settled(
      h.loopback.command('ask', { question: 'Who signed?' }, { actor: someone() }),
    );
    expect(callback.type).toBe(5);
    expect(((callback.data?.flags as number | undefined) ?? 0) & EPHEMERAL).toBe(0);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 200']);
    expect(requests[1]?.params.message).toBe('@original');
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]?.title).toBe('Answer from the corpus');
  });

  it('defers privately when the answer is private, and for /corpus', async () => {
    const asked = await settled(
      h.loopback.command('ask', { question: 'Who signed?', private: true }, { actor: someone() }),
    );
    expect(asked.callback.type).toBe(5);
    expect(asked.reply.ephemeral).toBe(true);
    const moderator = makeActor('mod', MEMBER_PERMISSIONS, [h.loopback.guild.roles.moderator]);
    const reload = await settled(
      h.loopback.command('corpus', {}, { subcommand: 'reload', actor: moderator }),
    );
    expect(reload.callback.type).toBe(5);
    expect(reload.reply.ephemeral).toBe(true);
    expect(reload.reply.content).toMatch(/^Corpus reloaded/);
    expect(reload.requests.filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
  });

  it('defers a "More sources" press privately', async () => {
    corpus.isReloading = false;
    const actor = someone();
    const first = await h.loopback.command('ask', { question: 'What is covered?' }, { actor }).reply();
    corpus.isReloading = true;
    const more = await settled(h.loopback.pressButton('ask:more:3', first.message, { actor }));
    expect(more.callback.type).toBe(5);
    expect(more.reply.ephemeral).toBe(true);
    expect(more.reply.embeds[0]?.title).toBe('More sources (4–6)');
  });

  it('defers a quote page press as an update of the message, then edits it', async () => {
    corpus.isReloading = false;
    const actor = someone();
    const first = await h.loopback.command('quote', { speaker: 'Talkative Envoy' }, { actor }).reply();
    corpus.isReloading = true;
    const press = h.loopback.pressButton('quote:page:2', first.message, { actor });
    const { callback, reply, requests } = await settled(press);
    expect(callback.type).toBe(6);
    expect(reply.message.id).toBe(first.message.id);
    expect(reply.embeds[0]?.footer?.text).toMatch(/ · Page 2\/\d+ · /);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 200']);
  });

  it('tells of a failed page press privately, leaving the message as it was', async () => {
    corpus.isReloading = false;
    const actor = someone();
    const asked = await h.loopback.command('ask', { question: 'Who signed?' }, { actor }).reply();
    corpus.isReloading = true;
    // A page button on a message that is not a /quote page: nothing to page.
    const press = h.loopback.pressButton('quote:page:2', asked.message, { actor });
    expect((await press.callback()).type).toBe(6);
    const note = await press.followUp(1);
    expect(note).toMatchObject({
      ephemeral: true,
      content: 'This button no longer works; please use /quote again.',
    });
    expect(press.requests().map((r) => r.method)).toEqual(['POST', 'POST']);
  });
});

describe('the defer guard', () => {
  let h: Harness;
  /** Handler delays by question, so each test picks how slow /ask is. */
  const delays = new Map<string, number>();
  /** Or what the handler waits for before answering, released by the test. */
  const gates = new Map<string, Promise<void>>();
  beforeAll(async () => {
    // The real /ask, made slow before it answers (an awaited lookup, as a slow knowledge base would be).
    const slowAsk: Command = {
      ...ask,
      async execute(interaction, ctx) {
        const question = interaction.options.getString('question', true);
        await (gates.get(question) ?? sleep(delays.get(question) ?? 0));
        await ask.execute(interaction, ctx);
      },
    };
    h = await startHarness(new FakeCorpus(), {
      commands: new CommandRegistry([{ command: slowAsk, file: 'slow-ask' }]),
      cooldown: { requests: 1000, seconds: 1 },
      deferAfterMs: 150,
    });
  });
  afterAll(() => h.close());

  it('answers a fast handler directly, with no deferral', async () => {
    const { callback, requests, reply } = await settled(
      h.loopback.command('ask', { question: 'Who signed fast?' }, { actor: someone() }),
    );
    expect(callback.type).toBe(4);
    expect(requests.map((r) => r.method)).toEqual(['POST']);
    expect(reply.embeds[0]?.footer?.text).toContain('Asked: Who signed fast?');
  });

  it('defers a slow handler, then edits its answer in', async () => {
    delays.set('Who signed slowly?', 400);
    const { callback, requests, reply } = await settled(
      h.loopback.command('ask', { question: 'Who signed slowly?', private: true }, { actor: someone() }),
    );
    expect(callback.type).toBe(5);
    expect(reply.ephemeral).toBe(true);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 200']);
    expect(reply.embeds[0]?.footer?.text).toContain('Asked: Who signed slowly?');
    expect(h.logs.find('deferred: the answer is slow')).toBeDefined();
  });

  it('logs an answer that comes after the interaction’s token expired (50027) as expired, trying no more', async () => {
    const question = 'Who signed, 15 minutes later?';
    let release: () => void = () => undefined;
    gates.set(
      question,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    const handle = h.loopback.command('ask', { question }, { actor: someone() });
    expect((await handle.callback()).type).toBe(5);
    handle.expireToken();
    release();
    await handle.rejection(50027);
    const line = await h.logs.next(
      (l) => l.msg === 'interaction expired or already answered' && l.interaction === handle.id,
      'the expiry',
    );
    expect(line).toMatchObject({ level: 40, err: { code: 50027 } });
    expect(handle.requests().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 401']);
    expect(h.logs.lines.filter((l) => l.level === 50 && l.interaction === handle.id)).toEqual([]);
  });

  it('never acknowledges twice when the answer starts as the guard fires', async () => {
    // Delays around the guard's 150 ms, so some answers start while the deferral is in flight.
    const handles = Array.from({ length: 24 }, (_, i) => {
      const question = `Who signed? race ${i}`;
      delays.set(question, 120 + i * 3);
      return h.loopback.command('ask', { question }, { actor: someone() });
    });
    const results = await Promise.all(handles.map(settled));
    results.forEach(({ reply }, i) => {
      expect(reply.embeds[0]?.footer?.text).toContain(`Asked: Who signed? race ${i}`);
    });
    expect(handles.flatMap((x) => x.rejections())).toEqual([]);
  });
});
