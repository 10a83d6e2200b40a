import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/problems.js';
import { type Actor, MEMBER_PERMISSIONS, makeActor, type ReplyView, ROUTES } from '../loopback/index.js';
import { ENVOY_QUOTES, FakeCorpus, memoryRecords } from './fakes.js';
import { buttonsOf, type Harness, hasLoneSurrogate, startHarness } from './harness.js';

let h: Harness;
let corpus: FakeCorpus;
const records = memoryRecords();
let n = 0;
/** A fresh member per test, so the per-user cooldown never couples tests. */
const someone = (): Actor => makeActor(`user${++n}`);

beforeAll(async () => {
  corpus = new FakeCorpus();
  h = await startHarness(corpus, { records });
  // Register through the same registry, so interactions carry real command ids.
  await h.bot.client.application?.commands.set(
    (await import('../../src/discord/registry.js').then((m) => m.loadCommands())).toJSON(),
    h.loopback.guild.id,
  );
});
afterAll(() => h.close());

describe('/ask', () => {
  it('answers with the query terms in bold, citations, version footer and buttons', async () => {
    const handle = h.loopback.command('ask', { question: 'Who signed the agreement?' }, { actor: someone() });
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(false);
    const embed = reply.embeds[0];
    expect(embed?.description).toContain('**signed**');
    expect(embed?.description).toContain('**Agreement**');
    expect(embed?.description).toMatch(
      /— \[U\.S\., Japan Sign Space Collaboration Agreement, ¶1\]\(https:\/\/www\.nasa\.gov\//,
    );
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      '1. U.S., Japan Sign Space Collaboration Agreement, ¶1',
      '2. U.S., Japan Sign Space Collaboration Agreement, ¶2',
      '3. U.S., Japan Sign Space Collaboration Agreement, ¶3',
    ]);
    expect(embed?.footer?.text).toBe('Corpus v1fake · Asked: Who signed the agreement?');
    expect(buttonsOf(reply).map((b) => b.custom_id ?? b.url)).toEqual([
      'ask:more:3',
      'ask:vote:up:doc-a#p1',
      'ask:vote:down:doc-a#p1',
      expect.stringMatching(/^https:\/\/www\.nasa\.gov\//),
    ]);
    expect(h.loopback.mentionViolations).toEqual([]);
  });

  it('leads with the short answer in bold, its Markdown escaped, then the sentence', async () => {
    const reply = await h.loopback
      .command('ask', { question: 'How long can the rover support astronauts?' }, { actor: someone() })
      .reply();
    const lines = reply.embeds[0]?.description?.split('\n') ?? [];
    expect(lines[0]).toBe('> How long can the rover support astronauts?');
    expect(lines[1]).toBe('**\\*thirty\\* days\\_**');
    expect(lines[2]).toContain('**rover** is planned to **support** two');
    expect(h.loopback.mentionViolations).toEqual([]);
  });

  it('answers privately when asked', async () => {
    const reply = await h.loopback
      .command('ask', { question: 'Who signed?', private: true }, { actor: someone() })
      .reply();
    expect(reply.ephemeral).toBe(true);
  });

  it('abstains when the corpus does not cover the question, suggesting topics', async () => {
    const reply = await h.loopback
      .command('ask', { question: 'What is the best pizza?' }, { actor: someone() })
      .reply();
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('Not covered by the corpus');
    expect(embed?.description).toContain('The corpus does not cover this question');
    expect(embed?.description).toContain('• Artemis program');
    expect(buttonsOf(reply).map((b) => b.custom_id)).toEqual(['ask:vote:up', 'ask:vote:down']);
  });

  it('pages through sources with the stateless "More sources" button', async () => {
    const actor = someone();
    const first = await h.loopback
      .command('ask', { question: 'What does the agreement cover?' }, { actor })
      .reply();
    const page2 = await h.loopback.pressButton('ask:more:3', first.message, { actor }).reply();
    expect(page2.ephemeral).toBe(true);
    expect(page2.embeds[0]?.title).toBe('More sources (4–6)');
    expect(page2.embeds[0]?.fields?.[0]?.name).toMatch(/^4\. /);
    expect(buttonsOf(page2)[0]?.custom_id).toBe('ask:more:6');
    const page3 = await h.loopback.pressButton('ask:more:6', page2.message, { actor }).reply();
    expect(page3.embeds[0]?.title).toBe('More sources (7–8)');
    expect(page3.components).toEqual([]);
  });

  it('records 👍/👎 feedback in the log and thanks the user privately', async () => {
    const actor = someone();
    const first = await h.loopback.command('ask', { question: 'Who signed?' }, { actor }).reply();
    const vote = await h.loopback.pressButton('ask:vote:down:doc-a#p1', first.message, { actor }).reply();
    expect(vote).toMatchObject({ ephemeral: true, content: 'Thanks, your feedback was recorded.' });
    const line = h.logs.lines.find((l) => l.msg === 'answer feedback' && l.message === first.message.id);
    expect(line).toMatchObject({
      feedback: 'down',
      question: 'Who signed?',
      version: 'v1fake',
      passageId: 'doc-a#p1',
    });
    expect(records.feedbacks.at(-1)).toEqual({
      userId: actor.user.id,
      vote: 'down',
      question: 'Who signed?',
      passageId: 'doc-a#p1',
      version: 'v1fake',
    });
  });

  it('keeps long answers within limits, cut at a word with an ellipsis and no broken emoji', async () => {
    const reply = await h.loopback
      .command('ask', { question: 'long answer 🚀' }, { actor: someone() })
      .reply();
    const description = reply.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description).toMatch(/…\n— \[/);
    expect(hasLoneSurrogate(JSON.stringify(reply.message))).toBe(false);
    expect(hasLoneSurrogate(description)).toBe(false);
  });
});

