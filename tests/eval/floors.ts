/**
 * The floors under answer quality, in one place: `tests/eval/eval.test.ts` and the loopback test of the uploaded
 * documents hold `ask` to them, and `npm run train` chooses the abstention threshold among those that keep them.
 * Each is a little below a figure once measured. Raise them when quality improves; never lower one to let a
 * change pass (report the trade instead).
 */
import type { Metrics } from './evaluate.js';
import type { QaFigures } from './qa.js';

/** Figures of a project set (`evaluate`) that have floors: all shares at least the floor, except `wrongAbstention`, at most. */
export type SetFloor = Partial<
  Pick<Metrics, 'answerOrTop' | 'hitAt3' | 'answerHit' | 'abstentionRecall' | 'wrongAbstention'>
>;
/** Figures of a SQuAD-format set (`scoreQa`) that have floors; `wrongAbstention` at most, the others at least. */
export type QaFloor = Partial<
  Pick<QaFigures, 'hitAt1' | 'rightParagraph' | 'wrongAbstention' | 'abstainsWhenItShould'>
>;

/** The question sets in tests/eval, asked over the bundled corpus. */
export const BUNDLED_FLOORS: Record<string, SetFloor> = {
  // Abstaining 94.4% -> 100% when "how long does it last" met a sentence on how long something has gone on
  // (lastingUnstated, press session, 2 Dec).
  'dev-set.jsonl': {
    answerOrTop: 0.97,
    hitAt3: 0.97,
    abstentionRecall: 1,
    wrongAbstention: 0.03,
  },
  // Abstaining 93.3% -> 100% when a question on the next meeting met a sentence on nothing to come (laterUnstated,
  // fourth 1 Dec session).
  // Wrong abstentions 5.5% -> 3.6% when "the official name of" asked no one's name (2 Dec).
  // Wrong abstentions 3.6% -> 1.8% when "as written in the NASA release" was where the asker read it, no idea (press
  // session, 2 Dec).
  'holdout-2.jsonl': { answerOrTop: 0.92, abstentionRecall: 1, wrongAbstention: 0.02 },
  // Abstaining raised by "who <did>" answered with the agents of another verb (agentAway, 1 Dec): 90% -> 100%.
  // Measured above its floors on 2 Dec, as already before the sixth 1 Dec session's Japanese changes: answer or top
  // 100%, wrong abstentions 2.6%.
  'ja-dev.jsonl': { answerOrTop: 0.97, abstentionRecall: 1, wrongAbstention: 0.03 },
  // Written without seeing the code and first measured once at the end of the 30 Nov session
  // (docs/answer-quality.md#held-out-press-release-sets-looked-at-once-at-the-end): these floors only keep what
  // was measured then from getting worse. They are far from issue 12's and 15's targets. Tuned on since: seen.
  // Abstaining raised by the month-asked check (1 Dec): 91.7% -> 100%.
  // Wrong abstentions lowered when a related word in the answer sentence said the idea (1 Dec): 14.6% -> 10.4%.
  // "Who called Japan …" answered by the quote's speaker, "what does X hope" by X's quotes (fifth 1 Dec session):
  // answer or top 91.7% -> 93.8%, wrong abstentions 10.4% -> 8.3%.
  // Wrong abstentions 8.3% -> 4.2%, answer or top 93.8% -> 95.8% with words of chat ("stuff") no missing idea,
  // "which astronaut" asking who and "first countries to sign" read as "original signatories" (2 Dec).
  'en-holdout-3.jsonl': { answerOrTop: 0.95, abstentionRecall: 1, wrongAbstention: 0.05 },
  // Wrong abstentions 3.1% -> 0 when 日本の ("Japan's") joined the register's wordings of "Japan" (third 1 Dec session).
  // Measured above its floors on 2 Dec, as already before the sixth 1 Dec session: answer or top 93.8%, abstaining
  // 87.5%.
  'ja-holdout.jsonl': { answerOrTop: 0.93, abstentionRecall: 0.875, wrongAbstention: 0 },
  // Written blind at the start of the 30 Nov evening session and looked at once at its end.
  // Abstaining raised by the year-asked check (1 Dec): 75% -> 83% and 87.5%.
  // And by agentAway and countAway (third 1 Dec session): 83% -> 100% and 87.5% -> 100%; back to 91.7% when the
  // review showed countAway's "nearest verb" reading abstaining on plain sentences of new documents.
  // 95.8% -> 97.9% when "how did X describe Y" asked X's quotes (fifth 1 Dec session).
  'en-holdout-4.jsonl': { answerOrTop: 0.97, abstentionRecall: 0.91, wrongAbstention: 0.03 },
  // Wrong abstentions 3.1% -> 0 when 最終決定 joined the register's wordings of "finalized" (1 Dec, third session).
  'ja-holdout-2.jsonl': { answerOrTop: 0.93, abstentionRecall: 1, wrongAbstention: 0 },
  // Raised by countAway (third 1 Dec session) to 100%, back to 94.1% without its "nearest verb" reading.
  'check-set.jsonl': { answerOrTop: 0.97, abstentionRecall: 0.94, wrongAbstention: 0.02 },
  // Written blind at the start of the 1 Dec session (near-miss unanswerables: a number, date, role or quote the
  // release never gives) and looked at twice: aggregate figures at the start, and at the end, when nothing had
  // moved them (docs/answer-quality.md). Floors as measured then, far from the targets. Tuned on since: seen.
  // Abstaining raised by the month-asked check (1 Dec): 58.3% -> 66.7%; wrong abstentions 10.4% -> 8.3% when a
  // first clause ("nelsen quote, …") named the speaker; 66.7% -> 75% by countAway (third 1 Dec session), back without its "nearest verb" reading.
  // Wrong abstentions 8.3% -> 6.3% when "travel to" read as "visit" (1 Dec).
  // Abstaining 66.7% -> 75% when a role asked of a named person met a sentence giving none (roleUnstated, fourth
  // 1 Dec session).
  // Wrong abstentions 6.3% -> 2.1%, answer or top 91.7% -> 95.8%, abstaining 75% -> 83.3% with "which astronaut"
  // asking who, swapped letters ("melory") read as the corpus's word and "first countries to sign" as "original
  // signatories" (2 Dec).
  'en-holdout-5.jsonl': { answerOrTop: 0.95, abstentionRecall: 0.83, wrongAbstention: 0.03 },
  // Abstaining raised by 何回 read as a count and the asked-for kind deciding in Japanese, and by "what did X say
  // about Y" with no quote of X's on Y (1 Dec): 50% -> 87.5%.
  // Answer or top 96.9% -> 100% with the sixth 1 Dec session's Japanese readings (measure nouns and units, duration
  // forms, いつまで asking a date, the speaker before 言った); wrong abstentions measured 0 before and after.
  'ja-holdout-3.jsonl': { answerOrTop: 1, abstentionRecall: 0.875, wrongAbstention: 0 },
  // Written blind at the start of the second 1 Dec session and looked at twice, as aggregates: at its start and
  // at its end, when nothing had moved them (docs/answer-quality.md). Floors as measured then. Tuned on since: seen.
  // Wrong abstentions 8.3% -> 6.3% with related words in the answer sentence (1 Dec).
  // Answer or top 95.8% -> 97.9% with "first countries to sign" read as "original signatories" (2 Dec).
  'en-holdout-6.jsonl': { answerOrTop: 0.97, abstentionRecall: 0.83, wrongAbstention: 0.07 },
  // Abstaining raised by agentAway (third 1 Dec session): 75% -> 87.5%.
  // Wrong abstentions 3.1% -> 0 when 何月何日 became a question word, not an unknown idea (same session).
  'ja-holdout-4.jsonl': { answerOrTop: 0.96, abstentionRecall: 0.875, wrongAbstention: 0 },
  // Written blind at the start of the third 1 Dec session and looked at as aggregates at its start and end
  // (docs/answer-quality.md); one failure list was read at the end, and one fix followed it ("how wide"). Floors
  // as measured then, at 8507bcb. Seen from now on.
  // Abstaining 75% -> 100% with a reason asked and none given, and the next meeting asked of the past one
  // (reasonUnstated, laterUnstated: fourth 1 Dec session).
  // Wrong abstentions 4.2% -> 2.1% when "who called …" named the quote's speaker (fifth 1 Dec session).
  // Wrong abstentions 2.1% -> 0 when "the official name of" asked no one's name (2 Dec).
  'en-holdout-7.jsonl': { answerOrTop: 1, abstentionRecall: 1, wrongAbstention: 0 },
  // Answer or top 93.8% -> 96.9%, wrong abstentions 6.3% -> 3.1% when 土台/基盤/積み重ね read as the corpus's
  // "builds on" (1 Dec, sixth session).
  'ja-holdout-5.jsonl': { answerOrTop: 0.96, abstentionRecall: 0.875, wrongAbstention: 0.04 },
  // Development sets written blind at the start of the fourth 1 Dec session, in the style that cost the most on
  // that session's held-out set (descriptions instead of names, pronouns, long questions with context first):
  // seen and tuned on from the start. Floors as measured when they were added, before any tuning.
  // Abstaining 66.7% -> 75% and 75% -> 87.5% with reasonUnstated and laterUnstated (same session).
  // Wrong abstentions 12.5% -> 10.4% when "how does X rank Y" asked X's quotes, 8.3% with the refit after it
  // (fifth 1 Dec session).
  // Answer or top 87.5% -> 89.6% with "first countries to sign" read as "original signatories" (2 Dec).
  // Abstaining 75% -> 83.3% when "did X say <claim>" needed a quote of X's holding every idea of the claim
  // (fifth 1 Dec session).
  'en-dev-8.jsonl': { answerOrTop: 0.89, abstentionRecall: 0.83, wrongAbstention: 0.09 },
  // Wrong abstentions 9.4% -> 3.1%, answer or top 93.8% -> 96.9% with 土台/基盤/積み重ね read as "builds on", measure
  // nouns and units, duration forms, 予定 asking what is planned and the speaker before 言った (1 Dec, sixth session).
  'ja-dev-3.jsonl': { answerOrTop: 0.96, abstentionRecall: 0.875, wrongAbstention: 0.04 },
  // Written blind at the start of the fifth 1 Dec session in the same styles; seen and tuned on from the start.
  // Floors as measured when they were added, before any tuning.
  // "Who called …", "what did X call Y", "X talked about Y" read as questions about quotes (same session): answer
  // or top 89.6% -> 93.8%, wrong abstentions 12.5% -> 10.4%.
  // Wrong abstentions 10.4% -> 4.2%, answer or top 93.8% -> 97.9% with the context before "but" and words of
  // chat ("n stuff") no missing ideas (2 Dec).
  // Wrong abstentions 4.2% -> 2.1% when "White House" meant the White House's staff as the release words them
  // (npm run eval, 2 Dec).
  // Abstaining 75% -> 83.3% when "when did <it> happen" met a sentence with no date (dateMissing, press session, 2 Dec).
  'en-dev-9.jsonl': { answerOrTop: 0.97, abstentionRecall: 0.83, wrongAbstention: 0.03 },
  // Answer or top 93.8% -> 100%, wrong abstentions 3.1% -> 0, abstaining 62.5% -> 100% with 土台/基盤/積み重ね read
  // as "builds on", いつまで asking a date, 予定 asking what is planned (laterUnstated) and personAway (1 Dec, sixth
  // session).
  'ja-dev-4.jsonl': { answerOrTop: 1, abstentionRecall: 1, wrongAbstention: 0 },
  // Written blind at the start of the 2 Dec session and looked at as aggregates at its start (8772fdd) and end
  // (8e526d3), the same both times (docs/answer-quality.md). Floors as measured then; seen from now on.
  'en-holdout-11.jsonl': { answerOrTop: 0.93, abstentionRecall: 0.91, wrongAbstention: 0.05 },
  'ja-holdout-11.jsonl': { answerOrTop: 0.93, abstentionRecall: 0.875, wrongAbstention: 0.04 },
  // Written blind at the start of the 2 Dec morning session and looked at as aggregates at its start (bf2d333) and
  // end (3ef9059), the same both times (docs/answer-quality.md). Floors as measured then; seen from now on.
  // Press session (2 Dec): answer or top 91.7% -> 93.8% with "where did they sign it" not the premier's destination;
  // abstaining 66.7% -> 100% with dateMissing, wordsUnsaid and laterUnstated's "will…?"/"when is it scheduled";
  // wrong abstentions 6.3% -> 4.2% when "mentioned in the release" was no idea.
  'en-holdout-12.jsonl': { answerOrTop: 0.93, abstentionRecall: 1, wrongAbstention: 0.05 },
  'ja-holdout-12.jsonl': { answerOrTop: 0.9, abstentionRecall: 0.875, wrongAbstention: 0.04 },
  // Written blind at the start of the 2 Dec midday session and looked at as aggregates at its start (19bc64d) and
  // end (e933d62; abstains when it should 66.7% then 91.7% for English). Floors as measured at the end; seen from now on.
  'en-holdout-13.jsonl': { answerOrTop: 0.93, abstentionRecall: 0.91, wrongAbstention: 0.03 },
  'ja-holdout-13.jsonl': { answerOrTop: 0.96, abstentionRecall: 0.875, wrongAbstention: 0.01 },
  // Written blind at the start of the 2 Dec afternoon session and looked at as aggregates at its start (63c64bd) and
  // end (ceddf6f), the same both times: English answer or top 97.9%, abstaining 100%, wrong abstentions 2.1%;
  // Japanese 93.8% / 100% / 3.1%. Floors a question below that; seen from now on.
  'en-holdout-14.jsonl': { answerOrTop: 0.97, abstentionRecall: 0.91, wrongAbstention: 0.03 },
  'ja-holdout-14.jsonl': { answerOrTop: 0.93, abstentionRecall: 0.875, wrongAbstention: 0.04 },
  // Written blind at the start of the 2 Dec evening session and looked at as aggregates at its start (cc33a2f) and
  // end (15ba1e6), the same both times: English answer or top 95.8%, abstaining 83.3%, wrong abstentions 0%;
  // Japanese 90.6% / 87.5% / 0%. Floors as measured, wrong abstentions a question above; seen from now on.
  'en-holdout-15.jsonl': { answerOrTop: 0.95, abstentionRecall: 0.83, wrongAbstention: 0.03 },
  'ja-holdout-15.jsonl': { answerOrTop: 0.9, abstentionRecall: 0.875, wrongAbstention: 0.04 },
};

