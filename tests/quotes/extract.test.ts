import { describe, expect, it } from 'vitest';
import type { SpeakerEntry } from '../../src/corpus/types.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import { allQuotes, citedTexts, corpusOf, indexOf, quotesOf } from './helpers.js';

const AGENCY: SpeakerEntry[] = [
  {
    name: 'Rita Vale',
    title: 'Agency Administrator',
    aliases: ['Vale', 'Administrator', 'Agency Administrator'],
  },
  {
    name: 'Omar Quist',
    title: 'Agency Deputy Administrator',
    aliases: ['Quist', 'Deputy Administrator', 'Agency Deputy Administrator'],
  },
  { name: 'Sato Haruki', title: 'Prime Minister', aliases: ['Haruki Sato', 'Prime Minister', 'PM'] },
];

describe('quote marks', () => {
  it('reads straight and curly marks, without the marks and the comma that hands over', () => {
    const text = [
      '"We are ready to fly," said Jane Doe.',
      '“The rocket is on the pad,” said Omar Quist.',
      '«Angle marks count too,» said Rita Vale.',
    ].join('\n');
    const index = indexOf(text, AGENCY);
    expect(quotesOf(index, 'Jane Doe')).toEqual(['We are ready to fly']);
    expect(quotesOf(index, 'Omar Quist')).toEqual(['The rocket is on the pad']);
    expect(quotesOf(index, 'Rita Vale')).toEqual(['Angle marks count too']);
  });

  it('keeps a quote inside a quote (single marks) whole, with the outer speaker', () => {
    const text = '“My mentor told me, ‘Always check the seals,’ and I still do,” said Jane Doe.';
    expect(quotesOf(indexOf(text), 'Doe')).toEqual([
      'My mentor told me, ‘Always check the seals,’ and I still do',
    ]);
  });

  it('continues a quote left open at a paragraph end into the next paragraph that opens with a mark', () => {
    const text = [
      '“We trained for years,” said Jane Doe. “Every launch taught us something.',
      '“This one will teach us the most.”',
      '“Unrelated words without attribution.”',
    ].join('\n\n');
    const index = indexOf(text);
    const result = index.quote('Jane Doe');
    expect(result.quotes.map((q) => q.text)).toEqual([
      'We trained for years',
      'Every launch taught us something.',
      'This one will teach us the most.',
    ]);
    expect(result.quotes.map((q) => q.citation.paragraph)).toEqual([1, 1, 2]);
    expect(index.count).toBe(3);
  });

  it('attributes a quote spanning paragraphs whose attribution comes at its end', () => {
    const text = ['“The first part of the statement.', '“And the last part,” said Jane Doe.'].join('\n\n');
    expect(quotesOf(indexOf(text), 'Jane Doe')).toEqual([
      'The first part of the statement.',
      'And the last part',
    ]);
  });

  it('ignores quoted titles and scare quotes that nobody says', () => {
    const text =
      'Known as the “Framework Agreement on Space,” the pact was signed. Jane Doe called it “historic” later.';
    const index = indexOf(text);
    expect(index.count).toBe(0);
    expect(index.speakers('', 25)).toEqual([]);
  });
});

