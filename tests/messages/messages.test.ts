/** The reply catalogue: complete in both languages, placeholders alike, and the language picked from a locale. */
import { describe, expect, it } from 'vitest';
import { cleanQuestion } from '../../src/answer/question.js';
import { UserInputError } from '../../src/contract/types.js';
import type { ProblemNotice } from '../../src/corpus/problems.js';
import { type Catalogue, en } from '../../src/messages/en.js';
import { ja } from '../../src/messages/ja.js';
import {
  CATALOGUES,
  describeInputError,
  describeReloadTimeout,
  isLang,
  langOfLocale,
  messages,
} from '../../src/messages/messages.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import { corpusOf } from '../quotes/helpers.js';
import { bundledKnowledgeBase } from '../support/kb.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(en) as Array<keyof typeof en>;

describe('message catalogue', () => {
  it('has a non-empty English and Japanese text for every key, and no key of its own in Japanese', () => {
    expect(keys.length).toBeGreaterThan(10);
    expect(Object.keys(ja).sort()).toEqual([...keys].sort());
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      for (const key of keys) expect(catalogue[key].trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages, each written {name}', () => {
    for (const key of keys) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
      // A brace that is not a placeholder would be a typo of one.
      for (const text of [en[key], ja[key]]) {
        expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
      }
    }
  });

  it('is written in Japanese where it is Japanese, not copied from English', () => {
    for (const key of keys) {
      expect(ja[key], key).toMatch(/[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u);
      expect(ja[key], key).not.toBe(en[key]);
    }
  });

  it('gives every count both plural forms, the plural one showing the count', () => {
    const plural = keys.filter((k) => /_(one|other)$/.test(k));
    expect(plural.length).toBeGreaterThan(0);
    for (const key of plural) {
      const base = key.replace(/_(one|other)$/, '');
      expect(keys, key).toContain(`${base}_one`);
      expect(keys, key).toContain(`${base}_other`);
      if (key.endsWith('_other')) expect(placeholders(en[key]), key).toContain('n');
    }
  });

  it('is checked by the compiler: a catalogue missing a message does not type-check', () => {
    // @ts-expect-error: every key of en.ts needs its text.
    const partial: Catalogue = { 'bot.restarting': '再起動中' };
    expect(Object.keys(partial)).toHaveLength(1);
    // @ts-expect-error: a message's placeholders must all be given.
    expect(() => messages('en').t('bot.cooldown', { requests: 1 })).not.toThrow();
    // @ts-expect-error: no such message.
    expect(messages('en').t('bot.nothing')).toBeUndefined();
    // @ts-expect-error: the core says problems only with codes the catalogue words.
    const unknown: ProblemNotice = { code: 'problem.nothing' };
    expect(messages('en').say(unknown)).toBe('problem.nothing');
  });
});

describe('messages', () => {
  it('fills placeholders in the chosen language', () => {
    const params = { requests: 5, seconds: 30, retry: 12 };
    expect(messages('en').t('bot.cooldown', params)).toBe(
      'Slow down: you can use the bot 5 times every 30 seconds. Try again in 12 s.',
    );
    expect(messages('ja').t('bot.cooldown', params)).toBe(
      '少しペースを落としてください: ボットは 30 秒間に 5 回まで使えます。12 秒後にもう一度お試しください。',
    );
  });

  it('counts in the plural form of the language', () => {
    const en = messages('en');
    expect(en.count('quote.choice', 1, { speaker: 'A' })).toBe('A (1 quote)');
    expect(en.count('quote.choice', 2, { speaker: 'A' })).toBe('A (2 quotes)');
    expect(en.count('quote.choice', 0, { speaker: 'A' })).toBe('A (0 quotes)');
    expect(messages('ja').count('quote.choice', 1, { speaker: 'A' })).toBe('A（引用 1 件）');
  });

  it('words a notice of the core in either language: notices inside it, numbers grouped, quoted text as it is', () => {
    const inTitle = {
      code: 'problem.titleHas',
      values: { problem: { code: 'problem.lineTooLong', values: { length: 123_456, max: 100_000 } } },
    };
    expect(messages('en').say(inTitle)).toBe(
      'the title has a line of 123,456 characters; lines can be at most 100,000',
    );
    expect(messages('ja').say(inTitle)).toBe(
      'タイトルに123,456 文字の行があります（1 行は最大 100,000 文字）',
    );
    // A value is never read as a placeholder or translated.
    const quoted = { code: 'problem.badLang', values: { langs: 'en, ja', got: '"{got} 日本"' } };
    expect(messages('en').say(quoted)).toBe('"lang" must be one of en, ja, got "{got} 日本"');
    expect(messages('ja').say(quoted)).toBe('「lang」は en, ja のどれかにしてください（値: "{got} 日本"）');
    // A message with plural forms takes the one of its `n`.
    expect(messages('en').say({ code: 'problem.more', values: { n: 1 } })).toBe(
      'and 1 more problem in this file',
    );
    expect(messages('en').say({ code: 'problem.more', values: { n: 2_550 } })).toBe(
      'and 2,550 more problems in this file',
    );
  });

  it('says a reload deadline in seconds from one second up', () => {
    const said = [1, 999, 1_000, 1_499, 300_000].map((ms) => describeReloadTimeout(messages('en'), ms));
    expect(said.map((text) => /longer than (.+?) and/.exec(text)?.[1])).toEqual([
      '1 ms',
      '999 ms',
      '1 s',
      '1 s',
      '300 s',
    ]);
    expect(describeReloadTimeout(messages('ja'), 300_000)).toMatch(
      /^再読み込みが 300 秒 を超えたため中止しました。/,
    );
  });

  it('takes Japanese for the ja locales and English for every other', () => {
    expect(langOfLocale('ja')).toBe('ja');
    expect(langOfLocale('ja-JP')).toBe('ja');
    for (const locale of ['en-US', 'en-GB', 'fr', 'zh-CN', 'jam', '', null, undefined]) {
      expect(langOfLocale(locale), String(locale)).toBe('en');
    }
    expect(isLang('ja')).toBe(true);
    expect(isLang('jp')).toBe(false);
  });
});

describe('refused questions', () => {
  const refusal = (question: string): UserInputError => {
    try {
      cleanQuestion(question);
    } catch (err) {
      if (err instanceof UserInputError) return err;
      throw err;
    }
    throw new Error(`"${question}" was not refused`);
  };

  it('say in English exactly what the error says, and in Japanese the same with the same numbers', () => {
    const errors = [refusal('   '), refusal('?!… ——'), refusal('x'.repeat(600))];
    expect(errors.map((e) => e.reason?.code)).toEqual([
      'questionEmpty',
      'questionNoWords',
      'questionTooLong',
    ]);
    for (const err of errors) expect(describeInputError(messages('en'), err)).toBe(err.message);
    expect(errors.map((e) => describeInputError(messages('ja'), e))).toEqual([
      '質問を入力してください（空です）。',
      '言葉で質問してください（検索できる文字や数字がありません）。',
      '質問は 300 文字までです（この質問は 600 文字）。短くしてください。',
    ]);
    // Without a reason, the message as thrown.
    expect(describeInputError(messages('ja'), new UserInputError('As is.'))).toBe('As is.');
  });
});

describe('refused /quote inputs', () => {
  it('say in English exactly what the error says, and in Japanese the same with the same numbers', async () => {
    const kb = await bundledKnowledgeBase();
    const nobodyQuoted = QuoteIndex.build(corpusOf('Nobody is quoted here.'));
    const refusal = (run: () => unknown): UserInputError => {
      try {
        run();
      } catch (err) {
        if (err instanceof UserInputError) return err;
        throw err;
      }
      throw new Error('not refused');
    };
    const errors = [
      refusal(() => nobodyQuoted.quote('  ')),
      refusal(() => kb.quote('  ')),
      refusal(() => kb.quote('n'.repeat(201))),
      refusal(() => kb.quote('Nelson', 't'.repeat(250))),
    ];
    expect(errors.map((e) => e.reason?.code)).toEqual([
      'speakerEmpty',
      'speakerEmpty',
      'speakerTooLong',
      'topicTooLong',
    ]);
    for (const err of errors) expect(describeInputError(messages('en'), err)).toBe(err.message);
    // The example is someone the corpus quotes.
    const reason = errors[1]?.reason;
    const example = reason?.code === 'speakerEmpty' ? (reason.example ?? '') : '';
    expect(kb.quote(example).quotes.length).toBeGreaterThan(0);
    expect(errors[1]?.message).toContain(`, for example "${example}":`);
    expect(errors.map((e) => describeInputError(messages('ja'), e))).toEqual([
      '発言者を指定してください（名前、姓、肩書きのどれでも使えます）。',
      `発言者を指定してください（例:「${example}」。名前、姓、肩書きのどれでも使えます）。`,
      'この発言者名は 201 文字あります。200 文字未満にしてください。',
      'この話題は 250 文字あります。200 文字未満にしてください。',
    ]);
  });
});
