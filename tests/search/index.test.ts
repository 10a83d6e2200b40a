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
