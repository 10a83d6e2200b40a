import { beforeAll, describe, expect, it } from 'vitest';
import { explainAsk } from '../../src/answer/ask.js';
import { analyzeQuestion, askingPart, negatedAsking, unknownShare } from '../../src/answer/question.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { stem } from '../../src/text/text.js';
import { bundledText, CORPUS_DIR, sentenceWith } from '../support/bundled.js';
import { askContextOf } from '../support/context.js';
import { tempCorpus } from '../support/tempCorpus.js';

let bundled: Corpus;
beforeAll(async () => {
  bundled = await loadCorpusStrict(CORPUS_DIR);
});

const NOTE = `---
id: council-note
title: "Council note"
url: https://example.org/council-note
published: 2025-05-20
kind: press-release
---

The emissary from France met the council in May. The council approved the plan after a long debate.

The council will spend 40 million euros on a bridge of 300 meters that can carry trucks of 40 tonnes.
`;

async function contextOf(text: string) {
  const corpus = await loadCorpusStrict(tempCorpus({ 'council-note.md': text }));
  return askContextOf(corpus);
}

describe('analyzeQuestion: words the corpus never uses', () => {
  it("finds a Japanese document's word for a Japanese synonym, known as a glossary's wording is", async () => {
    const ctx = await contextOf(
      NOTE.replace('The emissary', '試験観測は五か月間にわたって行われた。\n\nThe emissary'),
    );
    const question = analyzeQuestion('テスト観測は何か月やったの？', ctx.index, ctx.glossary);
    expect(question.type).toBe('duration');
    expect(question.concepts.find((c) => c.label === 'てすと')).toMatchObject({
      known: true,
      related: false,
      alternatives: expect.arrayContaining([['試験']]),
    });
    // 月 after 何か is the counter of months, no topic (nor the Moon).
    expect(question.concepts.map((c) => c.label)).toEqual(['てすと', '観測']);
  });

  it("reads a godan verb in る as the noun in り a Japanese document writes (集まる: 集まり), an ichidan one's without る", async () => {
    const ctx = await contextOf(
      NOTE.replace(
        'The emissary',
        '関係者の集まりは2026年2月に港で開かれる。\n\nブイは工場で組み立てられた。\n\nThe emissary',
      ),
    );
    const concept = (q: string, label: string) =>
      analyzeQuestion(q, ctx.index, ctx.glossary).concepts.find((c) => c.label === label);
    expect(concept('関係者はいつ集まるの？', '集まる')).toMatchObject({
      known: true,
      alternatives: expect.arrayContaining([['集まり']]),
    });
    expect(concept('ブイはどこで組み立てるの？', '組み立てる')).toMatchObject({
      known: true,
      alternatives: expect.arrayContaining([['組み立て']]),
    });
  });

  it('reads a Japanese word the corpus writes only in compounds as those compounds (雪 → 積雪, 融雪)', async () => {
    const ctx = await contextOf(
      NOTE.replace(
        'The emissary',
        '冬季には積雪が2メートルを超えるため、アンテナに融雪用のヒーターを組み込んだ。\n\nThe emissary',
      ),
    );
    const snow = analyzeQuestion('雪対策としてアンテナに何をつけた？', ctx.index, ctx.glossary).concepts.find(
      (c) => c.label === '雪',
    );
    expect(snow).toMatchObject({ known: true, related: false });
    expect(snow?.alternatives.slice(1).sort()).toEqual([['積雪'], ['融雪']]);
  });

  it('finds the corpus\'s words for a word with a digit in it ("co2" is "carbon dioxide"), never for a number', async () => {
    const ctx = await contextOf(
      NOTE.replace(
        'after a long debate.',
        'after a long debate. The bridge lamps remove carbon dioxide from the air.',
      ),
    );
    const co2 = analyzeQuestion('how do the lamps get rid of co2', ctx.index, ctx.glossary);
    expect(co2.concepts.find((c) => c.label === 'co2')).toMatchObject({
      known: true,
      related: true,
      alternatives: expect.arrayContaining([['co2'], ['carbon', 'dioxid']]),
    });
    const year = analyzeQuestion('what happened in 1999', ctx.index, ctx.glossary);
    expect(year.concepts.find((c) => c.label === '1999')).toMatchObject({
      known: false,
      alternatives: [['1999']],
    });
  });

  it("finds the corpus's own word for a synonym, as a related idea that is no main idea", async () => {
    const ctx = await contextOf(NOTE);
    const question = analyzeQuestion('when did the envoy arrive', ctx.index, ctx.glossary);
    const envoy = question.concepts.find((c) => c.label === 'envoy');
    expect(envoy).toMatchObject({ known: true, related: true });
    expect(envoy?.alternatives).toContainEqual([stem('emissary')]);
    expect(question.main).not.toContain(envoy);
    expect(question.terms.some((t) => t.stem === stem('emissary'))).toBe(true);
  });

  it('relates a name only through what it is part of, not as a stranger to the corpus', async () => {
    const ctx = await contextOf(NOTE);
    const lyon = analyzeQuestion('who came from Lyon', ctx.index, ctx.glossary).concepts.find(
      (c) => c.label === 'lyon',
    );
    expect(lyon).toMatchObject({ known: true, related: true, foreign: false });
    expect(lyon?.alternatives).toContainEqual([stem('France')]);
  });

  it('corrects a typo whose stem stems further ("approvall" → "approval" → "approv")', async () => {
    const ctx = await contextOf(NOTE);
    const question = analyzeQuestion('did the council give its approvall', ctx.index, ctx.glossary);
    expect(question.concepts.every((c) => c.known)).toBe(true);
  });

  it('counts an unknown verb or adjective a share of its weight, an unknown thing in full', async () => {
    const ctx = await contextOf(NOTE);
    const verb = analyzeQuestion('was the plan exhaustive', ctx.index, ctx.glossary);
    expect(verb.concepts.find((c) => c.label === 'exhaustive')).toMatchObject({ known: false, thing: false });
    expect(unknownShare(verb, 0.25)).toBeLessThan(unknownShare(verb, 1));
    const thing = analyzeQuestion('what was the budget of the plan', ctx.index, ctx.glossary);
    expect(thing.concepts.find((c) => c.label === 'budget')).toMatchObject({ known: false, thing: true });
    expect(unknownShare(thing, 0.25)).toBe(unknownShare(thing, 1));
  });
});

