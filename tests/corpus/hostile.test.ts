/**
 * The hostile files of issue 13, one test each: none may throw past the loader, hang it, or be read from
 * outside the corpus folder; each is refused as `file:line: what is wrong` and the rest of the corpus loads.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_LIMITS } from '../../src/corpus/limits.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createLogger } from '../../src/logger.js';
import { CorpusService } from '../../src/service/service.js';
import { inEnglish } from '../support/problems.js';
import { tempCorpus } from '../support/tempCorpus.js';

const GOOD_MD = '---\nid: good-doc\ntitle: A good document\nkind: statement\n---\nThe dock opened in 2030.\n';
const silent = createLogger({ level: 'silent', secrets: [] });

/** Loads `dir` and starts a service on it: both must list the same problems and serve the good document. */
async function loadBothWays(dir: string): Promise<string[]> {
  const { corpus, problems } = await loadCorpus(dir);
  expect(corpus.documents.map((d) => d.id)).toContain('good-doc');
  const service = await CorpusService.start(dir, silent);
  expect(service.current.sources().map((s) => s.id)).toContain('good-doc');
  return problems.map(inEnglish);
}

describe('hostile documents are refused with a line, and start-up goes on', () => {
  it('130,000 tiny paragraphs in one .md (issue 13, case 1)', async () => {
    const dir = tempCorpus({
      'good.md': GOOD_MD,
      'tiny.md': `---\nid: tiny\ntitle: Tiny\nkind: statement\n---\n${'Ab.\n\n'.repeat(130_000)}`,
    });
    expect(await loadBothWays(dir)).toEqual([
      `tiny.md:${5 + 2 * 10_000 + 1}: the document "tiny" has 130,000 passages; a document can have at most 10,000 (split it into several)`,
    ]);
  }, 60_000);

  it('a .jsonl of 130,000 broken lines: the first 50 problems, then how many more', async () => {
    const dir = tempCorpus({ 'good.md': GOOD_MD, 'bad.jsonl': '{"id": "x"}\n'.repeat(130_000) });
    const problems = await loadBothWays(dir);
    expect(problems).toHaveLength(51);
    expect(problems[0]).toBe('bad.jsonl:1: "title" must be text');
    expect(problems[50]).toBe('bad.jsonl: and 259,950 more problems in this file');
  }, 60_000);

  it('a YAML alias bomb in front matter (case 2)', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((k, i) => {
        const prev = 'abcdefghi'[i];
        return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`;
      }),
    ];
    const dir = tempCorpus({
      'good.md': GOOD_MD,
      'bomb.md': `---\nid: bomb\ntitle: Bomb\nkind: statement\n${bomb.join('\n')}\n---\nText.\n`,
    });
    // 72 aliases stay under the count; their expansion (9^9 values) does not.
    expect(await loadBothWays(dir)).toEqual([
      expect.stringMatching(/^bomb\.md:2: front matter has aliases that expand too far \(/),
    ]);
  });

  it('more aliases than allowed, on the line of the first one too many', async () => {
    const lines = ['a: &a x', ...Array.from({ length: 101 }, (_, i) => `k${i}: *a`)];
    const dir = tempCorpus({
      'good.md': GOOD_MD,
      'aliases.md': `---\nid: aliases\ntitle: Aliases\nkind: statement\n${lines.join('\n')}\n---\nText.\n`,
    });
    expect(await loadBothWays(dir)).toEqual([
      'aliases.md:106: front matter has more than 100 aliases (*name)',
    ]);
  });

  it('YAML nested 10,000 deep (which makes the parser run out of memory) and 40 deep', async () => {
    const dir = tempCorpus({
      'good.md': GOOD_MD,
      'deep.md': `---\nid: deep\ntitle: Deep\nkind: statement\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\nText.\n`,
      'speakers.yaml': `speakers:\n  - name: Ann\n    title: ${'['.repeat(40)}${']'.repeat(40)}\n`,
    });
    expect(await loadBothWays(dir)).toEqual([
      'deep.md:5: front matter is nested more than 32 levels deep',
      'speakers.yaml:3: the file is nested more than 32 levels deep',
    ]);
  });

  it('one 5,000,000-character word (case 3), and one of 2,000,000 in a file under the size limit', async () => {
    const word = (n: number) =>
      `---\nid: word\ntitle: Word\nkind: statement\n---\nA first line.\n${'Ab'.repeat(n / 2)}\n`;
    const dir = tempCorpus({ 'good.md': GOOD_MD, 'word.md': word(5_000_000), 'word2.md': word(2_000_000) });
    expect(await loadBothWays(dir)).toEqual([
      'word.md: the file is 5,000,060 bytes; it can be at most 4 MB',
      'word2.md:7: a word of 2,000,000 characters; words can be at most 1,000',
    ]);
  }, 60_000);

  it('a line, a title and a .jsonl text past their limits', async () => {
    const words = (n: number) => 'word '.repeat(n);
    const dir = tempCorpus({
      'good.md': GOOD_MD,
      'line.txt': `Title\n${words(CORPUS_LIMITS.lineChars / 5 + 1)}\n`,
      'title.jsonl': `${JSON.stringify({ id: 't', title: 'T'.repeat(501), text: 'Text.' })}\n${JSON.stringify({ id: 'u', title: 'U', text: `x\n${'y'.repeat(1001)}` })}\n`,
    });
    expect(await loadBothWays(dir)).toEqual([
      'line.txt:2: a line of 100,005 characters; lines can be at most 100,000',
      'title.jsonl:1: the title has 501 characters; titles can be at most 500',
      'title.jsonl:2: "text" has a word of 1,001 characters; words can be at most 1,000',
    ]);
  });
});

describe('only regular files inside the corpus folder are read (case 5)', () => {
  it('refuses links to /dev/zero and /etc/passwd, FIFOs, and folders named like documents', async () => {
    const dir = tempCorpus({ 'good.md': GOOD_MD });
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    execFileSync('mkfifo', [join(dir, 'x.md')]);
    execFileSync('mkfifo', [join(dir, '.hidden-fifo')]);
    symlinkSync(join(dir, 'x.md'), join(dir, 'to-fifo.md'));
    mkdirSync(join(dir, 'folder.md'));
    mkdirSync(join(dir, 'speakers.yaml'));
    writeFileSync(join(dir, 'notes'), 'not a corpus file name: ignored');
    // Nothing may wait on the FIFO: were it opened, the read would block and the test timeout would fail it.
    expect(await loadBothWays(dir)).toEqual([
      'folder.md: this is a folder, not a file: the corpus reads regular files only',
      'speakers.yaml: this is a folder, not a file: the corpus reads regular files only',
      'x.md: this is a FIFO (named pipe), not a file: the corpus reads regular files only',
      'passwd.txt: this is a link to a file outside the corpus folder: only files inside it are read',
      'to-fifo.md: this is a FIFO (named pipe), not a file: the corpus reads regular files only',
      'zero.txt: this is a link to a file outside the corpus folder: only files inside it are read',
    ]);
  });

  it('refuses a file larger than a document may be, without reading it whole', async () => {
    const dir = tempCorpus({ 'good.md': GOOD_MD });
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(CORPUS_LIMITS.documentBytes + 1, 0x61));
    expect(await loadBothWays(dir)).toEqual([
      'huge.txt: the file is 4,194,305 bytes; it can be at most 4 MB',
    ]);
  });
});