describe('/ask with bad input', () => {
  it('explains an empty question privately', async () => {
    const reply = await h.loopback.command('ask', { question: '   ' }, { actor: someone() }).reply();
    expect(reply).toMatchObject({ ephemeral: true, content: 'Please type a question: this one is empty.' });
  });

  it('accepts exactly 300 characters', async () => {
    const question = `Who signed ${'x'.repeat(289)}`;
    expect(question).toHaveLength(300);
    const reply = await h.loopback.command('ask', { question }, { actor: someone() }).reply();
    expect(reply.embeds[0]?.title).toBe('Answer from the corpus');
  });

  it('refuses 3,000 characters (sent past Discord’s max_length) with a clear message', async () => {
    const reply = await h.loopback
      .command('ask', { question: 'y'.repeat(3000) }, { actor: someone() })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      'Questions can be at most 300 characters; this one has 3000. Please shorten it.',
    );
  });

  it('shows Markdown, @everyone and role/user mentions literally and pings no one', async () => {
    const question =
      '**bold** _it_ `code` @everyone @here <@&123456789012345678> <@123456789012345678> who signed?';
    const before = h.loopback.mentionViolations.length;
    const handle = h.loopback.command('ask', { question }, { actor: someone() });
    const reply = await handle.reply();
    const quoted = reply.embeds[0]?.description?.split('\n')[0] ?? '';
    expect(quoted).toBe(
      '> \\*\\*bold\\*\\* \\_it\\_ \\`code\\` @\u200beveryone @\u200bhere \\<@&123456789012345678\\> \\<@123456789012345678\\> who signed?',
    );
    expect(handle.requests()[0]?.body).toMatchObject({ data: { allowed_mentions: { parse: [] } } });
    expect(h.loopback.mentionViolations.length).toBe(before);
  });

  it('survives zero-width, RTL and emoji characters', async () => {
    const question = '\u200b\u202eWho\u202c signed 🚀👩🏽‍🚀 the agreement\u200d?';
    const reply = await h.loopback.command('ask', { question }, { actor: someone() }).reply();
    expect(reply.embeds[0]?.description).toContain('👩🏽‍🚀');
    expect(hasLoneSurrogate(JSON.stringify(reply.message))).toBe(false);
  });
});