describe('analyzeQuestion: what kind of amount is asked for', () => {
  it('takes "how much", "how long", "how soon" and "last" for the kind of answer, not for the topic', async () => {
    const ctx = await contextOf(NOTE);
    const labels = (q: string) => analyzeQuestion(q, ctx.index, ctx.glossary).concepts.map((c) => c.label);
    const lasting = analyzeQuestion('how long did the long debate last', ctx.index, ctx.glossary);
    expect(lasting.type).toBe('duration');
    // "Long" after "how" asks for a duration; the debate's own "long" is what it is about.
    expect(lasting.concepts.map((c) => c.label)).toEqual(['long', 'debate']);
    expect(analyzeQuestion('how soon will the council approve it', ctx.index, ctx.glossary).type).toBe(
      'duration',
    );
    expect(labels('how soon will the council approve it')).toEqual(['council', 'approve']);
    expect(labels('how much will the council spend')).toEqual(['council', 'spend']);
    // Elsewhere "last" is what the question is about.
    expect(labels('what did the council approve last')).toContain('last');
  });

  it('reads "last year" as when, not as the verb "last" asking how long', async () => {
    const ctx = await contextOf(NOTE);
    const type = (q: string) => analyzeQuestion(q, ctx.index, ctx.glossary).type;
    expect(type('how much did the council spend on bridges last year')).toBe('money');
    expect(type('number of bridges the council approved last year')).toBe('quantity');
    expect(type('how many trucks crossed the bridge last month')).toBe('quantity');
    expect(type('how long did the debate last')).toBe('duration');
  });

  it('takes "money" for the kind of answer, as "number" or "date": the note says "euros", never "money"', async () => {
    const ctx = await contextOf(NOTE);
    const question = analyzeQuestion('how much money will the council spend', ctx.index, ctx.glossary);
    expect(question.type).toBe('money');
    expect(question.concepts.map((c) => c.label)).toEqual(['council', 'spend']);
    expect(unknownShare(question, 1)).toBe(0);
  });

  it('reads what "how many <things>" and "the number of <things>" count, unless it is a unit', async () => {
    const ctx = await contextOf(NOTE);
    const counted = (q: string) => analyzeQuestion(q, ctx.index, ctx.glossary).counted;
    expect(counted('how many trucks cross it')).toBe('trucks');
    expect(counted('number of trucks on the bridge')).toBe('trucks');
    // An adjective first describes the things counted: they are the noun it stands before.
    expect(counted('how many new trucks cross it')).toBe('trucks');
    expect(counted('how many small electric trucks cross it')).toBe('trucks');
    expect(counted('the number of empty trucks on the bridge')).toBe('trucks');
    // People are persons, as WordNet classes "astronauts" and "analysts".
    expect(counted('how many people work on the bridge')).toBe('person');
    // A unit is a measure (what `measure` says), and "how many of them" names nothing counted.
    expect(counted('how many kg can a truck carry')).toBeNull();
    expect(counted('how many of them cross it')).toBeNull();
    expect(counted('when does the bridge open')).toBeNull();
  });

  it('reads when a question asks what a thing is called, but not a name of someone or names to list', async () => {
    const ctx = await contextOf(NOTE);
    const asks = (q: string) => analyzeQuestion(q, ctx.index, ctx.glossary);
    expect(asks("what's the name of the bridge").asksName).toBe(true);
    expect(asks("what is the bridge's name").asksName).toBe(true);
    expect(asks('bridge name').asksName).toBe(true);
    expect(asks('what is the bridge called').asksName).toBe(true);
    // A person's name is a "who" question's answer, read as such.
    expect(asks('what is the name of the chief engineer').type).toBe('name');
    expect(asks('what is the name of the chief engineer').asksName).toBe(false);
    expect(asks('can you name the trucks that cross it').asksName).toBe(false);
    expect(asks('when does the bridge open').asksName).toBe(false);
    // "Called" asks a name only as the question's last word: "called off", "called for" are other verbs, and
    // "called" stays an idea of the question.
    for (const q of [
      'what happened after the council called off the vote',
      'what was the bridge called for',
      'what did the council say when it called on the emissary',
    ]) {
      expect(asks(q).asksName, q).toBe(false);
      expect(
        asks(q).concepts.map((c) => c.label),
        q,
      ).toContain('called');
    }
    expect(asks('what is the bridge called?').asksName).toBe(true);
  });

  it('reads an amount asked by naming its dimension, and a duration by naming a stretch of time', async () => {
    const ctx = await contextOf(NOTE);
    const asked = (q: string) => analyzeQuestion(q, ctx.index, ctx.glossary);
    expect(asked('at what altitude does the bridge stand')).toMatchObject({
      type: 'quantity',
      measure: 'linear unit',
    });
    expect(asked('bridge elevation')).toMatchObject({ type: 'quantity', measure: 'linear unit' });
    expect(asked("what is the truck's top speed")).toMatchObject({ type: 'quantity', measure: 'rate' });
    expect(asked('what is the weight limit of the bridge')).toMatchObject({
      type: 'quantity',
      measure: 'mass unit',
    });
    expect(asked('council meeting delay?').type).toBe('duration');
    expect(asked('what is the warranty period of the bridge').type).toBe('duration');
    // A dimension word of other senses names no amount: "what areas" asks for topics, a word late in a
    // question is its topic.
    expect(asked('what areas does the council cover').type).toBe('any');
    expect(asked('what did the council say about the bridge and its height').type).toBe('any');
  });

  it('reads the dimension of an amount from a word of it or from the unit asked in', async () => {
    const ctx = await contextOf(NOTE);
    const weigh = analyzeQuestion('how much does the bridge weigh', ctx.index, ctx.glossary);
    expect(weigh).toMatchObject({ type: 'quantity', measure: 'mass unit' });
    const kg = analyzeQuestion('how many kg can a truck carry', ctx.index, ctx.glossary);
    expect(kg).toMatchObject({ type: 'quantity', measure: 'mass unit' });
    // The unit says what kind of answer is wanted, not what the question is about.
    expect(kg.concepts.map((c) => c.label)).not.toContain('kg');
    expect(analyzeQuestion('how many trucks cross it', ctx.index, ctx.glossary).measure).toBeNull();
    // What a count is counted over is what it is about: "per day" asks for no date.
    const perDay = analyzeQuestion('how many trucks cross it per day', ctx.index, ctx.glossary);
    expect(perDay.type).toBe('quantity');
    expect(perDay.concepts.map((c) => c.label)).toContain('day');
    // A word of another kind than the one asked for is topic: "who … day to day" asks for no date.
    const dayToDay = analyzeQuestion('who runs the council day to day', ctx.index, ctx.glossary);
    expect(dayToDay.type).toBe('person');
    expect(dayToDay.concepts.map((c) => c.label)).toContain('day');
    // Of the asked kind it only says what is wanted: "which day" asks for a date.
    expect(
      analyzeQuestion('which day did the council meet', ctx.index, ctx.glossary).concepts.map((c) => c.label),
    ).not.toContain('day');
    // A part of a sum is a share of it, not a sum.
    expect(
      analyzeQuestion('how much of the money goes to the bridge', ctx.index, ctx.glossary),
    ).toMatchObject({
      type: 'quantity',
      measure: 'proportion',
    });
    expect(analyzeQuestion('how much money goes to the bridge', ctx.index, ctx.glossary).type).toBe('money');
    // "How far does the plan reach" asks for no number.
    expect(analyzeQuestion('how far does the plan reach', ctx.index, ctx.glossary).measure).toBeNull();
    // "How big" asks for an amount of some unit, a length ("300 meters") or a count ("a team of 25"); "big" is
    // no word of the answer. "How wide is the scope" asks for words, not a number.
    const big = analyzeQuestion('how big is the bridge', ctx.index, ctx.glossary);
    expect(big).toMatchObject({ type: 'quantity', measure: null });
    expect(analyzeQuestion('how wide is the scope of the plan', ctx.index, ctx.glossary).type).not.toBe(
      'quantity',
    );
    expect(big.concepts.map((c) => c.label)).toEqual(['bridge']);
    expect(analyzeQuestion('how heavy are the trucks', ctx.index, ctx.glossary)).toMatchObject({
      type: 'quantity',
      measure: 'mass unit',
    });
  });

  it('takes an English word for itself, not for a typo of a corpus word ("stipends" is not "spend")', async () => {
    const ctx = await contextOf(NOTE);
    const question = analyzeQuestion('how much goes to stipends', ctx.index, ctx.glossary);
    expect(question.concepts.find((c) => c.label === 'stipends')).toMatchObject({ known: false });
    // A misspelling is still read as the corpus's word.
    const typo = analyzeQuestion('what will the councill spend', ctx.index, ctx.glossary);
    expect(typo.concepts.every((c) => c.known)).toBe(true);
  });
});

