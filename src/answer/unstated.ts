/**
 * What a question asks beyond its topic, that a sentence on the topic may still not state. Unanswerable questions
 * written to look answerable ask, of a topic the corpus covers, for a reason it never gives ("why did the agency
 * pick the site?" of a sentence that only names the site) or for a later occurrence than the one it reports ("when
 * will they meet next?" of a sentence on the meeting that was held). General English (and Japanese) wording,
 * nothing about any corpus.
 */
import { type TaggedWord, tagWords } from '../text/english.js';
import { hasJapanese, normalizeJapanese } from '../text/japanese.js';
import { HONORIFIC_WORDS, isRoleWord, JAPANESE_HONORIFIC_WORDS, JAPANESE_ROLE_WORDS } from '../text/roles.js';
import { stem } from '../text/text.js';
import { isKindOf } from '../text/wordnet.js';
import { namesPerson, type PeopleFinder, typeEvidence } from './entities.js';
import { conceptIn } from './features.js';
import type { Concept } from './question.js';

/**
 * "Why…", "how come…", "for what reason", "what was the reason"; なぜ, どうして, 何故, 何のため, 理由. Not どうしてる,
 * どうしています ("what are they doing about it"), which asks how; but どうしてますます ("why more and more") asks why.
 */
const ASKS_REASON =
  /\bwhy\b|\bhow come\b|\bfor what (?:reason|purpose)\b|\bwhat (?:is|was|were|are) the (?:reason|purpose|cause|motive)s?\b|なぜ|何故|どうして(?!る|いる|います|いた|ます(?!ます)|た(?:の|[?？]|$))|何のため|理由/i;

/**
 * Words by which English states a cause or a purpose: connectives ("because", "due to", "so that", "in exchange
 * for") and nouns or verbs naming one ("the reason", "aims to", "designed to", "led to"), or saying what brought
 * something about ("triggered by", "blamed on", "traced to", "stemmed from"). A purpose infinitive
 * ("gathered to sign") is read from the tags ({@link statesReason}).
 */
const REASON_WORDS =
  /\b(?:because|cause[sd]?|causing|due to|owing to|thanks to|as a result|results? (?:of|from)|resulted (?:in|from)|so that|so as to|in order|reasons?|purposes?|aims?|aimed|goals?|intent|intend(?:s|ed)?|intention|designed|meant to|led to|leads? to|therefore|thus|hence|in exchange|in return|as part of|for the sake|motivat\w*|prompt(?:s|ed)|in response|given that|seeing that|(?:triggered|sparked|(?:driven|brought on|set off) by|blamed on|attributed|traced|stem(?:s|med)? from|stemming from)|allows?|allowed|enables?|enabled|helps?|helped|needed|necessary|requires?|required)\b/i;

/**
 * The same in Japanese: ため, ので, から (also "from": read as a reason, so the check errs on answering), 目的…; and
 * the troubles that make things late or fail (不具合が見つかり, 故障, の影響で, を受けて), which say why as "because"
 * does; not を受けた or を受けている, which say what was received (賞を受けた).
 */
const REASON_WORDS_JA =
  /ため|ので|から|理由|目的|よって|より|おかげ|せい|結果|不具合|故障|トラブル|影響|を受けて(?![いおる])|ことから/;

/** Whether `question` asks why something happened or was done. */
export function asksReason(question: string): boolean {
  return ASKS_REASON.test(question);
}

/**
 * A Japanese question on what someone said (なぜ…と言ってた, と話していた, と述べた); not という ("なぜ…という名前",
 * what something is called) nor と話し合う (talked with someone).
 */
const ASKS_SAID_JA = /と(?:言|い[っい]|話(?!し合)|述|語)/u;

/**
 * Whether a Japanese question asks why someone said something ("なぜ国際協力が大事だと言ってた") and the sentence
 * quotes them in 「」: the reason is in their words, however they put it.
 */
export function reasonQuoted(question: string, sentence: string): boolean {
  return hasJapanese(question) && ASKS_SAID_JA.test(question) && /「[^」]+」/u.test(sentence);
}

