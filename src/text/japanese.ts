/**
 * Japanese text analysis: Japanese has no spaces between words, so runs of Japanese script are cut into words
 * by ICU's dictionary-based word segmenter (`Intl.Segmenter`, built into Node), and each word is folded so
 * that the spellings users and documents mix match one another.
 */
import { editDistance } from './distance.js';

/** Characters of Japanese script: kanji, hiragana, katakana (both widths), the long-vowel and iteration marks. */
const JAPANESE_CHAR =
  '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}ー々〆ヵヶ\\u3099-\\u309C\\uFF70\\uFF9E\\uFF9F]';

/** A run of Japanese script, as a regular-expression source (used inside the tokenizer's word pattern). */
export const JAPANESE_RUN = `${JAPANESE_CHAR}+`;

const HAS_JAPANESE = new RegExp(JAPANESE_CHAR, 'u');
const WHOLE_RUN = new RegExp(`^${JAPANESE_RUN}$`, 'u');
const ONLY_KANA = /^[\p{sc=Hiragana}ー]+$/u;
const ONLY_KANJI = /^[\p{sc=Han}々〆]+$/u;

/** Whether `text` holds any Japanese character. */
export function hasJapanese(text: string): boolean {
  return HAS_JAPANESE.test(text);
}

/** The runs of Japanese script in `text` ("ACME副長官" → ["副長官"]). */
export function japaneseRuns(text: string): string[] {
  return text.match(new RegExp(JAPANESE_RUN, 'gu')) ?? [];
}

/** Share of Japanese characters among a text's letters above which it is Japanese. */
const JAPANESE_SHARE = 0.3;
/** Characters read to tell a document's language: enough for a few paragraphs. */
const LANGUAGE_SAMPLE = 4000;

/** A text's language as the analysis knows them: Japanese when a good share of its letters are. */
export function detectLanguage(text: string): 'en' | 'ja' {
  const sample = text.slice(0, LANGUAGE_SAMPLE);
  // Most documents hold no Japanese at all: told without counting every letter (a third of loading 100k passages).
  if (!hasJapanese(sample)) return 'en';
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const japanese = sample.match(new RegExp(JAPANESE_CHAR, 'gu'))?.length ?? 0;
  return letters > 0 && japanese / letters >= JAPANESE_SHARE ? 'ja' : 'en';
}

/** The text on either side of a word, which tells a lone kanji's part (言|った, 県|は, 3|日). */
export interface Around {
  before: string;
  after: string;
}

/**
 * Whether a Japanese word (`raw` as written, `word` normalized, `around` it the text) is a verb's or
 * adjective's form rather than a noun: a lone kanji with its ending after it (a verb's stem the segmenter cut
 * from it: 言|っ|た), or a word written with hiragana ("認め", "行ける"). Nouns are written in kanji or katakana
 * ("協定", "モジュール"); a lone kanji before a particle, another word or nothing is one too (県|は, 雪|対策)
 * unless it ends the kanji word before it (安全|面), and so is one before the さ that makes it a noun (重|さ|を),
 * and so is a word written with hiragana before a particle only nouns take (打ち上げ|って, あいさつ|を).
 */
export function isInflectedJapanese(raw: string, word: string, around: Around): boolean {
  if (!hasJapanese(word)) return false;
  if (word.length === 1 && isKanji(word)) {
    // After a kanji word it ends that word, as 面 does 安全|面 ("the safety side"): a suffix, no noun of its own.
    if (/\p{sc=Han}$/u.test(around.before)) return true;
    return (
      /^\p{sc=Hiragana}/u.test(around.after) &&
      !PARTICLE_NEXT.test(around.after) &&
      !ADJECTIVE_NOUN_NEXT.test(around.after)
    );
  }
  return /\p{sc=Hiragana}/u.test(raw) && !NOUN_PARTICLE_NEXT.test(around.after);
}

