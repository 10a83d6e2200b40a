import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isJapaneseCountWord,
  isJapanesePhrasing,
  isJapaneseQuantityOf,
  isJapaneseTitle,
  japaneseAnswerSpans,
  japaneseAnswerType,
  japaneseHonoredNames,
  japaneseMeasureAsked,
  japaneseOrganizations,
  japanesePlainNoun,
} from '../../src/answer/japanese.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { JapaneseDictionary } from '../../src/text/japanese.js';
import { tokenize } from '../../src/text/text.js';
import { bundledText } from '../support/bundled.js';
import { bundledKnowledgeBase } from '../support/kb.js';
import { tempCorpus } from '../support/tempCorpus.js';

describe('Japanese question forms', () => {
  it('give the answer type, as English question words do', () => {
    const cases: [string, string | null][] = [
      ['協定っていつ署名されたの？', 'date'],
      ['前回の合意は何年？', 'date'],
      ['署名式わどこで行われたんですか？', 'place'],
      ['このイベントを主催したのは誰でしょうか？', 'person'],
      ['NASA副長官 だれ', 'name'],
      ['JAXA 理事長 名前', 'name'],
      // Any title a Japanese text writes after a name (the one list of roles.ts).
      ['青葉大学 教授 名前', 'name'],
      ['研究部長は誰？', 'name'],
      ['宇宙飛行士は何人参加したの？', 'quantity'],
      ['この協定の予算っていくら？', 'money'],
      ['協定の有効期限は何年間でしょうか？', 'duration'],
      ['署名式は何時から始まったの？', 'time'],
      ['星出さんは何回宇宙へ行ったの？', 'quantity'],
      ['何度宇宙に行きましたか', 'quantity'],
      ['ゲートウェイには何機のロケットが必要？', 'quantity'],
      // 数 alone is "the number of" in a keyword query; not in 数字, 数か月 (however spelt) or 数える.
      ['受信アレイ 数', 'quantity'],
      ['この数字の意味は？', null],
      ['工事は数ヶ月かかる？', null],
      ['ろ過設備の工事は数カ月？', null],
      ['数える人は誰？', 'person'],
      // Which one, not how many ("the first"); and 何度も is "again and again".
      ['就任後何回目の訪問ですか？', null],
      ['何度も協力したのですか？', null],
      ['星出さんはどこの所属？', null],
      // How long it took (何日…かかった, 何分で), until when (a date), and a measure's noun or unit (a quantity),
      // unless another question word asks something else of the measure (何で測る: by what means).
      ['観測は何日くらいかかったの？', 'duration'],
      ['作業は何分で終わった？', 'duration'],
      ['どれくらいの期間運用されたの？', 'duration'],
      // How many years it lasts (何年くらい使える), a lifespan (寿命).
      ['何年くらい使える設計なの？', 'duration'],
      ['衛星の寿命は？', 'duration'],
      // 寿命 asks a length only when no other question word asks when, where, who or why.
      ['衛星が寿命を迎えたのはいつ？', 'date'],
      ['寿命が尽きた衛星はどこに落ちた？', 'place'],
      ['就任したのは何年ですか', 'date'],
      ['衛星はいつまで動いてたの？', 'date'],
      // A keyword query's day of something (署名日) is a date; how often (何日おき) asks an interval.
      ['日葡の協力取り決め 署名日', 'date'],
      ['ジャカルタ事務所の開設日は？', 'date'],
      ['同じ場所の上を何日おきに通りますか', 'duration'],
      ['施設の標高は何メートル？', 'quantity'],
      ['衛星の重さを教えて', 'quantity'],
      ['距離は何で測っている？', null],
      // 部長 is a title like 理事長: the name of whoever holds it.
      ['部長さんの名前は？', 'name'],
      ['この協定はどんな分野をカバーしていますか？', null],
      // どこ of an organization asks which one, as "who" does; どこで, どこから and どこの国 ask where.
      ['計画に参加している大学はどこ？', 'person'],
      ['どこが開発したの？', 'person'],
      ['どこと協力してるんですか', 'person'],
      ['どこの会社が作ったの？', 'person'],
      ['どこの国が参加した？', 'place'],
      ['探査機はどこから打ち上げられたの？', 'place'],
      // どれくらい of anything but a time asks an amount, of paying a sum; not a scope ("どのくらいの範囲").
      ['宇宙ごみってどれくらい飛んでるの？', 'quantity'],
      ['A社は何をどれくらい負担するの？', 'money'],
      ['この協定はどのくらいの範囲の活動をカバーしてるの？', null],
      ['帆を広げたらどのくらいで落ちるの？', 'duration'],
      ['組み立てに何時間かかる見込み？', 'duration'],
      // どこまで of a degree (小さくできる) asks how far a measure goes, a number; どこまで of going asks where.
      ['水温の誤差はどこまで小さくできる見込み？', 'quantity'],
      ['観測範囲はどこまで広くなるの？', 'quantity'],
      ['探査機はどこまで行くの？', 'place'],
      // 長 after a kanji makes the head of anything a role (組合|長), not in 全長 (length).
      ['駿河湾南部漁協の組合長の名前は？', 'name'],
      ['全長の名前は？', null],
      // 時期 asks when, as いつ does.
      ['ジャカルタ事務所の開設時期', 'date'],
      ['when was it signed?', null],
    ];
    for (const [question, type] of cases) expect(japaneseAnswerType(question), question).toBe(type);
  });

  it('find durations as Japanese text writes them, and no dates among them', () => {
    const spans = (text: string) =>
      japaneseAnswerSpans('duration', text).map((s) => text.slice(s.start, s.end));
    expect(spans('建設は約二年半をかけて完成した。')).toEqual(['約二年半']);
    expect(spans('試験観測は五か月間にわたって行われ、3ヶ月で終えた。')).toEqual(['五か月間', '3ヶ月']);
    expect(spans('観測は約3年続く。')).toEqual(['約3年']);
    expect(spans('2023年3月に始まった。')).toEqual([]);
    // Years counted with one or two digits, not a date's four, nor "ago", "the third year", "every two years".
    expect(spans('設計寿命は7年とされている。')).toEqual(['7年']);
    expect(spans('2年前に始まり、3年目に入った。点検は2年に一度だ。')).toEqual([]);
    // Years that something lasts (にわたって) or more (以上), not a year after which (以降) or a season of a year.
    expect(spans('調査は7年にわたって続いた。')).toEqual(['7年']);
    expect(spans('装置は10年以上使える。')).toEqual(['10年']);
    expect(spans('3年以降に延びた。25年の春に始まる。')).toEqual([]);
    // Minutes counted, not a clock time's.
    expect(spans('作業は二十六分で終わり、午前4時12分に報告した。')).toEqual(['二十六分']);
    // Hours counted (時間 is "hours"), and days as long as something takes, not a date's day.
    expect(spans('組み立てには1基あたりおよそ7時間かかる。')).toEqual(['7時間']);
    expect(spans('展開後およそ六十日以内に落ちる。5月12日に始まり、10日に終えた。')).toEqual(['六十日']);
    // Days between two times: how often.
    expect(spans('同じ地点の上空を、およそ3日ごとに通過します。')).toEqual(['3日']);
  });

  it('find places, meetings and countries where a Japanese text names them, and organizations for who', () => {
    const text = (type: string, s: string) =>
      japaneseAnswerSpans(type, s).map((span) => s.slice(span.start, span.end));
    expect(text('place', '成果は2028年に開かれる学会の年次総会で報告する。')).toEqual(['年次総会']);
    expect(text('place', '費用の半分はドイツとカナダの協力機関が負担する。')).toEqual(['ドイツ', 'カナダ']);
    // A country's name inside a longer word is none: 日本時間 is a time, 日本海 a sea.
    expect(text('place', '午前4時（日本時間）に日本海側で観測した。')).toEqual([]);
    const organizations = (s: string) =>
      japaneseOrganizations(s).map((span) => s.slice(span.start, span.end));
    expect(organizations('観測は北辰工科大学と南港電機株式会社が担う。')).toEqual([
      '北辰工科大学',
      '南港電機株式会社',
    ]);
    expect(organizations('社会の役に立つ。')).toEqual([]);
  });

  it("find people's names by the honorific after them, not 同氏", () => {
    const names = (s: string) => japaneseHonoredNames(s).map((span) => s.slice(span.start, span.end));
    expect(names('同組合の組合長、望月誠氏は「魚を追う時代になる」と期待を寄せる。')).toEqual(['望月誠']);
    expect(names('ヴェーバー氏は「試作機は地上試験を終えています」と語った。同氏によると…')).toEqual([
      'ヴェーバー',
    ]);
  });

  it("find no name in a role or a job さん follows, nor in a form's 氏名", () => {
    const names = (s: string) => japaneseHonoredNames(s).map((span) => s.slice(span.start, span.end));
    expect(names('組合長さんは「魚を追う時代になる」と期待を寄せる。')).toEqual([]);
    expect(names('当日は担当者さんと運転手さんが港で待っていた。')).toEqual([]);
    expect(names('参加者氏名を記入し、組合長の望月誠氏に提出する。')).toEqual(['望月誠']);
  });

  it('find nothing in a dateline: it says when and where the news was released', () => {
    const text = (type: string, s: string) =>
      japaneseAnswerSpans(type, s).map((span) => s.slice(span.start, span.end));
    const lead = '【2027年5月1日 札幌市】北辰工業は1日、2019年に設立した研究所の拡張を発表した。';
    expect(text('date', lead)).toEqual(['2019年']);
    expect(text('place', lead)).toEqual([]);
  });

  it('find sums in kanji numerals and counts with their counters', () => {
    const text = (type: string, s: string) =>
      japaneseAnswerSpans(type, s).map((span) => s.slice(span.start, span.end));
    expect(text('money', '総額は四十二億円だった。')).toEqual(['四十二億円']);
    expect(text('quantity', '3校が参加し、2カ所の局で運用する。')).toEqual(['3校', '2カ所']);
    expect(text('quantity', '面積4平方メートルの帆と、厚さ12マイクロメートルの膜。')).toEqual([
      '4平方メートル',
      '12マイクロメートル',
    ]);
    // A sum is an amount too: "how much" of what someone pays.
    expect(text('quantity', '同社は約150万ドル相当の機材を提供する。')).toEqual(['150万ドル']);
  });

  it('find no sum in 一円 after a word in kanji: 関東一円 is all over the region, not one yen', () => {
    const text = (type: string, s: string) =>
      japaneseAnswerSpans(type, s).map((span) => s.slice(span.start, span.end));
    for (const type of ['money', 'quantity']) {
      expect(text(type, '関東一円で販売する。'), type).toEqual([]);
      expect(text(type, '県内一円に配る。'), type).toEqual([]);
      expect(text(type, '価格は一円だった。'), type).toEqual(['一円']);
      expect(text(type, '運賃は三十一円だった。'), type).toEqual(['三十一円']);
    }
  });

  // Each run is one the patterns read again from every character when they had no bound: 20,000 of them took
  // seconds each, past the test's timeout all together. Every character of it may be part of a name or number, and the word that
  // would end one comes last or not at all.
  it('read a name or number at the end of a very long run of its characters, and none in a run without one', () => {
    const text = (type: string, s: string) =>
      japaneseAnswerSpans(type, s).map((span) => s.slice(span.start, span.end));
    const organizations = (s: string) =>
      japaneseOrganizations(s).map((span) => s.slice(span.start, span.end));
    const kanji = '漢'.repeat(20_000);
    const katakana = 'カ・'.repeat(10_000); // a document may hold this: ・ ends a word, not a line
    const numerals = '一'.repeat(20_000);
    for (const run of [kanji, katakana, `${kanji}${katakana}`]) {
      expect(organizations(`あ${run}`)).toEqual([]);
      expect(text('place', `あ${run}`)).toEqual([]);
      const [organization, ...others] = organizations(`あ${run}大学の`);
      expect(others).toEqual([]);
      expect(organization?.endsWith(`${run.slice(-8)}大学`)).toBe(true);
      const [place] = text('place', `あ${run}市`);
      expect(place?.endsWith(`${run.slice(-8)}市`)).toBe(true);
    }
    expect(text('place', `あ${katakana}で`)).toHaveLength(1);
    for (const run of [numerals, '1'.repeat(20_000), '１,'.repeat(10_000)]) {
      expect(text('money', `あ${run}あ`)).toEqual([]);
      expect(text('quantity', `あ${run}あ`)).toEqual([]);
      expect(text('duration', `あ${run}あ`)).toEqual([]);
    }
    expect(text('money', `あ${numerals}円`)).toHaveLength(1);
  });

  it('find counts and measures in their units, and relative years as dates', () => {
    const text = (type: string, s: string) =>
      japaneseAnswerSpans(type, s).map((span) => s.slice(span.start, span.end));
    const hotaru = readFileSync(
      resolve(import.meta.dirname, '../eval/uploaded/documents/hotaru-adr-capture-ja.md'),
      'utf8',
    );
    const sentenceWith = (text: string, words: string) =>
      text.split(/(?<=。)/).find((sentence) => sentence.includes(words)) ?? '';
    expect(text('quantity', sentenceWith(hotaru, '十五メートルの距離'))).toContain('十五メートル');
    expect(text('quantity', sentenceWith(hotaru, '高度約六百キロメートル'))).toEqual(
      expect.arrayContaining(['六百キロメートル', '600km']),
    );
    expect(text('quantity', '延べ2万3千件を超えるデータ')).toEqual(['2万3千件']);
    expect(text('quantity', '最大で毎秒20メガビットのデータを送る')).toEqual(['20メガビット']);
    // A share as a fraction: how much something shrinks.
    const aoshio = readFileSync(
      resolve(import.meta.dirname, '../eval/heldout-documents/aoshio-space-umikaze-interview.md'),
      'utf8',
    );
    expect(text('quantity', sentenceWith(aoshio, '通信量は'))).toEqual(['20分の1']);
    expect(text('quantity', sentenceWith(aoshio, '水温の誤差'))).toEqual(['0.3度']);
    // Bays, offshore waters, peninsulas and launch sites are places.
    expect(text('place', sentenceWith(aoshio, '射場から'))).toEqual(
      expect.arrayContaining(['マヒア半島', '射場']),
    );
    expect(text('place', sentenceWith(aoshio, '三陸沖'))).toEqual(
      expect.arrayContaining(['駿河湾', '三陸沖']),
    );
    expect(text('date', sentenceWith(hotaru, '翌年ミナセ'))).toEqual(['2022年', '翌年']);
    // A date told by its distance from another is a date; a half (前半) is not.
    expect(text('date', '打ち上げからおよそ6か月後をめどに公開する')).toEqual(['6か月後']);
    expect(text('date', '完成の三年前に着手した')).toEqual(['三年前']);
    expect(text('date', '十二か月間のうち前半に点検する')).toEqual([]);
  });

  it('tell phrasing (inflected verbs, "名前") from topic words (kanji and katakana nouns)', () => {
    for (const [raw, phrasing] of [
      ['認め', true],
      ['行ける', true],
      ['名前', true],
      ['会場', true],
      ['回数', true],
      ['さん', true],
      ['予算', false],
      // "Use" is phrasing in English ("use" is a stop word), and so in Japanese: 利用, 使用, 使う.
      ['使う', true],
      ['使っ', true],
      // "Now" asks of the time the document tells, no topic: "今ってどれくらい飛んでるの？", "現在の長官".
      ['今', true],
      ['現在', true],
      ['モジュール', false],
      ['NASA', false],
    ] as const) {
      const word = tokenize(raw)[0]?.word ?? '';
      expect(isJapanesePhrasing(raw, word, { before: '', after: '' }), raw).toBe(phrasing);
    }
    // The kind of place asked (どこの射場, 射場はどこ) the corpus never writes is phrasing, as 場所 is; an
    // organization's kind (メーカーはどこ) is not, nor a word the corpus writes.
    expect(isJapanesePhrasing('射場', '射場', { before: 'どこの', after: 'から' })).toBe(true);
    expect(isJapanesePhrasing('射場', '射場', { before: '', after: 'はどこ' })).toBe(true);
    expect(isJapanesePhrasing('射場', '射場', { before: 'どこの', after: '' }, () => true)).toBe(false);
    const maker = tokenize('メーカー')[0]?.word ?? '';
    expect(isJapanesePhrasing('メーカー', maker, { before: '', after: 'はどこですか' })).toBe(false);
    // "What does ADR stand for": 略 asks, as "stand for" does; the text gives the name beside the abbreviation.
    expect(isJapanesePhrasing('略', '略', { before: 'ADRってなんの', after: 'ですか' })).toBe(true);
    // "The whole project's budget": 全体 says how much of it, as "total" does.
    expect(isJapanesePhrasing('全体', '全体', { before: 'プロジェクト', after: 'の予算' })).toBe(true);
    // "How long does it take", "does it cost": かかる asks, even where the corpus writes it ("約5年かかる").
    for (const raw of ['かかる', 'かかっ', 'かかり'])
      expect(
        isJapanesePhrasing(raw, raw, { before: '', after: '' }, () => true),
        raw,
      ).toBe(true);
  });

  it('read a word by what stands around it: a verb before its ending, a noun before a particle', () => {
    const phrasing = (question: string, word: string) => {
      const at = question.indexOf(word);
      const around = { before: question.slice(0, at), after: question.slice(at + word.length) };
      return isJapanesePhrasing(word, tokenize(word)[0]?.word ?? '', around);
    };
    // A verb's stem the segmenter cut from its ending (言|った, 出|した), a verb written with hiragana.
    expect(phrasing('長官は何と言った？', '言')).toBe(true);
    expect(phrasing('県はいくら出したの？', '出')).toBe(true);
    expect(phrasing('この協定は何を認めるものなの？', '認める')).toBe(true);
    // A lone kanji ending the kanji word before it: a suffix (安全|面).
    expect(phrasing('安全面も対象？', '面')).toBe(true);
    // A noun: a lone kanji before a particle, another word or the end; hiragana before a noun's particle.
    expect(phrasing('県はいくら出したの？', '県')).toBe(false);
    expect(phrasing('雪対策は？', '雪')).toBe(false);
    expect(phrasing('どこの国？', '国')).toBe(false);
    expect(phrasing('打ち上げっていつ？', '打ち上げ')).toBe(false);
    expect(phrasing('どんなあいさつをしたの？', 'あいさつ')).toBe(false);
  });

  it('read a role right after a name as its title', () => {
    expect(isJapaneseTitle('社長', { before: '汐見', after: 'のお父さん' })).toBe(true);
    expect(isJapaneseTitle('社長', { before: 'ミナセの', after: 'は誰' })).toBe(false);
    expect(isJapaneseTitle('予算', { before: '汐見', after: 'は' })).toBe(false);
  });

  it('read a politely worded noun (お父さん, お金, ご意見) as the noun a text writes', () => {
    expect(japanesePlainNoun('お父さん')).toBe('父');
    expect(japanesePlainNoun('お金')).toBe('金');
    expect(japanesePlainNoun('ご意見')).toBe('意見');
    expect(japanesePlainNoun('おもしろい')).toBeNull();
    expect(japanesePlainNoun('父')).toBeNull();
  });

  it('read a lone kanji after a number as its counter, unless it is what the question counts', () => {
    const counter = (question: string, kanji: string) => {
      const at = question.lastIndexOf(kanji);
      return isJapaneseCountWord(kanji, { before: question.slice(0, at), after: question.slice(at + 1) });
    };
    expect(counter('署名は何日？', '日')).toBe(true);
    expect(counter('1日に何個？', '日')).toBe(true);
    expect(counter('観測は何か月？', '月')).toBe(true);
    expect(counter('月の探査は？', '月')).toBe(false);
    expect(counter('理事長は何歳？', '歳')).toBe(false);
  });
});

