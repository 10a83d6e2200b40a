import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainAsk } from '../../src/answer/ask.js';
import { type AskContext, scoreQuestion } from '../../src/answer/candidates.js';
import {
  asksAge,
  asksNext,
  asksReason,
  asksRoleOf,
  asksWords,
  lastingUnstated,
  nameUnstated,
  peopleAsked,
  reasonQuoted,
  saysAge,
  saysLater,
  saysMade,
  saysWords,
  statesReason,
  statesRole,
  topicUnstated,
} from '../../src/answer/unstated.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { withUploads } from '../eval/uploaded.js';
import { bundledText, CORPUS_DIR, sentenceWith } from '../support/bundled.js';
import { askContextOf } from '../support/context.js';
import { tempCorpus } from '../support/tempCorpus.js';

const uploaded = (name: string) =>
  readFileSync(resolve(import.meta.dirname, `../eval/uploaded/documents/${name}.md`), 'utf8');

/**
 * Invented local news, written as news states causes and ages: a cause as a subject, an "after" clause or a
 * finding; an age after a name; a year of building in a list apart from the sentences naming the pier.
 */
const FERRY_NEWS = `---
id: millbrook-ferry-terminal
title: "Millbrook ferry terminal back in service"
url: https://example.org/news/millbrook-ferry
published: 2026-03-09
kind: news
---
The Millbrook ferry terminal reopened on Monday, six weeks after a storm surge tore away its loading ramp.

Harbor pilot Dana Whitlock, 52, steered the first crossing to Gull Island with 140 passengers aboard.

Spray from the sea has rusted the iron railings along the pier. Divers found rot in three of the pier's wooden pilings last spring.

The terminal cafe stays closed until June.

## Pier facts

- Built: 1931
- Length: 240 meters
- Owner: Millbrook Port Authority
`;

let bundled: AskContext;
let withDocuments: AskContext;
let withFerry: AskContext;
beforeAll(async () => {
  const ferryDir = tempCorpus({});
  cpSync(CORPUS_DIR, ferryDir, { recursive: true });
  writeFileSync(join(ferryDir, 'millbrook-ferry.md'), FERRY_NEWS);
  const ferry = await loadCorpusStrict(ferryDir);
  withFerry = askContextOf(ferry);
  const release = await loadCorpusStrict(CORPUS_DIR);
  bundled = askContextOf(release);
  const corpus = await withUploads(CORPUS_DIR);
  withDocuments = askContextOf(corpus);
});

describe('a reason asked and none given (reasonUnstated)', () => {
  it('reads "why", "for what reason" and なぜ as asking a reason, not "what did it confirm"', () => {
    expect(asksReason('why did japan pull out of the artemis accords')).toBe(true);
    expect(asksReason('For what reason was the site chosen?')).toBe(true);
    expect(asksReason('なぜ署名式はNASA本部で開催されたんですか？')).toBe(true);
    expect(asksReason('どうして必要なの？')).toBe(true);
    // ますます ("more and more") after どうして is no ending of してる.
    expect(asksReason('どうしてますます遅れているの？')).toBe(true);
    // どうしてる, どうしています: "what are they doing about it", how.
    expect(asksReason('故障対策ってどうしてるの')).toBe(false);
    expect(asksReason('雪の対策はどうしていますか')).toBe(false);
    expect(asksReason('what did the previous agreement confirm?')).toBe(false);
  });

  it('finds a cause or purpose in a connective or a purpose infinitive, and none in a plain statement', () => {
    const text = bundledText();
    expect(statesReason(sentenceWith(text, 'as part of a commitment'))).toBe(true);
    expect(statesReason(sentenceWith(text, 'gathered to sign'))).toBe(true);
    expect(statesReason(sentenceWith(text, 'original signatories'))).toBe(false);
    expect(statesReason(sentenceWith(text, 'is a highlight of'))).toBe(false);
  });

  it('abstains on "why" of a sentence stating the fact only, and answers where the sentence gives the reason', () => {
    const pulled = explainAsk(bundled, 'why did japan pull out of the artemis accords');
    expect(pulled.best).toContain('original signatories');
    expect(pulled.checks).toContain('reasonUnstated');
    expect(pulled.result.answer).toBeNull();
    const gateway = explainAsk(bundled, 'Why did Japan commit to contributing to Gateway?');
    expect(gateway.checks).not.toContain('reasonUnstated');
    expect(gateway.result.answer?.text).toContain('as part of a commitment');
  });
});

