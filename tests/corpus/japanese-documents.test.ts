import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/contract/types.js';
import { loadCorpus, loadCorpusStrict } from '../../src/corpus/load.js';
import { segmentDocument, splitSentences } from '../../src/corpus/segment.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { detectLanguage } from '../../src/text/japanese.js';
import { BUNDLED_ID, CORPUS_DIR } from '../support/bundled.js';
import { inEnglish } from '../support/problems.js';
import { tempCorpus } from '../support/tempCorpus.js';

/** A Japanese statement about the agreement, written for this test (no Japanese document ships). */
const NOTE_BODY = `2023年1月13日、日本国政府と米国政府は、ワシントンのNASA本部で宇宙協力に関する枠組み協定に署名しました。署名式には宇宙航空研究開発機構（JAXA）の山川宏理事長が立ち会いました。

この協定は、宇宙科学、地球科学、宇宙輸送など幅広い分野の協力を対象としています。
協定の署名は、岸田首相の訪米の大きな成果の一つです。

ネルソン長官は「日本はNASAにとって最も重要な国際パートナーの一つです。」と述べた。

「日米同盟は宇宙でも一層強固になる」と岸田首相は語った。

「月への道のりはまだ遠い」と関係者は話した。
`;
const NOTE = `---
id: space-cooperation-note-ja
title: 日米宇宙協力枠組み協定の署名について
kind: statement
lang: ja
---
${NOTE_BODY}`;

const registers = Object.fromEntries(
  ['speakers.yaml', 'glossary.yaml', 'japanese.yaml', `${BUNDLED_ID}.md`].map((f) => [
    f,
    readFileSync(join(CORPUS_DIR, f), 'utf8'),
  ]),
);

async function withNote(note = NOTE): Promise<{ kb: KnowledgeBase; text: string }> {
  const corpus = await loadCorpusStrict(tempCorpus({ ...registers, 'note-ja.md': note }));
  const doc = corpus.documents.find((d) => d.id === 'space-cooperation-note-ja');
  return { kb: buildKnowledgeBase(corpus), text: doc?.text ?? '' };
}

describe('Japanese sentences', () => {
  it('end at 。！？ with no space after, but not inside 「」 quotes', () => {
    const text = '協定に署名した。長官は「重要だ。共に進もう！」と述べた。本当か？はい。';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      '協定に署名した。',
      '長官は「重要だ。共に進もう！」と述べた。',
      '本当か？',
      'はい。',
    ]);
  });

  it('make passages like English paragraphs do, with exact offsets; `lang` is kept or detected', async () => {
    const { corpus } = await loadCorpus(
      tempCorpus({
        'note-ja.md': NOTE,
        'bare.md': NOTE.replace('lang: ja\n', '').replace('id: space-cooperation-note-ja', 'id: bare'),
      }),
    );
    for (const doc of corpus.documents) {
      const passages = segmentDocument(doc);
      expect(passages.map((p) => p.paragraph)).toEqual([1, 2, 3, 4, 5, 6]);
      for (const p of passages) {
        expect(doc.text.slice(p.start, p.end)).toBe(p.text);
        for (const s of p.sentences) expect(NOTE_BODY).toContain(doc.text.slice(s.start, s.end));
      }
    }
    expect(corpus.documents.map((d) => d.lang)).toEqual([undefined, 'ja']);
    expect(corpus.documents.map((d) => detectLanguage(d.text))).toEqual(['ja', 'ja']);
    expect(detectLanguage(registers[`${BUNDLED_ID}.md`] ?? '')).toBe('en');
  });

  it('a `lang` the analysis does not know is a problem on its line', async () => {
    const { problems } = await loadCorpus(tempCorpus({ 'note-ja.md': NOTE.replace('lang: ja', 'lang: jp') }));
    expect(problems.map(inEnglish)).toEqual(['note-ja.md:5: "lang" must be one of en, ja, got "jp"']);
  });
});

describe('a Japanese document in the corpus', () => {
  it('answers Japanese questions with exact citations into it', async () => {
    const { kb, text } = await withNote();
    const asked: [string, string][] = [
      ['協定はいつ署名されましたか？', '2023年1月13日'],
      ['署名式に立ち会ったJAXAの理事長は誰？', '山川宏理事長'],
      ['協定はどんな分野を対象としていますか？', '宇宙輸送'],
    ];
    for (const [question, fact] of asked) {
      const answer = kb.ask(question).answer;
      expect(answer?.citation.document, question).toBe('space-cooperation-note-ja');
      expect(text.slice(answer?.citation.start, answer?.citation.end)).toBe(answer?.text);
      expect(answer?.text, question).toContain(fact);
      expect(NOTE_BODY).toContain(answer?.text);
    }
    expect(kb.ask('協定の予算はいくら？').answer).toBeNull();
  });

  it('gives /quote its 「」 quotes with a registered speaker, and drops those of anyone else', async () => {
    const { kb, text } = await withNote();
    const kishida = kb
      .quote('岸田首相')
      .quotes.filter((q) => q.citation.document === 'space-cooperation-note-ja');
    expect(kishida.map((q) => q.text)).toEqual(['日米同盟は宇宙でも一層強固になる']);
    const nelson = kb
      .quote('Nelson')
      .quotes.filter((q) => q.citation.document === 'space-cooperation-note-ja');
    expect(nelson.map((q) => text.slice(q.citation.start, q.citation.end))).toEqual([
      '日本はNASAにとって最も重要な国際パートナーの一つです。',
    ]);
    // "関係者" (an official) names nobody: the quote is not attributed to anyone.
    const all = ['Nelson', 'Kishida', 'Blinken'].flatMap((s) => kb.quote(s).quotes.map((q) => q.text));
    expect(all.some((q) => q.includes('月への道のり'))).toBe(false);
    const said = kb.ask('岸田首相は何と語った？').answer?.text ?? '';
    expect(kb.quote('Kishida').quotes.map((q) => q.text)).toContain(said);
  });
});
