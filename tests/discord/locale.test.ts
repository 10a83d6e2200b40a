/**
 * Replies follow the user's Discord language (`interaction.locale`): Japanese for `ja`, English for any
 * other. The real bot and commands against the loopback Discord; what is cited is never translated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askFooter, parseAskFooter, parseQuoteFooter, quoteFooter } from '../../src/discord/format.js';
import { loadCommands } from '../../src/discord/registry.js';
import { messages } from '../../src/messages/messages.js';
import { type Actor, makeActor } from '../loopback/index.js';
import { FakeCorpus, memoryRecords, SPEAKERS } from './fakes.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
let n = 0;
/** A fresh member per test, so the per-user cooldown never couples tests. */
const someone = (): Actor => makeActor(`locale${++n}`);
const JA = messages('ja');
const EN = messages('en');
/** Hiragana or katakana: text a Japanese reader reads as Japanese (kanji alone could be Chinese). */
const KANA = /[\p{sc=Hiragana}\p{sc=Katakana}]/u;

beforeAll(async () => {
  h = await startHarness(new FakeCorpus(), {
    records: memoryRecords(),
    cooldown: { requests: 2, seconds: 60 },
  });
  await h.bot.client.application?.commands.set((await loadCommands()).toJSON(), h.loopback.guild.id);
});
afterAll(() => h.close());

describe('reply language', () => {
  it('tells a Japanese user to slow down in Japanese, and an American one in English', async () => {
    for (const [locale, m] of [
      ['ja', JA],
      ['en-US', EN],
    ] as const) {
      const actor = someone();
      for (let i = 0; i < 2; i++) await h.loopback.command('sources', {}, { actor, locale }).reply();
      const refused = await h.loopback.command('sources', {}, { actor, locale }).reply();
      expect(refused.ephemeral).toBe(true);
      // The wait is the last number in both languages; the rest of the text must be the catalogue's.
      const retry = refused.content.match(/\d+/g)?.at(-1);
      expect(refused.content, locale).toBe(
        m.t('bot.cooldown', { requests: 2, seconds: 60, retry: Number(retry) }),
      );
    }
    expect(JA.t('bot.cooldown', { requests: 2, seconds: 60, retry: 60 })).toMatch(KANA);
  });

  it('thanks for feedback in the language of whoever presses the button', async () => {
    const asker = someone();
    const answer = await h.loopback
      .command('ask', { question: 'Who signed the agreement?' }, { actor: asker })
      .reply();
    const ja = await h.loopback
      .pressButton('ask:vote:up', answer.message, { actor: someone(), locale: 'ja' })
      .reply();
    expect(ja.content).toBe('ありがとうございます。フィードバックを記録しました。');
    const en = await h.loopback
      .pressButton('ask:vote:up', answer.message, { actor: someone(), locale: 'en-GB' })
      .reply();
    expect(en.content).toBe('Thanks, your feedback was recorded.');
  });

  it('refuses /corpus to a member in their language', async () => {
    const ja = await h.loopback
      .command('corpus', {}, { subcommand: 'reload', actor: someone(), locale: 'ja' })
      .reply();
    expect(ja).toMatchObject({ ephemeral: true, content: JA.t('corpus.notModerator') });
    expect(ja.content).toMatch(KANA);
    const en = await h.loopback
      .command('corpus', {}, { subcommand: 'reload', actor: someone(), locale: 'fr' })
      .reply();
    expect(en.content).toBe(
      'Only members with the Manage Server permission or a moderator role can manage the corpus.',
    );
  });

  it('labels speaker suggestions in Japanese, names as the corpus writes them', async () => {
    const first = SPEAKERS[0];
    if (!first) throw new Error('the fake corpus has speakers');
    const typed = first.name.slice(0, 3);
    const ja = await h.loopback
      .autocomplete('quote', { speaker: typed }, 'speaker', { locale: 'ja' })
      .choices();
    const en = await h.loopback.autocomplete('quote', { speaker: typed }, 'speaker').choices();
    expect(ja.length).toBeGreaterThan(0);
    expect(ja.map((c) => c.value)).toEqual(en.map((c) => c.value));
    for (const [i, choice] of ja.entries()) {
      expect(choice.name).toMatch(/（引用 \d+ 件）$/);
      expect(choice.name.startsWith(String(ja[i]?.value))).toBe(true);
      expect(en[i]?.name).toMatch(/ \(\d+ quotes?\)$/);
    }
  });

  it('says in the user language when no speaker matches, and picking that runs /quote with what was typed', async () => {
    const ja = await h.loopback
      .autocomplete('quote', { speaker: ' zzqx ' }, 'speaker', { locale: 'ja' })
      .choices();
    expect(ja).toEqual([{ name: '「zzqx」に一致する発言者はいません', value: 'zzqx' }]);
    const en = await h.loopback.autocomplete('quote', { speaker: 'zzqx' }, 'speaker').choices();
    expect(en).toEqual([{ name: 'No quoted speaker matches “zzqx”', value: 'zzqx' }]);
    expect(await h.loopback.autocomplete('quote', { speaker: ' ' }, 'speaker').choices()).toEqual([]);
    const picked = await h.loopback
      .command('quote', { speaker: 'zzqx' }, { actor: someone(), locale: 'ja' })
      .reply();
    expect(picked.embeds[0]?.title).toBe('引用が見つかりません');
    expect(picked.embeds[0]?.description).toContain('「zzqx」という人の引用はコーパスにありません。');
  });

  it('says what went wrong in Japanese when a button no longer works', async () => {
    const asker = someone();
    const answer = await h.loopback
      .command('ask', { question: 'Who signed the agreement?' }, { actor: asker })
      .reply();
    const stale = await h.loopback
      .pressButton('ask:nothing', answer.message, { actor: someone(), locale: 'ja' })
      .reply();
    expect(stale).toMatchObject({
      ephemeral: true,
      content: 'このボタンはもう使えません。もう一度質問してください。',
    });
  });
});

describe('footers read back in either language', () => {
  it('parses /ask and /quote footers written in English or Japanese', () => {
    for (const lang of ['en', 'ja'] as const) {
      const m = messages(lang);
      const question = 'Who signed · the Agreement? 誰が署名した？';
      expect(parseAskFooter(askFooter(m, 'v1a2b', question)), lang).toEqual({ version: 'v1a2b', question });
      const shown = { version: 'v1a2b', page: 2, pages: 3, speaker: 'Bill Nelson' };
      expect(parseQuoteFooter(quoteFooter(m, 'v1a2b', 2, 3, 'Bill Nelson', null)), lang).toEqual({
        ...shown,
        about: null,
      });
      expect(
        parseQuoteFooter(quoteFooter(m, 'v1a2b', 2, 3, 'Bill Nelson', 'the Moon · Artemis')),
        lang,
      ).toEqual({ ...shown, about: 'the Moon · Artemis' });
    }
    expect(parseAskFooter('Corpus v1 · Question: x')).toBeNull();
    expect(parseQuoteFooter('Corpus v1 · Page two/3 · Speaker: A')).toBeNull();
  });
});
