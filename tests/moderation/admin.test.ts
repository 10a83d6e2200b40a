import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AdminError,
  addDocument,
  listTrash,
  readWithLimit,
  removableDocuments,
  removeDocument,
  restoreDocument,
} from '../../src/corpus/admin.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { refusalInEnglish } from '../support/problems.js';
import { tempCorpus } from '../support/tempCorpus.js';
import { MARS_MD, MOON_MD, snapshot } from './helpers.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Runs `change`, expects an AdminError saying exactly `message` in English, and the folder unchanged byte for byte. */
async function expectRefused(dir: string, change: () => Promise<unknown>, message: string) {
  const before = snapshot(dir);
  const err = await change().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AdminError);
  expect(refusalInEnglish(err as AdminError)).toBe(message);
  expect(snapshot(dir)).toEqual(before);
  return err as AdminError;
}

describe('addDocument', () => {
  it('stores a valid upload as <id><ext>, whatever the user named it', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD });
    const added = await addDocument({ corpusDir: dir, fileName: 'My Upload.MD', bytes: bytes(MOON_MD) });
    expect(added).toEqual({
      file: 'moon-note.md',
      ids: ['moon-note'],
      bytes: bytes(MOON_MD).length,
      replaced: [],
    });
    expect(readFileSync(join(dir, 'moon-note.md'), 'utf8')).toBe(MOON_MD);
    expect(readdirSync(dir).sort()).toEqual(['mars-note.md', 'moon-note.md']);
    const corpus = await loadCorpusStrict(dir);
    expect(corpus.documents.map((d) => d.id).sort()).toEqual(['mars-note', 'moon-note']);
  });

  it('names a .txt upload after its id (from the file name) and a one-document .jsonl after the document', async () => {
    const dir = tempCorpus({});
    const txt = await addDocument({
      corpusDir: dir,
      fileName: 'Field Notes.txt',
      bytes: bytes('Notes\nThe dock opened in 2030.\n'),
    });
    expect(txt.file).toBe('field-notes.txt');
    const jsonl = await addDocument({
      corpusDir: dir,
      fileName: 'import.jsonl',
      bytes: bytes('{"id": "dock", "title": "Dock", "text": "The dock has four ports."}\n'),
    });
    expect(jsonl.file).toBe('dock.jsonl');
  });

  it('refuses a file over the size limit, and says the limit', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD });
    await expectRefused(
      dir,
      () => addDocument({ corpusDir: dir, fileName: 'moon.md', bytes: bytes(MOON_MD), maxBytes: 50 }),
      '"moon.md" is too large: documents can be at most 50 bytes.',
    );
    await expectRefused(
      dir,
      () => addDocument({ corpusDir: dir, fileName: 'big.txt', bytes: new Uint8Array(1024 * 1024 + 1) }),
      '"big.txt" is too large: documents can be at most 1 MB.',
    );
  });

  it('refuses bytes that are not UTF-8', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD });
    const err = await expectRefused(
      dir,
      () =>
        addDocument({
          corpusDir: dir,
          fileName: 'scan.txt',
          bytes: new Uint8Array([0x54, 0x69, 0xff, 0xfe, 0x00, 0x0a]),
        }),
      '"scan.txt" was not added: 1 problem.\nscan.txt:1: the file is not valid UTF-8 text',
    );
    expect(err.problems).toEqual([{ file: 'scan.txt', line: 1, code: 'problem.notUtf8' }]);
  });

  it('refuses malformed metadata with every problem, located', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD });
    const bad = '---\nid: bad note\ntitle: Bad\nkind: statement\npublished: 13 January\n---\nText.\n';
    await expectRefused(
      dir,
      () => addDocument({ corpusDir: dir, fileName: 'bad.md', bytes: bytes(bad) }),
      [
        '"bad.md" was not added: 2 problems.',
        'bad.md:2: "id": id "bad note" must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
        'bad.md:5: "published" must be a date written YYYY-MM-DD, got "13 January"',
      ].join('\n'),
    );
  });

  it('refuses other extensions, empty JSONL and duplicate ids within the upload', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD });
    await expectRefused(
      dir,
      () => addDocument({ corpusDir: dir, fileName: 'report.pdf', bytes: bytes('%PDF') }),
      '"report.pdf" is not a corpus document: only .md, .txt and .jsonl files can be added.',
    );
    await expectRefused(
      dir,
      () => addDocument({ corpusDir: dir, fileName: 'empty.jsonl', bytes: bytes('\n\n') }),
      '"empty.jsonl" was not added: it holds no document.',
    );
    const twice = '{"id": "a", "title": "A", "text": "One."}\n{"id": "a", "title": "A2", "text": "Two."}\n';
    await expectRefused(
      dir,
      () => addDocument({ corpusDir: dir, fileName: 'twice.jsonl', bytes: bytes(twice) }),
      '"twice.jsonl" was not added: 1 problem.\ntwice.jsonl:2: document id "a" is already used on line 1 of this file',
    );
  });

  it('refuses an id already in the corpus unless replace is set', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD });
    const newer = MARS_MD.replace('September 2029', 'October 2029');
    await expectRefused(
      dir,
      () => addDocument({ corpusDir: dir, fileName: 'mars.md', bytes: bytes(newer) }),
      '"mars.md" was not added: the corpus already has document "mars-note" (in mars-note.md). Add it with replace to overwrite.',
    );
  });

  it('replace overwrites the file holding the id and keeps the old one in the trash', async () => {
    const dir = tempCorpus({ 'Mars Old.md': MARS_MD });
    const newer = MARS_MD.replace('September 2029', 'October 2029');
    const added = await addDocument({
      corpusDir: dir,
      fileName: 'mars.md',
      bytes: bytes(newer),
      replace: true,
    });
    expect(added.file).toBe('mars-note.md');
    expect(added.replaced.map((t) => t.file)).toEqual(['Mars Old.md']);
    expect(readdirSync(dir).sort()).toEqual(['.trash', 'mars-note.md']);
    expect(readFileSync(join(dir, 'mars-note.md'), 'utf8')).toBe(newer);
    const trashed = added.replaced[0]?.trashFile ?? '';
    expect(readFileSync(join(dir, '.trash', trashed), 'utf8')).toBe(MARS_MD);
  });

  it('replace refuses to drop other documents sharing the old file', async () => {
    const bulk =
      '{"id": "mars-note", "title": "M", "text": "Old."}\n{"id": "venus", "title": "V", "text": "Hot."}\n';
    const dir = tempCorpus({ 'bulk.jsonl': bulk });
    await expectRefused(
      dir,
      () => addDocument({ corpusDir: dir, fileName: 'm.md', bytes: bytes(MARS_MD), replace: true }),
      '"m.md" was not added: bulk.jsonl also holds "venus", which the upload does not; edit that file by hand instead.',
    );
  });

  it('refuses a stored name taken by a file holding something else', async () => {
    const dir = tempCorpus({ 'moon-note.md': MARS_MD });
    await expectRefused(
      dir,
      () => addDocument({ corpusDir: dir, fileName: 'moon.md', bytes: bytes(MOON_MD), replace: true }),
      '"moon.md" was not added: a file named moon-note.md is already in the corpus folder and holds other content.',
    );
  });

  it.each(['../x.md', 'a/b.md', '..\\x.md', '.hidden.md', 'a..md', ''])(
    'never lets the file name %j become a path',
    async (name) => {
      const parent = tempCorpus({});
      const dir = join(parent, 'corpus');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dir);
      const before = snapshot(parent);
      await expectRefused(
        dir,
        () => addDocument({ corpusDir: dir, fileName: name, bytes: bytes(MOON_MD) }),
        `File name ${JSON.stringify(name)} is refused: use a plain name such as notes.md, without folders or "..".`,
      );
      expect(snapshot(parent)).toEqual(before);
    },
  );
});