describe('the registers as a Japanese dictionary', () => {
  const dictionary = new JapaneseDictionary(['ブリンケン', '宇宙飛行士', '署名']);

  it('keeps its words whole where the segmenter would cut them', () => {
    const text = '宇宙飛行士のブリンケン国務長官';
    expect(tokenize(text).map((t) => t.word)).toEqual(['宇宙', '飛行士', 'の', 'ぶりんけん', '国務', '長官']);
    const tokens = tokenize(text, dictionary);
    expect(tokens.map((t) => t.word)).toEqual(['宇宙飛行士', 'の', 'ぶりんけん', '国務', '長官']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      '宇宙飛行士',
      'の',
      'ブリンケン',
      '国務',
      '長官',
    ]);
  });

  it('finds no word inside a katakana word: the name アン is not in アンテナ', () => {
    const names = new JapaneseDictionary(['アン', 'ブリ']);
    const words = (text: string) => tokenize(text, names).map((t) => text.slice(t.start, t.end));
    expect(words('アンテナとブリンケン')).toEqual(['アンテナ', 'と', 'ブリンケン']);
    expect(words('アン・マクレーンさん')).toEqual(['アン', 'マクレーン', 'さん']);
  });

  it('reads a long word with one wrong character (an IME typo) as the word, not a short one', () => {
    expect(tokenize('宇宙非行士の星出', dictionary).map((t) => t.word)[0]).toBe('宇宙飛行士');
    expect(tokenize('宇宙飛行しの星出', dictionary).map((t) => t.word)[0]).toBe('宇宙飛行士');
    // Two characters are too few to correct: "書名" (a book's title) stays itself.
    expect(tokenize('書名', dictionary).map((t) => t.word)).toEqual(['書名']);
  });
});