describe('a cause stated without a connective word', () => {
  it('reads a cause in a clause of what came before or a finding, not in a date after "since"', () => {
    expect(statesReason('The hall has been shut since the roof began to leak in March.')).toBe(true);
    expect(statesReason('Prices fell as the harvest came in early.')).toBe(true);
    expect(statesReason('Auditors discovered gaps in the ledger.')).toBe(true);
    expect(statesReason('The outage was triggered by a tree falling on the line.')).toBe(true);
    expect(statesReason('The delay stemmed from a shortage of parts.')).toBe(true);
    expect(statesReason('The fault was brought on by a cold night on the pad.')).toBe(true);
    // The phrasal verbs of a cause also say where someone went or who joined, which is no cause.
    expect(statesReason('Two more agencies were brought on board in 2024.')).toBe(false);
    expect(statesReason('The recovery crew set off for the landing zone at dawn.')).toBe(false);
    expect(statesReason('She has run the clinic since 2015.')).toBe(false);
    // In Japanese, を受けて says what something answered; を受けた and を受けている what someone received.
    expect(statesReason('台風の接近を受けて、打ち上げは延期された。')).toBe(true);
    expect(statesReason('同チームは昨年、文部科学大臣賞を受けた。')).toBe(false);
    expect(statesReason('同チームは2025年に国際賞を受けている。')).toBe(false);
    expect(statesReason('The museum opened a new wing in the spring.')).toBe(false);
  });

  it('answers "why" of a sentence whose subject or "after" clause gives the cause, not of a plain statement', () => {
    const rusted = explainAsk(withFerry, 'Why have the railings on the pier rusted?');
    expect(rusted.checks).not.toContain('reasonUnstated');
    expect(rusted.result.answer?.text).toContain('Spray from the sea');
    const torn = explainAsk(withFerry, 'Why was the loading ramp torn away?');
    expect(torn.checks).not.toContain('reasonUnstated');
    expect(torn.result.answer?.text).toContain('after a storm surge');
    const cafe = explainAsk(withFerry, 'Why does the terminal cafe stay closed?');
    expect(cafe.best).toContain('until June');
    expect(cafe.checks).toContain('reasonUnstated');
    expect(cafe.result.answer).toBeNull();
  });
});

describe('the next occurrence asked of a sentence on what happened (laterUnstated)', () => {
  it('reads "next", "upcoming" and 次回 as asking a later occurrence, not "next to"', () => {
    expect(asksNext('when will the two countries meet next to review the framework?')).toBe(true);
    expect(asksNext('次回の会合はいつ？')).toBe(true);
    expect(asksNext('what stands next to the headquarters?')).toBe(false);
  });

  it('reads 予定 as asking what is planned, not 予定通り ("as planned", of what happened)', () => {
    expect(asksNext('星出さんは火星に行く予定はある？')).toBe(true);
    expect(asksNext('署名式は予定通りに行われた？')).toBe(false);
  });

  it('finds what is still to come in what a company aims at (目指す)', () => {
    const sentences = uploaded('hotaru-adr-capture-ja').split(/(?<=。)/);
    expect(saysLater(sentences.find((s) => s.includes('目指している')) ?? '')).toBe(true);
    expect(saysLater(sentences.find((s) => s.includes('打ち上げられた。')) ?? '')).toBe(false);
  });

  it('finds what is still to come in a Japanese polite non-past (観測します), not in its past (行いました)', () => {
    expect(saysLater('高度550キロの太陽同期軌道から、一日一回観測します。')).toBe(true);
    expect(saysLater('2019年には受信実験を約10か月間行いました。')).toBe(false);
  });

  it('finds what is still to come in a planned event, and nothing in the report of a past one', () => {
    expect(saysLater(sentenceWith(bundledText(), 'hosted by'))).toBe(false);
    const wildfire = uploaded('vsa-emberline-wildfire-constellation');
    expect(saysLater(sentenceWith(wildfire, 'is scheduled to launch'))).toBe(true);
  });

  it('abstains on the next meeting asked of the sentence on the signing', () => {
    const next = explainAsk(bundled, 'where will the next US-Japan space cooperation meeting be held?');
    expect(next.best).toContain('hosted by');
    expect(next.result.answer).toBeNull();
    expect(next.checks).toContain('laterUnstated');
  });
});

