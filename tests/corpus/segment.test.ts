import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { MAX_PASSAGE_WORDS, segmentDocument, splitSentences } from '../../src/corpus/segment.js';
import type { CorpusDocument, Passage } from '../../src/corpus/types.js';
import { BUNDLED_ID, bundledParagraphs, bundledText, CORPUS_DIR } from '../support/bundled.js';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('does not break on abbreviations, initials, numbers or decimals', () => {
    expect(
      sentences(
        'The U.S. Ambassador met Dr. Smith on Jan. 13 at No. 5 Main St. in Washington. Growth was 3.5 percent. Antony J. Blinken spoke.',
      ),
    ).toEqual([
      'The U.S. Ambassador met Dr. Smith on Jan. 13 at No. 5 Main St. in Washington.',
      'Growth was 3.5 percent.',
      'Antony J. Blinken spoke.',
    ]);
  });

  it('keeps closing quotes with their sentence and breaks on ! and ?', () => {
    expect(sentences('“It works.” Does it? Yes! “Great,” she said.')).toEqual([
      '“It works.”',
      'Does it?',
      'Yes!',
      '“Great,” she said.',
    ]);
  });

  it('splits the Blinken paragraph of the release into its three sentences', () => {
    const paragraph = bundledParagraphs().find((p) => p.includes('collaborative')) ?? '';
    expect(sentences(paragraph)).toHaveLength(3);
    expect(sentences(paragraph).join(' ')).toBe(paragraph);
  });
});

describe('passages of the bundled release', () => {
  it('are its paragraphs, numbered from 1, with exact offsets and ids', async () => {
    const { corpus } = await loadCorpus(CORPUS_DIR);
    const passages = corpus.passages.filter((p) => p.docId === BUNDLED_ID);
    const text = bundledText();
    expect(passages.map((p) => p.text)).toEqual(bundledParagraphs());
    passages.forEach((p, i) => {
      expect(p.id).toBe(`${BUNDLED_ID}#p${i + 1}`);
      expect(p.paragraph).toBe(i + 1);
      expect(text.slice(p.start, p.end)).toBe(p.text);
      for (const s of p.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(p.start);
        expect(s.end).toBeLessThanOrEqual(p.end);
      }
    });
  });
});

describe('long paragraphs', () => {
  it('are cut into overlapping windows of whole sentences, each a substring of the document', () => {
    const sentence = (n: number) =>
      `Sentence number ${n} talks about topic ${n} with several more words in it.`;
    const paragraph = Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join(' ');
    const doc: CorpusDocument = {
      id: 'long',
      title: 'Long',
      kind: 'document',
      url: null,
      published: null,
      publisher: null,
      file: 'long.md',
      text: `Short first paragraph.\n\n${paragraph}\n`,
      bodyStart: 0,
    };
    const passages = segmentDocument(doc);
    expect(passages[0]?.id).toBe('long#p1');
    const windows = passages.slice(1);
    expect(windows.length).toBeGreaterThan(1);
    windows.forEach((w, i) => {
      expect(w.id).toBe(`long#p2w${i + 1}`);
      expect(w.paragraph).toBe(2);
      expect(doc.text.slice(w.start, w.end)).toBe(w.text);
      expect(w.text.split(/\s+/).length).toBeLessThanOrEqual(MAX_PASSAGE_WORDS);
      const next = windows[i + 1];
      if (next) expect(next.start).toBeLessThan(w.end); // overlap
    });
    expect(windows[0]?.start).toBe(doc.text.indexOf('Sentence number 1 '));
    expect(windows.at(-1)?.end).toBe(
      doc.text.indexOf('topic 30') + 'topic 30 with several more words in it.'.length,
    );
  });
});

describe('splitParagraphs', () => {
  it('keeps a line that starts in lower case with the paragraph before it', async () => {
    const { splitParagraphs } = await import('../../src/corpus/segment.js');
    const text = '“We are ready,”\nhe said.\nA new paragraph.\n\nAnother one';
    expect(splitParagraphs(text).map((p) => text.slice(p.start, p.end))).toEqual([
      '“We are ready,”\nhe said.',
      'A new paragraph.',
      'Another one',
    ]);
  });
});