describe('Japanese questions over the English corpus', () => {
  const text = bundledText();

  it('are answered by the same step as English ones, with exact citations', async () => {
    const kb = await bundledKnowledgeBase();
    const asked: [string, string][] = [
      ['協定っていつ署名されたの？', 'Friday, January 13th'],
      ['署名式わどこで行われたんですか？', 'Headquarters in Washington'],
      ['JAXA 理事長 名前', 'Yamakawa Hiroshi'],
      ['Artemis Accordsに日本は入ってる？', 'original signatories of the Artemis Accords'],
      ['アン・マクレーン宇宙非行士はイベントで何してたの？', 'also participated in the event'],
      ['協定が結ばれた場所は？', 'Headquarters in Washington'],
      // 会場 (venue) says what kind of answer is wanted, as 場所 does: no topic the release lacks.
      ['署名式の会場は？', 'Headquarters in Washington'],
      ['ＮＡＳＡ本部でいつイベントがあった？', 'January 13th'],
    ];
    for (const [question, fact] of asked) {
      const answer = kb.ask(question).answer;
      expect(answer, question).not.toBeNull();
      expect(text.slice(answer?.citation.start, answer?.citation.end)).toBe(answer?.text);
      expect(answer?.text, question).toContain(fact);
    }
  });

  it('asking what someone said finds their quotes by a Japanese name', async () => {
    const kb = await bundledKnowledgeBase();
    const answer = kb.ask('ブリンケン国務長官は何と言ったの？').answer;
    expect(answer?.text).toContain('The future of space is collaborative');
    expect(text.slice(answer?.citation.start, answer?.citation.end)).toBe(answer?.text);
    // "Who said …": the quote holding the question's ideas, in the corpus's words.
    const who = kb.ask('日米の宇宙協力を推進すると言ったのは誰？').answer;
    expect(who?.text).toContain('said Kishida');
    expect(text.slice(who?.citation.start, who?.citation.end)).toBe(who?.text);
    // Registered, but never quoted: nothing to cite.
    expect(kb.ask('山川理事長は式典で何と言った？').answer).toBeNull();
  });

  it('abstain when the kind of thing asked for is not in the sentence naming what they ask about', async () => {
    const kb = await bundledKnowledgeBase();
    const sentences = text.split(/(?<=\.)\s+/);
    const naming = (words: string) => sentences.filter((s) => s.includes(words));
    // The release names Hoshide, but never counts his flights; it names Yamakawa, but never dates his taking office.
    expect(naming('Hoshide')).not.toHaveLength(0);
    for (const sentence of naming('Hoshide')) expect(sentence).not.toMatch(/\d|\b(?:once|twice|times)\b/);
    expect(naming('Yamakawa')).not.toHaveLength(0);
    for (const sentence of naming('Yamakawa')) expect(sentence).not.toMatch(/\d|January|Friday/);
    for (const question of [
      '星出さんはこれまでに何回宇宙へ行ったことがありますか？',
      '山川理事長がJAXAのトップになったのはいつ？',
    ])
      expect(kb.ask(question).answer, question).toBeNull();
    // Asked which visit it is, the release says: the first since taking office.
    const first = kb.ask('今回のワシントン訪問は岸田総理にとって就任後何回目の訪問ですか？').answer;
    expect(first?.text).toContain('his first since his taking office');
  });

  it('abstain when the corpus does not say', async () => {
    const kb = await bundledKnowledgeBase();
    for (const question of [
      'この協定の予算っていくら？',
      '協定の有効期限は何年間でしょうか？',
      '岸田首相は何歳？',
    ])
      expect(kb.ask(question).answer, question).toBeNull();
  });
});

