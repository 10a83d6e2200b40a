/**
 * Replies in the user's language on the bundled corpus, through the real bot and the loopback Discord:
 * a `ja` user reads Japanese titles, buttons and footers, an `en-US` one English, and both read the same
 * cited sentences, exactly as the corpus file writes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/discord/registry.js';
import { createLogger } from '../../src/logger.js';
import { CorpusService } from '../../src/service/service.js';
import { readDevSet } from '../eval/evaluate.js';
import { makeActor, type ReplyView } from '../loopback/index.js';
import { bundledText, CORPUS_DIR } from '../support/bundled.js';
import { memoryRecords } from './fakes.js';
import { buttonsOf, type Harness, startHarness } from './harness.js';

let h: Harness;
let service: CorpusService;
let n = 0;
const someone = () => makeActor(`reader${++n}`);
/** Hiragana or katakana: Japanese to a Japanese reader (kanji alone could be Chinese). */
const KANA = /[\p{sc=Hiragana}\p{sc=Katakana}]/u;
const CORPUS = bundledText().replace(/\s+/g, ' ');

/** Cited text as a reader sees it: bold and escapes removed, blanks collapsed. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*/g, '').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
}

/**
 * The cited answer of an /ask reply: the description's line just above the citation ("— …"), since a short
 * answer may stand between the quoted question and the sentence.
 */
function answerLine(reply: ReplyView): string {
  const lines = reply.embeds[0]?.description?.split('\n') ?? [];
  const cite = lines.findIndex((line) => line.startsWith('— '));
  return plain(lines[cite - 1] ?? '');
}

beforeAll(async () => {
  const records = memoryRecords();
  service = await CorpusService.start(CORPUS_DIR, createLogger({ level: 'silent', secrets: [] }), {
    records,
  });
  h = await startHarness(service, { records, cooldown: { requests: 1000, seconds: 1 } });
  await h.bot.client.application?.commands.set((await loadCommands()).toJSON(), h.loopback.guild.id);
});
afterAll(() => h.close());

