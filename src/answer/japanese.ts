/**
 * Japanese question forms: what kind of answer a Japanese question asks for (いつ → a date, どこ → a place…),
 * and which of its words are phrasing rather than topic. Read by the same question analysis as English.
 */
import type { Span } from '../contract/types.js';
import {
  type Around,
  hasJapanese,
  isInflectedJapanese,
  isJapaneseCounter,
  normalizeJapanese,
} from '../text/japanese.js';
import { JAPANESE_ROLE_WORDS } from '../text/roles.js';
import { escapeRegExp } from '../text/text.js';
import type { AnswerType, Measure } from './answer-type.js';

/** The answer types a Japanese question form names (yes/no and open questions are read as in English). */
export type JapaneseAnswerType = Exclude<AnswerType, 'yesno' | 'any'>;

/**
 * The head of something, as Japanese makes one of any noun with 長 (組合長, 艦長, 館長, 車長): a role; not the
 * words where 長 is "long" or "length" (成長, 延長, 身長, 全長, 特長, 長期).
 */
const HEAD_OF = /(?<![成延身全特最])(?<=\p{sc=Han})長(?![期時い])/u;

/** Roles that, with 誰 or 名前, make a Japanese question ask for a person's name ("ACME 理事長 名前"). */
const ROLES = new RegExp(`${JAPANESE_ROLE_WORDS.join('|')}|${HEAD_OF.source}`, 'u');

/** The roles of {@link JAPANESE_ROLE_WORDS} as the segmenter writes words (katakana folded). */
const ROLE_WORDS = new Set(JAPANESE_ROLE_WORDS.map(normalizeJapanese));

/**
 * Whether a word of a Japanese question (normalized, `around` it the question) is a title right after a name
 * (山田|社長, スミス|長官, ACME|会長): a role with a name's kanji, katakana or letters before it, no particle between.
 */
export function isJapaneseTitle(word: string, around: Around): boolean {
  return ROLE_WORDS.has(word) && /[\p{sc=Han}\p{sc=Katakana}ーA-Za-z]$/u.test(around.before);
}

/**
 * The roles a Japanese question names (`wordings`: its ideas' wordings, normalized, so that トップ's 理事長 counts):
 * those of the list of roles, and 長 after a kanji (組合|長: the head of the union), as the segmenter cuts one.
 */
export function japaneseRolesAsked(question: string, wordings: readonly string[]): string[] {
  const roles = wordings.filter((w) => ROLE_WORDS.has(w));
  if (HEAD_OF.test(question.normalize('NFKC'))) roles.push('長');
  return [...new Set(roles)];
}

/**
 * Japanese counters: what 何 asks to count (何回 how many times, 何機 how many craft, 何か国 how many countries),
 * and what a count in Japanese text ends in (3回, 二か国). 年, 月, 日, 時 count time and are dates and durations.
 */
const COUNTERS =
  '回|度|人|名|個|本|台|機関|機|基|隻|冊|枚|件|社|校|局|棟|種類|歳|才|倍|割|(?:カ|か|ヶ|ケ|箇)(?:国|所)|箇所|つ';

/**
 * Units of measure a Japanese text writes after a number (十二メートル, 約450km, 約7ヘクタール, 毎秒5メガビット): what
 * "how far", "how heavy", "how high", "how fast" ask for, counted as a quantity.
 */
const UNITS =
  '(?:平方|立方)?(?:キロ|センチ|ミリ|マイクロ)?メートル|キログラム|グラム|トン|ヘクタール|リットル|(?:ギガ|メガ|キロ)?(?:ビット|バイト)|キロ|センチ|ミリ|パーセント|[GMk]?bps|km|cm|mm|kg|m|ha|%';

/**
 * Nouns of a measure (距離 distance, 重さ weight, 高さ height…): "どのくらいの距離", "重さを教えて" ask for a
 * number in its unit. Not 大きさ nor 規模: a size is as often said by a likeness ("冷蔵庫ほどの大きさ").
 */
const MEASURE_NOUNS =
  '距離|重量|質量|高度|標高|面積|直径|半径|速度|容量|(?<!\\p{sc=Han})(?:重さ|高さ|長さ|深さ|広さ|速さ)';

