import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/contract/types.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import { allQuotes, corpusOf } from './helpers.js';

const CORPUS_DIR = join(import.meta.dirname, '../../corpus');
const FIXTURE_DIR = join(import.meta.dirname, 'fixtures/briefing');

let release: QuoteIndex;
let releaseText: string;
let releaseCorpus: Corpus;

beforeAll(async () => {
  const corpus = await loadCorpusStrict(CORPUS_DIR);
  releaseCorpus = corpus;
  release = QuoteIndex.build(corpus);
  releaseText = corpus.documents[0]?.text ?? '';
});

describe('names of things', () => {
  // Capitalized runs of the release that name a place, a body or a programme: its glossary lists some as terms
  // (the Artemis Accords), the English model reads the others (Outer Space, Low Earth Orbit).
  it.each(['Artemis Accords', 'Outer Space', 'Celestial Bodies', 'Low Earth Orbit'])(
    '%s is nobody the corpus knows',
    (thing) => {
      expect(releaseText).toContain(thing);
      expect(release.quote(thing).known).toBe(false);
    },
  );

  it('the people the release names are still known', () => {
    for (const person of ['Pam Melroy', 'Anne McClain', 'Hoshide Akihiko', 'Yamakawa Hiroshi'])
      expect(release.quote(person).known).toBe(true);
  });
});

describe('input checks', () => {
  it.each(['', '   ', '\u200B\u200B', '\t\n'])(
    'rejects an empty speaker (%j) with a UserInputError',
    (typed) => {
      expect(() => release.quote(typed)).toThrow(UserInputError);
      expect(() => release.quote(typed)).toThrow(/name a speaker/i);
    },
  );

  it('rejects a speaker or topic over 200 characters, and accepts 200', () => {
    expect(() => release.quote('k'.repeat(201))).toThrow(UserInputError);
    expect(() => release.quote('k'.repeat(201))).toThrow(/201 characters/);
    expect(() => release.quote('Kishida', 'moon '.repeat(50))).toThrow(UserInputError);
    expect(release.quote('k'.repeat(200)).known).toBe(false);
  });

  it.each(['!!!', 'the', '"', '  ""  ', 'Robert’); DROP TABLE quotes;--', '\u0000', '👩‍🚀', 'of of of'])(
    'answers odd input %j without throwing',
    (typed) => {
      const result = release.quote(typed);
      expect(result.query).toBe(typed.trim());
      expect(result.speaker).toBeNull();
    },
  );

  it('never throws from autocomplete, whatever it is sent', () => {
    for (const prefix of ['', 'x'.repeat(5000), '\u200B', '!!!']) {
      expect(() => release.speakers(prefix, 25)).not.toThrow();
    }
    expect(release.speakers('', Number.NaN)).toEqual(release.speakers(''));
    expect(release.speakers('', -3)).toEqual([]);
  });
});

describe('topics', () => {
  it('puts the quotes on the topic first and keeps every quote', () => {
    const plain = release.quote('Blinken').quotes.map((q) => q.text);
    const onEarth = release.quote('Blinken', 'earth').quotes.map((q) => q.text);
    expect(onEarth).toHaveLength(plain.length);
    expect(onEarth[0]).toContain('here on Earth');
    expect([...onEarth].sort()).toEqual([...plain].sort());
  });

  it('matches topics by stem and through the glossary', () => {
    // "collaboration" → "collaborative" by stem; "teamwork" → "collaboration" by the glossary.
    for (const topic of ['collaboration', 'teamwork']) {
      const first = release.quote('Blinken', topic).quotes[0]?.text ?? '';
      expect(first).toContain('collaborative');
    }
  });

  it('keeps document order when nothing is on the topic', () => {
    const plain = release.quote('Blinken').quotes.map((q) => q.text);
    expect(release.quote('Blinken', 'bananas').quotes.map((q) => q.text)).toEqual(plain);
    expect(release.quote('Blinken', '   ').quotes.map((q) => q.text)).toEqual(plain);
  });
});