/** A Japanese document a moderator might add, written for these tests: buoys named in hiragana. */
const BUOYS = `---
id: buoys-ja
title: 海洋観測ブイの設置について
kind: press-release
lang: ja
---
# 海洋観測ブイの設置について

観測ブイ「かもめ」は2025年4月3日、沖合の海域に設置された。

観測ブイ「あおば」は2025年6月20日、湾の入口に設置された。

ブイは2024年に工場で組み立てられ、地上試験を経て出荷された。

観測ブイ「うみねこ」は2025年9月1日、岬の沖に設置された。

ブイの展示会は2026年5月に開く予定だ。「かもめ」の引き上げは2026年秋を予定している。

観測データは毎秒2キロバイトで陸上局に送られ、翌日に公開される。

計画の総事業費は約3億円で、その半分を県が負担した。

陸上局のアンテナは毎晩点検される。陸上局には直径3メートルのアンテナが置かれている。
`;

/** Asks a question over a corpus of one document (`file`, its text `doc`): the answer, checked against its citation. */
const askerOver = (file: string, doc: string) => async (question: string) => {
  const corpus = await loadCorpusStrict(tempCorpus({ [file]: doc }));
  const text = corpus.documents[0]?.text ?? '';
  const answer = buildKnowledgeBase(corpus).ask(question).answer;
  if (answer) expect(text.slice(answer.citation.start, answer.citation.end), question).toBe(answer.text);
  return answer?.text;
};

