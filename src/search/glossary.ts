import type { GlossaryEntry, SpeakerEntry } from '../corpus/types.js';
import { hasJapanese, JapaneseDictionary, japaneseRuns, segmentJapanese } from '../text/japanese.js';
import { contentTerms } from '../text/text.js';

/** A run of query stems matched by a glossary wording, and what it may also mean. */
export interface Expansion {
  /** Index of the first stem matched, and how many stems the wording spans. */
  at: number;
  length: number;
  /** Stem sequences the wording means in the corpus's own words (none: it is a unit, kept as typed). */
  meanings: string[][];
}

const MAX_PHRASE = 5;

/**
 * The glossary compiled for query time: wordings are analyzed exactly like queries (stop words dropped,
 * stemmed), so "deals", "the deal" and "Deal" all hit the entry for "deal".
 */
export class Glossary {
  private readonly meanings = new Map<string, string[][]>();
  /**
   * The Japanese words of every wording, kept whole when questions are read (ICU cuts "スミス" into
   * ブリ|ン|ケン): analyze questions with it so that they meet the glossary's wordings.
   */
  readonly dictionary: JapaneseDictionary;

  constructor(entries: GlossaryEntry[]) {
    this.dictionary = new JapaneseDictionary(
      entries.flatMap((e) => [e.text, ...e.typed]).flatMap((wording) => japaneseRuns(wording)),
    );
    const stemsOf = (text: string) => contentTerms(text, this.dictionary).map((t) => t.stem);
    for (const entry of entries) {
      // A Japanese wording is also what a Japanese document says, cut by the segmenter alone; and the Japanese
      // wordings of one entry say the same thing (トップ, 理事長 for "President"): a Japanese document says it in
      // one of them.
      const japanese = [entry.text, ...entry.typed].filter(hasJapanese);
      for (const wording of japanese) {
        for (const other of japanese) {
          const plain = contentTerms(other).map((t) => t.stem);
          if (plain.length > 0) this.add(stemsOf(wording), plain);
        }
      }
      const text = stemsOf(entry.text);
      const typed = entry.typed.map(stemsOf).filter((s) => s.length > 0);
      if (text.length === 0) continue;
      // A corpus wording of several words is one idea: "Geneva Conventions" must not expand its "conventions". Not
      // for the bilingual register's entries: translating a term into English says nothing of English questions.
      if (text.length > 1 && !entry.typed.every(hasJapanese)) this.add(text, null);
      for (const wording of typed) this.add(wording, text);
      if (!entry.both) continue;
      // Two-way entries are sets of equivalent wordings: "American" also means "U.S.", not only "United States".
      const all = [text, ...typed];
      for (const from of all) for (const to of all) this.add(from, to);
    }
  }

  /** Records that `from` also means `to` (`null`: only that `from` is one unit). */
  private add(from: string[], to: string[] | null): void {
    if (from.length === 0 || from.length > MAX_PHRASE) return;
    const key = from.join(' ');
    const list = this.meanings.get(key) ?? [];
    if (to && to.join(' ') !== key && !list.some((m) => m.join(' ') === to.join(' '))) list.push(to);
    this.meanings.set(key, list);
  }

  /** Longest-first, left-to-right matches of glossary wordings in a stem sequence. */
  expand(stems: string[]): Expansion[] {
    const found: Expansion[] = [];
    for (let i = 0; i < stems.length; ) {
      let matched = false;
      for (let length = Math.min(MAX_PHRASE, stems.length - i); length >= 1; length--) {
        const meanings = this.meanings.get(stems.slice(i, i + length).join(' '));
        if (meanings) {
          found.push({ at: i, length, meanings });
          i += length;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
    return found;
  }
}

/**
 * The speakers register read as glossary entries, so that what users call people bridges to what the text
 * says: "company boss" → "Jane Smith" and "ACME Director".
 */
export function speakerGlossary(speakers: SpeakerEntry[]): GlossaryEntry[] {
  return speakers.flatMap((speaker) => {
    const byName: GlossaryEntry = {
      text: speaker.name,
      typed: [...speaker.aliases, ...(speaker.title ? [speaker.title] : [])],
      both: false,
    };
    if (!speaker.title) return byName.typed.length ? [byName] : [];
    return [byName, { text: speaker.title, typed: [speaker.name, ...speaker.aliases], both: false }];
  });
}

/** A name written in hiragana between 「」 ("「みずなぎ」", "「あけぼの3号」"). */
const KANA_NAME = /「([\p{sc=Hiragana}ー]{3,10})(?:\p{N}+号機?)?」/gu;

/**
 * Names the documents write in hiragana between 「」 (a buoy 「みずなぎ」) that the segmenter cuts into
 * pieces (み|ず|な|ぎ), as glossary wordings of themselves: a question then reads the name whole, as a topic, and
 * it meets the pieces the passages were indexed with, where its pieces alone would read as a verb's ending.
 */
export function kanaNameGlossary(documents: readonly { text: string }[]): GlossaryEntry[] {
  const names = new Set<string>();
  for (const { text } of documents) {
    if (!text.includes('「')) continue;
    for (const [, name] of text.matchAll(KANA_NAME))
      if (name && segmentJapanese(name).length > 1) names.add(name);
  }
  return [...names].map((text) => ({ text, typed: [], both: false }));
}
