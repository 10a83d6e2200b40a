/**
 * Quotes in Japanese text: 「…」 followed by と and a verb of speech, with the speaker named in the same
 * sentence ("スミス長官は「…」と述べた", "「…」とスミス長官は語った", "山田教授は記者会見で、「…」と語った").
 * The speaker is a person the people directory knows, or someone the text names the way Japanese text names
 * people: a name in kanji or katakana right before an honorific or a title ("山田花子氏", "佐藤社長",
 * "ルカ・ベルナルディ氏"). A family name alone ("山田氏") is the one person of the document whose full name
 * starts with it. A quote with no speaker of its own is the previous quote's only when the text says so: in
 * the same sentence after "と述べ、", or in the next sentence with nothing but a connective ("そのうえで、")
 * before it. Anything else is left out rather than guessed.
 */
import type { Span } from '../contract/types.js';
import { splitParagraphs } from '../corpus/segment.js';
import type { CorpusDocument } from '../corpus/types.js';
import { isKanji, normalizeJapanese, segmentJapanese } from '../text/japanese.js';
import { JAPANESE_HONORIFIC_WORDS, JAPANESE_ROLE_WORDS } from '../text/roles.js';
import { escapeRegExp } from '../text/text.js';
import type { ExtractedQuote } from './extract.js';
import { nameTokens } from './names.js';
import {
  decide,
  isFromText,
  isRegistered,
  type PeopleDirectory,
  type Person,
  type Resolution,
} from './people.js';

const HONORIFIC = `(?:${JAPANESE_HONORIFIC_WORDS.join('|')})`;
const KANJI = '[\\p{sc=Han}々]';
/**
 * A family name in kanji and a given name in hiragana, before an honorific ("森田ゆかりさん", "高田あおい氏"):
 * two or three kanji, then two to four hiragana that do not begin with a particle no name begins with
 * ("学生のみなさん" is no name) nor make a word with さん that names no one ("参加者みなさん", "住民たくさん",
 * "町内会おかあさん"), alone or after a particle many names begin with too (はるか, かおり, ともみ, よしこ, りえ:
 * "学生はみなさん", "夫とおかあさん", "今回はこちら様" are no names).
 */
const GIVEN_IN_HIRAGANA = `${KANJI}{2,3}(?![がのをにもでやへ]|みな|たく|お|(?:[はかと]|より)(?:みな|たく|お(?:かあ|とう|じ|ば|ねえ|にい)|こちら|そちら|どちら))\\p{sc=Hiragana}{2,4}(?=${HONORIFIC})`;
/**
 * Who a phrase before or after a quote names, without the は or が that ends it: no は or が inside, but for
 * those of a given name in hiragana (山田はるかさん, 村井ちはる氏).
 */
const SPEAKER = `(?:[^。！？「」、\\sはが]{0,40}?${GIVEN_IN_HIRAGANA}${HONORIFIC}|[^。！？「」、\\sはが]{1,40}?)`;

/** A kanji word, then hiragana beginning as a particle does, up to an honorific closing a phrase. */
const PARTICLE_OR_GIVEN = new RegExp(`${KANJI}(?=(?:[はかと]|より)\\p{sc=Hiragana}{1,3}${HONORIFIC}$)`, 'u');

/**
 * A phrase naming someone without a word and particle {@link GIVEN_IN_HIRAGANA} read as a family and a given
 * name: "今回はゆかりさん" is 今回 は ゆかりさん and "社長とあやかさん" 社長 と あやかさん, where "山田はるかさん" is
 * 山田 はるかさん. Which it is, only the words tell: the word segmenter cuts a particle as a word of its own.
 */
function withoutParticleTakenForName(phrase: string): string {
  const kanji = PARTICLE_OR_GIVEN.exec(phrase);
  if (!kanji) return phrase;
  const at = kanji.index + kanji[0].length;
  const next = segmentJapanese(phrase).find((w) => w.index === at);
  return next && /^(?:[はかと]|より|とか)$/u.test(next.word) ? phrase.slice(at + next.length) : phrase;
}
/** Verbs of speech after "と": 述べた, 語った, 言った, 話した, 強調した, 説明した, 表明した, 明かした, コメントした. */
const SPEECH = '(?:述べ|語っ|語り|言っ|言い|話し|強調し|説明し|表明し|明かし|コメントし|発言し|訴え)';
/** Who is spoken to, between "と" and the verb: "記者団に", "報道陣に対し". */
const ADDRESSEE = '[^。！？「」、\\sはが]{1,15}?(?:に対して|に対し|に|へ)[、,]?\\s*';
/**
 * After the quote: "と" then the verb, or "と" + the speaker (+ は/が/も) + the verb, perhaps with whom they
 * spoke to before it ("と記者団に語った").
 */