/** Asks each question of the bundled release: it abstains, and `check` holds. */
function abstainsBy(check: string, ...questions: string[]) {
  return questions.map((question) => {
    const asked = explainAsk(bundled, question);
    expect(asked.result.answer, question).toBeNull();
    expect(asked.checks, question).toContain(check);
    return asked;
  });
}

describe('what is still to come asked of a sentence on what happened (laterUnstated)', () => {
  it('reads a yes/no question opening with "will", and "when" in the future, as asking what is to come', () => {
    expect(asksNext('will a second crew fly to the station?')).toBe(true);
    expect(asksNext('when is the module scheduled to launch?')).toBe(true);
    expect(asksNext('when will the bridge reopen')).toBe(true);
    // The future is incidental where the question asks a measure, and "will" may be a noun.
    expect(asksNext('how heavy will the module be?')).toBe(false);
    expect(asksNext('when did the council say the will of the people was clear?')).toBe(false);
  });

  it('abstains on a launch or a landing still to come asked of the sentences on the agreements made', () => {
    abstainsBy(
      'laterUnstated',
      'when is the gateway contribution from japan scheduled to fly?',
      'will a japanese astronaut land on the moon?',
    );
    // What the agreement will do is said in the future: answered.
    expect(
      explainAsk(bundled, 'what will the agreement allow nasa and jaxa to do?').result.answer?.text,
    ).toBe(sentenceWith(bundledText(), 'will allow us'));
  });
});

describe('a date asked and the best sentence holding none (dateMissing)', () => {
  it('abstains on "when did <it> happen" answered by a sentence that says it happened, and no date', () => {
    const [asked] = abstainsBy('dateMissing', 'when did japan become a signatory of the artemis accords?');
    expect(asked?.best).toBe(sentenceWith(bundledText(), 'original signatories'));
    expect(explainAsk(bundled, 'when was the agreement signed?').result.answer?.text).toContain(
      'January 13th',
    );
  });
});

describe("someone's words asked of a sentence that reports none (wordsUnsaid)", () => {
  it('reads "what did X say", "X\'s remarks" and 何と言った as asking for words, not "did X mention"', () => {
    expect(asksWords('what did the us ambassador say about the pact?')).toBe(true);
    expect(asksWords('what were the remarks of the mayor')).toBe(true);
    expect(asksWords('町長は式典で何と言った？')).toBe(true);
    expect(asksWords('did the mayor mention the bridge?')).toBe(false);
  });

  it('finds words reported in a quote or by a verb of saying, and none in a list of guests', () => {
    const guests =
      bundledText()
        .split('\n')
        .find((line) => line.includes('witnesses in attendance')) ?? '';
    expect(saysWords(guests.slice(0, guests.indexOf('National Space Council.')))).toBe(false);
    expect(saysWords(sentenceWith(bundledText(), 'said Kishida'))).toBe(true);
    expect(saysWords('The mayor told reporters the bridge would reopen in May.')).toBe(true);
  });

  it('abstains on the words of a guest the release lists but never quotes', () => {
    const asked = abstainsBy(
      'wordsUnsaid',
      'what did the us ambassador say about the pact?',
      'what did the executive secretary of the national space council say?',
    );
    for (const { best } of asked) expect(best).toContain('witnesses in attendance');
  });
});