describe('Markdown headings and lists', () => {
  const text = [
    'Our team has been quiet on this blog, so here is an update on the satellite.',
    '',
    '## The spacecraft',
    '',
    'It carries a small thermal camera.',
    '',
    'Key numbers:',
    '',
    '- Mass: 3.9 kilograms',
    '- Power: about 7 watts. Four panels give it.',
    '',
    '### Launch',
    '',
    '1. Wait 30 minutes',
    '2) Unfold the panels',
    '',
    '## Money',
    '',
    'The project has cost 184,000 euros.',
    '',
  ].join('\n');
  const doc: CorpusDocument = {
    id: 'blog',
    title: 'Update',
    kind: 'blog',
    url: null,
    published: null,
    publisher: null,
    file: 'blog.md',
    text,
    bodyStart: 0,
  };
  const passages = segmentDocument(doc);
  const show = (p: Passage) => ({
    sentences: p.sentences.map((s) => text.slice(s.start, s.end)),
    headings: p.headings.map((h) => text.slice(h.start, h.end)),
  });

  it('makes no passage of a heading: its words head every paragraph of its section, nested ones after their parents', () => {
    expect(passages.map(show)).toEqual([
      {
        sentences: ['Our team has been quiet on this blog, so here is an update on the satellite.'],
        headings: [],
      },
      { sentences: ['It carries a small thermal camera.'], headings: ['The spacecraft'] },
      {
        sentences: ['Key numbers:', 'Mass: 3.9 kilograms', 'Power: about 7 watts.', 'Four panels give it.'],
        headings: ['The spacecraft'],
      },
      { sentences: ['Wait 30 minutes', 'Unfold the panels'], headings: ['The spacecraft', 'Launch'] },
      { sentences: ['The project has cost 184,000 euros.'], headings: ['Money'] },
    ]);
  });

  it('makes one paragraph of a list and the line introducing it, its items sentences without their markers', () => {
    const list = passages[2] as Passage;
    expect(list.paragraph).toBe(3);
    expect(list.text).toBe(
      text.slice(text.indexOf('Key numbers:'), text.indexOf('give it.') + 'give it.'.length),
    );
    expect(passages.map((p) => p.paragraph)).toEqual([1, 2, 3, 4, 5]);
  });

  /** Each passage of `body`'s sentences and headings, as words of `body`. */
  const sentencesAndHeadings = (body: string) =>
    segmentDocument({ ...doc, text: body }).map((p: Passage) => ({
      sentences: p.sentences.map((x) => body.slice(x.start, x.end)),
      headings: p.headings.map((h) => body.slice(h.start, h.end)),
    }));

  it('makes one paragraph of a Markdown table, its rows sentences without their outer pipes, its header row a heading', () => {
    const body = [
      '## Budget',
      '',
      'The figures below are in millions.',
      '| Item | FY2024 | FY2025 |',
      '|------|:------:|-------:|',
      '| Launch | 12 | 15 |',
      '| Ground segment | 4 | 6 |',
      'Both years were approved in March.',
      '',
    ].join('\n');
    expect(sentencesAndHeadings(body)).toEqual([
      { sentences: ['The figures below are in millions.'], headings: ['Budget'] },
      {
        sentences: ['Launch | 12 | 15', 'Ground segment | 4 | 6'],
        headings: ['Budget', 'Item | FY2024 | FY2025'],
      },
      { sentences: ['Both years were approved in March.'], headings: ['Budget'] },
    ]);
  });

  it('reads a table after a blank line under another as a table of its own, and no row of empty cells', () => {
    const body = [
      '| Stage | Mass |',
      '|---|---|',
      '| First | 20 t |',
      '|  |  |',
      '',
      '| Engine | Thrust |',
      '|---|---|',
      '| Main | 440 N |',
      '',
    ].join('\n');
    expect(sentencesAndHeadings(body)).toEqual([
      { sentences: ['First | 20 t'], headings: ['Stage | Mass'] },
      { sentences: ['Main | 440 N'], headings: ['Engine | Thrust'] },
    ]);
  });

  it('has a table answer the question asked before it, as a list or a paragraph does', () => {
    const body = '## How heavy is the orbiter?\n\n| Part | Mass |\n|---|---|\n| Bus | 655 kg |\n';
    const [table] = segmentDocument({ ...doc, text: body });
    expect(table?.answers && body.slice(table.answers.start, table.answers.end)).toBe(
      'How heavy is the orbiter?',
    );
    const bold = '**What does it carry?**\n\n| Payload | Mass |\n|---|---|\n| Camera | 4 kg |\n';
    const [, carried] = segmentDocument({ ...doc, text: bold });
    expect(carried?.headings.map((h) => bold.slice(h.start, h.end))).toEqual([
      '**What does it carry?**',
      'Payload | Mass',
    ]);
  });

  const headingsOf = (body: string) =>
    segmentDocument({ ...doc, text: body }).map((p) => p.headings.map((h) => body.slice(h.start, h.end)));

  it('reads a heading without its closing marks and the blanks around its words', () => {
    expect(headingsOf('##   Money \t## \n\nThe project has cost 184,000 euros.\n')).toEqual([['Money']]);
  });

  // The heading was once one regex whose lazy words between runs of blanks backtracked cubically: this file
  // took minutes to load.
  it('reads a line of a moderator file that opens like a heading and then holds thousands of blanks', () => {
    const body = `# ${' '.repeat(20_000)}Results\nmore text follows here.\n\nThe rover drove 40 metres.\n`;
    expect(segmentDocument({ ...doc, text: body }).map((p) => body.slice(p.start, p.end))).toEqual([
      body.slice(0, body.indexOf('\n\n')),
      'The rover drove 40 metres.',
    ]);
  });
});