describe('/quote', () => {
  it('autocompletes speakers, at most 25 choices of 1-100 characters', async () => {
    const bill = await h.loopback
      .autocomplete('quote', { speaker: 'bi' }, 'speaker', { actor: someone() })
      .choices();
    expect(bill).toEqual([{ name: 'Bill Nelson — NASA Administrator (2 quotes)', value: 'Bill Nelson' }]);
    const many = await h.loopback
      .autocomplete('quote', { speaker: 'aide' }, 'speaker', { actor: someone() })
      .choices();
    expect(many).toHaveLength(25);
    const [titled] = await h.loopback
      .autocomplete('quote', { speaker: 'titled' }, 'speaker', { actor: someone() })
      .choices();
    expect(titled?.name.length).toBeLessThanOrEqual(100);
    expect(titled?.name).toMatch(/^Titled Official — Deputy Deputy .*…$/);
    expect(titled?.value).toBe('Titled Official');
  });

  it('quotes a speaker with citations, about a topic', async () => {
    const reply = await h.loopback
      .command('quote', { speaker: 'Bill Nelson', about: 'science' }, { actor: someone() })
      .reply();
    const d = reply.embeds[0]?.description ?? '';
    expect(reply.embeds[0]?.title).toBe('Quotes (2)');
    expect(d).toContain('**Bill Nelson**, NASA Administrator on “science”');
    expect(d).toContain('> We will go to the Moon together, for science.');
    expect(d).toMatch(/— \[U\.S\., Japan Sign Space Collaboration Agreement, ¶2\]\(https:/);
  });

  it('says when someone is known but never quoted, privately when asked', async () => {
    const reply = await h.loopback
      .command('quote', { speaker: 'Pam Melroy', private: true }, { actor: someone() })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.description).toContain('Pam Melroy is mentioned in the corpus but never quoted.');
    expect(reply.embeds[0]?.description).toContain('Bill Nelson');
  });
});