describe('how long something lasts asked of a sentence on how long something has gone on (lastingUnstated)', () => {
  it('reads a span of time gone by as no answer to how long something lasts, and a count of years as one', () => {
    const history = sentenceWith(bundledText(), 'long history');
    expect(lastingUnstated('how long will the pact last?', history, bundled.people)).toBe(true);
    // Asked how long something has gone on, the history answers.
    expect(lastingUnstated('how long have they worked together?', history, bundled.people)).toBe(false);
    expect(
      lastingUnstated(
        'how long does the deal last?',
        'The twelve-year deal was signed in May.',
        bundled.people,
      ),
    ).toBe(false);
  });

  it('abstains on how long the agreement lasts, and answers how long the two have collaborated', () => {
    abstainsBy('lastingUnstated', 'how long will the pact between the two governments last?');
    expect(
      explainAsk(bundled, 'how long have the us and japan collaborated in space').result.answer?.text,
    ).toContain('long history');
  });
});

describe('an age asked and none given (ageUnstated)', () => {
  it('finds an age, or a year to count one from, in a sentence', () => {
    const habitat = uploaded('saltpan-horizon-habitat-analogue');
    expect(asksAge('How old is the commander?')).toBe(true);
    expect(saysAge(sentenceWith(habitat, 'first built in'))).toBe(true);
    expect(saysAge(sentenceWith(habitat, 'flight physician'))).toBe(false);
  });

  it('finds an age set off after a name, and a year of building', () => {
    expect(saysAge('Ferry captain Ruth Obi, 61, retired on Friday.')).toBe(true);
    expect(saysAge('Ferry captain Ruth Obi, who retired on Friday, thanked the crew.')).toBe(false);
    expect(saysMade('Built: 1931')).toBe(true);
    expect(saysMade('The school was built in 1904 by local masons.')).toBe(true);
    expect(saysMade('Crews will paint the pier in 2027.')).toBe(false);
  });

  it("answers a person's age after her name, and a thing's from the year its document says it was built", () => {
    const pilot = explainAsk(withFerry, 'How old is Dana Whitlock?');
    expect(pilot.checks).not.toContain('ageUnstated');
    expect(pilot.result.answer?.text).toContain('Whitlock, 52');
    const pier = explainAsk(withFerry, 'How old is the pier?');
    expect(pier.checks).not.toContain('ageUnstated');
    expect(pier.result.answer).not.toBeNull();
  });

  it("abstains on a person's age asked of the sentence on her career", () => {
    const old = explainAsk(withDocuments, 'How old is Ilse Marrow?');
    expect(old.best).toContain('flight physician');
    expect(old.checks).toContain('ageUnstated');
    expect(old.result.answer).toBeNull();
  });
});

describe('a name the answer document never mentions (nameElsewhere)', () => {
  it('holds when the name asked about stands only in another document', () => {
    // "VSA" stands only in the wildfire release; the Artemis Accords only in the bundled one.
    const vsa = explainAsk(withDocuments, 'Has the VSA signed the Artemis Accords?');
    expect(vsa.best).toContain('Artemis Accords');
    expect(vsa.checks).toContain('nameElsewhere');
    expect(vsa.result.answer).toBeNull();
  });

  it('does not hold for a name that only describes what the question is about', () => {
    // "NASA" and "Japanese" stand only in the bundled release; the question is about the ferry terminal.
    for (const question of [
      'when did the Millbrook terminal, a NASA terminal, reopen?',
      'When did the Millbrook ferry terminal, a Japanese terminal, reopen?',
    ]) {
      const reopened = explainAsk(withFerry, question);
      expect(reopened.checks).not.toContain('nameElsewhere');
      expect(reopened.result.answer?.text).toContain('reopened on Monday');
    }
    const bought = explainAsk(withFerry, 'Has NASA bought the Millbrook ferry terminal?');
    expect(bought.checks).toContain('nameElsewhere');
    expect(bought.result.answer).toBeNull();
  });

  it('does not hold when the answer document names it', () => {
    const japan = explainAsk(withDocuments, 'did Japan sign the Artemis Accords?');
    expect(japan.checks).not.toContain('nameElsewhere');
    expect(japan.result.answer?.text).toContain('original signatories');
  });
});