/**
 * The uploaded documents' sets (tests/eval/uploaded), asked over the bundled corpus with the documents added.
 * Measured 30 Nov 2026 when they were added, before any tuning on them: far below issue 12's targets. Raised
 * when "how long", "how soon", "last" and "how much" became the kind of answer rather than the topic, and when
 * "per year" stayed the topic (30 Nov).
 */
export const UPLOADED_FLOORS: Record<string, SetFloor> = {
  // Raised (1 Dec) when a thing the answer's document never names stopped counting as its missing idea
  // (not-covered.ts, ideaDoubtful): answer holds the fact 66.7% -> 70.8%, wrong abstentions 16.7% -> 12.5%.
  // 0.83 / 0.75 once "how much cargo can it carry" took the sentence whose count its verb carries (1 Dec).
  // Answer or top 83.3% -> 87.5% when a word with a digit found its corpus wording ("co2", 1 Dec, third session);
  // 87.5% -> 83.3% and answer 75% -> 70.8% when a promoted sentence had to hold some of the main idea (review).
  // Answer 70.8% -> 75%, wrong abstentions 12.5% -> 8.3% when phrases English has as one meaning ("get rid
  // of" -> "remove") read in the corpus's words (1 Dec).
  // Over seven documents (1 Dec, fourth session, when the wildfire and habitat documents joined): 79.2% / 70.8%;
  // their satellites and crews compete for its questions.
  // Over ten documents (fifth 1 Dec session, when a status report and a Japanese press release joined): 79.2% / 70.8%
  // -> 70.8% / 66.7%, abstaining 33.3% -> 16.7%.
  // Abstaining 16.7% -> 33.3% with "which astronauts…" asking who (2 Dec).
  // Answer 66.7% -> 70.8% (answer or top 75%) when "what's the name of the cargo ship" took the sentence giving
  // its name (2 Dec).
  'gateway-habitat-note.jsonl': {
    answerOrTop: 0.74,
    answerHit: 0.7,
    abstentionRecall: 0.33,
    // 0.13 over three uploaded documents; 0.167 since the two kestrel documents joined (more text to confuse).
    wrongAbstention: 0.09,
  },
  // 0.91 / 0.66 over three uploaded documents; 0.875 / 0.5 once the two kestrel documents joined (1 Dec).
  // Abstaining 0.5 -> 0.667 (1 Dec, third session) when a word of another kind than the one asked stayed topic;
  // 0.91 / 0.79 once "who signed…" took the sentence that names who signed over one naming the hosts.
  // "bring back" read as "return" (1 Dec): answer 79.2% -> 83.3%, wrong abstentions 8.3% -> 4.2%.
  // Abstaining 66.7% -> 50% over seven documents (1 Dec, fourth session): one unanswerable question finds an
  // answer-looking sentence in the two documents that joined.
  'moon-sample-note.jsonl': {
    answerOrTop: 0.91,
    answerHit: 0.83,
    abstentionRecall: 0.5,
    wrongAbstention: 0.05,
  },
  // Joined the others on 30 Nov 2026 (written the same way, held out for one evening); floors as measured then.
  // Over three uploaded documents it measured 0.7 / 0.54 / 0.13; the two kestrel documents joining on 1 Dec made
  // the corpus harder for it (their launches and agencies compete for its questions): re-measured then.
  // Answer or top 66.7% -> 62.5% over seven documents (1 Dec, fourth session).
  // Over ten documents (fifth 1 Dec session, when a status report and a Japanese press release joined): 62.5% / 50%
  // -> 54.2% / 41.7%.
  // Answer 41.7% -> 45.8%, wrong abstentions 12.5% -> 8.3% when a typed name ("morimotto") beat a role another
  // person also holds, every title the text gives someone being a role of theirs (fifth 1 Dec session).
  // Trade (2 Dec, "which <role>" read as asking who in a small corpus): answer or top 54.2% -> 50% ("Which NASA
  // official commented on the rover?" fails as "who commented on the rover?" does: the quote's name stands a
  // sentence before the rover), for hit@1 +2 questions and -1 on the press-release sets, abstaining here 50% ->
  // 66.7% and on gateway-habitat-note 16.7% -> 33.3%.
  // Back: answer or top 50% -> 54.2%, answer 45.8% -> 50% when "which NASA official commented on …" named the
  // quoted person the description fits, with their attribution sentence (2 Dec).
  // Answer or top 54.2% -> 58.3%, answer 50% -> 54.2% when "how many people fit in it" took the sentence counting
  // astronauts over one whose counts are degrees (2 Dec).
  // Answer 54.2% -> 58.3%, answer or top 58.3% -> 62.5% when "what is the rover's name" took the sentence setting
  // its name beside it (2 Dec).
  'lunar-rover-note.jsonl': {
    answerOrTop: 0.62,
    answerHit: 0.58,
    abstentionRecall: 0.66,
    // 20.8% -> 16.7% with the document's own missing idea, 12.5% with related words in the answer sentence
    // (1 Dec).
    wrongAbstention: 0.09,
  },
  // Written blind (30 Nov and 1 Dec) and kept outside the repo as held-out sets, looked at as aggregates only
  // (3 and 2 times); they joined the development sets at the start of the third 1 Dec session, when fresh
  // documents were written to hold out. Floors as measured then, over all five uploaded documents.
  // Raised with the document's own missing idea (1 Dec): answer or top 70.8% -> 75%, answer 58.3% -> 62.5%,
  // wrong abstentions 33.3% -> 25%; and when a document's acronyms ("NOA will contribute…") stood for their long
  // form and "day to day" stayed the topic of a "who" question (1 Dec, third session): 79.2% and 66.7%. Wrong
  // abstentions 25% -> 20.8% when the small corpus's limits were refitted with related words in the answer
  // sentence (1 Dec); 16.7% when a title's words ("… Debris Removal Partnership") were words the corpus knows.
  // Abstaining 66.7% -> 50% over seven documents (1 Dec, fourth session); answer 66.7% -> 70.8%, wrong abstentions
  // 16.7% -> 12.5% when train refitted the small corpus's limits with the checks of what a sentence leaves unstated.
  // Over ten documents (fifth 1 Dec session, when a status report and a Japanese press release joined): 79.2% / 70.8%
  // -> 75% / 62.5%, wrong abstentions 12.5% -> 20.8%.
  // Abstaining 50% -> 66.7% when "what's the name of the first dead satellite" looked for a sentence giving a
  // name, found none and doubted the idea (2 Dec).
  'kestrel-debris-removal-partnership.jsonl': {
    answerOrTop: 0.75,
    answerHit: 0.62,
    abstentionRecall: 0.66,
    wrongAbstention: 0.21,
  },
  // Raised (1 Dec, third session) when sums in a currency only WordNet knows ("90 million crowns") counted as
  // money: 0.75 / 0.5 -> 0.833 / 0.542.
  // "set aside" read as "reserve" (1 Dec): answer 54.2% -> 58.3%, wrong abstentions 33.3% -> 29.2%.
  // Over seven documents (1 Dec, fourth session): answer or top 83.3% -> 79.2%, answer 58.3% -> 54.2%.
  // 79.2% -> 83.3%, 54.2% -> 58.3% and wrong abstentions 25% -> 20.8% when train refitted the small corpus's
  // idea limit (0.44 -> 0.4) with yearAway among the checks (1 Dec, fourth session).
  // Answer 58.3% -> 62.5% when the subject of "what did <name> say" was looked up despite a typo (fifth 1 Dec session),
  // 66.7% and wrong abstentions 20.8% -> 16.7% with the refit after it (small corpus idea limit 0.4 -> 0.34).
  // Abstaining 83.3% -> 100% when "what date does <it> open" met a sentence with no date (dateMissing, press
  // session, 2 Dec).
  'kestrel-ridge-deep-space-antenna.jsonl': {
    answerOrTop: 0.83,
    answerHit: 0.66,
    abstentionRecall: 1,
    // 37.5% -> 33.3% when a count of units of time ("seven-year") counted less as an amount; 25% when "how big"
    // stopped requiring a length, area or volume (1 Dec, third session); 16.7% (fifth 1 Dec session, above).
    wrongAbstention: 0.17,
  },
  // Written blind at the start of the third 1 Dec session (a wildfire-satellite press release and a crewed-habitat
  // fact sheet), kept outside the repo and looked at only as aggregates (twice); they joined the development sets
  // at the start of the fourth, when fresh documents were written to hold out. Floors as measured then, over all
  // seven uploaded documents; plain MiniSearch's hit@1 on them is 41.7% and 37.5%.
  // Abstaining 50% -> 66.7% on both with an age, a reason and a name the answer's document never gives
  // (ageUnstated, reasonUnstated, nameElsewhere: fourth 1 Dec session).
  // Over ten documents (fifth 1 Dec session, when a status report and a Japanese press release joined): abstaining
  // 66.7% -> 83.3%.
  // Answer 62.5% -> 66.7%, answer or top 70.8% when "whats the name of the habitat" took "The habitat, known as
  // …" (2 Dec).
  // Answer 66.7% -> 70.8%, answer or top 70.8% -> 75% when "habitat elevation" asked for an amount of length (2 Dec).
  'saltpan-horizon-habitat-analogue.jsonl': {
    answerOrTop: 0.74,
    answerHit: 0.7,
    abstentionRecall: 0.83,
    wrongAbstention: 0.17,
  },
  // Over ten documents (fifth 1 Dec session, when a status report and a Japanese press release joined): answer or top
  // 62.5% -> 58.3%.
  // Answer 37.5% -> 41.7%, wrong abstentions 33.3% -> 29.2% when "the engineer" found the person the text gives
  // that role whose quotes hold the question's words (fifth 1 Dec session).
  // Answer 41.7% -> 45.8%, wrong abstentions 29.2% -> 25% when whoever a document quotes counted as a person
  // ("…,” said Teodor Alvik, Emberline's chief engineer; sixth 1 Dec session).
  // Answer or top 58.3% -> 62.5%, answer 45.8% -> 50% when "how many satellites will emberline have" took the
  // sentence counting satellites over one naming a satellite beside counts of metres (2 Dec).
  // Abstaining 66.7% -> 83.3% when "when does phase two start" met a sentence with no date (dateMissing, press
  // session, 2 Dec).
  'vsa-emberline-wildfire-constellation.jsonl': {
    answerOrTop: 0.62,
    answerHit: 0.5,
    abstentionRecall: 0.83,
    wrongAbstention: 0.26,
  },
  // A Japanese press release asked in Japanese (issue 15), written blind as a development set at the start of the
  // fourth 1 Dec session; floors as measured when it was added, before any tuning. Raised the same session when
  // Japanese words were read whole (katakana, lone kanji), with Sudachi's synonyms and as the corpus's compounds:
  // answer or top 66.7% -> 79.2%, answer 62.5% -> 75.0%, wrong abstentions 33.3% -> 25.0%.
  // Over ten documents (fifth 1 Dec session, when a status report and a Japanese press release joined): wrong
  // abstentions 25% -> 20.8%.
  // Abstaining 66.7% -> 83.3% when the verb 打ち上げ stayed the topic of "the rocket used to launch it": the sentence
  // on rockets never says a launch (wordsUnstated, 2 Dec).
  // Raised when 予算 and 総額 met the document's 総事業費 (2 Dec): answer or top 79.2% -> 83.3%, answer 75.0% -> 79.2%,
  // wrong abstentions 20.8% -> 16.7%.
  // Abstaining 83.3% -> 100% when どんなあいさつ met a sentence reporting no one's words (wordsUnsaid, press session,
  // 2 Dec).
  'mikaboshi-debris-radar.jsonl': {
    answerOrTop: 0.83,
    answerHit: 0.79,
    abstentionRecall: 1,
    wrongAbstention: 0.17,
  },
  // Written blind at the start of the fifth 1 Dec session as development sets (a status report with headings and
  // a list; a Japanese press release asked in Japanese): seen and tuned on. Floors as measured when they were
  // added, before any tuning, over all ten uploaded documents.
  // 66.7% -> 70.8% and 54.2% -> 58.3% when "their chief engineer" found the quoted person the text gives that
  // role (fifth 1 Dec session).
  // Answer 58.3% -> 62.5%, wrong abstentions 16.7% -> 12.5% when the names the text gives people counted as names.
  // Answer 62.5% -> 66.7% when "how long did the orbit insertion burn last" took the next sentence, "The burn
  // lasted eleven minutes and forty seconds" (2 Dec).
  'lantern-relay-status-q3.jsonl': {
    answerOrTop: 0.7,
    answerHit: 0.66,
    abstentionRecall: 0.33,
    wrongAbstention: 0.13,
  },
  // Answer 37.5% -> 54.2%, answer or top 54.2% -> 62.5%, wrong abstentions 25% -> 20.8% with measure nouns
  // (距離, 重さ) and units read as quantities, counted in kanji numbers too, durations (何日…かかった, 何分で),
  // いつまで asking a date, 翌年 as a date and 予定/目指す asking what is planned (1 Dec, sixth session).
  // Answer 54.2% -> 75%, answer or top 62.5% -> 83.3%, wrong abstentions 20.8% -> 12.5% when a verb with a kanji
  // (打ち上げ|られた) or a word of hiragana (a satellite's name) the corpus writes stayed the question's topic (2 Dec).
  // Answer 75% -> 79.2%, answer or top 83.3% -> 87.5% with Japanese durations, places and "how much" read as Japanese
  // writes them (3174359); abstaining 66.7% -> 83.3% when a thing's name asked and not given abstains (f82bd49).
  'hotaru-adr-capture-ja.jsonl': {
    answerOrTop: 0.87,
    answerHit: 0.79,
    abstentionRecall: 0.83,
    wrongAbstention: 0.13,
  },
};