describe('replies follow interaction.locale on the bundled corpus', () => {
  const question = 'When was the agreement signed?';

  it('answers a ja user in Japanese and an en-US user in English, citing the same corpus sentence', async () => {
    const ja = await h.loopback.command('ask', { question }, { actor: someone(), locale: 'ja' }).reply();
    const en = await h.loopback.command('ask', { question }, { actor: someone(), locale: 'en-US' }).reply();

    expect(en.embeds[0]?.title).toBe('Answer from the corpus');
    expect(buttonsOf(en).map((b) => b.label)).toEqual([
      'More sources',
      'Helpful',
      'Not helpful',
      'Read the source',
    ]);
    expect(en.embeds[0]?.footer?.text).toMatch(/^Corpus \S+ · Asked: When was the agreement signed\?$/);

    expect(ja.embeds[0]?.title).toBe('コーパスからの回答');
    expect(buttonsOf(ja).map((b) => b.label)).toEqual([
      'ほかの出典',
      '役に立った',
      '役に立たなかった',
      '出典を読む',
    ]);
    expect(ja.embeds[0]?.footer?.text).toMatch(/^コーパス \S+ · 質問: When was the agreement signed\?$/);
    expect(ja.embeds[0]?.fields?.[0]?.name).toMatch(/、第\d+段落$/);
    expect(ja.embeds[0]?.fields?.[0]?.value).toContain('[出典: ');

    // The cited sentence is the corpus's own, untranslated, for both readers.
    const cited = answerLine(ja);
    expect(cited.length).toBeGreaterThan(20);
    expect(cited).not.toMatch(KANA);
    expect(CORPUS).toContain(cited);
    expect(answerLine(en)).toBe(cited);
    for (const [i, field] of (ja.embeds[0]?.fields ?? []).entries()) {
      const excerpt = plain(field.value.split('\n')[0] ?? '').replace(/…$/, '');
      expect(CORPUS).toContain(excerpt);
      expect(plain(en.embeds[0]?.fields?.[i]?.value.split('\n')[0] ?? '')).toBe(
        plain(field.value.split('\n')[0] ?? ''),
      );
    }
  });

  it("shows a borderline answer as the closest match, in the reader's language", async () => {
    // A question of the check set that the corpus answers below the fitted closestBelow.
    const question =
      readDevSet(`${import.meta.dirname}/../eval/check-set.jsonl`)
        .map((d) => d.q)
        .find((q) => service.current.ask(q).answer?.closest) ?? '';
    expect(question).not.toBe('');
    const ja = await h.loopback.command('ask', { question }, { actor: someone(), locale: 'ja' }).reply();
    const en = await h.loopback.command('ask', { question }, { actor: someone(), locale: 'en-US' }).reply();

    expect(en.embeds[0]?.title).toBe('Closest match in the corpus');
    expect(en.embeds[0]?.description).toContain(
      '*Not a sure answer: this is the closest the corpus comes to your question.*',
    );
    expect(ja.embeds[0]?.title).toBe('コーパス中でいちばん近い記述');
    expect(ja.embeds[0]?.description).toContain(
      '*確かな答えではありません。コーパスの中でこの質問にいちばん近い記述です。*',
    );
    // Still a cited sentence of the corpus, the same for both readers.
    const cited = answerLine(ja);
    expect(cited.length).toBeGreaterThan(20);
    expect(CORPUS).toContain(cited);
    expect(answerLine(en)).toBe(cited);

    // A sure answer says nothing of the kind.
    const sure = await h.loopback
      .command('ask', { question: 'When was the agreement signed?' }, { actor: someone(), locale: 'en-US' })
      .reply();
    expect(sure.embeds[0]?.title).toBe('Answer from the corpus');
    expect(sure.embeds[0]?.description).not.toContain('Not a sure answer');
  });

  it('pages sources in the language of whoever presses, whatever language the answer was in', async () => {
    const ja = await h.loopback.command('ask', { question }, { actor: someone(), locale: 'ja' }).reply();
    const more = buttonsOf(ja)[0]?.custom_id ?? '';
    expect(more).toBe('ask:more:3');
    const enPage = await h.loopback
      .pressButton(more, ja.message, { actor: someone(), locale: 'en-US' })
      .reply();
    expect(enPage.embeds[0]?.title).toMatch(/^More sources \(4–\d+\)$/);
    expect(enPage.embeds[0]?.footer?.text).toMatch(/ · Asked: When was the agreement signed\?$/);
    const jaPage = await h.loopback
      .pressButton(more, enPage.message, { actor: someone(), locale: 'ja' })
      .reply();
    expect(jaPage.embeds[0]?.title).toMatch(/^ほかの出典（4〜\d+）$/);
  });

  it('abstains in Japanese, the question quoted as typed', async () => {
    const reply = await h.loopback
      .command('ask', { question: 'What is the recipe for miso soup?' }, { actor: someone(), locale: 'ja' })
      .reply();
    expect(reply.embeds[0]?.title).toBe('コーパスに載っていません');
    expect(reply.embeds[0]?.description).toContain('> What is the recipe for miso soup?');
    expect(reply.embeds[0]?.description).toContain('この質問はコーパスの範囲外のため');
    expect(buttonsOf(reply).map((b) => b.label)).toEqual(['役に立った', '役に立たなかった']);
  });

  it('refuses a question without words in the user language', async () => {
    const ja = await h.loopback
      .command('ask', { question: '?!' }, { actor: someone(), locale: 'ja' })
      .reply();
    expect(ja).toMatchObject({
      ephemeral: true,
      content: '言葉で質問してください（検索できる文字や数字がありません）。',
    });
    const en = await h.loopback
      .command('ask', { question: '?!' }, { actor: someone(), locale: 'en-US' })
      .reply();
    expect(en.content).toBe('Please ask with words: this question has no letters or numbers to search for.');
  });

  it('quotes in the corpus words under a Japanese title', async () => {
    const ja = await h.loopback
      .command('quote', { speaker: 'Nelson' }, { actor: someone(), locale: 'ja' })
      .reply();
    const en = await h.loopback
      .command('quote', { speaker: 'Nelson' }, { actor: someone(), locale: 'en-US' })
      .reply();
    expect(en.embeds[0]?.title).toMatch(/^Quotes? ?(\(\d+\))?$/);
    expect(ja.embeds[0]?.title).toMatch(/^引用(（\d+ 件）)?$/);
    const quotes = (reply: ReplyView) =>
      (reply.embeds[0]?.description ?? '')
        .split('\n')
        .filter((line) => line.startsWith('> '))
        .map((line) => plain(line.slice(2)));
    expect(quotes(ja).length).toBeGreaterThan(0);
    expect(quotes(ja)).toEqual(quotes(en));
    for (const quote of quotes(ja)) expect(CORPUS).toContain(quote.replace(/…$/, ''));
  });

  it('lists the sources under Japanese words, titles as published', async () => {
    const ja = await h.loopback.command('sources', {}, { actor: someone(), locale: 'ja' }).reply();
    const en = await h.loopback.command('sources', {}, { actor: someone(), locale: 'en-US' }).reply();
    expect(ja.embeds[0]?.title).toMatch(/^出典（文書 \d+ 件）$/);
    expect(en.embeds[0]?.title).toMatch(/^Sources \(\d+ documents?\)$/);
    expect(ja.embeds[0]?.footer?.text).toMatch(/^コーパス \S+ · パッセージ \d+ 件 · 引用 \d+ 件$/);
    const title = (reply: ReplyView) => /\[([^\]]+)\]/.exec(reply.embeds[0]?.description ?? '')?.[1];
    expect(title(ja)).toBe(title(en));
  });

  it('reports a corpus reload to a Japanese moderator in Japanese', async () => {
    const reply = await h.loopback
      .command('corpus', {}, { subcommand: 'reload', actor: h.loopback.actors.manager, locale: 'ja' })
      // A reload builds the index in a worker: seconds on a loaded machine.
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(
      /^コーパスを再読み込みしました: バージョン \S+ → \S+。文書 \d+ 件、パッセージ \d+ 件、引用 \d+ 件（\d+ ms）。/,
    );
  });
});