const AFTER = new RegExp(
  `^と[、,]?\\s*(?:(${SPEAKER})(?:は|が|も)[、,]?\\s*)?(?:${ADDRESSEE})?${SPEECH}`,
  'u',
);
/**
 * The verb's ending when it describes a noun after it ("と述べた佐藤氏の発言": 述べた is said of someone else's
 * remark, not reported of the sentence's subject), unless the noun is a connective ("と述べた上で、").
 */
const DESCRIBES_NOUN =
  /^(?:ていた|ている|てきた|た|る)(?!上で|上、|うえで|後|あと|際|一方|ほか)[\p{sc=Han}々\p{sc=Katakana}]/u;
/** Words that go on with what was just said, by the same speaker ("そのうえで", "さらに"). */
const GOING_ON = '(?:そのうえで|その上で|さらに|また|続けて|加えて|そして|同時に|改めて|最後に)';
/**
 * Before the quote, in the same sentence: the speaker nearest it, then は or が, perhaps "また" and where they
 * spoke ("山田氏は記者会見で、「…」"). Neither holds a は or が of its own, so in "AはBが会見で「…」" the speaker
 * is B, who says the quote, not A, who reports it.
 */
const BEFORE = new RegExp(
  `(${SPEAKER})(?:は|が)[、,]?\\s*(?:${GOING_ON}[、,]?\\s*)?(?:([^。！？「」、\\sはが]{1,15}?)(?:で|にて)[、,]?\\s*)?$`,
  'u',
);
/** What stands between two quotes of one sentence when the second goes on in the first one's voice: "と述べ、". */
const SAME_SENTENCE_ON = new RegExp(`^と[、,]?\\s*${SPEECH}[^。！？「」]{0,6}[、,]\\s*$`, 'u');
/** What stands before a quote that opens a sentence going on in the previous sentence's voice. */
const NEXT_SENTENCE_ON = new RegExp(`^\\s*(?:${GOING_ON}[、,]?\\s*)?$`, 'u');

/** Words that may stand before a title in the same title (副社長, 前社長, 代表取締役社長). */
const TITLE_PREFIX = '(?:副|前|元|新|次期|初代|名誉|特任|客員|主任|上席|統括|首席|専務|常務|代表)';
const TITLE = `(?:${TITLE_PREFIX}*(?:${[...JAPANESE_ROLE_WORDS].sort((a, b) => b.length - a.length).join('|')}))+`;
const KATAKANA = '[\\p{sc=Katakana}ー]';
/** A name in katakana, its parts joined by ・ or ＝ ("ルカ・ベルナルディ"). */
const KATAKANA_NAME = `${KATAKANA}{2,}(?:[・＝=]${KATAKANA}{2,})*`;
/**
 * A name and what marks it one: two to five kanji (not after more kanji) or katakana (not after more katakana),
 * then a title, perhaps with an honorific after it, or an honorific alone. A katakana name's title may start
 * with kanji words of its own ("技術担当副社長"); a kanji name is the fewest kanji a title can follow.
 */
const NAMED_SOURCE =
  `(?<!${KANJI})(?<kanji>${KANJI}{2,5}?|${GIVEN_IN_HIRAGANA})(?:(?<kanjiTitle>${TITLE})(?<kanjiTitled>${HONORIFIC})?|(?<kanjiHonorific>${HONORIFIC}))` +
  `|(?<![\\p{sc=Katakana}ー・＝=])(?<katakana>${KATAKANA_NAME})(?:(?<katakanaTitle>${KANJI}{0,6}?${TITLE})(?<katakanaTitled>${HONORIFIC})?|(?<katakanaHonorific>${HONORIFIC}))`;
/** A name marked so at the end of a phrase. */
const NAMED = new RegExp(`(?:${NAMED_SOURCE})$`, 'u');
/** Names marked so anywhere in a text. */
const NAMED_ANYWHERE = new RegExp(NAMED_SOURCE, 'gu');
/** Whether a text holds a name marked so. */
const NAMED_INSIDE = new RegExp(NAMED_SOURCE, 'u');
/** The start of a title or an honorific, after a name. */
const MARK_AHEAD = new RegExp(`^(?:${TITLE}|${HONORIFIC})`, 'u');