/**
 * How long something took or lasts: a count of units of time asked with かかる, で, 続く or a verb of lasting
 * ("何日くらいかかった", "何分で終わった", "何年くらい使える"), a lifespan (寿命), or "どのくらい" of a time ("どれくらいの期間", "どのくらいかかった"). Not 何分 after 何時 (a
 * clock time).
 */
const ASKS_DURATION = new RegExp(
  [
    '何年間|何(?:ヶ|か|カ|ケ|箇)月|何月間|何日間|何時間|何週間|期間|期限',
    // A lifespan, unless another question word asks when, where, who or why of it ("寿命を迎えたのはいつ").
    '^(?!.*(?:いつ|どこ|何処|誰|だれ|どなた|なぜ|何故|どうして)).*寿命',
    '何(?:年|日|週|分|秒)(?:くらい|ぐらい|ほど|程度)?(?:で(?![すしょ])|も|かか|続|使|持|もつ|もち|動)',
    '(?<!時)何(?:分|秒)(?!の)',
    // How often, as an interval: 何日おき, 何時間ごと (the answer: 3日ごとに).
    '何(?:年|(?:ヶ|か|カ|ケ|箇)月|週|日|時間|分|秒)間?(?:おき|ごと|毎)',
    '(?:どの|どれ)(?:くらい|ぐらい|ほど)(?:の(?:期間|時間|間|年月)|かか|続|で(?![すし]))',
  ].join('|'),
);

/** Words of a question for an organization: with どこ it asks which one, not where. */
const ORGANIZATION_NOUNS =
  '大学|会社|企業|機関|組織|団体|メーカー|社|研究所|チーム|財団|機構|パートナー|相手|協力先|委託先|取引先';
/**
 * Which organization: どこが (who did it), どこと (with whom), どこの大学, 大学はどこ; not どこで, どこから, どこの国
 * (where).
 */
const ASKS_ORGANIZATION = new RegExp(
  `(?:どこ|何処)(?:が|と(?!なく)|の(?:${ORGANIZATION_NOUNS}))|(?:${ORGANIZATION_NOUNS})(?:は|って|が|とは)?(?:どこ|何処|どちら)`,
);

/**
 * "How far" of a measure: どこまで (or どの程度まで) before an adjective's く form and a verb of becoming or making
 * (小さくできる, 高くなる, 細かくする), or a verb of holding down (抑え, 減ら).
 */
const ASKS_EXTENT =
  /(?:どこ|どの程度)まで[^。？?、]{0,12}?(?:[\p{sc=Han}\p{sc=Hiragana}]く(?:でき|な[るりっれ]|す[るれ]|し)|抑え|減ら|縮め|伸ば)/u;

/** Question forms, in the order they are tried (as the English rules: money and durations before dates). */
const FORMS: [RegExp, JapaneseAnswerType][] = [
  [/いくら|金額|費用|予算|コスト|何円|何ドル|何億|何兆/, 'money'],
  // How much someone pays or bears ("どのくらい出資した", "負担はどれだけ"): a sum.
  [
    /(?:どの|どれ)(?:くらい|ぐらい|ほど|だけ)(?:を)?(?:負担|出資|拠出|支払|払)|(?:負担|出資|拠出|支払)(?:は|って|を)?(?:どの|どれ)(?:くらい|ぐらい|ほど|だけ)/,
    'money',
  ],
  [ASKS_DURATION, 'duration'],
  [/何時(?!間)|何時ごろ|何時頃|時刻/, 'time'],
  // いつまで ("until when") asks the date something ended or ends ("2017年に運用を終えた"), not a length.
  // A keyword query's day of something (署名日, 開設日 "the day it was signed, opened"): a date.
  [
    /いつ|何年|何月|何日|何曜|日付|日にち|日時|年月日|時期|(?<=\p{sc=Han}{2})日(?=[はがを？?！!\s]|って|$)/u,
    'date',
  ],
  // どこ of an organization asks which one, as "who" does ("どこが開発した", "どこと組む", "大学はどこ").
  [ASKS_ORGANIZATION, 'person'],
  // どこまで with a degree ("どこまで小さくできる", "どこまで高くなる"): how far a measure goes, a number, not a place.
  [ASKS_EXTENT, 'quantity'],
  [/どこ|何処|場所|会場|どの町|どの都市/, 'place'],
  // "何度も" is "again and again", not a count; "何回目" asks which one ("the first"), not how many.
  // 数 alone, as a keyword query says it ("アレイ 数": the number of arrays), not 数字, 数か月 (in any of its
  // spellings: 数ヶ月, 数カ月…) nor the verb 数える.
  [
    new RegExp(
      `何(?!度も)(?:${COUNTERS}|${UNITS})(?!目)|人数|回数|件数|いくつ|(?<![\\p{sc=Han}])数(?![\\p{sc=Han}かカヶケ箇え])`,
      'u',
    ),
    'quantity',
  ],
  // "How much", "how many", "how small" of anything else: an amount ("どのくらい残っている", "どのくらいの量"), not
  // how wide a scope ("どのくらいの範囲の活動").
  [
    new RegExp(
      `(?:(?:どの|どれ)(?:くらい|ぐらい|ほど|だけ|程度)|どんだけ)(?!の(?!量|数|人数|回数|件数|頻度|金額|額|${MEASURE_NOUNS}))`,
      'u',
    ),
    'quantity',
  ],
];

