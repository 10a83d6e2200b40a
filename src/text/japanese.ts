/**
 * Japanese text analysis: Japanese has no spaces between words, so runs of Japanese script are cut into words
 * by ICU's dictionary-based word segmenter (`Intl.Segmenter`, built into Node), and each word is folded so
 * that the spellings users and documents mix match one another.
 */

/** Characters of Japanese script: kanji, hiragana, katakana (both widths), the long-vowel and iteration marks. */
const JAPANESE_CHAR =
  '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}ー々〆ヵヶ\\u3099-\\u309C\\uFF70\\uFF9E\\uFF9F]';

/** A run of Japanese script, as a regular-expression source (used inside the tokenizer's word pattern). */
export const JAPANESE_RUN = `${JAPANESE_CHAR}+`;

const HAS_JAPANESE = new RegExp(JAPANESE_CHAR, 'u');
const ONLY_KANA = /^[\p{sc=Hiragana}ー]+$/u;
const ONLY_KANJI = /^[\p{sc=Han}々〆]+$/u;

/** Whether `text` holds any Japanese character. */
export function hasJapanese(text: string): boolean {
  return HAS_JAPANESE.test(text);
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

/** The words of a run of Japanese script (punctuation left out), with offsets relative to the run. */
export function segmentJapanese(run: string): { segment: string; index: number }[] {
  const words: { segment: string; index: number }[] = [];
  for (const s of segmenter.segment(run))
    if (s.isWordLike) words.push({ segment: s.segment, index: s.index });
  return words;
}

/** Katakana ァ..ヶ sit exactly 0x60 above their hiragana ぁ..ゖ. */
const KATAKANA_TO_HIRAGANA = 0x60;

/**
 * A Japanese word as compared everywhere: NFKC (half-width ｶﾀｶﾅ → full width), a katakana word of four or more
 * characters loses a final long-vowel mark ("コンピューター" = "コンピュータ", as Lucene's Japanese analyzer does),
 * and katakana is folded to hiragana (ネルソン = ねるそん), as Japanese search engines match them.
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
 * them into ("でしょうか" → で|しょう|か), demonstratives, and question words (the question analysis reads
 * those before they are dropped, like English "when" or "who"). Any single kana is a function word too.
 */
const JAPANESE_STOP_WORDS = new Set(
  `の は が を に で と も へ や か ね よ な わ って から まで より など だけ ほど しか こそ でも ので のに けど けれど
  について における による によって として とは では には への での との からの です でし でしょ しょう ます まし ませ
  だ だっ だろ である ある あり あっ いる い いう いっ いま いた てい てる てた する し した して しま しまし
  さ され れ られ せ ない なかっ ん う よう そう たい たん くだ さい ください くれ ちょう なる なっ なり
  できる でき この その あの どの こう そう ああ どう これ それ あれ どれ こと もの ところ とき ため
  いつ どこ どちら だれ 誰 なに なん 何 何と 何て なんて 何で 何を 何が どうして なぜ 何故 どんな どういう
  いくら 何人 何年 何時 何月 何日 教え おしえ 知り 知っ 言っ`
    .split(/\s+/)
    .filter(Boolean)
    .map(normalizeJapanese),
);

/** Whether a normalized Japanese word carries no topic (see {@link JAPANESE_STOP_WORDS}). */
export function isJapaneseStopWord(word: string): boolean {
  return JAPANESE_STOP_WORDS.has(word) || (word.length === 1 && isKana(word));
}