/**
 * A finding reported ("inspectors found cracks", "tests showed a leak"): news gives what was found as the cause of
 * what followed, without a connective.
 */
const FINDING = /\b(?:found|discovered|revealed|showed|shown|detected)\b/i;

/**
 * Conjunctions that open a clause of what happened first ("…reopened after a burst main flooded it", "closed
 * since the roof leaks", "as prices rose", "when the storm hit"): news states a cause as what came before.
 */
const CLAUSE_BEFORE = new Set(['after', 'since', 'as', 'when', 'once']);

/**
 * Whether `sentence` states some cause or purpose: a word of {@link REASON_WORDS}, a reported finding, "to" before
 * a verb ("gathered to sign", a purpose infinitive), a clause of what came before ({@link CLAUSE_BEFORE}), or, for
 * the question's own predicate, a doer the question does not name (`asked`: the question's ideas): "Why has the
 * steel corroded?" of "Salt from winter roads has corroded the steel" names the cause as the subject. A sentence
 * may state a reason for something else than what was asked; it then still counts: this only tells that none is
 * stated at all, and errs on answering.
 */
export function statesReason(sentence: string, asked: readonly Concept[] = []): boolean {
  if (hasJapanese(sentence)) return REASON_WORDS_JA.test(sentence);
  if (REASON_WORDS.test(sentence) || FINDING.test(sentence)) return true;
  const words = tagWords(sentence);
  return words.some(
    (w, i) =>
      (w.text.toLowerCase() === 'to' && words[i + 1]?.tags.has('Infinitive') === true) ||
      (CLAUSE_BEFORE.has(w.text.toLowerCase()) && opensClause(sentence, words, i + 1)) ||
      (isFiniteVerb(w) && isAsked(w, asked) && hasOtherDoer(sentence, words, i, asked)),
  );
}

/** A verb as a clause's predicate: not "-ing" nor an infinitive ("since joining the board" is no clause). */
function isFiniteVerb(word: TaggedWord): boolean {
  return word.tags.has('Verb') && !word.tags.has('Gerund') && !word.tags.has('Infinitive');
}

/**
 * A noun that names a thing, not someone: a name ("the Oakmere library", "the Senate voted…") is who or what acted,
 * which says no why.
 */
function isCommonNoun(word: TaggedWord): boolean {
  return (
    word.tags.has('Noun') &&
    !word.tags.has('Pronoun') &&
    !word.tags.has('ProperNoun') &&
    !word.tags.has('Person')
  );
}

/** Whether a word (its stem) is one of the question's ideas. */
function isAsked(word: TaggedWord, asked: readonly Concept[]): boolean {
  const s = stem(word.text.toLowerCase());
  return asked.some((c) => c.alternatives.some((a) => a.includes(s)));
}

/** Whether punctuation that ends a clause (a comma, a semicolon…) stands between word `i` and the next. */
function endsClause(sentence: string, words: readonly TaggedWord[], i: number): boolean {
  const next = words[i + 1];
  return /[,;:()—–]/.test(sentence.slice(words[i]?.end ?? 0, next ? next.start : sentence.length));
}

/** Whether the words from `from` make a clause (a subject, then a finite verb) before punctuation ends it. */
function opensClause(sentence: string, words: readonly TaggedWord[], from: number): boolean {
  let subject = false;
  for (let i = from; i < words.length; i++) {
    const w = words[i] as TaggedWord;
    if (subject && isFiniteVerb(w)) return true;
    if (w.tags.has('Noun') || w.tags.has('Pronoun')) subject = true;
    if (endsClause(sentence, words, i)) return false;
  }
  return false;
}

/**
 * Whether the clause before the question's predicate (word `at`) has a noun that is none of the question's ideas:
 * a doer the question does not name, which states what brought it about.
 */
function hasOtherDoer(
  sentence: string,
  words: readonly TaggedWord[],
  at: number,
  asked: readonly Concept[],
): boolean {
  for (let i = at - 1; i >= 0 && !endsClause(sentence, words, i); i--) {
    const w = words[i] as TaggedWord;
    if (isCommonNoun(w) && !isAsked(w, asked)) return true;
  }
  return false;
}