/**
 * The measure a Japanese question asks a quantity of, by its noun or its unit (重さ, 何キログラム: a mass; 高さ, 距離,
 * 何メートル: a length; 面積: an area), so that a count in another unit (3校, 2機) is not taken for it. Not 高度 before
 * 化 (高度化: "advancing", no height).
 */
const MEASURES_ASKED: [RegExp, Measure][] = [
  [/重さ|重量|質量|何(?:キログラム|kg|トン|グラム)|何キロ(?:の重|ぐらい重|くらい重)/u, 'mass unit'],
  [/面積|広さ|何平方|何ヘクタール/u, 'area unit'],
  [
    /高さ|高度(?!化)|標高|距離|長さ|深さ|直径|半径|全長|何(?:メートル|キロメートル|km|センチ|ミリ)/u,
    'linear unit',
  ],
];

/** The measure a Japanese question asks a quantity of ({@link MEASURES_ASKED}), else `null`. */
export function japaneseMeasureAsked(text: string): Measure | null {
  if (!hasJapanese(text)) return null;
  const question = text.normalize('NFKC');
  return MEASURES_ASKED.find(([form]) => form.test(question))?.[1] ?? null;
}

/** The units of each measure as Japanese text writes them after a number; キロ alone is a kilogram or a kilometre. */
const UNITS_OF: Partial<Record<Measure, RegExp>> = {
  'mass unit': /(?:キログラム|グラム|トン|キロ|kg|t)$/u,
  'linear unit': /(?<!平方|立方)(?:(?:キロ|センチ|ミリ|マイクロ)?メートル|キロ|センチ|ミリ|km|cm|mm|m)$/u,
  'area unit': /(?:平方(?:キロ|センチ)?メートル|ヘクタール|ha)$/u,
};

/** Whether a quantity found in Japanese text (九・八キログラム, 3校) is in a unit of `measure`. */
export function isJapaneseQuantityOf(found: string, measure: Measure): boolean {
  const units = measure === 'size' ? [UNITS_OF['linear unit'], UNITS_OF['area unit']] : [UNITS_OF[measure]];
  if (units.some((u) => u === undefined)) return true;
  return units.some((u) => u?.test(found.normalize('NFKC')));
}

const WHO = /誰|だれ|どなた|何者|どの人/;
const MEASURE = new RegExp(MEASURE_NOUNS, 'u');
/** Question words that ask what, how or why: with them a measure's noun is the topic, not the asked number. */
const ASKS_OTHER =
  /何(?:で|を|が|に|と|の)|なに|どう|なぜ|何故|どんな|どの(?!くらい|ぐらい)|どれ(?!くらい|ぐらい|ほど)|どちら|どっち/;

/**
 * The answer type of a question written (partly) in Japanese, from its question words; `null` when it has
 * no Japanese or none of them (the English rules then read it).
 */
