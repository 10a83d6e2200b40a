/**
 * The sizes of corpus `ask` reads apart: a few documents (the press release, the documents moderators add) and
 * hundreds of passages or more. In a small one a question's missing idea or kind of thing says the corpus does
 * not cover it, and its words are often the user's own for what the documents say otherwise; in a large one
 * the first mostly says that retrieval found another passage, and the user's words are mostly the corpus's.
 *
 * Two things follow the size, read apart since a moderator's corpus outgrew the first:
 * - the fitted limits (weights.json `decide`), {@link corpusSize}: the confidence's margin over other passages
 *   shrinks as more of them compete, so which limits hold goes by the passages;
 * - the readings of a question and the orders they prefer (ask.ts, question.ts, not-covered.ts), {@link readingSize}:
 *   they are about what the documents are, a few short ones each about one thing, however many passages they make.
 */
// Where a moderator's corpus of some twenty documents still counts as a few: at 100, eleven short releases
// crossed it and lost the checks chosen for them. The smallest corpus the large limits are fitted on (train's
// fit split) has 435 passages.
const SMALL_CORPUS = 250;
/**
 * Short documents: fewer passages than this on average. The documents moderators add have 7–21 passages (the
 * bundled one and the 22 seen ones: 283 passages, 12.3 a document); SQuAD's Wikipedia articles, on which the large
 * limits are fitted, 35–97 (61 a document over the tune split's twelve), the bench's generated ones 10.
 */
const SHORT_DOCUMENT = 25;
/**
 * Up to this many short documents are still a few: SciFact's 5,183 abstracts (15,755 passages, about three
 * each), whose names stand in many of them, and the bench's thousand documents of ten passages are a collection.
 */
const FEW_DOCUMENTS = 200;

export type CorpusSize = 'small' | 'large';
/** What a corpus's size is read from: a passage index answers it. */
export interface CorpusShape {
  readonly passageCount: number;
  readonly documentCount: number;
}
/** Which fitted limits decide: below {@link SMALL_CORPUS} passages the small corpus's, from it the large's. */
export const corpusSize = (corpus: CorpusShape): CorpusSize =>
  corpus.passageCount < SMALL_CORPUS ? 'small' : 'large';

/**
 * How a question is read: as of a small corpus when {@link corpusSize} says small, and also when the corpus is
 * a few short documents (at most {@link FEW_DOCUMENTS}, under {@link SHORT_DOCUMENT} passages each on average),
 * as a moderator's corpus stays when it grows one document at a time.
 */
export const readingSize = (corpus: CorpusShape): CorpusSize =>
  corpusSize(corpus) === 'small' ||
  (corpus.documentCount <= FEW_DOCUMENTS && corpus.passageCount < SHORT_DOCUMENT * corpus.documentCount)
    ? 'small'
    : 'large';
