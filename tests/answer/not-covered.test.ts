import { describe, expect, it } from 'vitest';
import { abstainingStep, corpusSize, type DecisionLimits } from '../../src/answer/not-covered.js';

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
  it('is small below a hundred passages, large from there', () => {
    expect(corpusSize(9)).toBe('small');
    expect(corpusSize(99)).toBe('small');
    expect(corpusSize(100)).toBe('large');
    expect(corpusSize(732)).toBe('large');
  });
});
