import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../src/contract/limits.js';
import { bundledKnowledgeBase } from '../support/kb.js';
import { accordSystem, answerF1, askForFigures, atMostTwoSentences, isHit, normalizeAnswer } from './qa.js';
import { readSquad, squadCorpus, squadItems } from './squad.js';

describe('the hit rule of issue 12', () => {
  it('counts sentence breaks: punctuation, an optional closer, white space, a capital', () => {
    expect(atMostTwoSentences('One. Two.')).toBe(true);
    expect(atMostTwoSentences('One. Two! Three.')).toBe(false);
    expect(atMostTwoSentences('He said "One." Then two? "Yes"')).toBe(true);
    expect(atMostTwoSentences('The U.S. and Japan. Then e.g. three.')).toBe(true);
  });

  it('needs a gold string as given (case-sensitive); an abstention is a miss', () => {
    expect(isHit('Signed on January 13.', ['January 13'])).toBe(true);
    expect(isHit('Signed on january 13.', ['January 13'])).toBe(false);
    expect(isHit(null, ['January 13'])).toBe(false);
  });
});

describe('how the figures ask Accord', () => {
  it('count a question ask refuses as an abstention listing nothing, and go on', async () => {
    const kb = await bundledKnowledgeBase();
    const tooLong = 'why '.repeat(MAX_QUESTION_LENGTH);
    expect(() => kb.ask(tooLong)).toThrow();
    expect(askForFigures(kb, tooLong)).toMatchObject({ answer: null, passages: [], total: 0 });
    expect(accordSystem(kb)('   ')).toEqual({ text: null, top: null, short: null });
    // What ask does not refuse comes through as it answers, with the ten passages `ask --limit 10` lists.
    const asked = askForFigures(kb, 'When was the agreement signed?');
    expect(asked).toEqual(kb.ask('When was the agreement signed?', { limit: 10 }));
    expect(asked.passages.length).toBeGreaterThan(5);
  });
});

describe('SQuAD files as a corpus', () => {
  it('makes one document per article, SQuAD paragraph i being passage p(i+1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-squad-test-'));
    try {
      const file = join(dir, 'tiny.json');
      const qa = (question: string, answer: string | null) => ({
        question,
        answers: answer ? [{ text: answer }] : [],
        is_impossible: answer === null,
      });
      writeFileSync(
        file,
        JSON.stringify({
          data: [
            {
              title: 'Tiny_article',
              paragraphs: [
                { context: 'The first paragraph is short.', qas: [qa('What is short?', 'first paragraph')] },
                {
                  context: 'The second one names  Osaka.',
                  qas: [qa('Which   city?', 'Osaka'), qa('Why?', null)],
                },
              ],
            },
          ],
        }),
      );
      const articles = readSquad(file);
      const corpus = await squadCorpus(articles);
      expect(corpus.documents.map((d) => d.id)).toEqual(['Tiny_article']);
      expect(corpus.passages.map((p) => [p.id, p.text])).toEqual([
        ['Tiny_article#p1', 'The first paragraph is short.'],
        ['Tiny_article#p2', 'The second one names  Osaka.'],
      ]);
      expect(squadItems(articles)).toEqual([
        {
          question: 'What is short?',
          golds: ['first paragraph'],
          where: { document: 'Tiny_article', paragraph: 1 },
        },
        { question: 'Which city?', golds: ['Osaka'], where: { document: 'Tiny_article', paragraph: 2 } },
        { question: 'Why?', golds: [], where: null },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which field of a file that is not SQuAD is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-squad-test-'));
    try {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ data: [{ title: 'x', paragraphs: [{ context: 1, qas: [] }] }] }));
      expect(() => readSquad(file)).toThrow(
        `${file}: not SQuAD JSON: data.0.paragraphs.0.context: Invalid input: expected string, received number`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SQuAD's answer normalization, exact match and F1", () => {
  it('lower-cases and drops punctuation and articles, as the official script does', () => {
    expect(normalizeAnswer('The  Cat, sat!')).toBe('cat sat');
    expect(normalizeAnswer('an “Apple”')).toBe('“apple”');
  });

  it('scores token overlap: precision and recall of the normalized words', () => {
    expect(answerF1('the cat sat', 'cat sat down')).toBeCloseTo(0.8);
    expect(answerF1('January 13th', 'Friday, January 13th')).toBeCloseTo(0.8);
    expect(answerF1('Kishida', 'Yamakawa')).toBe(0);
  });
});