describe('attribution forms', () => {
  it.each([
    ['said after, verb first', '“Orbit is near,” said Jane Doe.'],
    ['said after, name first', '“Orbit is near,” Jane Doe said.'],
    ['added', '“Orbit is near,” added Jane Doe.'],
    ['told', '“Orbit is near,” Jane Doe told reporters.'],
    ['told the listener', '“Orbit is near,” Jane Doe told the council.'],
    ['told a listener of two words', '“Orbit is near,” Jane Doe told a news conference.'],
    ['according to, after', '“Orbit is near,” according to Jane Doe.'],
    ['according to, before', 'According to Jane Doe, “Orbit is near.”'],
    ['said before, colon', 'Jane Doe said: “Orbit is near.”'],
    ['said before, with place', 'Jane Doe said in a statement, “Orbit is near.”'],
    ['appositive', '“Orbit is near,” Jane Doe, the mission lead, said.'],
  ])('%s', (_label, text) => {
    const words = quotesOf(indexOf(text), 'Jane Doe');
    expect(words).toHaveLength(1);
    expect(words[0]).toMatch(/^Orbit is near\.?$/);
  });

  it('gives every sentence of a quote that goes on after the attribution to the same speaker', () => {
    const text =
      '“The future is shared,” said Jane Doe. “Through this pact, we grow stronger. We will go farther together.”';
    expect(quotesOf(indexOf(text), 'Jane Doe')).toEqual([
      'The future is shared',
      'Through this pact, we grow stronger. We will go farther together.',
    ]);
  });

  it('keeps the voice over an appositive but not over a new sentence about someone else', () => {
    const text = [
      '“First words,” said Jane Doe, who leads the mission. “Second words.”',
      '“Third words,” said Jane Doe. John Roe nodded. “Fourth words.”',
    ].join('\n');
    const index = indexOf(text);
    expect(quotesOf(index, 'Jane Doe')).toEqual(['First words', 'Second words.', 'Third words']);
    expect(index.quote('John Roe')).toMatchObject({ speaker: null, known: true, quotes: [] });
  });

  it('resolves "he said" to the speaker of the quote before', () => {
    const text = ['“We launch at dawn,” said John Roe.', '“The crew is ready,” he added.'].join('\n');
    expect(quotesOf(indexOf(text), 'Roe')).toEqual(['We launch at dawn', 'The crew is ready']);
  });

  it('drops a quote never closed before the next opening mark instead of guessing its end', () => {
    const index = indexOf('“Unclosed words, said Jane Doe. “Closed words,” said John Roe.');
    expect(quotesOf(index, 'John Roe')).toEqual(['Closed words']);
    expect(index.count).toBe(1);
  });

  it('does not read "he said" with nobody quoted before', () => {
    expect(indexOf('“The crew is ready,” he added.').count).toBe(0);
  });

  it('does not give a quote to someone merely named next to it', () => {
    const text = [
      'Jane Doe welcomed John Roe to the centre.',
      '“It is a great day for science.”',
      '“We signed it today.” John Roe thanked the hosts.',
      '“Finished at last.” John Roe said the work was hard.',
    ].join('\n');
    const index = indexOf(text);
    expect(index.count).toBe(0);
    expect(index.quote('John Roe')).toMatchObject({ speaker: null, known: true });
  });

  it('gives a joint statement to nobody', () => {
    expect(indexOf('“Together,” said Jane Doe and John Roe.').count).toBe(0);
    expect(indexOf('Jane Doe and John Roe said: “Together.”').count).toBe(0);
  });

  it('reads a quote split by its attribution as one voice', () => {
    expect(quotesOf(indexOf('“We will,” Jane Doe said, “go to the Moon.”'), 'Doe')).toEqual([
      'We will',
      'go to the Moon.',
    ]);
  });

  it('reads "X said:" as introducing the next quote, not closing the one before', () => {
    const text = '“We are done.” Jane Doe said: “We are only beginning.”';
    expect(quotesOf(indexOf(text), 'Jane Doe')).toEqual(['We are only beginning.']);
  });
});

