import { describe, expect, it } from 'vitest';
import { readDevSet } from '../eval/evaluate.js';
import { BUNDLED_ID, bundledParagraphs, bundledText } from '../support/bundled.js';
import { runNpm } from '../support/run.js';
import { tempCorpus } from '../support/tempCorpus.js';

const paragraphOf = (words: string) => bundledParagraphs().findIndex((p) => p.includes(words)) + 1;

describe('npm run ask -- --json', () => {
  it('prints one JSON object in the documented shape, and nothing else on stdout', async () => {
    const { code, stdout } = await runNpm([
      'ask',
      '--',
      '--json',
      '--limit',
      '3',
      'When was the agreement signed?',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '');
    expect(Object.keys(result)).toEqual(['question', 'answer', 'passages', 'suggestions']);
    expect(result.question).toBe('When was the agreement signed?');
    expect(result.answer.text).toContain('January 13th');
    expect(result.answer.citation).toMatchObject({
      document: BUNDLED_ID,
      paragraph: paragraphOf('January 13th'),
      url: expect.stringMatching(/^https:/),
      title: expect.any(String),
    });
    expect(result.passages).toHaveLength(3);
    const text = bundledText();
    // The short answer is the document's own text at its offsets, inside the answer.
    const { short } = result.answer;
    expect(Object.keys(short)).toEqual(['text', 'start', 'end']);
    expect(text.slice(short.start, short.end)).toBe(short.text);
    expect(result.answer.text).toContain(`on Friday, ${short.text}, representatives`);
    // A sure answer: its calibrated confidence, and no "closest match".
    expect(result.answer.confidence).toBeGreaterThan(0);
    expect(result.answer.confidence).toBeLessThanOrEqual(1);
    expect(result.answer.closest).toBe(false);
    for (const p of result.passages) {
      expect(Object.keys(p)).toEqual(['id', 'text', 'score', 'citation']);
      expect(typeof p.score).toBe('number');
      expect(text.slice(p.citation.start, p.citation.end)).toBe(p.text);
    }
  });

  it('reads one question a line from stdin, answering each (bad ones with an error) in order', async () => {
    const input = 'who attended the event?\n\n   \nwhat is the budget for the agreement?\n';
    const { code, stdout } = await runNpm(['ask', '--', '--json'], { input });
    expect(code).toBe(0);
    const results = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results.map((r) => r.question)).toEqual([
      'who attended the event?',
      'what is the budget for the agreement?',
    ]);
    expect(results[1].answer).toBeNull();
  });

  it('reports a bad question on stdout as JSON and exits 1', async () => {
    const { code, stdout } = await runNpm(['ask', '--', '--json', 'x'.repeat(600)]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      question: 'x'.repeat(600),
      error: 'Questions can be at most 300 characters; this one has 600. Please shorten it.',
    });
  });

  it('CORPUS_DIR selects another corpus, and its broken files are logged on stderr', async () => {
    const dir = tempCorpus({
      'moon.md':
        '---\nid: moon-note\ntitle: Moon note\nkind: statement\n---\nThe rover landed on the Moon in March 2031.\n',
      'broken.md': 'no front matter here',
    });
    const { stdout, stderr } = await runNpm(['ask', '--', '--json', 'when did the rover land?'], {
      env: { CORPUS_DIR: dir },
    });
    const result = JSON.parse(stdout);
    expect(result.answer.text).toBe('The rover landed on the Moon in March 2031.');
    expect(result.answer.citation.document).toBe('moon-note');
    expect(stderr).toContain('broken.md:1: a Markdown document must start with a front-matter block');
  });
});

describe('npm run ask, a borderline answer', () => {
  it('is printed as the closest match, in JSON and in words, with its cited sentence', async () => {
    // The check set's questions piped in one run (one JSON object a line, in order): the first closest match.
    const questions = readDevSet(`${import.meta.dirname}/../eval/check-set.jsonl`).map((d) => d.q);
    const piped = await runNpm(['ask', '--', '--json'], { input: `${questions.join('\n')}\n` });
    const results = piped.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results.map((r) => r.question)).toEqual(questions);
    const json = results.find((r) => r.answer?.closest);
    const question = json?.question ?? '';
    expect(question).not.toBe('');
    expect(json.answer.closest).toBe(true);
    expect(json.answer.confidence).toBeGreaterThan(0);
    expect(json.answer.confidence).toBeLessThan(1);
    const { code, stdout } = await runNpm(['ask', '--', question]);
    expect(code).toBe(0);
    const first = stdout.split('\n')[0] ?? '';
    expect(first).toMatch(/^Closest match \(not a sure answer\): /);
    expect(stdout).toContain(json.answer.text);
    expect(bundledText()).toContain(json.answer.text);
  });
});

describe('npm run quote -- --json', () => {
  it('prints the documented shape', async () => {
    const { stdout } = await runNpm(['quote', '--', '--json', 'Biden']);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ query: 'Biden', speaker: null, quotes: [] });
    expect(Array.isArray(result.suggestions)).toBe(true);
  });
});

describe('npm start without a Discord token', () => {
  it('says Discord is not configured, then answers piped commands and exits at end of input', async () => {
    const input = '/ask when was the agreement signed?\n/sources\n/help\n/ask\n/nope\n';
    const { code, stdout } = await runNpm(['start'], { input });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Discord is not configured \(no DISCORD_TOKEN\)/);
    // The short answer leads, then the sentence it comes from: the date as the release writes it.
    const short = /Answer: (.+)\n {2}During an event/.exec(stdout)?.[1] ?? '';
    expect(bundledParagraphs()[0]).toContain(`, ${short}, representatives`);
    expect(stdout).toContain('January 13th');
    expect(stdout).toContain(`paragraph ${paragraphOf('January 13th')}`);
    expect(stdout).toContain('1 document in the corpus');
    expect(stdout).toContain('/quote <speaker> [about: <topic>]');
    expect(stdout).toContain('Please type a question: this one is empty.');
    expect(stdout).toContain('Unknown command "/nope". Type /help for the list.');
  });

  it('echoes a long piped line cut, and lists no source that repeats the answer', async () => {
    const input = `when was the agreement signed?\n${'x'.repeat(5_000)}\n`;
    const { code, stdout } = await runNpm(['start'], { input });
    expect(code).toBe(0);
    expect(stdout).toContain(`\n> ${'x'.repeat(200)}… (cut: the line has 5,000 characters)\n`);
    expect(stdout).not.toContain('x'.repeat(201));
    // The answer's sentence, as the release writes it, is shown once: not again as source 1.
    const sentence = /^ {2}(During an event.+)$/m.exec(stdout)?.[1] ?? '';
    expect(bundledParagraphs()[0]).toContain(sentence);
    expect(sentence.length).toBeGreaterThan(50);
    expect(stdout.split(sentence)).toHaveLength(2);
    expect(stdout).toMatch(/\nSources:\n1\. /);
  });
});