/**
 * "When will they meet next?", "the upcoming launch", 次回, 次の: a question about a later occurrence of what it
 * names ("next to" places, it does not order); 予定 ("is she planning to go to Mars?", "when is it planned"),
 * not 予定通り ("as planned", of what happened).
 */
const ASKS_NEXT =
  /\bnext\b(?!\s+to\s+(?:the|an?|its|his|her|their|our|my|your|this|that|these|those)\b)|\bupcoming\b|\bsubsequent\b|次回|次の|予定(?!通り|どおり)/i;

/**
 * A sentence that speaks of what is still to come: a future or planned event ("will", "is scheduled", "plans",
 * "next", "upcoming", 予定, 目指す "aims at"; a Japanese verb's polite non-past, 観測します "will observe", which is
 * Japanese's future as much as its present, not ました), which a question about the next occurrence may be asking
 * for. Without one, a sentence reports what happened, not what comes next.
 */
const SAYS_LATER =
  /\b(?:will|would|shall|going to|plans?|planned|planning|schedul\w*|expect\w*|upcoming|next|later|future|following|subsequent\w*|intend\w*|is to|are to|set to|due to (?:be|begin|start|open|launch|meet)|soon|eventually)\b|予定|今後|次回|次の|将来|計画|見込み|見通し|後に|目指|めざ|めど|来年|来月|来週|ます(?![た])/i;

/**
 * A question on whether or when something is still to happen, in English's future: "will a second crew fly?",
 * "when will they meet?", "when is the module scheduled to launch?". Only a yes/no question opening with "will" or
 * a "when": in "how heavy will the module be" the future is incidental, a sentence may state the weight plainly. Not
 * "will" as a noun ("the will of the people").
 */
const ASKS_FUTURE =
  /^\W*will\b|\bwhen\b.*(?:(?<!\b(?:the|a|an|their|his|her|its|our|your|my)\s+)\bwill\b|\b(?:scheduled|planned|expected|slated|set|due|going)\s+to\b|\bplan(?:s|ning)?\s+to\b)/i;

/** Whether `question` asks about the next occurrence of something, or about anything still to come. */
export function asksNext(question: string): boolean {
  return ASKS_NEXT.test(question) || ASKS_FUTURE.test(question);
}

/** Whether `sentence` speaks of anything still to come. */
export function saysLater(sentence: string): boolean {
  return SAYS_LATER.test(sentence);
}

/**
 * "What did the mayor say about…", "what were her words", "何と言った", "どんなあいさつ": a question asking for
 * someone's own words. Not "did X mention Y", which asks whether the corpus says Y at all.
 */
const ASKS_WORDS =
  /\bwhat\s+(?:did|does|do|has|have|had|was|were|is|are)\b.{1,80}?\b(?:say|said|saying|tell|told|state|stated|comment|commented|remark|remarked)\b|\b(?:words|remarks|comments|statement)\s+(?:of|from|by)\b|何(?:て|と)(?:言|い|話|述|コメント)|どんな(?:こと|話|発言|コメント|あいさつ|挨拶)|コメント(?:は|した|して)|発言(?:は|した|して)/i;

/**
 * Words that report speech: quotation marks, a verb of saying ("said", "told", "stressed"), "according to"; in
 * Japanese 「」, と述べ, と語, と話. A sentence without any reports no one's words.
 */