describe('Japanese questions over a Japanese document', () => {
  const asked = askerOver('buoys-ja.md', BUOYS);

  it('read a name written in hiragana the document uses as the topic, not as a verb before its ending', async () => {
    expect(await asked('あおばの設置はいつ？')).toContain('2025年6月20日');
    expect(await asked('かもめの設置はいつ？')).toContain('2025年4月3日');
  });

  it('read a verb the document uses as the topic (組み立て|られた)', async () => {
    expect(await asked('いつ組み立てられたの？')).toContain('2024年');
  });

  it('read a name in hiragana the segmenter cuts (う|み|ねこ) whole, as the document writes it in 「」', async () => {
    expect(await asked('うみねこの設置はいつ？')).toContain('2025年9月1日');
    expect(await asked('うみねこっていつ設置されたの？')).toContain('2025年9月1日');
  });

  it('read a speed asked as 速度 in a sentence that gives it by its unit of time (毎秒)', async () => {
    expect(await asked('データの送信速度はどのくらい？')).toContain('毎秒2キロバイト');
  });

  it('read a sum asked in general words (予算, 総額) in the cost the document names (総事業費)', async () => {
    expect(await asked('計画の予算っていくら？')).toContain('約3億円');
    expect(await asked('予算 総額')).toContain('約3億円');
  });

  it('read a size asked as 大きさ in the measure the document gives it by (直径)', async () => {
    expect(await asked('陸上局のアンテナの大きさは？')).toContain('直径3メートル');
  });

  it('read a verb the document writes as its noun (引き上げる: 引き上げ) as the topic', async () => {
    expect(await asked('いつ引き上げる予定？')).toContain('2026年秋');
  });
});