describe('analyzeQuestion: names in Japanese questions', () => {
  it('reads a capital as a name even where a Japanese question opens with it, and CLDR region names as names', async () => {
    const ctx = await contextOf(NOTE);
    const foreign = (q: string) =>
      analyzeQuestion(q, ctx.index, ctx.glossary)
        .concepts.filter((c) => c.foreign)
        .map((c) => c.label);
    expect(foreign('ESAとカウンシルの計画について教えて')).toEqual(['esa']);
    expect(foreign('中国はこの計画をどう見ている？')).toEqual(['中国']);
    expect(foreign('カナダも参加する？')).toHaveLength(1);
    // A kanji noun the corpus does not use is not a name: the check stays off for it.
    expect(foreign('計画の予算はいくら？')).toEqual([]);
    // An English question's opening word stays a plain word when a Japanese word comes later.
    expect(foreign('Summarize what the council will spend on 予算')).toEqual([]);
  });
});

describe('analyzeQuestion: titles are not names', () => {
  it('reads an unknown title ("phd") as an unknown word, not a name the corpus never mentions', async () => {
    const ctx = await contextOf(NOTE);
    const phd = analyzeQuestion(
      'how many phd students met the council',
      ctx.index,
      ctx.glossary,
    ).concepts.find((c) => c.label === 'phd');
    expect(phd).toMatchObject({ known: false, foreign: false });
    const china = analyzeQuestion('how did china see the plan', ctx.index, ctx.glossary).concepts.find(
      (c) => c.label === 'china',
    );
    expect(china).toMatchObject({ known: false, foreign: true });
  });
});

