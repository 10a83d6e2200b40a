import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestOf } from '../../src/corpus/diff.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { corpusVersion } from '../../src/knowledge/knowledge.js';
import { writeManifest } from '../../src/records/manifest.js';
import { runNpm } from '../support/run.js';
import { tempCorpus } from '../support/tempCorpus.js';
import { MARS_MD, MOON_MD, tempDir } from './helpers.js';

describe('npm run corpus -- check', () => {
  it('exits 0 with a summary when every file is valid', async () => {
    const dir = tempCorpus({ 'moon-note.md': MOON_MD });
    const { code, stdout } = await runNpm(['corpus', '--', 'check'], { env: { CORPUS_DIR: dir } });
    const version = corpusVersion(await loadCorpusStrict(dir));
    expect(stdout).toBe(`ok: 1 documents, 1 passages, 0 speakers, 0 glossary terms (version ${version})\n`);
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