/**
 * A Japanese press release written for these tests: a dateline and a long first sentence naming everyone, then
 * the facts one by one.
 */
const NAGISA = `---
id: nagisa-ja
title: 沿岸観測衛星「なぎさ」の共同開発について
kind: press-release
lang: ja
---
# 沿岸観測衛星「なぎさ」の共同開発について

【2027年5月1日 札幌市】北方の2大学でつくる「北辰衛星大学連合」と、米オレゴン州に本社を置く南港電機社は1日、沿岸の海流を観測する小型衛星「なぎさ」を共同開発すると発表した。

連合には北辰工科大学と石狩海洋大学が参加しており、2019年に設立された。これまでに小型衛星1機を運用した。

衛星の組み立てには1基あたりおよそ7時間かかる見込み。

観測の成果は、2028年に開かれる国際学会の年次総会で報告する方針だ。

衛星は2028年春、国産の大型ロケットで打ち上げられる。

南港電機社の佐伯亮社長は「海の変化を宇宙から見守りたい」と述べた。
`;

describe('Japanese questions over a Japanese press release with a dateline', () => {
  const asked = askerOver('nagisa-ja.md', NAGISA);

  it('answer when and where from the sentence that tells it, not from the dateline of the first', async () => {
    expect(await asked('大学連合ができたのは何年？')).toContain('2019年に設立された');
    expect(await asked('観測の成果はどこで報告するんですか')).toContain('年次総会で報告する');
  });

  it('answer which organizations from the sentence that names them', async () => {
    expect(await asked('連合に参加している大学はどこですか？')).toContain('北辰工科大学と石狩海洋大学');
  });

  it('abstain when the sentence names no such thing, or none of what the question is about', async () => {
    expect(await asked('なぎさを打ち上げるロケットの名前は？')).toBeUndefined();
    expect(await asked('佐伯社長は組み立ての工程について何て言ってた？')).toBeUndefined();
    expect(await asked('佐伯社長は海の変化について何て言ってた？')).toContain('見守りたい');
  });

  it('answer how many hours from the sentence that counts them', async () => {
    expect(await asked('衛星一基の組み立てに何時間かかるの？')).toContain('7時間');
  });
});

