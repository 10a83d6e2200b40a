import { mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadCorpusStrict } from '../../src/corpus/load.js';
import { CorpusError } from '../../src/corpus/problems.js';
import { BUNDLED_ID, bundledText, CORPUS_DIR } from '../support/bundled.js';
import { inEnglish } from '../support/problems.js';
import { tempCorpus } from '../support/tempCorpus.js';

const GOOD_MD = `---
id: good-doc
title: A good document
kind: statement
url: https://example.org/good
published: 2024-02-03
publisher: Example
---
First paragraph. It has two sentences.

Second paragraph.
`;

async function problemsOf(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const { problems } = await loadCorpus(tempCorpus(files));
  return problems.map(inEnglish);
}

describe('loading the bundled corpus', () => {
  it('loads the press release with its metadata and its text byte for byte', async () => {
    const { corpus, problems } = await loadCorpus(CORPUS_DIR);
    expect(problems).toEqual([]);
    const doc = corpus.documents.find((d) => d.id === BUNDLED_ID);
    expect(doc).toMatchObject({ kind: 'press-release', published: '2023-01-13', publisher: 'NASA' });
    expect(doc?.url).toMatch(/^https:\/\/www\.nasa\.gov\//);
    expect(doc?.text).toBe(bundledText());
    expect(corpus.speakers.length).toBeGreaterThan(0);
    expect(corpus.glossary.length).toBeGreaterThan(0);
  });
});

describe('document formats', () => {
  it('reads Markdown front matter, plain text titles and JSONL records', async () => {
    const dir = tempCorpus({
      'good.md': GOOD_MD,
      'Plain Notes.txt': 'The Title Line\nBody text here.\n',
      'bulk.jsonl':
        '{"_id": 42, "title": "Numbered", "text": "Some text."}\n\n{"id": "b", "title": "", "text": "More.", "url": "https://example.org/b"}\n',
    });
    const { corpus, problems } = await loadCorpus(dir);
    expect(problems).toEqual([]);
    // Files load in name order (upper case first), records in line order.
    expect(corpus.documents.map((d) => [d.id, d.title, d.kind])).toEqual([
      ['plain-notes', 'The Title Line', 'document'],
      ['42', 'Numbered', 'document'],
      ['b', 'b', 'document'],
      ['good-doc', 'A good document', 'statement'],
    ]);
    const plain = corpus.documents.find((d) => d.id === 'plain-notes');
    const passages = corpus.passages.filter((p) => p.docId === 'plain-notes');
    expect(passages.map((p) => p.text)).toEqual(['Body text here.']);
    expect(plain?.text.slice(passages[0]?.start, passages[0]?.end)).toBe('Body text here.');
  });
});

describe('broken files are reported with path, line and the problem', () => {
  it('Markdown without front matter', async () => {
    expect(await problemsOf({ 'a.md': 'Just text\n' })).toEqual([
      'a.md:1: a Markdown document must start with a front-matter block: a line "---", the metadata, then "---"',
    ]);
  });

  it('unclosed front matter', async () => {
    expect(await problemsOf({ 'a.md': '---\nid: a\ntitle: A\n' })).toEqual([
      'a.md:1: the front-matter block is not closed: add a line "---" after the metadata',
    ]);
  });

  it('invalid YAML, on the file line where the parser stopped', async () => {
    const problems = await problemsOf({
      'a.md': '---\nid: a\ntitle: [unclosed\nkind: statement\n---\nText.\n',
    });
    expect(problems).toEqual([
      'a.md:4: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('a colon inside a title is part of the title, as moderators write it; other broken YAML still refused', async () => {
    const md = (title: string) => `---\nid: a\ntitle: ${title}\nkind: statement\n---\nText.\n`;
    const dir = tempCorpus({ 'a.md': md('Saltpan Horizon: a study: phase 2') });
    const { corpus, problems } = await loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(corpus.documents.map((d) => d.title)).toEqual(['Saltpan Horizon: a study: phase 2']);
    // Broken elsewhere: only the real problem is named, not the title.
    const broken = '---\nid: a\ntitle: Horizon: phase 2\nkind: [unclosed\n---\nText.\n';
    expect(await problemsOf({ 'a.md': broken })).toEqual([
      'a.md:5: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('missing fields, bad values and unknown fields, each on its line', async () => {
    const md = '---\nid: Bad Id!\ntitle: T\nurl: ftp://x\npublished: 13/01/2023\ntittle: typo\n---\nText.\n';
    expect(await problemsOf({ 'a.md': md })).toEqual([
      'a.md:6: unknown front-matter field "tittle" (expected: id, title, url, published, publisher, kind, lang)',
      'a.md:1: front matter is missing "kind"',
      'a.md:2: "id": id "Bad Id!" must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
      'a.md:4: "url" must be an http(s) link, got "ftp://x"',
      'a.md:5: "published" must be a date written YYYY-MM-DD, got "13/01/2023"',
    ]);
  });

  it('a document with no text', async () => {
    expect(await problemsOf({ 'a.md': '---\nid: a\ntitle: A\nkind: statement\n---\n\n' })).toEqual([
      'a.md:1: the document has no text after the front matter',
    ]);
  });

  it('JSONL: each broken line by number, good lines still load', async () => {
    const dir = tempCorpus({
      'bulk.jsonl': [
        '{"id": "ok", "title": "Fine", "text": "Fine text."}',
        '{"id": "x", "title": "No text"',
        '["not", "an", "object"]',
        '{"title": "No id", "text": "t"}',
        '{"id": "y", "title": "T", "text": "t", "colour": "red"}',
      ].join('\n'),
    });
    const { corpus, problems } = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.id)).toEqual(['ok']);
    expect(problems.map(inEnglish)).toEqual([
      expect.stringMatching(/^bulk\.jsonl:2: not valid JSON: /),
      'bulk.jsonl:3: each line must be a JSON object such as {"id": "…", "title": "…", "text": "…"}',
      'bulk.jsonl:4: missing "id" (or "_id")',
      'bulk.jsonl:5: unknown field "colour"',
    ]);
  });

  it('duplicate ids across files', async () => {
    expect(
      await problemsOf({
        'a.md': GOOD_MD,
        'b.jsonl': '{"id": "good-doc", "title": "Again", "text": "Clash."}\n',
      }),
    ).toEqual([
      'b.jsonl:1: document id "good-doc" is already used by a.md; this document was not loaded (give it another id)',
    ]);
  });

  it('duplicate ids: the file modified first keeps the id, whatever the names', async () => {
    const dir = tempCorpus({
      'a-newcomer.md': GOOD_MD.replace('A good document', 'The newcomer'),
      'z-first.md': GOOD_MD,
    });
    utimesSync(join(dir, 'z-first.md'), new Date('2024-01-01'), new Date('2024-01-01'));
    const { corpus, problems } = await loadCorpus(dir);
    expect(corpus.documents.map((d) => [d.id, d.title])).toEqual([['good-doc', 'A good document']]);
    expect(problems.map(inEnglish)).toEqual([
      'a-newcomer.md:2: document id "good-doc" is already used by z-first.md; this document was not loaded (give it another id)',
    ]);
  });

  it('duplicate ids: the file the live document came from keeps the id, even modified last', async () => {
    const dir = tempCorpus({ 'live.md': GOOD_MD, 'newcomer.md': GOOD_MD.replace('A good document', 'New') });
    utimesSync(join(dir, 'newcomer.md'), new Date('2024-01-01'), new Date('2024-01-01'));
    const { corpus, problems } = await loadCorpus(dir, { owners: new Map([['good-doc', 'live.md']]) });
    expect(corpus.documents.map((d) => [d.id, d.file])).toEqual([['good-doc', 'live.md']]);
    expect(problems.map(inEnglish)).toEqual([
      'newcomer.md:2: document id "good-doc" is already used by live.md; this document was not loaded (give it another id)',
    ]);
  });

  it('duplicate ids inside one .jsonl, on the later line', async () => {
    const line = (title: string) => `{"id": "twin", "title": "${title}", "text": "Some text."}`;
    const { corpus, problems } = await loadCorpus(
      tempCorpus({ 'bulk.jsonl': `${line('One')}\n\n${line('Two')}\n` }),
    );
    expect(corpus.documents.map((d) => d.title)).toEqual(['One']);
    expect(problems.map(inEnglish)).toEqual([
      'bulk.jsonl:3: document id "twin" is already used on line 1 of this file',
    ]);
  });

  it('bytes that are not UTF-8', async () => {
    expect(await problemsOf({ 'bin.txt': new Uint8Array([0x54, 0x69, 0xff, 0xfe, 0x0a]) })).toEqual([
      'bin.txt:1: the file is not valid UTF-8 text',
    ]);
    const later = Buffer.concat([
      Buffer.from('Title\nFine line.\nBad '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n'),
    ]);
    expect(await problemsOf({ 'later.txt': later })).toEqual([
      'later.txt:3: the file is not valid UTF-8 text',
    ]);
  });

  it('an empty .txt, on its first line', async () => {
    expect(await problemsOf({ 'empty.txt': '', 'blank.txt': ' \n\n' })).toEqual([
      'blank.txt:1: the file is empty',
      'empty.txt:1: the file is empty',
    ]);
  });

  it('JSONL: a line that is not UTF-8 is reported by number; the others load, a leading BOM is dropped', async () => {
    const line = (id: string) =>
      Buffer.from(`{"id": "${id}", "title": "T", "text": "Text of ${id}, café."}\r\n`);
    const dir = tempCorpus({
      'bulk.jsonl': Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        line('first'),
        Buffer.from([0x7b, 0xff, 0x7d, 0x0a]),
        line('third'),
      ]),
    });
    const { corpus, problems } = await loadCorpus(dir);
    expect(problems.map(inEnglish)).toEqual(['bulk.jsonl:2: the line is not valid UTF-8 text']);
    expect(corpus.documents.map((d) => [d.id, d.text])).toEqual([
      ['first', 'Text of first, café.'],
      ['third', 'Text of third, café.'],
    ]);
  });

  it('register files', async () => {
    expect(
      await problemsOf({
        'speakers.yaml': 'speakers:\n  - name: Ann\n    aliases: Annie\n  - title: No name\n',
        'glossary.yaml': 'terms:\n  - text: agreement\n    typed: []\n',
      }),
    ).toEqual([
      'glossary.yaml:2: entry 1: "typed" must list at least one wording',
      'speakers.yaml:2: entry 1: "aliases" must be a list of non-empty texts',
      'speakers.yaml:4: entry 2: "name" is required',
    ]);
  });

  it('the bilingual register (japanese.yaml)', async () => {
    expect(
      await problemsOf({
        'japanese.yaml':
          'terms:\n  - text: agreement\n    ja: [協定]\n  - text: sign\n    ja: [署名, deal]\n  - text: Moon\n    typed: [月]\n  - ja: [宇宙]\n',
      }),
    ).toEqual([
      'japanese.yaml:4: entry 2: "ja" wording "deal" has no Japanese in it (other wordings go in glossary.yaml)',
      'japanese.yaml:6: entry 3: unknown field "typed" (expected: text, ja)',
      'japanese.yaml:6: entry 3: "ja" must list at least one Japanese wording',
      'japanese.yaml:8: entry 4: "text" is required',
    ]);
    const { corpus } = await loadCorpus(
      tempCorpus({
        'glossary.yaml': 'terms:\n  - text: agreement\n    typed: [deal]\n',
        'japanese.yaml': 'terms:\n  - text: agreement\n    ja: [協定, 合意]\n',
      }),
    );
    expect(corpus.glossary).toEqual([
      { text: 'agreement', typed: ['deal'], both: false },
      { text: 'agreement', typed: ['協定', '合意'], both: false },
    ]);
  });

  it('a missing corpus folder', async () => {
    const { problems } = await loadCorpus('/nonexistent/accord-corpus');
    expect(problems.map(inEnglish)).toEqual(['/nonexistent/accord-corpus: the corpus folder does not exist']);
  });
});

describe('strict loading (reloads)', () => {
  it('throws one CorpusError listing every problem', async () => {
    const dir = tempCorpus({ 'good.md': GOOD_MD, 'a.md': 'no front matter', 'b.txt': '' });
    const error = await loadCorpusStrict(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).problems.map(inEnglish)).toEqual([
      'a.md:1: a Markdown document must start with a front-matter block: a line "---", the metadata, then "---"',
      'b.txt:1: the file is empty',
    ]);
    expect((error as CorpusError).message).toBe(
      'Corpus: 2 problems (a.md:1 problem.noFrontMatter; b.txt:1 problem.emptyFile)',
    );
  });
});

describe('symbolic links', () => {
  it('reads a link to a file inside the folder; refuses links leading outside it and dangling ones', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'accord-elsewhere-'));
    try {
      writeFileSync(join(elsewhere, 'real.md'), GOOD_MD);
      const dir = tempCorpus({ 'inside.txt': 'Inside\nText inside the folder.\n' });
      symlinkSync(join(dir, 'inside.txt'), join(dir, 'alias.txt'));
      symlinkSync(join(elsewhere, 'real.md'), join(dir, 'linked.md'));
      symlinkSync(join(elsewhere, 'missing.md'), join(dir, 'dangling.md'));
      const { corpus, problems } = await loadCorpus(dir);
      expect(corpus.documents.map((d) => d.id)).toEqual(['alias', 'inside']);
      expect(problems.map(inEnglish)).toEqual([
        'dangling.md: this is a link to a file that does not exist',
        'linked.md: this is a link to a file outside the corpus folder: only files inside it are read',
      ]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
