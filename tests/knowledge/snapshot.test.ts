import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/contract/types.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import {
  parseSnapshot,
  SNAPSHOT_SECRET_FILE,
  SnapshotStore,
  serializeSnapshot,
} from '../../src/knowledge/snapshot.js';
import { captureLogger, tempDir } from '../moderation/helpers.js';
import { BUNDLED_ID } from '../support/bundled.js';
import { everything, LUNAR_NOTE, lunarCorpus, release } from '../support/knowledge.js';
import { tempCorpus } from '../support/tempCorpus.js';

function store(dir: string) {
  const { logger, lines } = captureLogger();
  return { snapshots: new SnapshotStore(dir, logger), lines };
}

const messages = (lines: Record<string, unknown>[]) => lines.map((l) => l.msg);
/** The snapshot files of a folder (beside them: the signing secret). */
const snapshotFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.snapshot'));

describe('index snapshots', () => {
  let corpusDir: string;
  let corpus: Corpus;
  let fresh: KnowledgeBase;

  beforeAll(async () => {
    corpusDir = lunarCorpus();
    corpus = await loadCorpusStrict(corpusDir);
    fresh = buildKnowledgeBase(corpus);
  });

  it('answers exactly as a fresh build when loaded from a snapshot', () => {
    const roe = fresh.quote('Jane Roe');
    // The quotes the extraction must have found, read from the document itself.
    expect(roe.quotes.map((q) => q.text)).toEqual([
      'The lander is ready for the Moon',
      'We will fly in 2031',
    ]);
    expect(roe.speaker).toEqual({ name: 'Jane Roe', title: 'chief engineer of the lunar program' });

    const dir = tempDir();
    const first = store(dir);
    const saved = buildKnowledgeBase(corpus, { snapshots: first.snapshots });
    expect(messages(first.lines)).toEqual([]); // no snapshot yet: built quietly, then saved
    expect(readdirSync(dir)).toEqual([
      expect.stringMatching(/^[0-9a-f]{32}\.snapshot$/),
      SNAPSHOT_SECRET_FILE,
    ]);
    expect(statSync(join(dir, SNAPSHOT_SECRET_FILE)).mode & 0o777).toBe(0o600);

    const second = store(dir);
    const loaded = buildKnowledgeBase(corpus, { snapshots: second.snapshots });
    expect(messages(second.lines)).toEqual(['index loaded from its snapshot']);
    expect(everything(loaded)).toEqual(everything(fresh));
    expect(everything(saved)).toEqual(everything(fresh));
  });

  it('rebuilds, and saves a sound snapshot again, when the file was altered or truncated', () => {
    const dir = tempDir();
    buildKnowledgeBase(corpus, { snapshots: store(dir).snapshots });
    const [file] = snapshotFiles(dir);
    const path = join(dir, file as string);
    const original = readFileSync(path);

    const altered = Buffer.from(original);
    const at = altered.length - 100;
    altered[at] = (altered[at] ?? 0) ^ 0x01;
    writeFileSync(path, altered);
    const afterAltered = store(dir);
    expect(everything(buildKnowledgeBase(corpus, { snapshots: afterAltered.snapshots }))).toEqual(
      everything(fresh),
    );
    expect(afterAltered.lines).toMatchObject([
      {
        level: 40,
        msg: 'index snapshot unusable; building the index',
        detail: 'signature mismatch (truncated, altered, or signed with another key)',
      },
    ]);
    expect(readFileSync(path)).toEqual(original); // rewritten whole

    writeFileSync(path, original.subarray(0, original.length / 2));
    const afterTruncated = store(dir);
    buildKnowledgeBase(corpus, { snapshots: afterTruncated.snapshots });
    expect(afterTruncated.lines[0]).toMatchObject({
      detail: 'signature mismatch (truncated, altered, or signed with another key)',
    });

    const again = store(dir);
    buildKnowledgeBase(corpus, { snapshots: again.snapshots });
    expect(messages(again.lines)).toEqual(['index loaded from its snapshot']);
  });

  it('rebuilds when a snapshot was edited and its header recomputed without the secret (issue 13, case 7)', () => {
    const dir = tempDir();
    buildKnowledgeBase(corpus, { snapshots: store(dir).snapshots });
    const [file] = snapshotFiles(dir);
    const path = join(dir, file as string);
    const original = readFileSync(path);
    const headerEnd = original.indexOf(0x0a);
    const header = JSON.parse(original.subarray(0, headerEnd).toString('utf8'));
    // Another speaker's words for Jane Roe: the edit the issue made, with every hash an editor can compute.
    const body = Buffer.from(
      original
        .subarray(headerEnd + 1)
        .toString('utf8')
        .replaceAll('We will fly in 2031', 'We will never fly'),
    );
    const edited = { ...header, hmac: createHash('sha256').update(body).digest('hex') };
    writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify(edited)}\n`), body]));
    const reopened = store(dir);
    const kb = buildKnowledgeBase(corpus, { snapshots: reopened.snapshots });
    expect(reopened.lines[0]).toMatchObject({
      msg: 'index snapshot unusable; building the index',
      detail: 'signature mismatch (truncated, altered, or signed with another key)',
    });
    expect(kb.quote('Jane Roe').quotes.map((q) => q.text)).toEqual(
      fresh.quote('Jane Roe').quotes.map((q) => q.text),
    );
    expect(readFileSync(path)).toEqual(original);
  });

  it('keeps one snapshot per folder: a changed corpus replaces the old one', async () => {
    const dir = tempDir();
    buildKnowledgeBase(corpus, { snapshots: store(dir).snapshots });
    const [before] = snapshotFiles(dir);
    const changed = await loadCorpusStrict(
      tempCorpus({ [`${BUNDLED_ID}.md`]: release, 'lunar-note.md': LUNAR_NOTE.replace('2031', '2032') }),
    );
    const next = store(dir);
    const kb = buildKnowledgeBase(changed, { snapshots: next.snapshots });
    expect(messages(next.lines)).toEqual([]); // another key: nothing to load, nothing wrong
    expect(kb.quote('Jane Roe').quotes[1]?.text).toBe('We will fly in 2032');
    const after = snapshotFiles(dir);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it('runs without snapshots when the folder cannot be written', () => {
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const { snapshots, lines } = store(join(blocked, 'index'));
    const kb = buildKnowledgeBase(corpus, { snapshots });
    expect(kb.stats()).toEqual(fresh.stats());
    expect(messages(lines)).toEqual([
      'index snapshot unusable; building the index', // ENOTDIR on reading
      'could not save the index snapshot; the next start rebuilds it',
    ]);
  });
});

describe('parseSnapshot', () => {
  const snapshot = {
    index: { search: { documentCount: 0 } as never, documentFrequency: [], sentenceStems: [] },
    quotes: { people: [], quotes: [] },
  };
  const secret = Buffer.alloc(32, 7);
  const good = serializeSnapshot(snapshot, 'k1', secret);

  it('reads back what serializeSnapshot wrote', () => {
    expect(parseSnapshot(good, 'k1', secret)).toEqual(snapshot);
  });

  it('says what is wrong with a file that is not a sound snapshot for the key', () => {
    const header = good.subarray(0, good.indexOf(0x0a) + 1);
    const cases: [Buffer, string][] = [
      [Buffer.from('no line break'), 'no header line'],
      [Buffer.from('{oops\n'), 'the header line is not JSON'],
      [Buffer.from('{"format":"other/2"}\n'), 'format "other/2", expected accord-knowledge-snapshot/2'],
      [good, 'made for key k1, expected k2'],
      [header, 'signature mismatch (truncated, altered, or signed with another key)'],
    ];
    for (const [bytes, message] of cases) {
      const key = message.startsWith('made for') ? 'k2' : 'k1';
      expect(() => parseSnapshot(bytes, key, secret)).toThrow(new Error(message));
    }
  });
});
