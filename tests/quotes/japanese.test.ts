import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SpeakerEntry } from '../../src/corpus/types.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import { allQuotes, corpusOf, indexOf, quotesOf } from './helpers.js';

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

/** Speaker and words of every quote of an invented one-document corpus (checked against its text). */
function attributed(text: string, register: SpeakerEntry[] = []): { speaker: string; text: string }[] {
  const corpus = corpusOf(text, register);
  return allQuotes(QuoteIndex.build(corpus), corpus);
}

describe('Japanese quotes: the right speaker or none', () => {
  it('takes the subject nearest the quote, not the one reporting it', () => {
    expect(
      attributed('山田太郎氏は佐藤花子氏が東京で「予算は足りない」と語ったことを明らかにした。'),
    ).toEqual([{ speaker: '佐藤花子', text: '予算は足りない' }]);
    // Another person in the place phrase: either may have said it.
    expect(attributed('山田太郎氏は佐藤花子氏と東京で「予算は足りない」と語った。')).toEqual([]);
    expect(
      attributed('山田太郎教授は東雲大学の佐藤花子准教授が学会で「結果は再現できない」と述べたと指摘した。'),
    ).toEqual([{ speaker: '佐藤花子', text: '結果は再現できない' }]);
    // 佐藤花子准教授 with no organisation before it nor an honorific anywhere is no name for sure: left out.
    expect(
      attributed('山田太郎教授は佐藤花子准教授が学会で「結果は再現できない」と述べたと指摘した。'),
    ).toEqual([]);
  });

  it('leaves out a quote whose verb describes someone named after it', () => {
    // 述べた modifies 佐藤花子氏の発言: the quote is 佐藤's, and the sentence's subject 山田 only criticises it.
    const found = attributed('山田太郎氏は「予算は十分だ」と述べた佐藤花子氏の発言を批判した。');
    expect(found.filter((q) => q.speaker === '山田太郎')).toEqual([]);
  });

  it('keeps the quote when the verb goes on with a connective ("と述べた上で")', () => {
    expect(attributed('山田太郎氏は「予算は十分だ」と述べた上で、計画を説明した。')).toEqual([
      { speaker: '山田太郎', text: '予算は十分だ' },
    ]);
  });

  it('takes no organisation before a title for a person', () => {
    for (const text of [
      '東京都知事は「予算を見直す」と述べた。',
      '国連事務総長は「停戦を求める」と述べた。',
      '名古屋市長は「駅を改修する」と語った。',
      'ブルー・オリジン社長は「打ち上げを急ぐ」と語った。',
    ])
      expect(attributed(text), text).toEqual([]);
  });

  it('still takes a full name after its organisation, or written with an honorific elsewhere', () => {
    expect(attributed('東京都の山田花子知事は「予算を見直す」と述べた。')).toEqual([
      { speaker: '山田花子', text: '予算を見直す' },
    ]);
    expect(
      attributed('山田花子知事は「予算を見直す」と述べた。会見には山田花子氏の秘書も同席した。'),
    ).toEqual([{ speaker: '山田花子', text: '予算を見直す' }]);
  });

  it('resolves a family name only when no one else of the document may bear it', () => {
    for (const text of [
      '東雲大学の佐藤花子教授と佐藤一郎医師が参加した。佐藤氏は「観測は順調だ」と話した。',
      '山田花子教授が会見した。夫の山田一郎も同席した。山田氏は「観測は順調だ」と話した。',
      '田中ゆかり氏と田中健一氏が登壇した。田中氏は「観測は順調だ」と話した。',
    ])
      expect(attributed(text), text).toEqual([]);
    expect(attributed('東雲大学の佐藤花子教授が参加した。佐藤氏は「観測は順調だ」と話した。')).toEqual([
      { speaker: '佐藤花子', text: '観測は順調だ' },
    ]);
  });

  it('reads every title of the one list of roles after a name', () => {
    const index = indexOf('政府の山田花子補佐官は「交渉は続く」と述べた。');
    expect(quotesOf(index, '山田花子')).toEqual(['交渉は続く']);
    expect(index.speakers('').find((s) => s.name === '山田花子')?.title).toBe('補佐官');
  });

  it('makes no person of "両氏"', () => {
    expect(attributed('山田、佐藤両氏は「協力を続ける」と述べた。')).toEqual([]);
  });

  it('gives a registered person only quotes of their own full name', () => {
    const register = [{ name: '山田太郎', title: null, aliases: ['山田'] }];
    const text = '研究チームの山田花子氏は「結果に驚いた」と述べた。';
    expect(attributed(text, register)).toEqual([{ speaker: '山田花子', text: '結果に驚いた' }]);
    const index = QuoteIndex.build(corpusOf(text, register));
    expect(index.quote('山田花子').speaker?.name).toBe('山田花子');
    expect(quotesOf(index, '山田太郎')).toEqual([]);
  });

  it('gives a joint statement to neither speaker', () => {
    expect(attributed('山田太郎社長と佐藤花子部長は「共同で開発する」と語った。')).toEqual([]);
  });

  it('reads a name before an abbreviation or an age in parentheses, and no organisation before one', () => {
    expect(
      attributed('南港電機社のマリア・ロッシ最高経営責任者（CEO）は「開発の速さに驚いた」と述べた。'),
    ).toEqual([{ speaker: 'マリア・ロッシ', text: '開発の速さに驚いた' }]);
    expect(attributed('東雲大学の山田花子理事長（62）は「観測は順調だ」と述べた。')).toEqual([
      { speaker: '山田花子', text: '観測は順調だ' },
    ]);
    expect(attributed('東雲電機社（本社・名古屋市）は「増産を急ぐ」と述べた。')).toEqual([]);
    expect(attributed('東京都知事（当時）は「予算を見直す」と述べた。')).toEqual([]);
  });

  it('gives a joint statement to neither speaker when each name has a gloss after it', () => {
    expect(attributed('佐藤一郎氏（左）と山田花子氏（右）は「共同で開発する」と語った。')).toEqual([]);
    expect(
      attributed('東雲大学の佐藤一郎社長（54）と山田花子理事長（62）は「共同で開発する」と語った。'),
    ).toEqual([]);
  });

  it('reads a family name in kanji with a given name in hiragana before さん, and no phrase ending in の', () => {
    const text = '東雲大学大学院の森田ゆかりさんは「今からわくわくする」と話した。';
    expect(attributed(text)).toEqual([{ speaker: '森田ゆかり', text: '今からわくわくする' }]);
    // Found by the family name too, as users type it.
    expect(quotesOf(indexOf(text), '森田さん')).toEqual(['今からわくわくする']);
    for (const text of [
      '学生のみなさんは「楽しみだ」と話した。',
      '地元の関係者のみなさんは「楽しみだ」と話した。',
      '東雲大学のみなさんは「楽しみだ」と話した。',
      // No particle before みなさん, たくさん or お…さん, and still no given name: words ending in さん.
      '参加者みなさんは「楽しみだ」と話した。',
      '地元住民たくさんが「楽しみだ」と話した。',
      '町内会おかあさんは「楽しみだ」と話した。',
    ])
      expect(attributed(text), text).toEqual([]);
  });

  it('reads a given name in hiragana that begins as a particle does (はるか, かおり, ともこ, よしこ, りえ)', () => {
    for (const name of ['山田はるか', '佐藤かおり', '田中ともこ', '鈴木よしこ', '高橋りえ']) {
      const text = `東雲大学の${name}さんは「観測は順調だ」と話した。`;
      expect(attributed(text), text).toEqual([{ speaker: name, text: '観測は順調だ' }]);
      // After the quote too, and typed as users do, with a space before さん.
      expect(attributed(`「観測は順調だ」と${name}さんは話した。`)).toEqual([
        { speaker: name, text: '観測は順調だ' },
      ]);
      expect(quotesOf(indexOf(text), `${name} さん`)).toEqual(['観測は順調だ']);
    }
    // A particle, then a word that names no one: no name.
    for (const text of [
      '学生はみなさんと「楽しみだ」と話した。',
      '家族とおかあさんは「楽しみだ」と話した。',
      '今回はこちら様が「楽しみだ」と話した。',
      '山田はかおりさんに「楽しみだ」と話した。',
    ])
      expect(attributed(text), text).toEqual([]);
  });

  it('takes no word and particle before a given name in hiragana for a family name (今回は, 社長と)', () => {
    for (const text of [
      '今回はゆかりさんが「楽しみです」と話した。',
      '港で社長とあやかさんが「楽しみだ」と話した。',
      '「観測は順調だ」と今回はゆかりさんが話した。',
    ])
      expect(attributed(text), text).toEqual([]);
    expect(attributed('JAXAの田中ともこさんは「順調だ」と語った。')).toEqual([
      { speaker: '田中ともこ', text: '順調だ' },
    ]);
  });

  it('reads an addressee between と and the verb', () => {
    expect(
      attributed('東雲大学の山田花子教授が会見した。山田氏は「観測は順調だ」と記者団に語った。'),
    ).toEqual([{ speaker: '山田花子', text: '観測は順調だ' }]);
  });
});