describe('/quote paged', () => {
  /** The `[Q<n>]` tags the quotes on a page start with. */
  const tags = (reply: ReplyView) =>
    (reply.embeds[0]?.description?.match(/^> \\\[Q\d+\\\]/gm) ?? []).map((t) => t.replace(/[>\s\\]/g, ''));
  const embedTotal = (reply: ReplyView) => {
    const e = reply.embeds[0];
    return (e?.title?.length ?? 0) + (e?.description?.length ?? 0) + (e?.footer?.text.length ?? 0);
  };

  it('pages through quotes too long for one embed: each once, within limits, pinging no one', async () => {
    const actor = someone();
    const before = h.loopback.mentionViolations.length;
    let reply = await h.loopback.command('quote', { speaker: 'Talkative Envoy' }, { actor }).reply();
    const pages = Number(/Page 1\/(\d+)/.exec(reply.embeds[0]?.footer?.text ?? '')?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const embed = reply.embeds[0];
      expect(embed?.title).toBe(`Quotes (${ENVOY_QUOTES.length})`);
      expect(embed?.footer?.text).toBe(
        `Corpus ${corpus.current.version} · Page ${page}/${pages} · Speaker: Talkative Envoy`,
      );
      expect(embed?.description?.length).toBeLessThanOrEqual(4096);
      expect(embedTotal(reply)).toBeLessThanOrEqual(6000);
      // Each quote whole: its tag, its closing words and its citation.
      expect(embed?.description?.match(/together\.\n— \[/g)?.length).toBe(tags(reply).length);
      expect(embed?.description).toContain('@\u200beveryone \\<@123456789012345678\\>');
      seen.push(...tags(reply));
      const [previous, next] = buttonsOf(reply) as Array<{ custom_id: string; disabled?: boolean }>;
      expect(previous).toMatchObject({ custom_id: `quote:page:${page - 1}`, disabled: page === 1 });
      expect(next).toMatchObject({ custom_id: `quote:page:${page + 1}`, disabled: page === pages });
      if (page === pages) break;
      const press = h.loopback.pressButton(next?.custom_id ?? '', reply.message, { actor });
      reply = await press.reply();
      // Paging replaces the message in place (callback type 7), so the channel is not flooded.
      expect((await press.callback()).type).toBe(7);
      expect(reply.message.id).toBe(press.payload.type === 3 ? press.payload.message.id : '');
    }
    expect(seen).toEqual(ENVOY_QUOTES.map((_, i) => `[Q${i + 1}]`));
    expect(h.loopback.mentionViolations.length).toBe(before);
    // And back.
    const back = await h.loopback.pressButton('quote:page:1', reply.message, { actor }).reply();
    expect(back.embeds[0]?.footer?.text).toContain(`Page 1/${pages}`);
    expect(tags(back)[0]).toBe('[Q1]');
  });

  it('keeps the topic across pages', async () => {
    const actor = someone();
    const first = await h.loopback
      .command('quote', { speaker: 'talkative envoy', about: '[Q12]' }, { actor })
      .reply();
    expect(tags(first)[0]).toBe('[Q12]');
    expect(first.embeds[0]?.footer?.text).toMatch(
      / · Page 1\/\d+ · Speaker: Talkative Envoy · About: \[Q12\]$/,
    );
    const second = await h.loopback.pressButton('quote:page:2', first.message, { actor }).reply();
    expect(second.embeds[0]?.description).toContain('on “\\[Q12\\]”');
    expect(second.embeds[0]?.footer?.text).toMatch(
      / · Page 2\/\d+ · Speaker: Talkative Envoy · About: \[Q12\]$/,
    );
    expect(tags(second)).not.toContain('[Q12]');
  });

  it('shows one page without buttons when the quotes fit', async () => {
    const reply = await h.loopback.command('quote', { speaker: 'Bill Nelson' }, { actor: someone() }).reply();
    expect(reply.components).toEqual([]);
    expect(reply.embeds[0]?.footer?.text).toBe(`Corpus ${corpus.current.version}`);
  });
});

describe('/sources', () => {
  it('lists documents with links, counts and the corpus version', async () => {
    const reply = await h.loopback.command('sources', {}, { actor: someone() }).reply();
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('Sources (1 document)');
    expect(embed?.description).toMatch(
      /^• \[U\.S\., Japan Sign Space Collaboration Agreement\]\(https:.*\) — NASA, 2023-01-13 · 8 passages$/,
    );
    expect(embed?.footer?.text).toBe('Corpus v1fake · 8 passages · 2 quotes');
  });
});

describe('/corpus reload', () => {
  it('refuses members without Manage Server or a moderator role, privately', async () => {
    const before = corpus.reloads;
    const reply = await h.loopback.command('corpus', {}, { subcommand: 'reload', actor: someone() }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Only members with the Manage Server permission or a moderator role/);
    expect(corpus.reloads).toBe(before);
  });

  it('reloads for a configured moderator role (deferred, ephemeral)', async () => {
    const moderator = makeActor('mod1', MEMBER_PERMISSIONS, [h.loopback.guild.roles.moderator]);
    const handle = h.loopback.command('corpus', {}, { subcommand: 'reload', actor: moderator });
    expect((await handle.callback()).type).toBe(5);
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Corpus reloaded: version v\d+fake → v\d+fake\. 1 documents, 8 passages/);
    expect(reply.content).toContain('No passage changed.');
    expect(corpus.actors.at(-1)).toEqual({ userId: moderator.user.id, via: 'discord' });
    // Later answers use the new version.
    const ask = await h.loopback.command('ask', { question: 'Who signed?' }, { actor: someone() }).reply();
    expect(ask.embeds[0]?.footer?.text).toContain(`Corpus ${corpus.current.version}`);
  });

  it('reloads for Manage Server and reports corpus problems when the reload fails', async () => {
    corpus.failWith = new CorpusError([
      {
        file: 'bad.md',
        line: 3,
        code: 'problem.frontMatter',
        values: { problem: { code: 'yaml.invalid', values: { reason: 'bad indent' } } },
      },
    ]);
    try {
      const manager = makeActor('boss', MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild);
      const reply = await h.loopback.command('corpus', {}, { subcommand: 'reload', actor: manager }).reply();
      expect(reply.content).toContain(
        `The reload failed, so nothing changed: the current corpus (version ${corpus.current.version}) keeps answering. 1 problem:`,
      );
      expect(reply.content).toContain('• bad.md:3: front matter is not valid YAML: bad indent');
    } finally {
      corpus.failWith = null;
    }
  });
});