/** A name the text marks as a person's, as it writes it. */
interface Named {
  name: string;
  title: string | null;
  honorific: boolean;
  katakana: boolean;
  /** The text before the name, in the phrase or text it was found in. */
  before: string;
}

/** The name at the end of a phrase ("機構の理事長を務める山田花子氏" → 山田花子), or `null` when none is marked. */
function namedAtEnd(phrase: string): Named | null {
  const trimmed = phrase.trim();
  const m = NAMED.exec(trimmed);
  return m ? named(m, trimmed) : null;
}

function named(m: RegExpExecArray, text: string): Named {
  const g = m.groups ?? {};
  const katakana = g.katakana !== undefined;
  return {
    name: (katakana ? g.katakana : g.kanji) ?? '',
    title: (katakana ? g.katakanaTitle : g.kanjiTitle) ?? null,
    honorific: katakana
      ? (g.katakanaTitled ?? g.katakanaHonorific) !== undefined
      : (g.kanjiTitled ?? g.kanjiHonorific) !== undefined,
    katakana,
    before: text.slice(0, m.index),
  };
}

/**
 * Whether a marked name is a person's for sure: an honorific follows only names ("佐藤氏"); a whole name before a
 * title ("山田花子教授") when the text writes it as no noun elsewhere and either names the organisation before it
 * ("青葉大学の山田花子教授") or writes the name with an honorific elsewhere. Kanji or katakana before a title alone
 * may be the organisation the title is of ("東京都知事", "ブルー・オリジン社長"). "両" ("山田、佐藤両氏") joins
 * two people's names, and is none.
 */
function isSureName(text: string, found: Named): boolean {
  if (found.name.endsWith('両')) return false;
  if (found.honorific) return true;
  if (!isFullName(found) || isNounStem(text, found.name)) return false;
  return (
    /の\s*$/u.test(found.before) || new RegExp(`${escapeRegExp(found.name)}${HONORIFIC}`, 'u').test(text)
  );
}

/**
 * The full names a document marks as people's outside quotes (山田花子氏, ルカ・ベルナルディ氏), as written,
 * with the first title it gives each ("山田花子理事長").
 */
function fullNames(text: string, quoted: Span[]): Map<string, string | null> {
  const names = new Map<string, string | null>();
  for (const m of text.matchAll(NAMED_ANYWHERE)) {
    if (quoted.some((q) => q.start <= m.index && m.index < q.end)) continue;
    const found = named(m, text);
    if (!isFullName(found) || !isSureName(text, found)) continue;
    if (!names.get(found.name)) names.set(found.name, found.title);
  }
  return names;
}

/** Whether a name is a whole one rather than perhaps a family name: three kanji or more, katakana with a ・. */
function isFullName(found: Named): boolean {
  return found.katakana ? /[・＝=]/u.test(found.name) : found.name.length >= 3;
}

/**
 * Whether kanji the text puts before a title are a noun rather than a name: elsewhere the text writes them
 * with more kanji after them that begin no title or honorific ("宇宙開発部長" and "宇宙開発機構").
 */
function isNounStem(text: string, name: string): boolean {
  if (!isKanji(name)) return false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const after = text.slice(at + name.length, at + name.length + 12);
    if (/^[\p{sc=Han}々]/u.test(after) && !MARK_AHEAD.test(after)) return true;
  }
  return false;
}

/**
 * The full name a shorter one stands for in a document: the one full name starting with it (kanji: 山田 for
 * 山田花子) or holding it as a part (katakana: ベルナルディ for ルカ・ベルナルディ); itself when it is one; `null`
 * when several fit, `undefined` when none does.
 */
function fullNameOf(text: string, name: string, full: Map<string, string | null>): string | null | undefined {
  if (full.has(name)) return name;
  const fitting = [...full.keys()].filter((f) =>
    /[・＝=]/u.test(f) ? f.split(/[・＝=]/u).includes(name) : f.startsWith(name),
  );
  if (fitting.length > 1) return null;
  const whole = fitting[0];
  if (isKanji(name) && othersMayBearIt(text, name, whole)) return null;
  return whole;
}

/** Hiragana after a family name that begin no given name: particles and suffixes ("山田は", "山田ら"). */
const NOT_GIVEN = /^(?:[はがのをにともでやへかられ]|だ|です|など|たち)/u;

/**
 * Whether the text writes a family name in kanji, somewhere, before what may be a given name other than that
 * of `whole` ("夫の山田一郎も" besides 山田花子; "田中ゆかり氏" besides 田中健一), so that "山田氏" may be either.
 */
