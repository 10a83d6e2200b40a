import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestOf } from '../../src/corpus/diff.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { corpusVersion } from '../../src/knowledge/knowledge.js';
import { writeManifest } from '../../src/records/manifest.js';
import { CorpusService } from '../../src/service/service.js';
import { inEnglish } from '../support/problems.js';
import { runNpm } from '../support/run.js';
import { tempCorpus } from '../support/tempCorpus.js';
import { captureLogger, MARS_MD, MOON_MD, tempDir } from './helpers.js';

describe('npm run corpus -- check', () => {
  it('exits 0 with a summary when every file is valid', async () => {
    const dir = tempCorpus({ 'moon-note.md': MOON_MD });
    const { code, stdout } = await runNpm(['corpus', '--', 'check'], { env: { CORPUS_DIR: dir } });
    const version = corpusVersion(await loadCorpusStrict(dir));
    expect(stdout).toBe(`ok: 1 document, 1 passage, 0 speakers, 0 glossary terms (version ${version})\n`);
    expect(code).toBe(0);
  });

  it('exits 1 printing each problem as file:line: message', async () => {
    const dir = tempCorpus({
      'moon-note.md': MOON_MD,
      'broken.md': 'no front matter',
      'bad.jsonl': '{"id": "ok", "title": "T", "text": "Fine."}\nnot json\n',
    });
    const { code, stdout, stderr } = await runNpm(['corpus', '--', 'check', '--dir', dir]);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      expect.stringMatching(/^bad\.jsonl:2: not valid JSON: /),
      'broken.md:1: a Markdown document must start with a front-matter block: a line "---", the metadata, then "---"',
      '',
    ]);
    expect(stderr).toContain(`2 problems in ${dir}`);
  });
});

describe('npm run corpus -- check on hostile files (issue 13)', () => {
  it('counts the problems a capped file leaves unlisted in the total', async () => {
    const dir = tempCorpus({ 'moon-note.md': MOON_MD, 'bad.jsonl': '{"id": "x"}\n'.repeat(1_300) });
    const { code, stdout, stderr } = await runNpm(['corpus', '--', 'check', '--dir', dir]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    // Each line lacks a title and a text: 2,600 problems, 50 listed.
    expect(lines).toHaveLength(51);
    expect(lines[50]).toBe('bad.jsonl: and 2,550 more problems in this file');
    expect(stderr).toContain(`2,600 problems in ${dir}`);
  });

  it('prints what start-up logs, file for file, and gives the id to the live document', async () => {
    const bomb = [
      'a: &a [x,x,x,x,x,x,x,x,x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ];
    const dir = tempCorpus({
      'z-live.md': MOON_MD,
      'a-newcomer.md': MOON_MD.replace('March 2031', 'May 2040'),
      'bomb.md': `---\nid: bomb\ntitle: Bomb\nkind: statement\n${bomb.join('\n')}\n---\nText.\n`,
      'word.md': `---\nid: word\ntitle: Word\nkind: statement\n---\n${'Ab'.repeat(1_000_000)}\n`,
    });
    symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    execFileSync('mkfifo', [join(dir, 'x.md')]);
    const dataDir = tempDir();
    // The live corpus (its manifest) holds moon-note from z-live.md.
    const live = await loadCorpusStrict(tempCorpus({ 'z-live.md': MOON_MD }));
    await writeManifest(dataDir, manifestOf(live, corpusVersion(live)));
    const startLog = captureLogger();
    await CorpusService.start(dir, startLog.logger, { dataDir, wordProblem: inEnglish });
    const logged = startLog.lines
      .filter((l) => l.level === 50)
      .map((l) => String(l.msg).replace(/^corpus: /, ''));
    const { code, stdout } = await runNpm(['corpus', '--', 'check', '--dir', dir, '--data-dir', dataDir]);
    expect(code).toBe(1);
    expect(stdout.split('\n').filter(Boolean)).toEqual(logged);
    expect(logged).toEqual([
      'x.md: this is a FIFO (named pipe), not a file: the corpus reads regular files only',
      expect.stringMatching(/^bomb\.md:2: front matter has aliases that expand too far/),
      'passwd.txt: this is a link to a file outside the corpus folder: only files inside it are read',
      'word.md:6: a word of 2,000,000 characters; words can be at most 1,000',
      'a-newcomer.md:2: document id "moon-note" is already used by z-live.md; this document was not loaded (give it another id)',
    ]);
  });
});

describe('npm run corpus -- diff', () => {
  it('diffs the folder against the saved live manifest, or counts everything as added without one', async () => {
    const dir = tempCorpus({ 'moon-note.md': MOON_MD });
    const dataDir = tempDir();
    const empty = await runNpm(['corpus', '--', 'diff', '--json'], {
      env: { CORPUS_DIR: dir, DATA_DIR: dataDir },
    });
    expect(JSON.parse(empty.stdout)).toMatchObject({ live: 'none', added: 1, changed: 0, removed: 0 });

    const live = await loadCorpusStrict(dir);
    await writeManifest(dataDir, manifestOf(live, corpusVersion(live)));
    writeFileSync(join(dir, 'mars-note.md'), MARS_MD);
    writeFileSync(join(dir, 'moon-note.md'), MOON_MD.replace('March', 'May'));
    const { code, stdout } = await runNpm(['corpus', '--', 'diff', '--data-dir', dataDir], {
      env: { CORPUS_DIR: dir },
    });
    expect(code).toBe(0);
    const folder = corpusVersion(await loadCorpusStrict(dir));
    expect(stdout.split('\n')).toEqual([
      `live ${corpusVersion(live)} → folder ${folder}`,
      '2 documents changed: 2 passages added, 1 changed, 0 removed.',
      'mars-note: document added (2 passages)',
      'moon-note: changed (+0 ~1 -0): moon-note#p1 changed',
      '',
    ]);
  });
});