const SAYS_WORDS =
  /["“”„«»「」『』]|\b(?:say|says|said|saying|tell|tells|told|state[sd]?|stating|statement|note[sd]|add(?:s|ed)|remark(?:s|ed)?|comment(?:s|ed)?|announc\w*|explain\w*|stress\w*|emphasi[sz]\w*|describ\w*|call(?:s|ed)|words?|speech|spoke|speaks?|according to|wrote|writes|welcom\w*|prais\w*|thank\w*)\b|述べ|語っ|語り|話し|話す|言っ|言い|発言|コメント|あいさつ|挨拶|強調|説明/i;

/** Whether `question` asks for what someone said. */
export function asksWords(question: string): boolean {
  return ASKS_WORDS.test(question);
}

/** Whether `sentence` reports anyone's words. */
export function saysWords(sentence: string): boolean {
  return SAYS_WORDS.test(sentence);
}

/**
 * "How long does the pact last?", "how long will it stay in force", "how long is it valid": how long something
 * lasts from now on, not how long it has gone on ("how long have they worked together").
 */
const ASKS_LASTING = /\bhow\s+long\s+(?:does|do|will|is|are|would|can|could|should)\b/i;

/** A span of time that has gone by: "a long history of…", "long-standing", "for decades", "since 1969". */
const PAST_EXTENT =
  /\blong\s+(?:history|tradition|record)\b|\blong-?standing\b|\bfor\s+(?:decades|centuries|generations)\b|\bsince\s+\d{4}\b/i;

/**
 * Whether `question` asks how long something lasts from now on, and `sentence`'s only durations are spans of time
 * gone by ("crowns a long history of trade"): it tells how long something has gone on, not how long it lasts.
 * The sentence's durations are read as the answer types read them (`people` for that reader).
 */
export function lastingUnstated(question: string, sentence: string, people: PeopleFinder): boolean {
  if (!ASKS_LASTING.test(question)) return false;
  const spans = typeEvidence('duration', sentence, people)?.spans ?? [];
  return spans.length > 0 && spans.every((span) => PAST_EXTENT.test(sentence.slice(span.start, span.end)));
}

/** "How old is…", "what age…", 何歳, 年齢: someone's or something's age. */
const ASKS_AGE = /\bhow old\b|\bwhat age\b|\bage of\b|何歳|年齢|築何年/i;

/**
 * An age as text writes it: "41 years old", "a 41-year-old", "aged 41", "at 41", "born in 1983", or a year from
 * which one may count ("first built in 2019"); 41歳, 生まれ.
 */
const SAYS_AGE =
  /\byears? old\b|\byear-old\b|\baged?\b|\bborn\b|\bbirth\w*|(?<!\d)(?:1\d|20)\d{2}(?!\d)|歳|生まれ|年齢|創立|設立/i;

/** Whether `question` asks how old someone or something is. */
export function asksAge(question: string): boolean {
  return ASKS_AGE.test(question);
}

/** An age set off after a name, as news writes it: "Marta Okafor, 34, read…". */
const AGE_AFTER_NAME = /\p{Lu}[\p{L}'’.-]*,\s*\d{1,3},/u;

/** Whether `sentence` gives an age, or a year to count one from. */
export function saysAge(sentence: string): boolean {
  const text = sentence.normalize('NFKC');
  return SAYS_AGE.test(text) || AGE_AFTER_NAME.test(text);
}

/**
 * The year a thing was made or first used ("Opened: 1968", "built in 1890", "founded in 2003"): a fact sheet gives
 * it in a list apart from the sentences that name the thing, and a thing's age counts from it.
 */
const MADE_IN =
  /\b(?:opened|built|founded|established|completed|constructed|erected|inaugurated|launched|commissioned|dates? (?:back|from))\b\W+(?:in\s+)?(?:1\d|20)\d{2}(?!\d)/i;

/** Whether `sentence` says when something was made or first used ({@link MADE_IN}). */
export function saysMade(sentence: string): boolean {
  return MADE_IN.test(sentence.normalize('NFKC'));
}

/**
 * "What is X's job title?", "what role does X have", "X position", 役職, 肩書: what someone named is (the question's
 * named person is read apart, {@link asksRoleOf}). Not "who is X": "who was Genghis's third son" asks for a name.
 */
const ASKS_ROLE = /\b(?:job|title|role|position|occupation|profession)\b|役職|肩書|職業|役割/i;

/**
 * Whether `question` asks what someone it names is: a word asking a role, and a person's name in the question
 * (`people` reads it as it reads answers), so that "the official title of the pact" asks no one's role.
 */
export function asksRoleOf(question: string, people: PeopleFinder): boolean {
  if (!ASKS_ROLE.test(question)) return false;
  return namesPerson(question, people);
}

/**
 * Whether `sentence` says what someone is: a role or honorific ("astronaut", "Chief Engineer", 長官), or a
 * noun English classes as a kind of person ("a flight physician", "a soil chemist").
 */
export function statesRole(sentence: string): boolean {
  if (JAPANESE_ROLE_WORDS.some((w) => sentence.includes(w))) return true;
  return tagWords(sentence).some((w) => {
    const word = w.text.toLowerCase();
    if (isRoleWord(word) || HONORIFIC_WORDS.has(word.replace(/\.$/, ''))) return true;
    return (
      w.tags.has('Noun') && !w.tags.has('ProperNoun') && !w.tags.has('Pronoun') && isKindOf(word, 'person', 1)
    );
  });
}

/**
 * After a Japanese name, what marks it one: an honorific (さん, 氏) or a title (首相, 社長, and any office ending
 * in 長: 町長, 部長). Japanese writes no capitals, so this and the register are what tell a name.
 */
const AFTER_JAPANESE_NAME = new RegExp(
  `^(?:${[...JAPANESE_HONORIFIC_WORDS, ...JAPANESE_ROLE_WORDS].join('|')}|\\p{sc=Han}?長)`,
  'u',
);

/**
 * The question's ideas that name a person: those inside a name the register or the English model reads as a
 * person's ("Ana Ruiz", 山田首相), and Japanese words (kana or kanji, not Latin letters: "ACME長官" is an
 * agency's head) right before an honorific or a title ("ベルナルディさん", "山田町長").
 */
export function peopleAsked(question: string, concepts: readonly Concept[], people: PeopleFinder): Concept[] {
  const folded = normalizeJapanese(question).toLowerCase();
  // In Japanese the kinds' patterns count groups (政府, 代表団) as people: there only the register's names.
  const spans = hasJapanese(question)
    ? people.find(question)
    : (typeEvidence('person', question, people)?.spans ?? []).filter((s) => s.strength === 1);
  const names = spans.map((s) => normalizeJapanese(question.slice(s.start, s.end)).toLowerCase());
  return concepts.filter((c) => {
    const label = c.label.replace(/ /g, '');
    if (label === '') return false;
    if (names.some((n) => n.includes(hasJapanese(label) ? label : c.label))) return true;
    if (!hasJapanese(label) || !/^[\p{sc=Hiragana}\p{sc=Han}ー・]+$/u.test(label)) return false;
    for (let at = folded.indexOf(label); at >= 0; at = folded.indexOf(label, at + 1))
      if (AFTER_JAPANESE_NAME.test(question.normalize('NFKC').slice(at + label.length))) return true;
    return false;
  });
}

/**
 * "Is Brixt coming to the September briefing?" answered by a passage on the briefing that never names Brixt: the
 * question asks about a person (known to the corpus) whom the answer's passage (`passage`, its stems) is not
 * about, so it does not say what they did.
 */
export function personAway(
  question: string,
  concepts: readonly Concept[],
  passage: { has(stem: string): boolean },
  people: PeopleFinder,
): boolean {
  return peopleAsked(question, concepts, people).some((c) => c.known && !c.related && !conceptIn(c, passage));
}

/** At least this many of the question's known ideas unstated in the answer sentence, and this share of their weight. */
const UNSTATED_IDEAS = 2;
const UNSTATED_SHARE = 0.6;

/**
 * "When did Veldoria sign the Lunar Charter?" answered by a sentence on another agreement of Veldoria's, dated: the
 * question's own ideas, known to the corpus, go unstated in the sentence (the Charter, signing), which says
 * something else about what they share. Ideas the user gave as context, and those known only through a related
 * word, are left out.
 */
export function wordsUnstated(
  concepts: readonly Concept[],
  sentence: { has(stem: string): boolean },
): boolean {
  const ideas = concepts.filter(
    (c, i) => c.known && !c.related && !c.context && concepts.findIndex((o) => o.label === c.label) === i,
  );
  const unstated = ideas.filter((c) => !conceptIn(c, sentence));
  const weight = (list: Concept[]) => list.reduce((sum, c) => sum + c.weight, 0);
  return unstated.length >= UNSTATED_IDEAS && weight(unstated) >= UNSTATED_SHARE * weight(ideas);
}

/**
 * What a Japanese question asks the name of: the noun before の名前, の名称 or の正式名称 ("ロケットの名前は？":
 * ロケット); `null` when it asks no thing's name.
 */
const NAME_ASKED = /([\p{sc=Han}\p{sc=Katakana}ー・A-Za-z0-9]+)の(?:正式な?)?(?:名前|名称)/u;

/**
 * The ends of Japanese nouns for people (社長, 責任者, 職員, 長官, 飛行士, 運転手, 専門家): their name is a person's,
 * which the answer type reads.
 */
const PERSON_NOUN = /(?:長|者|員|官|士|手|家|氏|さん)$/u;

/** Words by which Japanese gives a thing's name: 名付けた, 命名, と呼ばれる, という名, 愛称, 名称. */
const NAMING_JA = /名付け|命名|と呼ば|という名|愛称|名称/;

/** A name written in 「」 or 『』: short, no sentence in it (a quote is one). */
const QUOTED_NAME = /^[「『][^「」『』。、！？!?]{1,20}[」』]/u;
/** A name right before the thing's word: letters or digits (K7), katakana, or a name in 「」 ending there. */
const NAME_BEFORE = /(?:[A-Za-z0-9][A-Za-z0-9-]*|[\p{sc=Katakana}ー・]{2,}|[」』])\s?$/u;
/**
 * How much of the text before the thing's word {@link NAME_BEFORE} reads: it decides by the last few characters,
 * and on the whole text before each mention a long run of katakana or letters is rescanned from each of its starts.
 */
const NAME_BEFORE_REACH = 8;

/**
 * "ロケットの名前は？" asked of a Japanese sentence that names no rocket: the thing asked about stands in it nowhere
 * with a name beside it (K7ロケット, ロケット「…」, 「…」ロケット) and it names nothing with a naming word (命名,
 * と呼ばれる). A sentence on what the thing does ("国内の大型ロケットで運ばれる") or a quote does not give its
 * name. `false` for a question asking no thing's name, or of a sentence not in Japanese.
 */
export function nameUnstated(question: string, sentence: string): boolean {
  const noun = NAME_ASKED.exec(question.normalize('NFKC'))?.[1];
  if (
    !noun ||
    !hasJapanese(sentence) ||
    PERSON_NOUN.test(noun) ||
    JAPANESE_ROLE_WORDS.some((role) => noun.endsWith(role))
  )
    return false;
  if (NAMING_JA.test(sentence)) return false;
  const text = sentence.normalize('NFKC');
  // The noun's last word as the sentence writes it ("打ち上げロケット" is asked of as "ロケット" as well).
  const word = /[\p{sc=Katakana}ー]+$|\p{sc=Han}{1,2}$/u.exec(noun)?.[0] ?? noun;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.slice(Math.max(0, at - NAME_BEFORE_REACH), at);
    if (NAME_BEFORE.test(before) || QUOTED_NAME.test(text.slice(at + word.length, at + word.length + 24)))
      return false;
  }
  return true;
}

/**
 * What a Japanese question is about, as it says with について or に関して ("値下げの時期について何て言ってた？": 値下げの時期):
 * the words of the phrase before it, back to the topic's particle or a comma. Not に対して: it says whom someone
 * spoke to ("記者に対して語った"), whom the answer need not name.
 */
const TOPIC_JA = /([^はがをで、,。？?！!\s]+)(?:について|に関して|に関する)/u;

/**
 * "What did the CEO say about when prices go down?" (Japanese: …値下げの時期について…) answered by a sentence that
 * names none of what the question says it is about (its ideas in the phrase before について, known to the corpus):
 * a quote of the CEO on something else. `false` for a question without such a phrase.
 */
export function topicUnstated(
  question: string,
  concepts: readonly Concept[],
  sentence: { has(stem: string): boolean },
): boolean {
  const topic = TOPIC_JA.exec(question)?.[1];
  if (!topic) return false;
  const said = normalizeJapanese(topic);
  const ideas = concepts.filter((c) => c.known && !c.related && said.includes(c.label.replaceAll(' ', '')));
  return ideas.length > 0 && !ideas.some((c) => conceptIn(c, sentence));
}