/**
 * An adjective's stem made a noun by さ (重|さ|を, 高|さ|は: the weight, the height), which the segmenter cuts
 * apart: before a particle or the end, the stem names the measure.
 */
const ADJECTIVE_NOUN_NEXT = /^さ(?:[はがをのにへとでもや]|って|$|[^\p{sc=Hiragana}])/u;

/** Case and topic particles: after a lone kanji they mark it a noun (県は, 月に, 国の). */
const PARTICLE_NEXT = /^[はがをのにへとでもや]/u;
/**
 * The particles that follow only nouns: a word written with hiragana before them is a noun written so
 * (打ち上げって, あいさつを). Not で, に, と, の: they follow verbs too (読んで, 見に, 行くと, 行くの).
 */
const NOUN_PARTICLE_NEXT = /^(?:[はがをへ]|も(?!の)|って)/u;

/**
 * A number, or 何 asking one, right before a lone kanji makes it a counter (3|日, 何|個, 十二|基), with the
 * small ka that counts months between (5か|月, 何ヶ|月).
 */
const NUMBER_BEFORE = /(?:\p{N}|[一二三四五六七八九十百千万何数])[かカヶケ箇]?$/u;

/** Whether a lone kanji counts what the number before it numbers (`around` it the text): 3|日, 何|個. */
export function isJapaneseCounter(word: string, around: Around): boolean {
  return word.length === 1 && isKanji(word) && NUMBER_BEFORE.test(around.before);
}

/** Whether a (normalized) word is all kanji: a noun or a verb's stem, never a particle. */
export function isKanji(word: string): boolean {
  return ONLY_KANJI.test(word);
}

/** Whether a (normalized) word is all kana, which after {@link normalizeJapanese} means hiragana. */
export function isKana(word: string): boolean {
  return ONLY_KANA.test(word);
}

/** One segmenter for all: creating one loads ICU's dictionary, which takes milliseconds. */
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** A word of a run of Japanese script: its normalized form, and where it stands in the run. */
export interface JapaneseWord {
  word: string;
  index: number;
  length: number;
}

/**
 * The words of a run of Japanese script (punctuation left out), normalized, with offsets relative to the run.
 * With a dictionary, its words are found first (longest first; see {@link JapaneseDictionary}) and the
 * segmenter cuts only what lies between them.
 */
export function segmentJapanese(
  run: string,
  dictionary?: JapaneseDictionary,
  afterNumber = false,
): JapaneseWord[] {
  const found = dictionary?.find(run, afterNumber) ?? [];
  const words: JapaneseWord[] = [];
  let at = 0;
  for (const match of [...found, { word: '', index: run.length, length: 0 }]) {
    if (match.index > at) {
      const gap = run.slice(at, match.index);
      for (const { index, length } of joinKatakanaPieces(
        [...segmenter.segment(gap)].filter((s) => s.isWordLike),
      ))
        words.push({ word: normalizeJapanese(gap.slice(index, index + length)), index: at + index, length });
    }
    if (match.length > 0) words.push(match);
    at = match.index + match.length;
  }
  return words;
}

const KATAKANA_WORD = /^[\p{sc=Katakana}ー]+$/u;
const KATAKANA_CHAR = /[\p{sc=Katakana}ー]/u;

/**
 * Segments with a loanword the segmenter cut at a word of its dictionary (デブリ → デ|ブリ, ドローン → ド|ローン)
 * joined again: katakana written together is one word when a piece of it is a lone character, which no katakana
 * word is. Pieces that are all words (ゲート|ウェイ, ロケット|エンジン) stay apart, so that a compound still meets
 * its parts.
 */