describe('autocomplete', () => {
  it('lists every quoted speaker with quote counts for an empty prefix', () => {
    const choices = release.speakers('', 25);
    const counts = Object.fromEntries(choices.map((c) => [c.name, c.quotes]));
    expect(counts).toEqual({ 'Anthony Blinken': 2, 'Kishida Fumio': 1, 'Bill Nelson': 1 });
    const total = choices.reduce((sum, c) => sum + c.quotes, 0);
    expect(total).toBe(release.count);
    for (const c of choices) expect(releaseText).toContain(c.name.split(' ')[0]); // names of the text
  });

  it.each([
    ['kish', 'Kishida Fumio'],
    ['Fumio', 'Kishida Fumio'],
    ['prime', 'Kishida Fumio'],
    ['pm', 'Kishida Fumio'],
    ['kishda', 'Kishida Fumio'],
    ['sec', 'Anthony Blinken'],
    ['antony', 'Anthony Blinken'],
    ['blinkn', 'Anthony Blinken'],
    ['Bill', 'Bill Nelson'],
    ['nasa adm', 'Bill Nelson'],
    ['nelsn', 'Bill Nelson'],
  ])('%j offers %s first', (prefix, name) => {
    expect(release.speakers(prefix, 25)[0]?.name).toBe(name);
  });

  it('offers nobody for a prefix that fits no quoted speaker, including the unquoted', () => {
    expect(release.speakers('melroy', 25)).toEqual([]);
    expect(release.speakers('qqq', 25)).toEqual([]);
  });

  it("respects the limit, and lists every quoted speaker without one (Discord's caps are the adapter's)", () => {
    expect(release.speakers('', 1)).toHaveLength(1);
    const many = Array.from(
      { length: 30 },
      (_, i) => `“Words number ${i},” said Person${'x'.repeat(i)} Doe${i}.`,
    );
    const index = QuoteIndex.build(corpusOf(many.join('\n')));
    expect(index.count).toBe(30);
    expect(index.speakers('', 25)).toHaveLength(25);
    expect(index.speakers('')).toHaveLength(30);
  });
});

describe('who said it', () => {
  it('finds the speaker of words from a quote', () => {
    const found = release.whoSaid('who said the future of space is collaborative?');
    expect(found?.speaker.name).toBe('Anthony Blinken');
    expect(releaseText.slice(found?.quote.citation.start, found?.quote.citation.end)).toBe(found?.quote.text);
    expect(release.whoSaid('vigorously promote space cooperation')?.speaker.name).toBe('Kishida Fumio');
    expect(release.whoSaid('from low earth orbit to the moon and beyond')?.speaker.name).toBe('Bill Nelson');
  });

  it('names nobody for words nobody said', () => {
    expect(release.whoSaid('who said bananas are yellow')).toBeNull();
    expect(release.whoSaid('the')).toBeNull();
    expect(release.whoSaid('')).toBeNull();
  });
});