export function japaneseAnswerType(text: string): JapaneseAnswerType | null {
  if (!hasJapanese(text)) return null;
  const question = text.normalize('NFKC');
  // "どこの所属": whose member, not which place (nor an organization named by the word it ends in: one in capitals).
  if (/どこ(?:の|に)?所属/.test(question)) return null;
  for (const [form, type] of FORMS) if (form.test(question)) return type;
  if (WHO.test(question)) return ROLES.test(question) && !/した|する|して/.test(question) ? 'name' : 'person';
  if (/名前|氏名|名は/.test(question) && ROLES.test(question)) return 'name';
  // A measure's noun asks its number unless another question word asks something else of it ("距離は何で測る":
  // by what means).
  if (MEASURE.test(question) && !ASKS_OTHER.test(question)) return 'quantity';
  return null;
}

/**
 * Japanese words that say how a question is put rather than what it is about ("名前" as in "tell me the
 * name", "肩書き", "具体的"), like the English question fillers; honorifics after names (さん, 氏) too;
 * 利用 / 使用 / 使う, which English analysis drops as the stop word "use"; 略 ("何の略": what it stands for, which a
 * text tells by the name beside the abbreviation, GPS（Global Positioning System）); and 今, 現在 ("now"), which ask of the
 * time the document tells, as English drops "now".
 */
const PHRASING = new Set(
  `曜日 場所 会場 日付 日時 日にち 時刻 数 人数 回数 件数 金額 何者 以外 名前 氏名 名 理由 時期 役職 肩書き 肩書 立場 所属 職業 仕事 正体 詳細 情報 内容 具体的 具体 的 実際 全体 略 略称 説明 英語 日本語 英文 原文
  さん 氏 様 君 くん ちゃん 先生 方 人 感じ みたい 場合 こと 件 点 部分 例 ぐらい くらい 程度 本当 結局 コメント 発言
  何分 自体 利用 使用 使 使う 使っ 使い 使わ 使え 今 現在 現時点 かかる かかっ かかり かから`
    .split(/\s+/)
    .filter(Boolean)
    // As the segmenter writes words: katakana folded to hiragana ("コメント" is read as "こめんと").
    .map(normalizeJapanese),
);

/**
 * Whether a Japanese word of a question (`raw` as typed, `word` normalized, `around` it the question) is
 * phrasing, to be left out when nothing maps it: the words in {@link PHRASING}, a lone kanji before its ending
 * (a verb's stem the segmenter cut from it: 言|っ|た), and a word written with hiragana, which in a question is
 * an inflected verb or adjective ("認め", "行ける"): nouns are written in kanji or katakana ("モジュール" stays a
 * topic). Unless the corpus writes it (`inCorpus`): a verb with a kanji in it that a Japanese document uses
 * (打ち上げ|られた, 選|んだ) says what the question asks about, and so does a word of hiragana three or more
 * characters long: a name written in hiragana, as Japanese often names ships and satellites (a probe 「あおば2号」:
 * "あおばの重さは？").
 */
export function isJapanesePhrasing(
  raw: string,
  word: string,
  around: Around,
  inCorpus: (word: string) => boolean = () => false,
): boolean {
  if (PHRASING.has(word)) return true;
  // The kind of place asked (どこの射場, 射場はどこ) where the corpus never writes it: the answer names the place
  // in its own words (…宇宙センターから), as 場所 asks. Not a lone kanji (どこの国: a suffix of names, 県, 町).
  // Not an organization's kind (メーカーはどこ asks which maker: a document that never says one does not answer).
  if (
    word.length >= 2 &&
    !inCorpus(word) &&
    !ORGANIZATION_WORDS.has(word) &&
    (ASKED_PLACE_BEFORE.test(around.before) || ASKED_PLACE_AFTER.test(around.after))
  )
    return true;
  if (!isInflectedJapanese(raw, word, around) || COUNTED.has(word)) return false;
  const said = /\p{sc=Han}/u.test(word) || word.length >= KANA_TOPIC_LENGTH;
  const noun = japaneseVerbNoun(word);
  return !(said && (inCorpus(word) || (noun !== null && inCorpus(noun))));
}