describe("someone's role asked and none given (roleUnstated)", () => {
  it('reads a role asked of a named person, not the title of a document', () => {
    expect(asksRoleOf("what is anthony blinken's official job title", bundled.people)).toBe(true);
    expect(asksRoleOf("what's the full official title of the pact", bundled.people)).toBe(false);
  });

  it("finds a role word or a kind of person in a sentence, none in a quote's attribution", () => {
    const text = bundledText();
    expect(statesRole(sentenceWith(text, 'also participated'))).toBe(true);
    expect(statesRole(sentenceWith(text, 'said Anthony Blinken'))).toBe(false);
    expect(statesRole(sentenceWith(uploaded('saltpan-horizon-habitat-analogue'), 'soil chemist'))).toBe(true);
  });

  it('abstains when the sentence names the person and no role, answers when it gives one', () => {
    const blinken = explainAsk(bundled, "what is anthony blinken's official job title");
    expect(blinken.checks).toContain('roleUnstated');
    expect(blinken.result.answer).toBeNull();
    const nelson = explainAsk(bundled, "What is Bill Nelson's title?");
    expect(nelson.checks).not.toContain('roleUnstated');
    expect(nelson.result.answer?.text).toContain('NASA Administrator Bill Nelson');
  });
});

describe('a person asked about whom the answer passage does not name (personAway)', () => {
  it("reads the people a question names: the register's, and Japanese words before an honorific or a title", () => {
    const labels = (ctx: AskContext, question: string) =>
      peopleAsked(question, scoreQuestion(ctx, question).question.concepts, ctx.people).map((c) => c.label);
    expect(labels(bundled, '2022年11月の合意で岸田首相は何を約束した？')).toEqual(['岸田首相']);
    expect(labels(withDocuments, 'ブリクストさんは再突入に立ち会う予定？')).toEqual(['ぶりくすと']);
    // A government is no person, though the Japanese kinds count it among who did something.
    expect(labels(bundled, '日本政府と米国政府のどちらが署名した？')).toEqual([]);
  });

  it('abstains when the passage never names the person, answers when it does', () => {
    const promise = explainAsk(bundled, '2022年11月の合意で岸田首相は何を約束した？');
    expect(promise.best).toContain('November of 2022');
    expect(promise.checks).toContain('personAway');
    expect(promise.result.answer).toBeNull();
    const office = explainAsk(bundled, '岸田首相が就任したのはいつ？');
    expect(office.checks).not.toContain('personAway');
    expect(office.result.answer?.text).toContain('his taking office in 2021');
  });
});

describe("a Japanese question's ideas unstated in the answer sentence (wordsUnstated)", () => {
  it('abstains when the sentence leaves most of the ideas unsaid, answers when it says them', () => {
    const signed = explainAsk(bundled, '日本はアルテミス合意にいつ署名した？');
    expect(signed.best).toContain('November of 2022');
    expect(signed.checks).toContain('wordsUnstated');
    expect(signed.result.answer).toBeNull();
    const original = explainAsk(bundled, '日本がアルテミス合意の最初の署名国だったのは本当？');
    expect(original.checks).not.toContain('wordsUnstated');
    expect(original.result.answer?.text).toContain('original signatories of the Artemis Accords');
  });

  it('is read of Japanese questions only', () => {
    expect(explainAsk(bundled, 'when did Japan sign the Artemis Accords?').checks).not.toContain(
      'wordsUnstated',
    );
  });
});