describe('analyzeQuestion: phrases English has as one meaning', () => {
  const LIFE_SUPPORT = NOTE.replace(
    /\n\nThe council will spend[^\n]*\n/,
    '\n\nThe life-support system removes carbon dioxide with an amine bed. The agreement reserves a quarter of antenna time for universities, and much of the water is recycled.\n',
  );

  it("reads a phrasal verb the corpus does not use in the corpus's word for it", async () => {
    const ctx = await contextOf(LIFE_SUPPORT);
    const rid = analyzeQuestion('how does it get rid of the gas', ctx.index, ctx.glossary);
    expect(rid.concepts.find((c) => c.label === 'rid')?.alternatives).toContainEqual([stem('removes')]);
    const aside = analyzeQuestion('how much time is set aside for universities', ctx.index, ctx.glossary);
    const set = aside.concepts.find((c) => c.label.startsWith('set'));
    expect(set?.label).toBe('set aside');
    expect(set?.alternatives).toContainEqual([stem('reserves')]);
  });

  it('reads no idea into a phrase of degree', async () => {
    const ctx = await contextOf(LIFE_SUPPORT);
    const lot = analyzeQuestion('is a lot of water recycled', ctx.index, ctx.glossary);
    expect(lot.concepts.flatMap((c) => c.alternatives)).not.toContainEqual([stem('much')]);
  });
});

