import { describe, expect, it } from 'vitest';
import { explainAsk } from '../../src/answer/ask.js';
import { corpusSize, readingSize } from '../../src/answer/corpus-size.js';
import { abstainingStep, type DecisionLimits } from '../../src/answer/not-covered.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { askContextOf } from '../support/context.js';
import { tempCorpus } from '../support/tempCorpus.js';

const limits: DecisionLimits = {
  abstainBelow: 0.1,
  doubtfulBelow: { type: 0.5, idea: 0.3 },
  checks: ['typeDoubtful', 'ideaDoubtful', 'negatedQuestion'],
};

describe('when ask abstains (abstainingStep)', () => {
  it('abstains below abstainBelow whatever the checks', () => {
    expect(abstainingStep([], 0.05, limits, 'which plan was approved?')).toBe('lowConfidence');
    expect(abstainingStep([], 0.1, limits, 'which plan was approved?')).toBeUndefined();
  });

  it('abstains on a check only when the limits list it', () => {
    expect(abstainingStep(['negatedQuestion'], 0.9, limits, 'which plan was approved?')).toBe(
      'negatedQuestion',
    );
    expect(
      abstainingStep(['yearMissing', 'document'], 0.9, limits, 'which plan was approved?'),
    ).toBeUndefined();
    expect(
      abstainingStep(
        ['yearMissing'],
        0.9,
        { ...limits, checks: ['yearMissing'] },
        'which plan was approved?',
      ),
    ).toBe('yearMissing');
  });

  it('abstains on a doubtful check only below its own confidence limit', () => {
    expect(abstainingStep(['typeDoubtful'], 0.4, limits, 'which plan was approved?')).toBe('typeDoubtful');
    expect(abstainingStep(['typeDoubtful'], 0.5, limits, 'which plan was approved?')).toBeUndefined();
    expect(abstainingStep(['ideaDoubtful'], 0.2, limits, 'which plan was approved?')).toBe('ideaDoubtful');
    expect(abstainingStep(['ideaDoubtful'], 0.4, limits, 'which plan was approved?')).toBeUndefined();
    // A Japanese question's confidence vouches for less: a sentence without the asked-for kind never answers it.
    expect(abstainingStep(['typeDoubtful'], 0.9, limits, '協定が署名されたのは何年ですか')).toBe(
      'typeDoubtful',
    );
    // The first check that abstains is the one that decided.
    expect(abstainingStep(['ideaDoubtful', 'negatedQuestion'], 0.4, limits, 'which plan was approved?')).toBe(
      'negatedQuestion',
    );
  });
});

describe('the size of a corpus (which fitted limits apply)', () => {
  it('is small below 250 passages, large from there', () => {
    expect(corpusSize({ passageCount: 9, documentCount: 1 })).toBe('small');
    // A community's two dozen press releases are still a few documents.
    expect(corpusSize({ passageCount: 145, documentCount: 1 })).toBe('small');
    expect(corpusSize({ passageCount: 249, documentCount: 1 })).toBe('small');
    expect(corpusSize({ passageCount: 250, documentCount: 1 })).toBe('large');
    expect(corpusSize({ passageCount: 296, documentCount: 1 })).toBe('large');
  });

  it('reads questions as of a few documents while they stay a few short ones, whatever their passages', () => {
    // The bundled corpus and the 22 seen documents moderators add: large limits, small readings.
    expect(corpusSize({ passageCount: 283, documentCount: 23 })).toBe('large');
    expect(readingSize({ passageCount: 283, documentCount: 23 })).toBe('small');
    expect(readingSize({ passageCount: 249, documentCount: 1 })).toBe('small');
    // SQuAD's Wikipedia articles (the tune split: 12 articles, 732 passages; the shortest has 35).
    expect(readingSize({ passageCount: 732, documentCount: 12 })).toBe('large');
    expect(readingSize({ passageCount: 35 * 19, documentCount: 19 })).toBe('large');
    // A collection: SciFact's abstracts, the bench's documents of ten passages at 10k passages.
    expect(readingSize({ passageCount: 15_755, documentCount: 5_183 })).toBe('large');
    expect(readingSize({ passageCount: 10_000, documentCount: 1_000 })).toBe('large');
  });
});

/** The ask context of a corpus of press releases, one per entry of `bodies` (id → paragraphs). */
async function releasesContext(bodies: Record<string, string>) {
  const files = Object.fromEntries(
    Object.entries(bodies).map(([id, body]) => [
      `${id}.md`,
      `---\nid: ${id}\ntitle: "${id}"\nurl: https://example.org/${id}\npublished: 2025-05-20\nkind: press-release\n---\n\n${body}\n`,
    ]),
  );
  const corpus = await loadCorpusStrict(tempCorpus(files));
  return askContextOf(corpus);
}

