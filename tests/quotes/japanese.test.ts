import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../src/quotes/index.js';
import { allQuotes, corpusOf, quotesOf } from './helpers.js';

/** An invented Japanese news article quoting people no register lists (the speakers register is empty). */
const TEXT = readFileSync(join(import.meta.dirname, 'fixtures/japanese/hoshizora-array.txt'), 'utf8');
const corpus = corpusOf(TEXT);
const index = QuoteIndex.build(corpus);

/** The words between the 「」 of the sentence of the text holding `words`. */
function quoted(words: string): string {
  const match = new RegExp(`「([^「」]*${words}[^「」]*)」`, 'u').exec(TEXT);
  if (!match?.[1]) throw new Error(`no quote holds ${words}`);
  return match[1];
}

describe('Japanese quotes of people the registers do not list', () => {
  it('takes a name before a title or an honorific as the speaker, and no one else', () => {
    expect(allQuotes(index, corpus)).toEqual([
      { speaker: '桐生真澄', text: quoted('十年越しの夢') },
      { speaker: '桐生真澄', text: quoted('世界中の研究者') },
      { speaker: '桐生真澄', text: quoted('粘り強い努力') },
      { speaker: '早乙女亮', text: quoted('量産の準備') },
      { speaker: '早乙女亮', text: quoted('百台を出荷') },
      { speaker: '早乙女亮', text: quoted('価格はまだ') },
      { speaker: 'マリア・ロッシ', text: quoted('欧州の観測所') },
      { speaker: 'マリア・ロッシ', text: quoted('データ形式の標準化') },
      // Latin letters before Japanese make no English name ("ESOAの北原悠理事長は"), even with “” inside.
      { speaker: '北原悠', text: quoted('架け橋') },
    ]);
  });

  it('gives the title the text writes after the name', () => {
    const speakers = index.speakers('');
    expect(speakers.find((s) => s.name === '桐生真澄')?.title).toBe('教授');
    expect(speakers.find((s) => s.name === '早乙女亮')?.title).toBe('代表取締役社長');
  });

  it('leaves out quotes whose speaker the text does not make clear', () => {
    const all = allQuotes(index, corpus).map((q) => q.text);
    for (const words of [
      // 佐伯氏: two people of the article are called 佐伯.
      '寒さとの戦い',
      // 関係者 (an official) names no one.
      '一年遅れる',
      // 宇宙開発 is a noun of the text (宇宙開発機構), 広報 two kanji before a title, ミナト a katakana word
      // before 社長 (a company's as well as a person's): no name for sure.
      '予算の確保',
      '見学会',
      '部品の供給',
      // No speaker, and a sentence with no quote between it and 早乙女社長's.
      '思ったより軽い',
    ])
      expect(all).not.toContain(quoted(words));
  });

  it('finds the speakers by family name, with a title, or in hiragana for katakana', () => {
    for (const typed of ['桐生', '桐生教授', '桐生真澄', '桐生さん'])
      expect(index.quote(typed).speaker?.name, typed).toBe('桐生真澄');
    for (const typed of ['早乙女', '早乙女社長'])
      expect(index.quote(typed).speaker?.name, typed).toBe('早乙女亮');
    for (const typed of ['ロッシ', 'マリア・ロッシ', 'ろっし', 'ろっしさん', 'まりあろっし'])
      expect(index.quote(typed).speaker?.name, typed).toBe('マリア・ロッシ');
    expect(quotesOf(index, 'ろっし')).toEqual([quoted('欧州の観測所'), quoted('データ形式の標準化')]);
    expect(index.quote('佐伯').speaker).toBeNull();
  });

  it('finds a registered katakana name typed in hiragana', () => {
    const nelson = [
      { name: 'Bill Nelson', title: 'NASA Administrator', aliases: ['ネルソン', 'ネルソン長官'] },
    ];
    const text = 'ネルソン長官は「協力はこれからも続く」と述べた。';
    const registered = QuoteIndex.build(corpusOf(text, nelson));
    for (const typed of ['ねるそん', 'ねるそん長官'])
      expect(quotesOf(registered, typed), typed).toEqual(['協力はこれからも続く']);
  });

  it('answers a Japanese question about what they said', () => {
    const asked = index.forQuestion('桐生教授は公開について何と語った？');
    expect(asked?.kind === 'speaker' && asked.result.speaker?.name).toBe('桐生真澄');
    expect(asked?.kind === 'speaker' && asked.result.quotes[0]?.text).toBe(quoted('世界中の研究者'));
  });
});