describe('Japanese questions over the seen Japanese documents, each alone', () => {
  const documentText = (folder: string, id: string) =>
    readFileSync(resolve(import.meta.dirname, `../eval/${folder}/${id}.md`), 'utf8');
  const interview = askerOver(
    'aoshio.md',
    documentText('heldout-documents', 'aoshio-space-umikaze-interview'),
  );
  const relay = askerOver('kasasagi.md', documentText('heldout-documents', 'kasasagi-lunar-relay-ja'));
  const cubesat = askerOver('tsumugi.md', documentText('heldout-documents', 'kosmic-tsumugi-cubesat-2026'));
  const faq = askerOver('marea.md', documentText('heldout-documents', 'aoshio-marea-ocean-satellite-faq-ja'));

  it("read a trouble found as why, and someone's quoted words as why they said something", async () => {
    expect(await interview('打ち上げが一年遅れた理由は何ですか')).toContain('不具合が見つかり');
    expect(await relay('理事長はなぜ国際協力が大事だと言ってた?')).toContain('国際協力こそ');
  });

  it('answer when with a date told by its distance from another (打ち上げから6か月後)', async () => {
    expect(await faq('データっていつごろから公開されますか')).toContain('6か月後');
  });

  it('read a word written with other okurigana (組立) as the word the document writes (組み立て)', async () => {
    expect(await faq('衛星の組立 どこでやってますか')).toContain('常磐台事業所');
  });

  it('read the kind of place asked (どこの射場) as asking where, when the document names the place otherwise', async () => {
    expect(await relay('どこの射場から打ち上げられますか')).toContain('種子島宇宙センター');
  });

  it('read a polite non-past (観測します) as what is still to come, as 予定 asks', async () => {
    expect(await interview('衛星はどの軌道を回る予定ですか？高度も知りたいです')).toContain(
      '高度550キロの太陽同期軌道',
    );
  });

  it('answer the day of something asked as a keyword (署名日) with the date', async () => {
    expect(await faq('日葡の協力取り決め 署名日')).toContain('2023年11月20日');
  });

  it('answer a weight asked (重さ) with a mass, not with a count in another unit (3校, 2機)', async () => {
    expect(await cubesat('この衛星の重さを教えてください')).toContain('9.8キログラム');
    expect(japaneseMeasureAsked('この衛星の重さを教えてください')).toBe('mass unit');
    expect(japaneseMeasureAsked('高度は何キロ？')).toBe('linear unit');
    expect(japaneseMeasureAsked('参加する大学はいくつ？')).toBeNull();
    expect(isJapaneseQuantityOf('9.8キログラム', 'mass unit')).toBe(true);
    expect(isJapaneseQuantityOf('3校', 'mass unit')).toBe(false);
    expect(isJapaneseQuantityOf('12平方メートル', 'linear unit')).toBe(false);
  });

  it('answer how much less with a fraction', async () => {
    expect(await interview('衛星上のAI処理でデータ通信量はどのくらい減るのでしょうか')).toContain('20分の1');
  });
});