/** {@link ORGANIZATION_NOUNS} as the segmenter writes words. */
const ORGANIZATION_WORDS = new Set(ORGANIZATION_NOUNS.split('|').map(normalizeJapanese));

/** どこの right before a word: the word is the kind of place asked. */
const ASKED_PLACE_BEFORE = /(?:どこ|何処)の$/u;
/** はどこ, ってどこ right after a word: the same. */
const ASKED_PLACE_AFTER = /^(?:は|って|が)?(?:どこ|何処)(?!ま)/u;

/** Kana of the a, u and o rows: before る they end a godan verb (終わる, 集まる), never an ichidan one. */
const GODAN_BEFORE_RU =
  /[あかがさざただなはばぱまやらわうくぐすずつづぬふぶぷむゆおこごそぞとどのほぼぽもよろ]る$/u;

/**
 * The noun a verb in kanji with its ending in hiragana makes, as documents write what a question asks with the
 * verb ("打ち上げは…予定"): an ichidan verb's without its final る (打ち上げる → 打ち上げ, 始める → 始め), a godan
 * verb's with る made り (終わる → 終わり, 集まる → 集まり); `null` for other words.
 */
export function japaneseVerbNoun(word: string): string | null {
  if (!/^\p{sc=Han}.*\p{sc=Hiragana}る$/u.test(word)) return null;
  return GODAN_BEFORE_RU.test(word) ? `${word.slice(0, -1)}り` : word.slice(0, -1);
}

/** Words of hiragana at least this long the corpus writes are topics (a name); shorter ones are endings (ある). */
const KANA_TOPIC_LENGTH = 3;

/**
 * Whether a word of a question is a counter after its number (3|日, 何|個, 5か|月): it says what is counted
 * in which unit, no topic, even where a register maps the word alone (月 also names a heavenly body; a
 * register's "11月" still reads as one wording). What a question counts (何|歳) is its topic.
 */
export function isJapaneseCountWord(word: string, around: Around): boolean {
  return isJapaneseCounter(word, around) && !COUNTED.has(word);
}

/** Region codes are two capital letters; CLDR names some 260 of the 676. */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let regions: string[] | undefined;
let regionNames: Set<string> | undefined;
let regionRegExp: RegExp | undefined;

/**
 * The Japanese names of countries and regions, as CLDR writes them (アメリカ合衆国, アメリカ, 日本): Node's ICU
 * carries them (`Intl.DisplayNames`), so no list of countries lives in the code.
 */
function japaneseRegions(): string[] {
  if (!regions) {
    const names = new Set<string>();
    for (const style of ['long', 'short'] as const) {
      const display = new Intl.DisplayNames(['ja'], { type: 'region', style, fallback: 'none' });
      for (const a of LETTERS)
        for (const b of LETTERS) {
          const name = display.of(a + b);
          if (name && hasJapanese(name)) names.add(name);
        }
    }
    regions = [...names];
  }
  return regions;
}

/**
 * Whether a word of a Japanese question names a country or region (中国, カナダ, ロシア): a name, as English
 * questions' names are read by the English model; compared as the segmenter writes words.
 */
export function isJapaneseRegionName(word: string): boolean {
  regionNames ??= new Set(japaneseRegions().map(normalizeJapanese));
  return regionNames.has(normalizeJapanese(word));
}

/**
 * The names of {@link japaneseRegions} as written, longest first, not inside a longer word of katakana or kanji
 * (日本時間 is a time, 日本海 a sea).
 */
function regionPattern(): RegExp {
  regionRegExp ??= new RegExp(
    `(?<![\\p{sc=Katakana}\\p{sc=Han}ー])(?:${japaneseRegions()
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![\\p{sc=Katakana}\\p{sc=Han}ー])`,
    'gu',
  );
  return regionRegExp;
}

/**
 * The nouns of a measure a document writes where a question says an adjective's stem with さ (広さ "how wide":
 * 面積 "the area"; 重さ: 重量): one idea.
 */
const MEASURE_NOUN_OF: Record<string, string[]> = {
  重: ['重量', '質量'],
  高: ['高度', '標高'],
  長: ['全長'],
  深: ['深度', '水深'],
  広: ['面積'],
  速: ['速度'],
};