function joinKatakanaPieces(
  segments: { segment: string; index: number }[],
): { index: number; length: number }[] {
  const joined: { index: number; length: number }[] = [];
  for (let i = 0; i < segments.length; ) {
    let j = i + 1;
    const first = segments[i] as { segment: string; index: number };
    let end = first.index + first.segment.length;
    if (KATAKANA_WORD.test(first.segment)) {
      while (j < segments.length) {
        const next = segments[j] as { segment: string; index: number };
        if (next.index !== end || !KATAKANA_WORD.test(next.segment)) break;
        end = next.index + next.segment.length;
        j++;
      }
      const pieces = segments.slice(i, j);
      if (pieces.length > 1 && !pieces.some((p) => p.segment.length === 1)) j = i + 1;
    }
    const last = segments[j - 1] as { segment: string; index: number };
    joined.push({ index: first.index, length: last.index + last.segment.length - first.index });
    i = j;
  }
  return joined;
}

/**
 * 月 names a heavenly body and a month: after a number ("11月", "十一月", "3か月", "何月") or a word that counts months
 * (先月 last month, 今月, 来月, 毎月, 翌月, 同月) it is the month.
 */
const MONTH = '月';
/** What may stand before a month's 月 in a folded run (katakana folded: ヶ is ゖ, カ is か). */
const MONTH_BEFORE = /^[〇一二三四五六七八九十百何数ゕゖかけ箇先今来毎翌同]$/u;

/** Dictionary words at least this long are also found with one character wrong (an IME's wrong kanji). */
const FUZZY_FROM_LENGTH = 4;

/**
 * Words the segmenter should not cut, from the registers (people's names in katakana, which ICU may cut into
 * meaningless pieces, and terms such as 気象予報士). Found in a run longest first, left to right; four or more
 * characters one character away from a dictionary word are read as that word ("気象予報氏" → 気象予報士): an
 * IME that picks the wrong kanji for a reading changes one character.
 */
export class JapaneseDictionary {
  private readonly words = new Set<string>();
  private readonly byLength = new Map<number, string[]>();
  private longest = 0;

  /** Words of Japanese script; others (and single characters) are left out. */
  constructor(words: Iterable<string>) {
    for (const raw of words) {
      const word = foldRun(raw);
      if (word === null || word.length < 2 || this.words.has(word)) continue;
      this.words.add(word);
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
      this.longest = Math.max(this.longest, word.length);
    }
  }

  /**
   * The dictionary words in a run of Japanese script, left to right, as normalized words; `afterNumber`: the
   * run follows a number in the text ("11月の…" is the run "月の…").
   */
  find(run: string, afterNumber = false): JapaneseWord[] {
    if (this.words.size === 0) return [];
    const folded = foldRun(run);
    if (folded === null) return [];
    const found: JapaneseWord[] = [];
    for (let i = 0; i < folded.length; ) {
      // A month's 月 starts no dictionary word (a register may read 月の as the body): the segmenter cuts it
      // alone, as "11 月".
      const month = folded[i] === MONTH && (i === 0 ? afterNumber : MONTH_BEFORE.test(folded[i - 1] ?? ''));
      // A word starts no match inside a katakana word: the name アン is not in アンテナ.
      const inWord = i > 0 && KATAKANA_CHAR.test(run[i - 1] ?? '') && KATAKANA_CHAR.test(run[i] ?? '');
      const word = month || inWord ? null : this.longestAt(run, folded, i);
      if (word) {
        found.push({ word, index: i, length: word.length });
        i += word.length;
      } else i++;
    }
    return found;
  }

  private longestAt(run: string, folded: string, i: number): string | null {
    for (let length = Math.min(this.longest, folded.length - i); length >= 2; length--) {
      // Nor ends one inside a katakana word.
      if (KATAKANA_CHAR.test(run[i + length - 1] ?? '') && KATAKANA_CHAR.test(run[i + length] ?? ''))
        continue;
      const piece = folded.slice(i, i + length);
      if (this.words.has(piece)) return piece;
      if (length < FUZZY_FROM_LENGTH) continue;
      // Same length and one edit apart: one wrong character (or two swapped).
      const near = this.byLength.get(length)?.filter((w) => editDistance(piece, w, 1) === 1) ?? [];
      // Only an unambiguous correction: with two words one character away, the segmenter decides.
      if (near.length === 1 && near[0]) return near[0];
    }
    return null;
  }
}