describe('questions for /ask', () => {
  it('answers "what did X say" with the speaker’s quotes', () => {
    const answer = release.forQuestion('What did the PM say?');
    expect(answer?.kind).toBe('speaker');
    if (answer?.kind !== 'speaker') return;
    expect(answer.result.speaker?.name).toBe('Kishida Fumio');
    expect(answer.result.quotes.map((q) => q.text)).toEqual(
      release.quote('Kishida').quotes.map((q) => q.text),
    );
  });

  it('forgives a typo in the name of a question', () => {
    const answer = release.forQuestion('what did kishda say');
    expect(answer?.kind === 'speaker' && answer.result.speaker?.name).toBe('Kishida Fumio');
    // Also in a first clause that names the speaker, before the question proper.
    for (const question of [
      'nelsen quote, what range of places did he mention',
      'kishda quote - what will it expand',
    ]) {
      const clause = release.forQuestion(question);
      expect(clause?.kind === 'speaker' && clause.result.speaker?.name, question).toBe(
        question.startsWith('nelsen') ? 'Bill Nelson' : 'Kishida Fumio',
      );
    }
    expect(release.forQuestion('What did Biden say?')).toBeNull();
    expect(release.forQuestion('What does the agreement say about the Moon?')).toBeNull();
  });

  it('ranks by the topic of "what did X say about Y"', () => {
    const answer = release.forQuestion('What did Secretary Blinken say about Earth?');
    expect(answer?.kind === 'speaker' && answer.result.quotes[0]?.text).toContain('here on Earth');
  });

  it('tells the topic a question names ("about Y", "Yについて"), as typed', () => {
    const topic = (question: string) => {
      const answer = release.forQuestion(question);
      return answer?.kind === 'speaker' ? answer.topic : undefined;
    };
    expect(topic('What did Secretary Blinken say about Earth?')).toBe('Earth');
    expect(topic('ブリンケン氏は日本のGateway貢献について何と述べましたか？')).toBe('日本のGateway貢献');
    expect(topic('岸田首相はアルテミス合意に触れた？')).toBe('アルテミス合意');
    expect(topic('ネルソン長官は月に言及しましたか')).toBe('月');
    expect(topic('What did the PM say?')).toBeNull();
    // The rest of a Japanese question orders the quotes, but names no topic.
    expect(topic('岸田首相はこの協定に何を期待していると述べたのでしょうか？')).toBeNull();
  });

  it('reads "did X mention Y" as X\'s words on Y, when X is a person', () => {
    const mention = release.forQuestion('Did Blinken mention Gateway?');
    expect(mention).toMatchObject({ kind: 'speaker', result: { speaker: { name: 'Anthony Blinken' } } });
    expect(mention?.kind === 'speaker' && mention.topic).toBe('Gateway');
    // The release itself is no speaker: that asks what the corpus says.
    expect(release.forQuestion('Did the release mention Kishida?')).toBeNull();
    // NASA and Japan stand in Nelson's and Kishida's roles, not in their names: no speaker.
    expect(release.forQuestion('Did NASA mention Gateway?')).toBeNull();
    expect(release.forQuestion('Did Japan mention Gateway?')).toBeNull();
  });

  it('reads a speech, what someone told or "said anything" as asking for their words', () => {
    for (const question of [
      'what did kishida tell reporters',
      "What was in Kishida's speech?",
      '岸田首相の演説の内容は？',
      '岸田首相は何か言ってた？',
    ]) {
      const answer = release.forQuestion(question);
      expect(answer?.kind === 'speaker' && answer.result.speaker?.name, question).toBe('Kishida Fumio');
    }
    expect(release.forQuestion('tell me when Kishida visited')).toBeNull();
  });

  it('reads a speaker named right before 言った as whose words are asked, not "とは言え" ("although")', () => {
    for (const [question, speaker] of [
      ['ネルソン長官が言ってた月の話は？', 'Bill Nelson'],
      ['同盟について岸田さんは言ってた？', 'Kishida Fumio'],
    ] as const) {
      const answer = release.forQuestion(question);
      expect(answer?.kind === 'speaker' && answer.result.speaker?.name, question).toBe(speaker);
    }
    expect(release.forQuestion('協定とは言え岸田首相の訪問の目玉なの？')).toBeNull();
  });

  it('finds a register name written half in Latin letters ("NASA長官"), full-width letters too', () => {
    const aliasesOf = (name: string) => releaseCorpus.speakers.find((p) => p.name === name)?.aliases ?? [];
    expect(aliasesOf('Bill Nelson')).toContain('NASA長官');
    expect(aliasesOf('Yamakawa Hiroshi')).toContain('JAXA理事長');
    const nelson = release.forQuestion('ＮＡＳＡ長官は日本について何と言った？');
    expect(nelson?.kind === 'speaker' && nelson.result.speaker?.name).toBe('Bill Nelson');
    expect(nelson?.kind === 'speaker' && nelson.topic).toBe('日本');
    // A letter longer in lower case before the name ("İ" is two code units in lower case) moves nothing.
    const dotted = release.forQuestion('İİ、nasa長官は日本について何と言った？');
    expect(dotted?.kind === 'speaker' && dotted.result.speaker?.name).toBe('Bill Nelson');
    expect(dotted?.kind === 'speaker' && dotted.topic).toBe('日本');
    // Registered, never quoted: the plain answer that there is no quote.
    expect(release.forQuestion('JAXA理事長は式典で何と言った？')).toMatchObject({
      kind: 'speaker',
      result: { speaker: null, known: true, quotes: [] },
    });
  });

  it('answers "who said …" with the quote and its speaker', () => {
    const answer = release.forQuestion('Who said the future of space is collaborative?');
    expect(answer).toMatchObject({ kind: 'who', speaker: { name: 'Anthony Blinken' } });
  });

  it('answers "who called / described …" with the speaker of the quote holding the words', () => {
    for (const question of [
      'who called japan one of nasas most significant international partners',
      "who called japan one of nasa's most important partners?",
      'who described the alliance as stronger than ever',
    ]) {
      const answer = release.forQuestion(question);
      expect(answer?.kind, question).toBe('who');
      if (answer?.kind !== 'who') continue;
      expect(releaseText.slice(answer.quote.citation.start, answer.quote.citation.end)).toBe(
        answer.quote.text,
      );
    }
    expect(
      release.forQuestion('who called japan one of nasas most significant international partners'),
    ).toMatchObject({
      speaker: { name: 'Bill Nelson' },
    });
    expect(release.forQuestion('who described the alliance as stronger than ever')).toMatchObject({
      speaker: { name: 'Kishida Fumio' },
    });
    // Words nobody's quote holds name nobody.
    expect(release.forQuestion('who called the meeting to order')).toBeNull();
  });

  it('reads "what did X call Y", "how did X describe Y", "X talked about Y" as asking for X\'s words', () => {
    for (const [question, speaker] of [
      ['what did the nasa administrator call japan', 'Bill Nelson'],
      ["how does the nasa chief rank japan among the agency's partners abroad?", 'Bill Nelson'],
      ['nelson talked about collaborating from where to where', 'Bill Nelson'],
      ['what does kishida hope the agreement will do', 'Kishida Fumio'],
    ] as const) {
      const answer = release.forQuestion(question);
      expect(answer?.kind === 'speaker' && answer.result.speaker?.name, question).toBe(speaker);
    }
    // "Call" asking for no one's words.
    expect(release.forQuestion('what is the agreement called')).toBeNull();
  });

  it('says a known person has no quotes, and leaves other questions alone', () => {
    expect(release.forQuestion('What did Anne McClain say?')).toMatchObject({
      kind: 'speaker',
      result: { speaker: null, known: true, quotes: [] },
    });
    expect(release.forQuestion('When was the agreement signed?')).toBeNull();
    expect(release.forQuestion('Where did Kishida travel?')).toBeNull();
    expect(release.forQuestion('')).toBeNull();
  });
});

