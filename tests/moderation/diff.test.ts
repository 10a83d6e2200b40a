import { describe, expect, it } from 'vitest';
import { diffCorpora, diffManifests, manifestOf, passageHash } from '../../src/corpus/diff.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { formatDiff as formatDiffIn, messages } from '../../src/messages/messages.js';
import { tempCorpus } from '../support/tempCorpus.js';

const formatDiff = (diff: Parameters<typeof formatDiffIn>[1], max?: number) =>
  formatDiffIn(messages('en'), diff, max);

const doc = (id: string, paragraphs: string[]) =>
  `---\nid: ${id}\ntitle: ${id}\nkind: statement\n---\n${paragraphs.join('\n\n')}\n`;

describe('diffCorpora', () => {
  it('finds added, changed and removed passages by id and text hash', async () => {
    const before = await loadCorpusStrict(
      tempCorpus({
        'a.md': doc('a', ['Alpha one.', 'Alpha two.', 'Alpha three.']),
        'gone.md': doc('gone', ['Bye.']),
        'same.md': doc('same', ['Unchanged.']),
      }),
    );
    const after = await loadCorpusStrict(
      tempCorpus({
        'a.md': doc('a', ['Alpha one.', 'Alpha two, edited.']),
        'new.md': doc('new', ['Hello.', 'Again.']),
        'same.md': doc('same', ['Unchanged.']),
      }),
    );
    const diff = diffCorpora(before, after);
    expect(diff).toEqual({
      documents: [
        { id: 'a', status: 'changed', added: [], changed: ['a#p2'], removed: ['a#p3'] },
        { id: 'gone', status: 'removed', added: [], changed: [], removed: ['gone#p1'] },
        { id: 'new', status: 'added', added: ['new#p1', 'new#p2'], changed: [], removed: [] },
      ],
      added: 2,
      changed: 1,
      removed: 2,
    });
    expect(formatDiff(diff)).toEqual([
      '3 documents changed: 2 passages added, 1 changed, 2 removed.',
      'a: changed (+0 ~1 -1): a#p2 changed; a#p3 removed',
      'gone: document removed (1 passage)',
      'new: document added (2 passages)',
    ]);
    expect(formatDiff(diff, 1)).toEqual([
      '3 documents changed: 2 passages added, 1 changed, 2 removed.',
      'a: changed (+0 ~1 -1): a#p2 changed; a#p3 removed',
      '…and 2 more documents.',
    ]);
    expect(diffCorpora(after, after).documents).toEqual([]);
    expect(formatDiff(diffCorpora(after, after))).toEqual(['No passage changed.']);
    // In Japanese: the same lines, ids as they are.
    expect(formatDiffIn(messages('ja'), diff)).toEqual([
      '文書 3 件が変わりました: パッセージの追加 2 件、変更 1 件、削除 2 件。',
      'a: 変更（+0 ~1 -1）: a#p2 を変更; a#p3 を削除',
      'gone: 文書を削除（パッセージ 1 件）',
      'new: 文書を追加（パッセージ 2 件）',
    ]);
    expect(formatDiffIn(messages('ja'), diff, 1).at(-1)).toBe('…ほか 2 件の文書。');
  });

  it('manifests carry ids and hashes only, and diff the same way', async () => {
    const corpus = await loadCorpusStrict(tempCorpus({ 'a.md': doc('a', ['Alpha one.']) }));
    const manifest = manifestOf(corpus, 'v1');
    expect(manifest).toEqual({
      version: 'v1',
      documents: [{ id: 'a', file: 'a.md', passages: [['a#p1', passageHash('Alpha one.')]] }],
    });
    expect(diffManifests({ version: 'none', documents: [] }, manifest).added).toBe(1);
  });
});
