import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus, CorpusDocument } from '../../src/corpus/types.js';
import { QuoteIndex } from '../../src/quotes/index.js';

const CORPUS_DIR = join(import.meta.dirname, '../../corpus');
const RELEASE_FILE = 'nasa-us-japan-framework-agreement-2023.md';

/**
 * What each person says in the release, sentence by sentence, copied from the file (the first test checks
 * that every one of them is in it). Quotes end in a comma where the attribution takes over; that comma is not
 * part of the words.
 */
const SAID = {
  'Anthony Blinken': [
    'The future of space is collaborative',
    'Through this agreement, our nations have strengthened our partnership in space and here on Earth.',
    'We will go farther and learn even more together.',
  ],
  'Kishida Fumio': [
    'I expect this agreement to vigorously promote Japan-U.S. space cooperation and expand areas of cooperation for the Japan-U.S. alliance, which is stronger than ever before',
  ],
  'Bill Nelson': [
    'From Low Earth Orbit to the Moon and beyond, Japan is one of NASA’s most significant international partners, and this latest framework agreement will allow us to further collaborate across our agencies’ broad portfolios in exploration, science, and research',
  ],
} as const;
type Speaker = keyof typeof SAID;

/** Names as users type them, and who they mean. Not used to build anything: a held-out check. */
const LOOKUPS: [string, Speaker][] = [
  ['Kishida', 'Kishida Fumio'],
  ['Fumio Kishida', 'Kishida Fumio'],
  ['Kishida Fumio', 'Kishida Fumio'],
  ['prime minister', 'Kishida Fumio'],
  ['the Prime Minister', 'Kishida Fumio'],
  ['PM', 'Kishida Fumio'],
  ['kishda', 'Kishida Fumio'],
  ['Japanese prime minister', 'Kishida Fumio'],
  ['Prime Minister Fumio Kishida', 'Kishida Fumio'],
  ['premier', 'Kishida Fumio'],
  ['Antony Blinken', 'Anthony Blinken'],
  ['Anthony Blinken', 'Anthony Blinken'],
  ['blinken', 'Anthony Blinken'],
  ['secretary of state', 'Anthony Blinken'],
  ['U.S. Secretary of State', 'Anthony Blinken'],
  ['US secretary of state', 'Anthony Blinken'],
  ['us secretary of state', 'Anthony Blinken'],
  ['Secretary Blinken', 'Anthony Blinken'],
  ['blinkin', 'Anthony Blinken'],
  ['nasa administrator', 'Bill Nelson'],
  ['Nelson', 'Bill Nelson'],
  ['Bill Nelson', 'Bill Nelson'],
  ['Administrator Nelson', 'Bill Nelson'],
  ['NASA chief', 'Bill Nelson'],
  ['nelsen', 'Bill Nelson'],
  ['head of NASA', 'Bill Nelson'],
  ['  NASA   ADMINISTRATOR  ', 'Bill Nelson'],
  ['nasa admin', 'Bill Nelson'],
  ['Sen. Bill Nelson', 'Bill Nelson'],
  ['state secretary', 'Anthony Blinken'],
  ['sec of state', 'Anthony Blinken'],
];

/** In the text or the register, never quoted. */
const NEVER_QUOTED = [
  'Anne McClain',
  'anne mclain',
  'Pam Melroy',
  'Melroy',
  'deputy administrator',
  'NASA Deputy Administrator',
  'deputy NASA administrator',
  'the deputy',
  'Yamakawa Hiroshi',
  'JAXA president',
  'Hoshide',
  'Akihiko Hoshide',
];
/** Nobody's name: an organisation in a title is not the person holding it (no role word typed). */
const UNKNOWN = ['Biden', 'Joe Biden', 'Elon Musk', 'zzzz', 'JAXA', 'the Japan Aerospace Exploration Agency'];

let corpus: Corpus;
let release: CorpusDocument;
let file: string;
let index: QuoteIndex;