describe('the heaviest idea missing from the answer passage (ideaDoubtful)', () => {
  const debris = [
    'Targets will be chosen by a joint selection board chaired by Lucía Ferreyra, chief scientist at the commission. Henrik Dahl, head of space safety at the authority, will serve as deputy chair.',
    'The partnership is valued at 312 million euros over its lifetime and will hire a review committee of outside engineers.',
    'The first spacecraft is scheduled to launch in March 2027 from the Andøya Spaceport in northern Norway.',
  ].join('\n\n');
  const habitat = [
    'The habitat module carries a solar panel array assembled by a contractor in Nagoya.',
    'Its cargo vehicle will dock with the station for up to six months.',
  ].join('\n\n');
  const ask = async (question: string) => explainAsk(await releasesContext({ debris, habitat }), question);

  it('does not hold for a thing the answer document calls otherwise, known only from another document', async () => {
    // "panel" stands only in the habitat release; the debris release calls its panel a "board".
    const deputy = await ask('who is the deputy on the target selection panel');
    expect(deputy.best).toContain('selection board');
    expect(deputy.checks).not.toContain('ideaDoubtful');
  });

  it('holds when the answer document uses the idea, but elsewhere than the answer passage', async () => {
    // "committee" stands in the debris release's second paragraph, not in the one about the board.
    const deputy = await ask('who is the deputy on the target selection committee');
    expect(deputy.best).toContain('selection board');
    expect(deputy.checks).toContain('ideaDoubtful');
  });

  it('holds for a name: it points to another thing, not another wording', async () => {
    // "Nagoya" stands only in the habitat release; the debris release launches from Andøya. The name keeps the
    // answer within the document that writes it (withNamedDocumentFirst), whose sentence says nothing of a launch.
    const launch = await ask('when is the first spacecraft from Nagoya scheduled to launch');
    expect(launch.best).toBe(
      'The habitat module carries a solar panel array assembled by a contractor in Nagoya.',
    );
    expect(habitat).toContain(launch.best);
    expect(launch.checks).toContain('ideaDoubtful');
    expect(launch.result.answer).toBeNull();
  });

  it('holds for a verb the answer document never uses: it may ask for another relation', async () => {
    // "assembled" stands only in the habitat release.
    const chair = await ask('who assembled the joint selection board');
    expect(chair.best).toContain('selection board');
    expect(chair.checks).toContain('ideaDoubtful');
  });
});

describe('ideas found only through a related word (unknownIdeas)', () => {
  const release = [
    'The supply vehicle will transport food and water to the station every month.',
    'The agencies will share tracking data with other operators within thirty days.',
  ].join('\n\n');

  it('count as known where the related word stands in the answer sentence', async () => {
    // "cargo" and "carry" are no words of the release; WordNet relates both to its "transport".
    const cargo = explainAsk(await releasesContext({ release }), 'what cargo will the supply vehicle carry');
    expect(cargo.best).toContain('transport');
    expect(cargo.checks).not.toContain('unknownIdeas');
  });

  it('count as unknown where the answer sentence does not say them', async () => {
    const cargo = explainAsk(await releasesContext({ release }), 'cargo tracking data');
    expect(cargo.best).toContain('tracking data');
    expect(cargo.checks).toContain('unknownIdeas');
  });
});

describe('a year asked about and another given (yearAway)', () => {
  const history = [
    'The harbour council approved the lighthouse plan in 1983 after a long debate.',
    'During the blockade (1754–1763) the port was closed to foreign ships.',
    'The museum opened its new wing in spring.',
  ].join('\n\n');

  it('holds when the answer sentence names other years than the one asked', async () => {
    const ctx = await releasesContext({ history });
    const other = explainAsk(ctx, 'what did the harbour council approve in 1985?');
    expect(other.best).toContain('in 1983');
    expect(other.checks).toContain('yearAway');
    expect(other.result.answer).toBeNull();
    const same = explainAsk(ctx, 'what did the harbour council approve in 1983?');
    expect(same.checks).not.toContain('yearAway');
    expect(same.result.answer?.text).toContain('lighthouse plan');
  });

  it('counts every year of a range, and says nothing of a sentence that names no year', async () => {
    const ctx = await releasesContext({ history });
    const inRange = explainAsk(ctx, 'was the port closed to foreign ships in 1760?');
    expect(inRange.best).toContain('1754–1763');
    expect(inRange.checks).not.toContain('yearAway');
    const undated = explainAsk(ctx, 'when did the museum open its new wing in 2024?');
    expect(undated.best).toContain('new wing');
    expect(undated.checks).not.toContain('yearAway');
  });
});