function othersMayBearIt(text: string, family: string, whole: string | undefined): boolean {
  for (let at = text.indexOf(family); at >= 0; at = text.indexOf(family, at + 1)) {
    if (at > 0 && /[\p{sc=Han}々]/u.test(text[at - 1] ?? '')) continue;
    const after = text.slice(at + family.length, at + family.length + 12);
    if (whole && text.startsWith(whole, at)) continue;
    if (MARK_AHEAD.test(after) || NOT_GIVEN.test(after)) continue;
    if (/^[\p{sc=Han}々\p{sc=Hiragana}\p{sc=Katakana}]/u.test(after)) return true;
  }
  return false;
}

/** The 「…」 quotes of a paragraph at the outer level (quotes inside quotes stay part of them). */
function brackets(text: string, paragraph: Span): { open: number; close: number }[] {
  const found: { open: number; close: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i];
    if (ch === '「') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '」' && depth > 0) {
      depth--;
      if (depth === 0) found.push({ open, close: i });
    }
  }
  return found;
}

/** The start of the sentence holding `at`: after the last 。！？ before it (or the paragraph's start). */
function sentenceStart(text: string, paragraph: Span, at: number): number {
  for (let i = at - 1; i >= paragraph.start; i--) if (/[。！？]/.test(text[i] ?? '')) return i + 1;
  return paragraph.start;
}

/** A quote read so far, for the next one to go on in its voice. */
interface Previous {
  close: number;
  speaker: Person;
  /** Where its sentence ends (after its 。), or -1 when it does not end in the paragraph. */
  sentenceEnd: number;
}

/** The Japanese quotes of a document whose speaker is known. */
export function extractJapaneseQuotes(doc: CorpusDocument, people: PeopleDirectory): ExtractedQuote[] {
  const { text } = doc;
  const quotes: ExtractedQuote[] = [];
  if (!text.includes('「')) return quotes;
  const paragraphs = splitParagraphs(text, doc.bodyStart);
  const perParagraph = paragraphs.map((p) => brackets(text, p));
  const full = fullNames(
    text,
    perParagraph.flat().map(({ open, close }) => ({ start: open, end: close })),
  );
  paragraphs.forEach((paragraph, index) => {
    // The quote before in the paragraph, when it was attributed.
    const voice: { last: Previous | null } = { last: null };
    for (const { open, close } of perParagraph[index] ?? []) {
      const rest = text.slice(close + 1, Math.min(paragraph.end, close + 80));
      const after = AFTER.exec(rest);
      const { last } = voice;
      voice.last = null;
      if (!after || DESCRIBES_NOUN.test(rest.slice(after[0].length))) continue;
      const head = text.slice(sentenceStart(text, paragraph, open), open);
      const before = BEFORE.exec(head);
      // "山田氏は佐藤氏と会見で「…」": the place holds another person, who may have said it.
      if (!after[1] && before?.[2] && NAMED_INSIDE.test(before[2])) continue;
      const phrase = after[1] ?? before?.[1];
      let speaker: Person | null = null;
      if (phrase) speaker = speakerOf(text, withoutGloss(withoutParticleTakenForName(phrase)), full, people);
      else if (last && goesOn(text, last, open, head)) speaker = last.speaker;
      if (!speaker) continue;
      const end = text.slice(close + 1, paragraph.end).search(/[。！？]/u);
      voice.last = { close, speaker, sentenceEnd: end < 0 ? -1 : close + 1 + end + 1 };
      let start = open + 1;
      let stop = close;
      while (start < stop && /\s/.test(text[start] ?? '')) start++;
      while (stop > start && /\s/.test(text[stop - 1] ?? '')) stop--;
      if (stop > start) quotes.push({ text: text.slice(start, stop), start, end: stop, speaker });
    }
  });
  return quotes;
}

/**
 * A phrase naming someone without what it adds in parentheses after the name or title: an abbreviation of the
 * title ("最高経営責任者（CEO）"), an age ("山田花子理事長（62）").
 */
function withoutGloss(phrase: string): string {
  return phrase.replace(/[（(][^（）()「」]{1,20}[）)]\s*$/u, '');
}

/**
 * Whether a quote with no speaker named goes on in the voice of the quote before it: in the same sentence
 * after "と述べ、", or opening the next sentence with nothing but a connective before it ("そのうえで、「…」").
 */