/**
 * A sum asked in general words (予算, 費用, 総額), which a text writes as the cost or amount of something: 総事業費,
 * 建設費 (cut 総|事業|費), 契約額.
 */
const MONEY_WORDS = new Set(['予算', '費用', '経費', 'こすと', '総額', '金額', '総費用']);
const MONEY_SUFFIXES = ['費', '額'];

/** How a text gives the size of a thing: by one of its measures (直径12メートルのアンテナ). */
const SIZE_NOUNS = ['直径', '口径', '全長', '面積'];

/** How a text writes a speed: by its unit of time (毎秒5メガビット, 秒速8キロ, 時速300キロ), seldom as 速度. */
const SPEED_WORDS = ['毎秒', '秒速', '時速', '分速', '毎時'];

/**
 * The measure nouns a stem before さ says (`around` it the question), the words a text writes a speed with for
 * 速度 and 速さ, a size's measures for 大きさ and the cost nouns' ends for a sum (予算); `[]` for other words.
 */
export function japaneseMeasureNouns(word: string, around: Around): string[] {
  if (word === '速度') return SPEED_WORDS;
  if (MONEY_WORDS.has(word)) return MONEY_SUFFIXES;
  // 大きさ, cut 大|きさ: a size, which a text gives as a diameter, a length or an area as often as a likeness.
  if (word === '大' && around.after.startsWith('きさ')) return SIZE_NOUNS;
  const nouns = around.after.startsWith('さ') ? (MEASURE_NOUN_OF[word] ?? []) : [];
  return word === '速' && nouns.length > 0 ? [...nouns, ...SPEED_WORDS] : nouns;
}

/**
 * A noun with the polite prefix お or ご and maybe さん or さま (お父さん, お金, ご意見): the noun a text writes without
 * them (父, 金, 意見).
 */
const POLITE_NOUN = /^[おご](\p{sc=Han}{1,3})(?:さん|さま|様)?$/u;

/** The noun a politely worded one stands for (お父さん → 父); `null` for other words. */
export function japanesePlainNoun(word: string): string | null {
  return POLITE_NOUN.exec(word)?.[1] ?? null;
}

/** Lone kanji that are what a question counts, not a verb's stem: 何歳 asks an age, which is a topic. */
const COUNTED = new Set(['歳', '才']);

/**
 * The most characters one number or name is read over ({@link NUMBER}, {@link NAME_RUN}). A run of them with no
 * bound is read again from each of its characters when what must follow it is not there: 20,000 kanji with no
 * place word after them took seconds. Bounded, each character is read a bounded number of times; a longer run
 * is read as its last characters, and no number or name is that long.
 */
const RUN = '{1,30}';
const DIGIT = '[0-9０-９]';
const KANJI_NUMBER = '[一二三四五六七八九十百千]';
/** A run of digits, or of kanji digits, up to {@link RUN} long. */
const DIGITS = `${DIGIT}${RUN}`;
const KANJI_DIGITS = `${KANJI_NUMBER}${RUN}`;
/** A number in digits, kanji or both, with its separators and myriads (2,360, 3万4千, 四百十). */
const NUMBER = `[0-9０-９一二三四五六七八九十百千][0-9０-９,，.一二三四五六七八九十百千万億]{0,30}`;
/** Characters of a Japanese name of a place or an organization, in kanji or katakana (サンタローザ宇宙基地). */
const NAME_CHAR = '[\\p{sc=Han}\\p{sc=Katakana}ー・]';
/** A name's characters before the word it ends in, none to {@link RUN} of them. */
const NAME_RUN = `${NAME_CHAR}{0,30}`;
/**
 * Not 一円 after a word in kanji: "関東一円" is "all over the Kantō region", not one yen (三十一円 is a sum: its
 * number starts before the 一).
 */
const NOT_WHOLE_AREA = '(?!(?<=[^\\P{sc=Han}〇一二三四五六七八九十百千万億約])一円)';
/**
 * What follows a count of days or weeks that says how long something takes: 六十日以内, 十日ほど, 3週かけて; or how
 * long between two times: 3日ごと, 十日おき.
 */
