import { beforeAll, describe, expect, it } from 'vitest';
import type { AskResult, KnowledgeBase } from '../../src/contract/types.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { bundledText, sentenceWith } from '../support/bundled.js';
import { bundledKnowledgeBase } from '../support/kb.js';
import { tempCorpus } from '../support/tempCorpus.js';

/** The short answer, checked to be the document's own text at its offsets, inside the cited sentence. */
function shortOf(result: AskResult, documentText: string): string | null {
  const answer = result.answer;
  const short = answer?.short;
  if (!answer || !short) return null;
  expect(documentText.slice(short.start, short.end)).toBe(short.text);
  expect(short.start).toBeGreaterThanOrEqual(answer.citation.start);
  expect(short.end).toBeLessThanOrEqual(answer.citation.end);
  return short.text;
}

describe('short answers on the bundled release', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await bundledKnowledgeBase();
  });

  it('a "when" question leads with the date of the sentence that tells it', () => {
    const text = bundledText();
    const short = shortOf(kb.ask('when was the agreement signed?'), text);
    // The release dates the signing event in its first sentence: the short answer is that date, as written.
    const dated = sentenceWith(text, 'gathered to sign');
    expect(short).not.toBeNull();
    expect(dated).toContain(short);
    expect(short).toMatch(/^(?:January|Friday)/);
  });

  it('a "who" question gives the name, without the words the question typed', () => {
    const text = bundledText();
    const short = shortOf(kb.ask('who is the deputy administrator?'), text);
    // The release names the deputy administrator right after the title: the capitalized words that follow it.
    const named = /Deputy Administrator (\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*)/u.exec(text)?.[1];
    expect(named).toBeDefined();
    expect(short).toBe(named);
  });

  it('a "where" question gives the place where it happened, and a year question the year', () => {
    const text = bundledText();
    const where = shortOf(kb.ask('where was the agreement signed?'), text);
    // The signing sentence places the event "at … Headquarters in <place> on <day>": the place as written.
    const place = /Headquarters in (\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*)/u.exec(
      sentenceWith(text, 'gathered to sign'),
    )?.[1];
    expect(place).toBeDefined();
    expect(where).toBe(place);
    const year = shortOf(kb.ask('when did the prime minister take office?'), text);
    const tookOffice = /taking office in (\d{4})/.exec(text)?.[1];
    expect(tookOffice).toBeDefined();
    expect(year).toBe(tookOffice);
  });

  it('an open question has none', () => {
    const result = kb.ask('what does the framework cover?');
    expect(result.answer).not.toBeNull();
    expect(result.answer?.short).toBeNull();
  });
});

describe('a document a moderator uploads', () => {
  const ROVER = [
    '---',
    'id: rover-plan',
    'title: Pressurized rover plan',
    'kind: statement',
    '---',
    '',
    'Japan will design, develop and operate a pressurized rover for crewed and uncrewed exploration on the Moon.',
    'The rover is planned to support two astronauts for up to thirty days.',
    'Its first mission is expected in the late 2020s.',
    '',
  ].join('\n');

  it('answers "how long" with a duration spelled out, and "how many" with a number spelled out', async () => {
    const corpus = await loadCorpusStrict(tempCorpus({ 'rover.md': ROVER }));
    const kb = buildKnowledgeBase(corpus);
    const text = corpus.documents[0]?.text ?? '';
    const sentence = sentenceWith(text, 'support two astronauts');

    const howLong = kb.ask('how long can the rover support astronauts?');
    expect(howLong.answer?.text).toBe(sentence);
    const duration = shortOf(howLong, text);
    // With how near it is: "up to thirty days", as the document says it.
    expect(duration && sentence.endsWith(` for ${duration}.`)).toBe(true);
    expect(duration?.startsWith('up to ')).toBe(true);

    const howMany = kb.ask('how many astronauts can the rover support?');
    expect(howMany.answer?.text).toBe(sentence);
    const count = shortOf(howMany, text);
    expect(count && sentence.includes(`support ${count} astronauts`)).toBe(true);
  });
});