describe('questions a document asks and the paragraphs answering them', () => {
  const doc = (text: string): CorpusDocument => ({
    id: 'faq',
    title: 'Questions',
    kind: 'faq',
    url: null,
    published: null,
    publisher: null,
    file: 'faq.md',
    text,
    bodyStart: 0,
  });
  /** Each passage's text, the questions it asks, and the question it answers, as words of the document. */
  const read = (text: string) =>
    segmentDocument(doc(text)).map((p) => ({
      text: p.text,
      asks: (p.questions ?? []).map((q) => text.slice(q.start, q.end)),
      answers: p.answers ? text.slice(p.answers.start, p.answers.end) : null,
      headings: p.headings.map((h) => text.slice(h.start, h.end)),
    }));

  it('reads a bold line ending in a question as the question its next paragraphs answer, as a heading', () => {
    const text = [
      'The trust answers what visitors ask.',
      '',
      '**How long does a buoy stay at sea?**',
      '',
      'Each one is hauled ashore after nineteen months.',
      '',
      '## Money',
      '',
      'The harbour board pays.',
    ].join('\n');
    expect(read(text)).toEqual([
      { text: 'The trust answers what visitors ask.', asks: [], answers: null, headings: [] },
      {
        text: '**How long does a buoy stay at sea?**',
        asks: ['**How long does a buoy stay at sea?**'],
        answers: null,
        headings: [],
      },
      {
        text: 'Each one is hauled ashore after nineteen months.',
        asks: [],
        answers: '**How long does a buoy stay at sea?**',
        headings: ['**How long does a buoy stay at sea?**'],
      },
      // A heading ends what the question was about.
      { text: 'The harbour board pays.', asks: [], answers: null, headings: ['Money'] },
    ]);
  });

  it('keeps a bold question apart from its answer on the same line, and the line it answers is its own', () => {
    const text = '**Can I swim near one?** Swimmers keep forty metres away.\n';
    expect(read(text)).toEqual([
      {
        text: '**Can I swim near one?** Swimmers keep forty metres away.',
        asks: ['**Can I swim near one?**'],
        answers: '**Can I swim near one?**',
        headings: [],
      },
    ]);
  });

  it('reads "Q:" and "A:" paragraphs, and a question and its answer in one paragraph', () => {
    const text =
      'Q: Why are the hulls yellow?\n\nA: Yellow shows in fog.\n\nQ2: Who paints them? A: The crew.\n';
    const passages = read(text);
    expect(passages.map((p) => p.asks)).toEqual([
      ['Q: Why are the hulls yellow?'],
      [],
      ['Q2: Who paints them?'],
    ]);
    expect(passages.map((p) => p.answers)).toEqual([null, 'Why are the hulls yellow?', 'Who paints them?']);
  });

  it("reads a moderator's turn that asks as the question, without the label; a turn that asks nothing ends it", () => {
    const text = [
      'HOST (Mara Ilves, Coastal Radio): Let us turn to storms. What happens when a mooring breaks?',
      '',
      'Brandt said a spare anchor waits at the pier.',
      '',
      'HOST (Mara Ilves): Thank you both.',
      '',
      'The trust reports in the autumn.',
    ].join('\n');
    expect(read(text).map((p) => [p.asks, p.answers])).toEqual([
      [['What happens when a mooring breaks?'], null],
      [[], 'Let us turn to storms. What happens when a mooring breaks?'],
      [[], null],
      [[], null],
    ]);
  });

  it("reads a Japanese interviewer's question opening with a dash, with or without a question mark", () => {
    const text =
      '――黄色の船体を選んだ理由は？\n\n「霧の中でも遠くから見えるからです」\n\n――次の目標は。\n\n来年は十基に増やします。\n';
    expect(read(text).map((p) => [p.asks.length, p.answers])).toEqual([
      [1, null],
      [0, '黄色の船体を選んだ理由は？'],
      [1, null],
      [0, '次の目標は。'],
    ]);
  });

  it('leaves a long paragraph or turn that ends in a question of its own an answer, and a quote asking too', () => {
    const text = [
      'Brandt: We launch in May. The buoys are ready. The crews are trained. Who would have thought?',
      '',
      'Tides rise twice a day. Storms come in spring. Buoys log both. So how much longer does a storm tide last?',
      '',
      '"Why wait?" she said.',
    ].join('\n');
    expect(read(text).map((p) => [p.asks, p.answers])).toEqual([
      [[], null],
      [[], null],
      [[], null],
    ]);
  });
});