/**
 * The SQuAD excerpt (tests/eval/fixtures/squad-excerpt.json), its articles as one corpus. Measured 30 Nov (the
 * fitted ranker in `ask`): hit@1 81.7%, right paragraph first 95.1%, wrong abstentions 8.5%, abstains when it
 * should 31.3% (old gates: 76.8% / 93.9% / 12.2% / 32.3%); plain MiniSearch 70.7% / 85.4%. With the
 * negated-question check (1 Dec): abstains when it should 34.3%.
 */
export const SQUAD_EXCERPT_FLOOR: QaFloor = {
  hitAt1: 0.8,
  rightParagraph: 0.94,
  // 9.8% -> 8.5% with related words in the answer sentence (1 Dec).
  wrongAbstention: 0.09,
  abstainsWhenItShould: 0.33,
};

/** The figures that break their floor, as "name 0.333 > 0.3", in the floor's order; empty when all hold. */
export function breaches(figures: SetFloor | QaFloor, floor: SetFloor | QaFloor): string[] {
  return Object.entries(floor).flatMap(([name, limit]) => {
    if (typeof limit !== 'number') return [];
    const value = (figures as Record<string, number | null>)[name] ?? Number.NaN;
    const ceiling = name === 'wrongAbstention';
    const holds = ceiling ? value <= limit : value >= limit;
    return holds ? [] : [`${name} ${value.toFixed(3)} ${ceiling ? '>' : '<'} ${limit}`];
  });
}