describe('negatedAsking: the negation of what a question asks, not of the context around it', () => {
  it('reads the asking sentence, after ", so"', () => {
    expect(negatedAsking('who never signed the plan?')).toBe(true);
    expect(negatedAsking("The vote was close. Which members didn't approve the plan?")).toBe(true);
    expect(negatedAsking("The first vote wasn't in spring. So when did the council vote?")).toBe(false);
    expect(negatedAsking("I read the plan wasn't the first one, so what did the earlier one say?")).toBe(
      false,
    );
  });

  it("leaves out the asker's own state: what they cannot remember or are not sure of", () => {
    expect(negatedAsking("I can't remember his name, who was it?")).toBe(false);
    expect(negatedAsking('not sure if I missed it, but who chaired the debate?')).toBe(false);
    expect(negatedAsking('we dont know the date, when will it open?')).toBe(false);
  });

  it('ends no sentence at an abbreviation ("No. 13", "etc.")', () => {
    expect(
      negatedAsking('Why did Davies never test his theory, concept, idea, etc. before publishing it?'),
    ).toBe(true);
    expect(negatedAsking('Why did the mayor not fly to St. Louis?')).toBe(true);
  });

  it('reads "no." before a number as a rank ("No. 3"), no negation', () => {
    expect(negatedAsking('who is the council no. 2?')).toBe(false);
    expect(negatedAsking('Who was No. 3 on the list?')).toBe(false);
    expect(negatedAsking('was there no vote in May?')).toBe(true);
  });
});

describe('analyzeQuestion: who is asked for', () => {
  it('reads "which <role>" as asking who, in a corpus of a few documents', async () => {
    const ctx = await contextOf(NOTE);
    const typeOf = (q: string, index = ctx.index) => analyzeQuestion(q, index, ctx.glossary).type;
    expect(typeOf('which French envoy met the council')).toBe('person');
    expect(typeOf('which of the ministers approved the plan')).toBe('person');
    // A thing after "which", or a role past the verb, asks no one.
    expect(typeOf('which bridge did the council approve')).toBe('any');
    expect(typeOf('what did the envoy say')).toBe('any');
    // Measured on SQuAD's tune split, it cost more than it gained among hundreds of passages of long articles.
    const articles = Object.create(ctx.index, { passageCount: { value: 300 }, documentCount: { value: 5 } });
    expect(typeOf('which French envoy met the council', articles)).toBe('any');
    // As many passages of short documents (a moderator's corpus grown one release at a time) are still a few.
    const releases = Object.create(ctx.index, { passageCount: { value: 300 }, documentCount: { value: 25 } });
    expect(typeOf('which French envoy met the council', releases)).toBe('person');
  });

  it('reads no one asked for in a role word that describes a thing ("what executive role", "which head office")', async () => {
    const ctx = await contextOf(NOTE);
    const typeOf = (q: string) => analyzeQuestion(q, ctx.index, ctx.glossary).type;
    expect(typeOf('what executive role does the envoy hold')).toBe('any');
    expect(typeOf('what general area will the bridge serve')).toBe('any');
    expect(typeOf('which head office approved the plan')).toBe('any');
    expect(typeOf('which chief concern did the council debate')).toBe('any');
    // Before a role, or a verb, the word is the role asked for.
    expect(typeOf('which chief executive met the council')).toBe('person');
    // A kind of person the role list lacks is a role still.
    expect(typeOf('which chief negotiator signed the treaty')).toBe('person');
    expect(typeOf('which head researcher spoke at the event')).toBe('person');
    expect(typeOf('which official approved the plan')).toBe('person');
    expect(typeOf('which French official commented on the bridge')).toBe('person');
  });
});