const LASTING = '以内|以上|ほど|程|程度|余り|あまり|近く|足らず|がかり|かけ|かか|おき|ごと|毎|で(?![すし])';
/**
 * A date told by its distance from another (打ち上げから6か月後, 完成の2年前, 三日後): when something happens, as
 * "six months after launch" says; not 前半 or 後半 (a half), nor 後に alone.
 */
const RELATIVE_DATE = `(?:${DIGITS}|${KANJI_DIGITS}|数)(?:(?:か|カ|ヶ|ケ|箇)月|年|週間?|日|時間)(?:後|前)(?!半)`;
/** Things of each kind as Japanese text writes them; digits of both widths, so offsets stay the text's. */
const JAPANESE_ENTITIES: Record<JapaneseAnswerType, RegExp> = {
  date: new RegExp(
    `${DIGIT}{4}年(?:${DIGIT}{1,2}月)?(?:${DIGIT}{1,2}日)?|${RELATIVE_DATE}|(?:翌|前|昨|今|来|同)年度?|${DIGIT}{1,2}月${DIGIT}{1,2}日|(?:令和|平成|昭和)(?:${DIGIT}{1,2}|元)年|[月火水木金土日]曜日?|${DIGIT}{1,2}月`,
    'gu',
  ),
  time: new RegExp(`(?:午前|午後)?${DIGIT}{1,2}時(?:${DIGIT}{1,2}分|半)?|正午|午前|午後`, 'gu'),
  // 五年間, 3か月 (か月 counts months; a date's month is 3月), 二年半, 約二年 (a date is never "about"), 7年 (a date's
  // year has four digits or an era's name; not 2年前, 3年目, 5年ぶり, 2年に一度, 3年以降, nor a part of a year: 25年の春), and
  // 2031年まで ("until"; まで alone is "even", "as far as": 破片まで).
  // Minutes and seconds counted (十八分), not a clock time's (7時5分). Hours counted (7時間: 時間 is "hours"), and
  // days or weeks as long as something takes (六十日以内, 3週ほど), not a date's day (12日).
  duration: new RegExp(
    `約?(?:${DIGITS}|${KANJI_DIGITS})(?:(?:年|週|日|時間)(?:間|半)|時間|(?:か|カ|ヶ|ケ|箇)月(?:間|半)?)|(?<![0-9０-９一二三四五六七八九十百千月])(?:${DIGITS}|${KANJI_DIGITS})(?:日|週)(?=${LASTING})|(?<![0-9０-９一二三四五六七八九十百千和成])(?:${DIGIT}{1,2}|${KANJI_NUMBER}{1,3})年(?![0-9０-９前後目度生ぶ]|に(?:一|1|１)(?:度|回)|以降|の(?:春|夏|秋|冬|初め|はじめ|初頭|末|暮れ|前半|後半))|約(?:${DIGITS}|${KANJI_DIGITS})(?:年|週間|日間|時間)|(?<![0-9０-９一二三四五六七八九十百千時])(?:${DIGITS}|${KANJI_DIGITS})(?:分|秒)間?|長年|以来|無期限|(?:年|月|日|時)まで`,
    'gu',
  ),
  // A count (九基, 3万4千件), a measure in its unit (十二メートル, 約450km, 2,360メートル) or a sum (150万ドル): "how
  // much" is all of these.
  // A share as a fraction (約20分の1, 4分の3), before a count's minutes could read its first number.
  quantity: new RegExp(
    `${NOT_WHOLE_AREA}(?:${NUMBER}分の${NUMBER}|${NUMBER}(?:${COUNTERS}|${UNITS}|円|ドル|ユーロ))`,
    'gu',
  ),
  // A sum in digits or kanji (三十五億円, 2億5000万円, 約150万ドル).
  money: new RegExp(
    `${NOT_WHOLE_AREA}${NUMBER}(?:円|ドル|ユーロ)|${DIGIT}[0-9０-９,，.]{0,30}(?:億|兆|万)|[¥￥$＄]${DIGIT}`,
    'gu',
  ),
  // A place name (katakana or kanji) ending in a place word, or katakana before "で" ("ワシントンで"); and a meeting
  // where something is held or said ("…の年次総会で").
  place: new RegExp(
    [
      `${NAME_RUN}(?:本部|本社|市|都|県|州|首都|センター|町|村|区|島|半島|湾|沖|海峡|基地|射場|地上局|空港|港|駅)`,
      '[\\p{sc=Katakana}ー・]{2,30}(?=で|にて|において)',
      `${NAME_RUN}(?:会合|会議|学会|総会|大会|会見|式典|シンポジウム|フォーラム|展示会|見本市)(?=で|にて|において)`,
    ].join('|'),
    'gu',
  ),
  // People by role or group; names are found by the people finder.
  person: /代表(?:団|者)?|関係者|長官|大使|首相|総理|理事長|飛行士|大臣|政府|大統領|補佐官/gu,
  name: /(?!)/gu,
};