describe('speaker resolution in the text', () => {
  it('expands a surname to the fullest earlier mention, with its title', () => {
    const text = [
      'Chief Scientist Jane Doe opened the meeting.',
      '“Data first,” said Doe.',
      '“Always,” Doe added.',
    ].join('\n');
    const index = indexOf(text);
    const result = index.quote('doe');
    expect(result.speaker).toEqual({ name: 'Jane Doe', title: 'Chief Scientist' });
    expect(result.quotes.map((q) => q.text)).toEqual(['Data first', 'Always']);
    expect(index.quote('Jane Doe').quotes).toHaveLength(2);
    expect(index.quote('Doe Jane').quotes).toHaveLength(2);
  });

  it('finds a person by a title and the surname, as users type them ("Professor Moriguchi")', () => {
    const text = '“Our students will handle material nobody has touched,” said Professor Hana Moriguchi.';
    const index = indexOf(text);
    expect(index.quote('Hana Moriguchi').quotes).toHaveLength(1);
    for (const typed of ['Professor Moriguchi', 'prof. moriguchi', 'Dr Moriguchi'])
      expect(index.quote(typed).speaker?.name, typed).toBe('Hana Moriguchi');
    // The title alone is no name.
    expect(index.quote('Professor').speaker).toBeNull();
  });

  it('finds a person by the role the text gives them, and among several by what their quotes say', () => {
    const text = [
      '“The detector rejects hot rooftops,” said Teodor Alvik, the mission’s chief engineer.',
      '“The regulators were built in house,” said Chief Engineer Mara Voss of the relay programme.',
      '“We fly in 2027,” said Programme Director Ilsa Marrow.',
    ].join('\n');
    const index = indexOf(text);
    expect(index.quote('Teodor Alvik').speaker?.title).toBe('the mission’s chief engineer');
    // The role as the text writes it stands for her; a role two people hold stands for neither.
    expect(index.quote('the programme director').speaker?.name).toBe('Ilsa Marrow');
    expect(index.quote('the engineer').speaker).toBeNull();
    const asked = (question: string) => {
      const answer = index.forQuestion(question);
      return answer?.kind === 'speaker' ? answer.result.speaker?.name : null;
    };
    expect(asked('what did the engineer say about hot rooftops')).toBe('Teodor Alvik');
    expect(asked('what did the chief engineer say the regulators were')).toBe('Mara Voss');
    expect(asked('what did the engineer say')).toBeNull();
    // "Which <description> commented on <topic>": the quoted person it fits whose quote holds the topic.
    const which = index.forQuestion('which engineer commented on the regulators?');
    expect(which?.kind === 'who' && [which.speaker.name, which.quote.text]).toEqual([
      'Mara Voss',
      'The regulators were built in house',
    ]);
    expect(index.forQuestion('which programme director spoke about the launch?')).toMatchObject({
      kind: 'who',
      speaker: { name: 'Ilsa Marrow' },
    });
    expect(index.forQuestion('which engineer commented on the weather?')).toBeNull();
    // A lone title is how the text addresses someone, no role of theirs.
    expect(indexOf('“Go,” said Professor Hana Moriguchi.').quote('the professor').speaker).toBeNull();
  });

  it('finds people by their roles only when what was typed says a role, not by an organisation in a title', () => {
    const said = {
      'Oren Pell': 'Visitors will find the valley as it was a century ago',
      'Keiko Tanabe': 'We will share every image the radar takes',
      'Dara Venn': 'The harbour will reopen in spring',
      'Ilan Roth': 'The budget holds for three years',
    };
    const text = [
      `“${said['Oren Pell']},” said Fenmoor Trust Director Oren Pell.`,
      `“${said['Keiko Tanabe']},” said Keiko Tanabe, a KSA official.`,
      `“${said['Dara Venn']},” said Harbour Commission Chair Dara Venn.`,
      `“${said['Ilan Roth']},” said Budget Office Director Ilan Roth.`,
    ].join('\n');
    const index = indexOf(text);
    const asked = (question: string) => {
      const answer = index.forQuestion(question);
      return answer?.kind === 'speaker' ? answer.result.speaker?.name : null;
    };
    // The trust and the agency said nothing themselves: their words are no quote of whoever has them in a title.
    expect(asked('what does the trust expect visitors to find?')).toBeNull();
    expect(asked('what does the fenmoor trust hope for?')).toBeNull();
    expect(asked('what did KSA say about the radar?')).toBeNull();
    // Nor did a commission or an office, though "commissioner" and "officer" start with their names.
    for (const typed of [
      'trust',
      'the trust',
      'Fenmoor Trust',
      'KSA',
      'Harbour Commission',
      'the commission',
      'Budget Office',
      'the office',
    ])
      expect(index.quote(typed).speaker, typed).toBeNull();
    // A role word, one clipped short or misspelt, or a name still finds them, with the words the text gives them.
    for (const [typed, name] of [
      ['the trust director', 'Oren Pell'],
      ['trust dir', 'Oren Pell'],
      ['trust dirctor', 'Oren Pell'],
      ['Pell', 'Oren Pell'],
      ['the KSA official', 'Keiko Tanabe'],
      ['tanabe', 'Keiko Tanabe'],
      ['harbour commission chai', 'Dara Venn'],
      ['budget office dir', 'Ilan Roth'],
    ] as const) {
      const result = index.quote(typed);
      expect(result.speaker?.name, typed).toBe(name);
      // The text at the quote's citation, on the line that names its speaker.
      const cited = citedTexts(result, text);
      expect(cited, typed).toEqual([said[name]]);
      expect(
        text.split('\n').find((line) => line.includes(cited[0] ?? '')),
        typed,
      ).toContain(name);
    }
    expect(asked('what did the trust director say?')).toBe('Oren Pell');
    expect(asked('what did the ksa offical say about the radar?')).toBe('Keiko Tanabe');
  });

  it('takes Japanese words for a role only when they hold a role or an honorific ("長官", "氏")', () => {
    const text = '「月面探査は来年始まる」と宇宙機構の山田太郎長官は述べた。';
    const speakers: SpeakerEntry[] = [
      { name: '山田太郎', title: '宇宙機構長官', aliases: ['山田', '山田長官', '宇宙機構長官'] },
    ];
    const index = indexOf(text, speakers);
    // The organisation said nothing itself.
    expect(index.quote('宇宙機構').speaker).toBeNull();
    for (const typed of ['宇宙機構長官', '山田氏'])
      expect(citedTexts(index.quote(typed), text), typed).toEqual(['月面探査は来年始まる']);
  });

  it('treats family-name-first and given-name-first as one person', () => {
    const text = [
      'Minister Kato Aiko arrived.',
      '“Welcome,” said Aiko Kato.',
      '“Thank you,” said Kato Aiko.',
    ].join('\n');
    const index = indexOf(text);
    expect(index.speakers('', 25)).toEqual([{ name: 'Kato Aiko', title: 'Minister', quotes: 2 }]);
    expect(quotesOf(index, 'kato aiko')).toEqual(['Welcome', 'Thank you']);
  });

  it('expands a surname to a fuller mention after it when there is none before', () => {
    const index = indexOf('“Go,” said Doe.\nChief Scientist Jane Doe left early.');
    expect(index.quote('Jane Doe').speaker).toEqual({ name: 'Jane Doe', title: 'Chief Scientist' });
    expect(quotesOf(index, 'Jane Doe')).toEqual(['Go']);
  });

  it('takes a title from the appositive when the register has none', () => {
    const text = '“Data first,” said Jane Doe, director of the lab.';
    expect(indexOf(text).quote('Jane Doe').speaker).toEqual({
      name: 'Jane Doe',
      title: 'director of the lab',
    });
  });

  it('resolves titles through the register and earlier mentions ("said the prime minister")', () => {
    const text = [
      'Prime Minister Sato Haruki visited the agency.',
      '“A fine day,” said the prime minister.',
      '“Indeed,” said Sato.',
    ].join('\n');
    const index = indexOf(text, AGENCY);
    expect(quotesOf(index, 'Haruki Sato')).toEqual(['A fine day', 'Indeed']);
    expect(index.quote('PM').speaker?.name).toBe('Sato Haruki');
  });

  it('never gives the deputy administrator’s words to the administrator, or the other way round', () => {
    const text = [
      'Agency Administrator Rita Vale and Deputy Administrator Omar Quist hosted the event.',
      '“The deputy speaks,” said the deputy administrator.',
      '“The administrator speaks,” said Vale.',
      '“The deputy again,” said the deputy agency administrator.',
    ].join('\n');
    const index = indexOf(text, AGENCY);
    expect(quotesOf(index, 'deputy administrator')).toEqual(['The deputy speaks', 'The deputy again']);
    expect(quotesOf(index, 'deputy agency administrator')).toEqual(['The deputy speaks', 'The deputy again']);
    expect(quotesOf(index, 'agency deputy administrator')).toEqual(['The deputy speaks', 'The deputy again']);
    expect(quotesOf(index, 'agency administrator')).toEqual(['The administrator speaks']);
    expect(quotesOf(index, 'Rita Vale')).toEqual(['The administrator speaks']);
  });

  it('leaves a bare title unattributed when two people in the text hold it', () => {
    const text = [
      'Agency Administrator Rita Vale and Deputy Administrator Omar Quist hosted the event.',
      '“Whose words are these?” said the administrator.',
    ].join('\n');
    // Both earlier mentions hold "Administrator": they tie, with or without the register's aliases.
    expect(indexOf(text).count).toBe(0);
    expect(indexOf(text, AGENCY).count).toBe(0);
  });

  it('leaves a surname unattributed when two people in the text share it', () => {
    const text = ['Jane Smith and Paul Smith arrived.', '“Which Smith am I?” said Smith.'].join('\n');
    expect(indexOf(text).count).toBe(0);
  });

  it('knows people named in the text who are never quoted', () => {
    const index = indexOf('Astronaut Lena Park watched.\n“Go,” said Jane Doe.');
    expect(index.quote('Lena Park')).toMatchObject({ speaker: null, known: true, suggestions: ['Jane Doe'] });
    expect(index.quote('Zed Unknown')).toMatchObject({
      speaker: null,
      known: false,
      suggestions: ['Jane Doe'],
    });
  });
});