describe('Japanese questions over the five seen Japanese documents together', () => {
  const files = [
    ['heldout-documents', 'aoshio-space-umikaze-interview'],
    ['heldout-documents', 'kasasagi-lunar-relay-ja'],
    ['heldout-documents', 'kosmic-tsumugi-cubesat-2026'],
    ['uploaded/documents', 'hotaru-adr-capture-ja'],
    ['uploaded/documents', 'mikaboshi-debris-radar'],
  ];
  // Built in the test that asks: temporary corpus folders last one test.
  const asked = async (question: string) => {
    const corpus = await loadCorpusStrict(
      tempCorpus(
        Object.fromEntries([
          ...files.map(([folder, id]) => [
            `${id}.md`,
            readFileSync(resolve(import.meta.dirname, `../eval/${folder}/${id}.md`), 'utf8'),
          ]),
          // The bundled Japanese register: users' words for roles (トップ) among them.
          ['japanese.yaml', readFileSync(resolve(import.meta.dirname, '../../corpus/japanese.yaml'), 'utf8')],
        ]),
      ),
    );
    return buildKnowledgeBase(corpus).ask(question).answer?.text;
  };

  it("answer with the document's verb where the question says another (出てる: 賄い, 作られる: 新設される)", async () => {
    expect(await asked('財団の助成金はいくら出てるの？')).toContain('1億6000万円');
    expect(await asked('オーストラリアの受信局はどのあたりに作られる？')).toContain('ジェラルトン近郊');
  });

  it('answer who holds a role asked by another word (トップ: 理事長) or made with 長 (組合長), by the name beside it', async () => {
    expect(await asked('MSDAのトップは誰？')).toContain('真田千景');
    expect(await asked('駿河湾南部漁協の組合長の名前は？')).toContain('望月誠');
  });

  it('answer what an abbreviation stands for (何の略) with the sentence spelling it out', async () => {
    expect(await asked('ADRってなんの略ですか？')).toContain('ADR（Active Debris Removal）');
  });

  it("read かかる as how long it takes, not as a topic another document's sentence holds", async () => {
    expect(await asked('打ち上げてから月に着くまでどれくらいかかる？')).toContain('4か月');
  });

  it('read a title after a name (汐見社長) as saying whom, where the document titles them otherwise', async () => {
    expect(await asked('汐見社長のお父さんはどんな仕事をしていた？')).toContain('カツオ一本釣り船の機関長');
  });

  it('read a verb the document also writes as its noun (打ち上げる: 打ち上げは…予定) in that noun too', async () => {
    expect(await asked('かささぎっていつ打ち上げる予定なの？')).toContain('打ち上げは2027年9月を予定');
  });
});