describe('readWithLimit', () => {
  it('stops reading as soon as the limit is passed', async () => {
    let pulled = 0;
    async function* chunks() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield new Uint8Array(10);
      }
    }
    const err = await readWithLimit(chunks(), 'big.md', 25).catch((e: unknown) => e);
    expect(refusalInEnglish(err as AdminError)).toBe(
      '"big.md" is too large: documents can be at most 25 bytes.',
    );
    expect(pulled).toBe(3);
  });

  it('returns the bytes when within the limit', async () => {
    async function* chunks() {
      yield bytes('ab');
      yield bytes('cd');
    }
    expect(new TextDecoder().decode(await readWithLimit(chunks(), 'x.md', 4))).toBe('abcd');
  });
});

describe('removeDocument / restoreDocument', () => {
  it('moves the file to .trash (which loads ignore), then brings it back', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD, 'moon-note.md': MOON_MD });
    const trashed = await removeDocument({ corpusDir: dir, id: 'moon-note' });
    expect(trashed).toMatchObject({
      file: 'moon-note.md',
      documents: [{ id: 'moon-note', title: 'Moon note' }],
    });
    expect(trashed.trashFile).toMatch(/^\d{8}T\d{9}Z-moon-note\.md$/);
    expect(existsSync(join(dir, 'moon-note.md'))).toBe(false);
    expect(readFileSync(join(dir, '.trash', trashed.trashFile), 'utf8')).toBe(MOON_MD);
    expect((await loadCorpusStrict(dir)).documents.map((d) => d.id)).toEqual(['mars-note']);
    expect(await listTrash(dir)).toEqual([trashed]);

    const restored = await restoreDocument({ corpusDir: dir, id: 'moon-note' });
    expect(restored).toEqual({
      file: 'moon-note.md',
      ids: ['moon-note'],
      from: trashed.trashFile,
      replaced: [],
    });
    expect(readFileSync(join(dir, 'moon-note.md'), 'utf8')).toBe(MOON_MD);
    expect(await listTrash(dir)).toEqual([]);
  });

  it('keeps every removal of the same name in the trash, and restores the latest', async () => {
    const dir = tempCorpus({ 'moon-note.md': MOON_MD });
    const first = await removeDocument({ corpusDir: dir, id: 'moon-note' });
    const second = MOON_MD.replace('March', 'April');
    writeFileSync(join(dir, 'moon-note.md'), second);
    const again = await removeDocument({ corpusDir: dir, id: 'moon-note' });
    expect(again.trashFile).not.toBe(first.trashFile);
    expect((await listTrash(dir)).map((t) => t.trashFile)).toEqual(
      [again.trashFile, first.trashFile].sort().reverse(),
    );
    await restoreDocument({ corpusDir: dir, id: 'moon-note' });
    expect(readFileSync(join(dir, 'moon-note.md'), 'utf8')).toBe(second);
    // The trash still holds a "moon-note" and a broken file: loads never see it.
    writeFileSync(join(dir, '.trash', 'broken.md'), 'no front matter');
    expect((await loadCorpusStrict(dir)).documents.map((d) => d.id)).toEqual(['moon-note']);
  });

  it('refuses unknown ids, a document sharing a .jsonl unless wholeFile, and a restore that would clash', async () => {
    const bulk = '{"id": "a", "title": "A", "text": "One."}\n{"id": "b", "title": "B", "text": "Two."}\n';
    const dir = tempCorpus({ 'bulk.jsonl': bulk, 'moon-note.md': MOON_MD });
    await expectRefused(
      dir,
      () => removeDocument({ corpusDir: dir, id: 'nope' }),
      'No document "nope" in the corpus.',
    );
    await expectRefused(
      dir,
      () => removeDocument({ corpusDir: dir, id: 'a' }),
      'Document "a" shares bulk.jsonl with 1 other document ("b"); remove the whole file to remove it.',
    );
    const whole = await removeDocument({ corpusDir: dir, id: 'a', wholeFile: true });
    expect(whole.documents.map((d) => d.id)).toEqual(['a', 'b']);
    await expectRefused(
      dir,
      () => restoreDocument({ corpusDir: dir, id: 'zzz' }),
      'No document "zzz" in the trash.',
    );

    await removeDocument({ corpusDir: dir, id: 'moon-note' });
    writeFileSync(
      join(dir, 'other.jsonl'),
      `${JSON.stringify({ id: 'moon-note', title: 'M', text: 'Moon.' })}\n${JSON.stringify({ id: 'c', title: 'C', text: 'Three.' })}\n`,
    );
    await expectRefused(
      dir,
      () => restoreDocument({ corpusDir: dir, id: 'moon-note' }),
      'Document "moon-note" cannot be restored: other.jsonl holds it and also "c"; remove that file first.',
    );
    await expectRefused(
      dir,
      () => restoreDocument({ corpusDir: dir, id: 'moon-note', version: '20200101T000000000Z' }),
      'No version 20200101T000000000Z of document "moon-note" in the trash.',
    );
  });

  it('restores a chosen version while the id is live, swapping the live file into the trash', async () => {
    const dir = tempCorpus({ 'moon-note.md': MOON_MD });
    const first = await removeDocument({ corpusDir: dir, id: 'moon-note' });
    const second = MOON_MD.replace('March 2031', 'April 2032');
    writeFileSync(join(dir, 'moon-note.md'), second);
    const restored = await restoreDocument({ corpusDir: dir, id: 'moon-note', version: first.version });
    expect(restored.replaced).toMatchObject([{ file: 'moon-note.md', reason: 'replaced' }]);
    expect(readFileSync(join(dir, 'moon-note.md'), 'utf8')).toBe(MOON_MD);
    const trash = await listTrash(dir);
    expect(trash.map((t) => [t.reason, t.documents.map((d) => d.id)])).toEqual([['replaced', ['moon-note']]]);
    expect(readFileSync(join(dir, '.trash', trash[0]?.trashFile ?? ''), 'utf8')).toBe(second);
  });

  it('lists removable documents for autocomplete, id prefix matches first', () => {
    const documents = [
      { id: 'moon-note', title: 'Moon note', file: 'moon-note.md' },
      { id: 'mars-note', title: 'Mars note', file: 'mars-note.md' },
      { id: 'probe', title: 'A note on the Moon probe', file: 'probe.md' },
    ];
    expect(removableDocuments(documents, 'MOON').map((d) => d.id)).toEqual(['moon-note', 'probe']);
    expect(removableDocuments(documents, 'note').map((d) => d.id)).toEqual([
      'mars-note',
      'moon-note',
      'probe',
    ]);
    expect(removableDocuments(documents, '', 1)).toHaveLength(1);
  });
});