describe('resilience', () => {
  it('enforces the per-user cooldown (5 per 30 s) with a private message', async () => {
    const actor = someone();
    const replies = [];
    for (let i = 0; i < 6; i++) {
      replies.push(await h.loopback.command('sources', {}, { actor }).reply());
    }
    expect(replies.slice(0, 5).every((r) => r.embeds.length === 1)).toBe(true);
    expect(replies[5]?.ephemeral).toBe(true);
    expect(replies[5]?.content).toMatch(
      /^Slow down: you can use the bot 5 times every 30 seconds\. Try again in \d+ s\.$/,
    );
  });

  it('answers 30 concurrent interactions', async () => {
    const handles = Array.from({ length: 30 }, (_, i) =>
      h.loopback.command('ask', { question: `Who signed the agreement? #${i}` }, { actor: someone() }),
    );
    const replies = await Promise.all(handles.map((x) => x.reply()));
    replies.forEach((r, i) => {
      expect(r.embeds[0]?.footer?.text).toBe(
        `Corpus ${corpus.current.version} · Asked: Who signed the agreement? #${i}`,
      );
    });
    expect(handles.flatMap((x) => x.rejections())).toEqual([]);
  });

  it('survives a 429 on the reply: waits and retries', async () => {
    h.loopback.armRateLimit(ROUTES.callback, { retryAfter: 0.2 });
    const handle = h.loopback.command('sources', {}, { actor: someone() });
    const reply = await handle.reply();
    expect(reply.embeds[0]?.title).toBe('Sources (1 document)');
    expect(handle.requests().map((r) => r.status)).toEqual([429, 204]);
    expect(h.logs.find('rate limited by Discord')).toBeDefined();
  });

  it('survives a 500 on the reply: retried by discord.js', async () => {
    h.loopback.armServerError(ROUTES.callback, { times: 1 });
    const handle = h.loopback.command('sources', {}, { actor: someone() });
    expect((await handle.reply()).embeds).toHaveLength(1);
    expect(handle.requests().map((r) => r.status)).toEqual([500, 204]);
  });

  it('when the reply keeps failing with 500, logs it and tells the user once Discord recovers', async () => {
    h.loopback.armServerError(ROUTES.callback, { times: 4 });
    const handle = h.loopback.command('sources', {}, { actor: someone() });
    const reply = await handle.reply();
    expect(reply).toMatchObject({ ephemeral: true });
    expect(reply.content).toMatch(/^Something went wrong while answering/);
    const failure = h.logs.lines.find((l) => l.msg === 'interaction failed' && l.interaction === handle.id);
    expect(failure?.err).toBeDefined();
  });

  it('logs an expired interaction (10062) without crashing, and keeps answering', async () => {
    const actor = someone();
    const quote = await h.loopback.command('quote', { speaker: 'Talkative Envoy' }, { actor }).reply();
    const window = h.loopback.callbackWindowMs;
    h.loopback.callbackWindowMs = -1;
    try {
      // A command, an autocomplete and a button press, each answered too late.
      const handles = [
        h.loopback.command('sources', {}, { actor: someone() }),
        h.loopback.autocomplete('quote', { speaker: 'Bi' }, 'speaker'),
        h.loopback.pressButton('quote:page:2', quote.message, { actor }),
      ];
      for (const handle of handles) {
        await handle.rejection(10062);
        const line = await h.logs.next(
          (l) => l.msg === 'interaction expired or already answered' && l.interaction === handle.id,
          `the expiry of ${handle.id}`,
        );
        expect(line).toMatchObject({ level: 40, err: { code: 10062 } });
        // One refused attempt: nothing is sent again to an interaction Discord has forgotten.
        expect(handle.requests().map((r) => r.status)).toEqual([404]);
      }
      const ids = new Set(handles.map((x) => x.id));
      expect(h.logs.lines.filter((l) => l.level === 50 && ids.has(String(l.interaction)))).toEqual([]);
    } finally {
      h.loopback.callbackWindowMs = window;
    }
    expect((await h.loopback.command('sources', {}, { actor: someone() }).reply()).embeds).toHaveLength(1);
  });

  it('keeps answering after a 4000 close and resume, including what was sent meanwhile', async () => {
    h.loopback.closeShard(0, 4000);
    const during = h.loopback.command('ask', { question: 'Who signed during?' }, { actor: someone() });
    await h.loopback.waitForResume(0, 1);
    expect((await during.reply()).embeds[0]?.footer?.text).toContain('Asked: Who signed during?');
    const after = await h.loopback
      .command('ask', { question: 'Who signed after?' }, { actor: someone() })
      .reply();
    expect(after.embeds[0]?.footer?.text).toContain('Asked: Who signed after?');
    expect(h.logs.find('shard resumed')).toBeDefined();
  });

  it('never logs the bot token, nor the token of an interaction (it can post as the bot for 15 minutes)', () => {
    expect(h.logs.raw.some((line) => line.includes(h.loopback.token))).toBe(false);
    expect(h.logs.raw.length).toBeGreaterThan(10);
    // The failures above were logged with their errors: Discord's refusals name the URL they were for.
    expect(h.logs.lines.filter((l) => l.msg === 'interaction failed').length).toBeGreaterThan(0);
    const tokens = [...h.loopback.interactions.values()].map((i) => i.token);
    expect(h.logs.raw.filter((line) => tokens.some((token) => line.includes(token)))).toEqual([]);
  });
});