function goesOn(text: string, last: Previous, open: number, head: string): boolean {
  if (SAME_SENTENCE_ON.test(text.slice(last.close + 1, open))) return true;
  return last.sentenceEnd >= 0 && last.sentenceEnd === open - head.length && NEXT_SENTENCE_ON.test(head);
}

/**
 * The person a phrase before or after a quote names ("機構の山田花子理事長", "山田氏", "スミス長官"); `null` when
 * unsure. A name the phrase ends on, marked by a title or an honorific, decides: a registered person's, one of
 * the document's people's (a family name stands for the one full name starting with it), or a new person's
 * when the mark makes it a name for sure. Without one, a registered name or role in the phrase decides.
 */
function speakerOf(
  text: string,
  phrase: string,
  full: Map<string, string | null>,
  people: PeopleDirectory,
): Person | null {
  const found = namedAtEnd(phrase);
  if (!found) {
    const registered = people.matchKnown(nameTokens(phrase));
    return registered.kind === 'person' ? registered.person : null;
  }
  // "山田太郎社長と佐藤花子部長は": said by both together, by neither alone.
  // The first name may have a gloss of its own ("佐藤一郎氏（左）と山田花子氏（右）は"), as the phrase's had.
  const joined = /(?:と|や|および|及び)$/u.exec(found.before);
  if (joined && namedAtEnd(withoutGloss(found.before.slice(0, joined.index)))) return null;
  if (found.name.endsWith('両')) return null;
  const whole = fullNameOf(text, found.name, full);
  if (whole === null) return null;
  if (whole === undefined) {
    const registered = people.matchKnown(nameTokens(found.name));
    if (!isFullName(found) && registered.kind === 'person' && isRegistered(registered.person))
      return registered.person;
    // A name of its own only when its mark makes it one for sure.
    if (!isSureName(text, found)) return null;
  }
  const name = whole ?? found.name;
  // A full name is a registered person's only when it is their name or an alias ("山田花子" is not the
  // 山田太郎 of a register calling him 山田 too).
  const accepts = (person: Person) =>
    !isRegistered(person) ||
    !(whole !== undefined || isFullName(found)) ||
    [person.name, ...person.names.map((n) => n.join(''))].some((n) => compact(n) === compact(name));
  const person = people.personForRun(name, found.title ?? full.get(name) ?? null, accepts);
  if (person && name !== found.name) people.alsoNamed(person, found.name);
  return person;
}

/**
 * The text's names of a directory's people in Japanese script, whole and by part ("ルカ・ベルナルディ",
 * "ベルナルディ", "山田" when the text calls 山田花子 so), as a Japanese question may write them.
 */
export function japaneseNamesOf(people: PeopleDirectory): string[] {
  const names: string[] = [];
  for (const person of people.people) {
    if (!isFromText(person) || !/[\p{sc=Han}\p{sc=Katakana}]/u.test(person.name)) continue;
    names.push(person.name, ...person.name.split(/[・＝=]/u));
    for (const variant of person.names) names.push(variant.join(''));
  }
  return names;
}

/** A name as compared across scripts and spellings: folded, without ・, spaces and long-vowel marks. */
function compact(name: string): string {
  return normalizeJapanese(name.replace(/[・＝=\s]/gu, '')).replace(/[ーｰ]/gu, '');
}

/**
 * The person a Japanese name typed by a user stands for, when the ordinary look-up found nobody: the name
 * without its honorific or title, in hiragana or katakana alike ("べるなるでぃさん" for ベルナルディ), whole or as
 * a part of a katakana name.
 */
export function lookupJapanese(
  typed: string,
  people: PeopleDirectory,
  preferred: (person: Person) => boolean,
): Resolution {
  const core = compact(typed.trim().replace(new RegExp(`(?:${TITLE})?(?:${HONORIFIC})?$`, 'u'), ''));
  if (core.length < 2) return { kind: 'none' };
  const fits = (person: Person) =>
    [person.name, ...person.names.map((v) => v.join('')), ...person.roles.map((v) => v.join(''))]
      .filter((n) => /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー々・＝=]+$/u.test(n))
      .some(
        (n) =>
          compact(n) === core ||
          n.split(/[・＝=]/u).some((part) => compact(part) === core) ||
          // A family name: the kanji a name the text gives someone starts with ("山田" for 山田花子 or 山田はな).
          (isFromText(person) &&
            isKanji(core) &&
            /^[\p{sc=Han}々]+\p{sc=Hiragana}*$/u.test(n) &&
            n.length > core.length &&
            n.startsWith(core)),
      );
  return decide(people.people.filter(fits), preferred);
}