describe('analyzeQuestion: a name asked for', () => {
  it('reads "name of <role>" as a person\'s name, not the "official name of" a thing', async () => {
    const ctx = await contextOf(NOTE);
    const envoy = analyzeQuestion('what is the full name of the French envoy', ctx.index, ctx.glossary);
    expect(envoy.type).toBe('name');
    // The name is what is asked for, no idea of the topic.
    expect(envoy.concepts.map((c) => c.label)).toEqual(['french', 'envoy']);
    expect(analyzeQuestion('official name of the plan', ctx.index, ctx.glossary).type).not.toBe('name');
  });
});

describe('analyzeQuestion: typos', () => {
  it('reads two neighbouring letters swapped in a short word as the corpus\'s word ("plna" → "plan")', async () => {
    const ctx = await contextOf(NOTE);
    const question = analyzeQuestion('did the council approve the plna', ctx.index, ctx.glossary);
    expect(question.concepts.find((c) => c.label === 'plna')).toMatchObject({ known: true });
    expect(question.concepts.find((c) => c.label === 'plna')?.alternatives[0]).toEqual([stem('plan')]);
  });

  it('leaves a first name as typed, though swapping two of its letters spells a word of the corpus', async () => {
    const ctx = await contextOf(NOTE.replace('met the council in May', 'met the council in Lima in May'));
    const question = analyzeQuestion('what did liam say about the plan', ctx.index, ctx.glossary);
    expect(question.concepts.find((c) => c.label === 'liam')).toMatchObject({
      known: false,
      alternatives: [['liam']],
    });
    // A word no first name still reads as the corpus's.
    const city = analyzeQuestion('who met the council in lmia', ctx.index, ctx.glossary);
    expect(city.concepts.find((c) => c.label === 'lmia')?.alternatives[0]).toEqual([stem('lima')]);
  });
});

describe('analyzeQuestion: words of chat', () => {
  it('reads no idea in "n stuff", "tbh", "btw": the note\'s words are all the question asks about', async () => {
    const ctx = await contextOf(NOTE);
    const question = analyzeQuestion(
      'tbh did the council approve the bridge n stuff',
      ctx.index,
      ctx.glossary,
    );
    expect(question.concepts.map((c) => c.label)).toEqual(['council', 'approve', 'bridge']);
    expect(unknownShare(question, 1)).toBe(0);
  });

  it('reads no idea in "supposed to": what the note plans, it words its own way ("will")', async () => {
    const ctx = await contextOf(NOTE);
    const question = analyzeQuestion('how much is the council supposed to spend', ctx.index, ctx.glossary);
    expect(question.concepts.map((c) => c.label)).toEqual(['council', 'spend']);
    expect(unknownShare(question, 1)).toBe(0);
  });
});

describe("analyzeQuestion: the asker's memory", () => {
  it('reads no idea in "I can\'t remember", "we don\'t know", "I forgot": chat about the asker', async () => {
    const ctx = await contextOf(NOTE);
    const labels = (q: string) => analyzeQuestion(q, ctx.index, ctx.glossary).concepts.map((c) => c.label);
    expect(labels("The emissary met the council. I can't remember from where, where was it?")).toEqual([
      'emissary',
      'met',
      'council',
    ]);
    expect(labels('we dont know the date, when did the council vote?')).toEqual(['council', 'vote']);
    expect(labels('I forgot who approved the plan')).toEqual(['approved', 'plan']);
  });
});

describe('analyzeQuestion: the document the asker read', () => {
  it('reads no idea in "mentioned in the release", "as written in the article": where the asker read it', async () => {
    const ctx = await contextOf(NOTE);
    const labels = (q: string) => analyzeQuestion(q, ctx.index, ctx.glossary).concepts.map((c) => c.label);
    expect(labels('who is the emissary mentioned in the release')).toEqual(['emissary']);
    expect(labels("the bridge's length as written in the council's press release?")).toEqual([
      'bridge',
      'length',
    ]);
    expect(labels('what did the council approve, from this article?')).toEqual(['council', 'approve']);
    // Not a document the question asks about: "the release of the report" is a topic.
    expect(labels('when is the release of the plan')).toContain('release');
  });

  it('answers the bundled release on whom it names, as the asker words where they read it', () => {
    const ctx = askContextOf(bundled);
    for (const question of [
      'who is the nasa deputy administrator mentioned in the article',
      'what is the full name of the prime minister as written in the press release',
    ])
      expect(explainAsk(ctx, question).result.answer, question).not.toBeNull();
    expect(
      explainAsk(ctx, 'who is the nasa deputy administrator mentioned in the article').result.answer?.text,
    ).toBe(sentenceWith(bundledText(), 'Pam Melroy'));
  });
});