/**
 * An organization by the word its name ends in ("…大学", "…社", "…機構"): who did something, as English reads
 * an organization's name for "who" (weaker than a person's), and what a Japanese question asks with どこ of one
 * ("どこが開発した", "大学はどこ").
 */
const ORGANIZATION = new RegExp(
  `${NAME_CHAR}${RUN}(?:大学院?|研究所|研究機構|機構|財団|協会|連合|庁|省|会社|社)(?!\\p{sc=Han})`,
  'gu',
);

/**
 * A person's name as Japanese text writes one with an honorific after it, which marks it a person's: a run of two to
 * five kanji (山田誠氏, 佐藤氏) or of katakana (スミス氏) right before 氏 or さん; not 同氏 or 両氏 ("the said
 * person"), nor a longer run, which holds more words than a name, nor the 氏 of 氏名 ("参加者氏名": a form's
 * "full name" field).
 */
const HONORED_NAME =
  /(?<![\p{sc=Han}々])[\p{sc=Han}々]{2,5}(?=氏(?!名)|さん)|(?<![\p{sc=Katakana}ー・])[\p{sc=Katakana}ー・]{2,15}(?=氏(?!名)|さん)/gu;

/**
 * Words that end in what someone does, which さん follows as it follows a name (組合長さん, 担当者さん,
 * 運転手さん, お医者さん, エンジニアさん): a role of the list, the head of something ({@link HEAD_OF}), or one who
 * does a thing (者, 員, 師, 運転手); not 士, which ends given names too (健士).
 */
const ROLE_ENDING = new RegExp(`(?:${ROLES.source}|[者員師]|運転手)$`, 'u');

/** Spans of people's names in Japanese text by the honorific after them ({@link HONORED_NAME}), not of roles. */
export function japaneseHonoredNames(text: string): Span[] {
  if (!hasJapanese(text)) return [];
  return withoutLabels(
    text,
    [...text.matchAll(HONORED_NAME)].filter((m) => !ROLE_ENDING.test(m[0])),
  );
}

/** Spans of organizations' names in Japanese text ({@link ORGANIZATION}). */
export function japaneseOrganizations(text: string): Span[] {
  if (!hasJapanese(text)) return [];
  return withoutLabels(text, [...text.matchAll(ORGANIZATION)]);
}

/**
 * Matches as spans, in order, without those inside a label in 【】: a dateline (【2027年5月1日 東京】) says when
 * and where the news was released, not when or where what the sentence tells happened.
 */
function withoutLabels(text: string, found: RegExpExecArray[] | RegExpMatchArray[]): Span[] {
  const labels = [...text.matchAll(/【[^【】]*】/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  return found
    .map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }))
    .filter((s) => !labels.some((l) => l.start <= s.start && s.end <= l.end))
    .sort((a, b) => a.start - b.start);
}

/** Spans of things of the asked-for kind in Japanese text (`[]` for kinds it has none of). */
export function japaneseAnswerSpans(type: string, text: string): Span[] {
  const pattern = JAPANESE_ENTITIES[type as JapaneseAnswerType];
  if (!pattern || !hasJapanese(text)) return [];
  const found = [...text.matchAll(pattern)];
  // Countries and regions are places too, by CLDR's names ({@link isJapaneseRegionName}).
  if (type === 'place') found.push(...text.matchAll(regionPattern()));
  return withoutLabels(text, found);
}