describe('a corpus folder loaded from disk (.txt with a title line, .md, register)', () => {
  let corpus: Corpus;
  let index: QuoteIndex;
  beforeAll(async () => {
    corpus = await loadCorpusStrict(FIXTURE_DIR);
    index = QuoteIndex.build(corpus);
  });

  it('finds every quote, in document order across files, at its offsets', async () => {
    const briefing = await readFile(join(FIXTURE_DIR, 'briefing.txt'), 'utf8');
    expect(allQuotes(index, corpus)).toEqual([
      { speaker: 'Mara Lindqvist', text: 'The wheels survived every test we could think of' },
      {
        speaker: 'Mara Lindqvist',
        text: 'We\ndrove them over basalt, over ice, and over the worst sand we could find.',
      },
      { speaker: 'Mara Lindqvist', text: 'Then we did it all again at night.' },
      { speaker: 'Mara Lindqvist', text: 'We are proud of this rover' },
      { speaker: 'Mara Lindqvist', text: 'It is the best we have built.' },
      { speaker: 'Tomas Ek', text: 'We launch in March, and there is no slack' },
    ]);
    // The .txt document's text is the whole file, title line included: offsets index the file itself.
    for (const quote of index.quote('Ek').quotes) {
      expect(briefing.slice(quote.citation.start, quote.citation.end)).toBe(quote.text);
    }
  });

  it('never reads the title line as a quote, and cites paragraphs as the passages number them', () => {
    const lindqvist = index.quote('Dr. Lindqvist');
    expect(lindqvist.quotes.map((q) => [q.citation.document, q.citation.paragraph])).toEqual([
      ['briefing', 2],
      ['briefing', 2],
      ['briefing', 3],
      ['rover-statement', 2],
      ['rover-statement', 2],
    ]);
    for (const quote of lindqvist.quotes) {
      const passage = corpus.passages.find(
        (p) => p.docId === quote.citation.document && p.paragraph === quote.citation.paragraph,
      );
      expect(passage?.text).toContain(quote.text);
    }
  });

  it('resolves "he said" to the person named just before, not the previous speaker', () => {
    expect(index.quote('Tomas Ek').quotes.map((q) => q.text)).toEqual([
      'We launch in March, and there is no slack',
    ]);
    expect(index.quote('flight director Tomas Ek').speaker?.name).toBe('Tomas Ek');
  });

  it('knows the unquoted people of the register and the text', () => {
    expect(index.quote('Raman')).toMatchObject({
      speaker: null,
      known: true,
      suggestions: ['Mara Lindqvist', 'Tomas Ek'],
    });
    expect(index.quote('rover lead').speaker?.name).toBe('Mara Lindqvist');
  });
});
