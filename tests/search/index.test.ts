import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { PassageIndex } from '../../src/search/index.js';
import { stem } from '../../src/text/text.js';
import { tempCorpus } from '../support/tempCorpus.js';

/**
 * 2,000 documents about "orbit crater module lunar", 100 about "rocket" alone, one about "zeolite": "rocket"
 * is in 2,100 passages, the four others in 2,000 each.
 */
function corpusText(): string {
  const lines: string[] = [];
  const add = (text: string) =>
    lines.push(JSON.stringify({ id: `d${lines.length}`, title: `Note ${lines.length}`, text }));
  for (let i = 0; i < 2_000; i++) add('The rocket passed an orbit, a crater, a module and a lunar base.');
  for (let i = 0; i < 100; i++) add('The rocket stood still.');
  add('Zeolite was found.');
  return `${lines.join('\n')}\n`;
}

const terms = (text: string) => text.split(' ').map((word) => ({ stem: stem(word), weight: 1 }));
const rocketOnly = (index: PassageIndex, text: string) =>
  index.query(terms(text), 5_000).filter((hit) => hit.passage.text === 'The rocket stood still.').length;

describe('PassageIndex.query and common stems', () => {
  let index: PassageIndex;
  beforeAll(async () => {
    index = PassageIndex.build(await loadCorpusStrict(tempCorpus({ 'notes.jsonl': corpusText() })));
  });

  it('keeps a stem found in most passages while the query scores few passages in all', () => {
    // 2,100 + 2,000 + 1 passages to score: under the budget, "rocket" still retrieves.
    expect(rocketOnly(index, 'rocket orbit zeolite')).toBe(100);
  });

  it('leaves the most common stem out once the query would score too many passages', () => {
    // 2,100 + 4 × 2,000 + 1 = 10,101 passages: "rocket", the most common, is left out of retrieval.
    const hits = index.query(terms('rocket orbit crater module lunar zeolite'), 5_000);
    expect(rocketOnly(index, 'rocket orbit crater module lunar zeolite')).toBe(0);
    expect(hits.some((hit) => hit.passage.text === 'Zeolite was found.')).toBe(true);
    expect(hits).toHaveLength(2_001);
  });

  it('keeps every stem when all are common: nothing rarer would be left to search for', () => {
    expect(rocketOnly(index, 'rocket orbit crater module lunar')).toBe(100);
  });
});

describe('PassageIndex and document titles', () => {
  /** A press release in the corpus format, paragraphs separated by blank lines. */
  const note = (id: string, title: string, paragraphs: string[]) =>
    `---\nid: ${id}\ntitle: ${title}\nurl: https://example.org/${id}\npublished: 2025-05-20\nkind: press-release\n---\n\n${paragraphs.join('\n\n')}\n`;

  it('knows a title word no passage uses, as often as its document has passages', async () => {
    const corpus = await loadCorpusStrict(
      tempCorpus({
        'debris-note.md': note('debris-note', 'Agencies Sign Debris Removal Partnership', [
          'The two agencies will remove defunct satellites from orbit.',
          'The first spacecraft launches in March.',
        ]),
        'rover-note.md': note('rover-note', 'A Rover for the Moon', [
          'The rover carries two astronauts.',
          'It drives far.',
          'It has wheels.',
        ]),
      }),
    );
    const built = PassageIndex.build(corpus);
    expect(built.has(stem('debris'))).toBe(true);
    // "debris" counts in the note's two passages of five: as rare as a word of two passages, not of none.
    expect(built.idf(stem('debris'))).toBeCloseTo(Math.log(1 + (5 - 2 + 0.5) / (2 + 0.5)));
    expect(built.idf(stem('zeolite'))).toBeGreaterThan(built.idf(stem('debris')));
    // A snapshot restores it too.
    const restored = PassageIndex.fromSnapshot(corpus, built.toSnapshot(corpus));
    expect(restored.has(stem('debris'))).toBe(true);
    expect(restored.idf(stem('debris'))).toBe(built.idf(stem('debris')));
  });
});

describe('PassageIndex and Markdown headings', () => {
  it("finds a section's paragraphs by its heading's words, which no paragraph repeats", async () => {
    const text = [
      '---',
      'id: blog',
      'title: Six months to launch',
      'kind: blog',
      '---',
      '',
      'Our team has been quiet on this blog.',
      '',
      '## Money',
      '',
      'The project has cost 184,000 euros so far.',
      '',
      'The radio club raised another 12,000 euros.',
      '',
    ].join('\n');
    const corpus = await loadCorpusStrict(tempCorpus({ 'blog.md': text }));
    const built = PassageIndex.build(corpus);
    const hits = built.query(terms('money'), 10).map((hit) => hit.passage.text);
    expect(hits.sort()).toEqual(
      ['The project has cost 184,000 euros so far.', 'The radio club raised another 12,000 euros.'].sort(),
    );
    expect(built.has(stem('money'))).toBe(true);
  });
});