describe('askingPart: what a question asks, after the context a user gives', () => {
  it('is the last sentence that asks, after ", so"', () => {
    expect(
      askingPart("There was a second delegate, right? I can't recall her name, who was it?").trim(),
    ).toBe("I can't recall her name, who was it?");
    expect(askingPart('I read the vote was in May, so who chaired it?')).toBe('who chaired it?');
    expect(askingPart('Who chaired the vote? Thanks.')).toBe('Who chaired the vote?');
  });

  it('is what follows "but" before a question word, and a yes/no sentence opened by a word of chat', () => {
    expect(askingPart('I know they voted, but where?')).toBe('where?');
    expect(askingPart('I saw photos of the debate but where was it held?')).toBe('where was it held?');
    expect(askingPart('is the bridge part of it? like is the bridge in the plan').trim()).toBe(
      'like is the bridge in the plan',
    );
  });

  it('is the whole question when one asked before "but" goes on after it', () => {
    const question = 'What was delayed by a year but is now due in 2027?';
    expect(askingPart(question)).toBe(question);
    expect(askingPart('did the council vote in May but was the plan approved?')).toBe(
      'did the council vote in May but was the plan approved?',
    );
    // Context before "but" that asks nothing, or a question word after it, still turns.
    expect(askingPart('not sure if I missed it, but is the bridge in the plan?')).toBe(
      'is the bridge in the plan?',
    );
    expect(askingPart('What a debate, but who chaired it?')).toBe('who chaired it?');
    // A question word that opens a clause of the context asks nothing: a question has its verb right after it
    // ("who chaired"), or after the things it asks of ("how many trucks were…", "which council voted…").
    expect(askingPart('Where I live nobody covered it, but was the bridge approved in June?')).toBe(
      'was the bridge approved in June?',
    );
    expect(askingPart('When the vote was held I was away, but did the council approve it?')).toBe(
      'did the council approve it?',
    );
    for (const goesOn of [
      'How many trucks were delayed but are now due in 2027?',
      'Which new council voted in May but was left out of the plan?',
      'Who chaired the vote but did not sign the plan?',
      // A question word whose verb comes after a phrase ("who in France signed") still asks.
      'Who in France approved the plan but did not attend the debate?',
      'Where in the city was the bridge built but never opened?',
    ])
      expect(askingPart(goesOn)).toBe(goesOn);
    // A name as the subject right after the question word opens a clause of context ("what NASA announced…").
    expect(askingPart("What the council announced wasn't news to me, but was the bridge approved?")).toBe(
      'was the bridge approved?',
    );
    expect(askingPart("What France announced wasn't news to me, but was the bridge approved?")).toBe(
      'was the bridge approved?',
    );
  });

  it('reads the answer type from the asking part, not from a question word of the context', async () => {
    const ctx = await contextOf(NOTE);
    const typeOf = (q: string) => analyzeQuestion(q, ctx.index, ctx.glossary).type;
    expect(typeOf('When I was a kid nobody cared about bridges, but who approved the plan?')).toBe('person');
    expect(typeOf('Where I live nobody covered it, but did the council approve the plan?')).toBe('yesno');
    expect(typeOf('When the vote was held I was away, but where did the emissary meet the council?')).toBe(
      'place',
    );
    // A part with no question word of its own goes on with the question before it.
    expect(typeOf('who is the chief engineer of the bridge? name?')).toBe('name');
    // A question asked before "but" that goes on after it keeps its type.
    expect(typeOf('Who in France met the council but did not attend the debate?')).toBe('person');
  });

  it("leaves the context's words out of the share of ideas the corpus does not use", async () => {
    const ctx = await contextOf(NOTE);
    // "photos" is unknown to the note, but the user says they saw them: the asking part's ideas are all known.
    const question = analyzeQuestion(
      'I saw photos of the debate but where did the council approve the plan',
      ctx.index,
      ctx.glossary,
    );
    expect(question.concepts.find((c) => c.label === 'photos')).toMatchObject({
      known: false,
      context: true,
    });
    expect(unknownShare(question, 1)).toBe(0);
  });
});