describe('offsets', () => {
  it('cites the exact text at its offsets, in paragraph order, for every pattern above', () => {
    const text = [
      'Chief Scientist Jane Doe opened the meeting.',
      '',
      '"Data first," said Doe. "Then models.',
      '',
      '"Then more data."',
      '',
      'John Roe said: “We agree.”',
    ].join('\n');
    const corpus = corpusOf(text);
    const index = QuoteIndex.build(corpus);
    const quotes = allQuotes(index, corpus); // throws if a quote is not at its offsets
    expect(quotes).toEqual([
      { speaker: 'Jane Doe', text: 'Data first' },
      { speaker: 'Jane Doe', text: 'Then models.' },
      { speaker: 'Jane Doe', text: 'Then more data.' },
      { speaker: 'John Roe', text: 'We agree.' },
    ]);
    expect(index.quote('Roe').quotes[0]?.citation).toMatchObject({
      document: 'doc',
      title: 'Title of doc',
      url: 'https://example.org/doc',
      paragraph: 4,
    });
  });
});

describe("a transcript's turns", () => {
  const text = [
    'The panel met in Velmer. With the host were Oskar Brandt, the harbour engineer, and Lene Sarr of the fishing cooperative.',
    '',
    'HOST (Mara Ilves, Coastal Radio): Welcome. What happens when a storm breaks a mooring?',
    '',
    'BRANDT: A spare anchor waits at the pier. Crews fit it within a day.',
    '',
    'Lene Sarr (cooperative): Our boats help. "We know the currents," as our captains say.',
    '',
    'Q: And the cost?',
    '',
    'Key Points: the board pays two thirds.',
  ].join('\n');
  const corpus = corpusOf(text);
  const index = QuoteIndex.build(corpus);

  it('quotes each turn whose label names a person of the document, at its offsets, without the label', () => {
    expect(quotesOf(index, 'Brandt')).toEqual([
      'A spare anchor waits at the pier. Crews fit it within a day.',
    ]);
    expect(quotesOf(index, 'Oskar Brandt')).toEqual(quotesOf(index, 'Brandt'));
    // A moderator's label names the role, and the person in its bracket.
    expect(quotesOf(index, 'Mara Ilves')).toEqual(['Welcome. What happens when a storm breaks a mooring?']);
    // The quote marks inside a turn quote the speaker's own words: the turn is one quote.
    expect(quotesOf(index, 'Lene Sarr')).toEqual([
      'Our boats help. "We know the currents," as our captains say.',
    ]);
    for (const quote of allQuotes(index, corpus)) expect(text).toContain(quote.text); // at their offsets
  });

  it('reads a dateline as no turn, even when someone of the document bears the place as a surname', () => {
    for (const dateline of ['WASHINGTON (Reuters):', 'TOKYO:', 'Paris:']) {
      const place = dateline.split(/[ :]/)[0] as string;
      const surname = place.charAt(0) + place.slice(1).toLowerCase();
      const text = `${dateline} The agency said on Friday it would launch in May.\n\n“We are ready,” said Ann ${surname}, the director.`;
      const corpus = corpusOf(text);
      expect(allQuotes(QuoteIndex.build(corpus), corpus), text).toEqual([
        { speaker: `Ann ${surname}`, text: 'We are ready' },
      ]);
    }
  });

  it('reads a one-word label English reads as a place or a quality as the turn of the speaker named before it', () => {
    for (const surname of ['Young', 'Green', 'Washington']) {
      const turn = 'A spare anchor waits at the pier. Crews fit it within a day.';
      const text = [
        `The panel met in Velmer. With the host was Grace ${surname}, the harbour engineer.`,
        '',
        `${surname.toUpperCase()}: ${turn}`,
      ].join('\n');
      expect(quotesOf(QuoteIndex.build(corpusOf(text)), `Grace ${surname}`), text).toEqual([turn]);
    }
  });

  it('quotes no one for a role without a name, an answer mark or a label that names no person', () => {
    expect(index.quote('host').quotes).toEqual([]);
    expect(index.quote('Q').quotes).toEqual([]);
    expect(index.quote('Key Points').quotes).toEqual([]);
    expect(allQuotes(index, corpus).map((q) => q.speaker)).toEqual([
      'Mara Ilves',
      'Oskar Brandt',
      'Lene Sarr',
    ]);
  });
});