describe("a thing's name asked in Japanese and none given (nameUnstated)", () => {
  it('holds for a sentence naming no such thing, or the thing with no name beside it', () => {
    const asked = 'ロケットの名前は？';
    expect(nameUnstated(asked, '衛星は国産の大型ロケットで打ち上げられる。')).toBe(true);
    expect(nameUnstated(asked, '社長は「海の変化を宇宙から見守りたい」と述べた。')).toBe(true);
  });

  it('does not hold where the sentence names it, beside it or with a naming word', () => {
    const asked = 'ロケットの名前は？';
    expect(nameUnstated(asked, '衛星はH3ロケットで打ち上げられる。')).toBe(false);
    expect(nameUnstated(asked, '衛星は大型ロケット「はやて」で打ち上げられる。')).toBe(false);
    expect(nameUnstated(asked, '新しいロケットは「はやて」と命名された。')).toBe(false);
  });

  it('is not read of a person asked by role, nor of an English sentence', () => {
    expect(nameUnstated('運用の責任者の名前は？', '運用は佐伯さんが担う。')).toBe(false);
    expect(nameUnstated('車長の名前は？', '運用は佐伯さんが担う。')).toBe(false);
    expect(nameUnstated('ロケットの名前は？', 'It launches on a heavy rocket.')).toBe(false);
  });

  it('reads a very long sentence', () => {
    // A long run of katakana or letters before each mention once made every mention rescan the run from each
    // start (8 s here). No clock in the assertion: speed targets live in the bench; a relapse shows as this
    // test running into vitest's timeout.
    const sentence = `${'ア'.repeat(5000)}、${'b'.repeat(5000)}、${'衛星、'.repeat(40)}`;
    expect(nameUnstated('衛星の名前は？', sentence)).toBe(true);
  });
});

describe('what a Japanese question says it is about (について) unstated in the answer (topicUnstated)', () => {
  const concept = (label: string) => ({ label, alternatives: [[label]], weight: 1, known: true }) as never;
  const sentence = (text: string) => ({ has: (stem: string) => text.includes(stem) });

  it('holds when the sentence names none of the topic, not when it names some', () => {
    const asked = '社長は帆の畳み方について何て言ってた？';
    const concepts = [concept('社長'), concept('帆')];
    expect(topicUnstated(asked, concepts, sentence('社長は「海の変化を見守りたい」と述べた。'))).toBe(true);
    expect(topicUnstated(asked, concepts, sentence('社長は「帆は手のひらに乗る」と述べた。'))).toBe(false);
  });

  it('does not read whom someone spoke to (に対して) as what they spoke about', () => {
    const asked = '社長は記者に対して何と語った？';
    const concepts = [concept('社長'), concept('記者')];
    expect(topicUnstated(asked, concepts, sentence('社長は「値下げを急ぐ」と語った。'))).toBe(false);
  });

  it('does not hold for a question without such a phrase', () => {
    expect(
      topicUnstated('社長は何て言ってた？', [concept('社長')], sentence('「見守りたい」と述べた。')),
    ).toBe(false);
  });
});

describe('a reason in quoted words', () => {
  const paragraphs = uploaded('hotaru-adr-capture-ja').split('\n');
  const paragraphWith = (words: string) => paragraphs.find((p) => p.includes(words)) ?? '';
  const said = paragraphWith('「回転する衛星');
  const named = paragraphWith('「しらなみ2号」は2011年');

  it('reads why someone said something in their quoted words, not why a thing in 「」 is called so', () => {
    expect(reasonQuoted('柏木理事長はなぜ大きな一歩だと言ってた?', said)).toBe(true);
    expect(reasonQuoted('なぜ「しらなみ2号」という名前なの?', named)).toBe(false);
    expect(reasonQuoted('なぜ理事長は社長と話し合ったの?', said)).toBe(false);
  });
});