/**
 * A whole run normalized like its words, character for character so that offsets still hold; `null` when that
 * would change its length (half-width kana with separate voicing marks) or it is not all Japanese script.
 */
function foldRun(run: string): string | null {
  if (!WHOLE_RUN.test(run)) return null;
  let folded = '';
  for (const ch of run) {
    const nfkc = ch.normalize('NFKC');
    if (nfkc.length !== 1) return null;
    const code = nfkc.charCodeAt(0);
    folded += code >= 0x30a1 && code <= 0x30f6 ? String.fromCharCode(code - KATAKANA_TO_HIRAGANA) : nfkc;
  }
  return folded.length === run.length ? folded : null;
}

/** Katakana ァ..ヶ sit exactly 0x60 above their hiragana ぁ..ゖ. */
const KATAKANA_TO_HIRAGANA = 0x60;

/**
 * A Japanese word as compared everywhere: NFKC (half-width ｶﾀｶﾅ → full width), a katakana word of four or more
 * characters loses a final long-vowel mark ("コンピューター" = "コンピュータ", as Lucene's Japanese analyzer does),
 * and katakana is folded to hiragana (スミス = すみす), as Japanese search engines match them.
 */
export function normalizeJapanese(raw: string): string {
  let word = raw.normalize('NFKC');
  if (word.length >= 4 && word.endsWith('ー') && /^[\p{sc=Katakana}ー]+$/u.test(word))
    word = word.slice(0, -1);
  let folded = '';
  for (const ch of word) {
    const code = ch.codePointAt(0) ?? 0;
    folded += code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - KATAKANA_TO_HIRAGANA) : ch;
  }
  return folded;
}

/**
 * Japanese function words (in folded form): particles, auxiliary verbs and the pieces the segmenter cuts
 * them into ("でしょうか" → で|しょう|か), demonstratives, question words (the question analysis reads
 * those before they are dropped, like English "when" or "who"), and nouns of position (何の上に, 署名の前に),
 * which English says with "on", "before". Any single kana is a function word too.
 */
const JAPANESE_STOP_WORDS = new Set(
  `の は が を に で と も へ や か ね よ な わ って から まで より など だけ ほど しか こそ でも ので のに けど けれど
  について における による によって として とは では には への での との からの です でし でしょ しょう ます まし ませ
  だ だっ だろ である ある あり あっ いる い いう いっ いま いた てい てる てた する し した して しま しまし
  さ され れ られ られる られた される させ させる せ ない なかっ ん う よう そう たい たん くだ さい ください くれ ちょう なる なっ なり
  できる でき この その あの どの こう そう ああ どう これ それ あれ どれ こと もの ところ とき ため
  いつ どこ どちら だれ 誰 なに なん 何 何と 何て なんて 何で 何を 何が どうして なぜ 何故 どんな どういう
  いくら 何人 何年 何時 何月 何日 教え おしえ 知り 知っ 言っ
  上 下 中 前 後 内 外 間 際`
    .split(/\s+/)
    .filter(Boolean)
    .map(normalizeJapanese),
);

/**
 * Question words the segmenter writes as one word: 何月何日 ("which month and day"), 何年何月, 何時何分. Each part
 * asks for a date or a time as 何月 alone does, which the question analysis reads before the word is dropped.
 */
const JOINED_QUESTION_WORDS = /^(?:何(?:年|月|日|時|分|曜日?))(?:何(?:年|月|日|時|分|曜日?))+$/u;

/** Whether a normalized Japanese word carries no topic (see {@link JAPANESE_STOP_WORDS}). */
export function isJapaneseStopWord(word: string): boolean {
  return (
    JAPANESE_STOP_WORDS.has(word) || (word.length === 1 && isKana(word)) || JOINED_QUESTION_WORDS.test(word)
  );
}