beforeAll(async () => {
  corpus = await loadCorpusStrict(CORPUS_DIR);
  const doc = corpus.documents.find((d) => d.file === RELEASE_FILE);
  if (!doc) throw new Error(`${RELEASE_FILE} did not load`);
  release = doc;
  file = await readFile(join(CORPUS_DIR, RELEASE_FILE), 'utf8');
  index = QuoteIndex.build(corpus);
});

/** What is left of a quote once every sentence the speaker said is taken out: nothing but spacing. */
function leftover(quote: string, sentences: readonly string[]): string {
  return sentences.reduce((rest, sentence) => rest.replace(sentence, ''), quote).trim();
}

describe('the bundled release', () => {
  it('holds every sentence of the expected quotes', () => {
    for (const sentence of Object.values(SAID).flat()) expect(file).toContain(sentence);
  });

  it('cites every quote at its exact place in the document and the file', () => {
    const bodyOffset = file.indexOf(release.text);
    expect(bodyOffset).toBeGreaterThan(0); // after the front matter
    const choices = index.speakers('', 25);
    expect(choices.map((c) => c.name).sort()).toEqual(Object.keys(SAID).sort());
    let count = 0;
    for (const choice of choices) {
      for (const quote of index.quote(choice.name).quotes) {
        count++;
        const { citation } = quote;
        expect(citation.document).toBe(release.id);
        expect(citation.title).toBe(release.title);
        expect(citation.url).toBe(release.url);
        expect(release.text.slice(citation.start, citation.end)).toBe(quote.text);
        expect(file.slice(bodyOffset + citation.start, bodyOffset + citation.end)).toBe(quote.text);
        expect(quote.text).not.toMatch(/^["“”]|["“”]$/); // the marks are not part of the words
        const passage = corpus.passages.find(
          (p) => p.docId === release.id && p.paragraph === citation.paragraph,
        );
        expect(passage?.text).toContain(quote.text);
      }
    }
    expect(count).toBe(index.count);
  });

  it.each(LOOKUPS)('/quote %j finds every quote sentence of %s and nobody else’s', (typed, speaker) => {
    const result = index.quote(typed);
    expect(result.speaker?.name).toBe(speaker);
    expect(result.known).toBe(true);
    expect(result.suggestions).toEqual([]);
    const texts = result.quotes.map((q) => q.text);
    for (const sentence of SAID[speaker]) expect(texts.some((t) => t.includes(sentence))).toBe(true);
    for (const text of texts) expect(leftover(text, SAID[speaker])).toBe('');
    const starts = result.quotes.map((q) => q.citation.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b)); // document order
  });

  it('gives titles from the register', () => {
    expect(index.quote('Kishida').speaker).toEqual({
      name: 'Kishida Fumio',
      title: 'Prime Minister of Japan',
    });
    expect(index.quote('Nelson').speaker).toEqual({ name: 'Bill Nelson', title: 'NASA Administrator' });
  });

  it.each(NEVER_QUOTED)('/quote %j: known, never quoted, and suggests who is', (typed) => {
    const result = index.quote(typed);
    expect(result).toMatchObject({ speaker: null, known: true, quotes: [] });
    expect(result.suggestions.length).toBeGreaterThan(0);
    for (const name of result.suggestions) expect(Object.keys(SAID)).toContain(name);
  });

  it.each(UNKNOWN)('/quote %j: unknown, with the closest quoted speakers', (typed) => {
    const result = index.quote(typed);
    expect(result).toMatchObject({ speaker: null, known: false, quotes: [] });
    expect(result.suggestions.length).toBeGreaterThan(0);
    for (const name of result.suggestions) expect(Object.keys(SAID)).toContain(name);
  });

  it('suggests the closest speaker first for a near miss that is no one', () => {
    expect(index.quote('Nelsonian Dynamics').suggestions[0]).toBe('Bill Nelson');
  });
});
