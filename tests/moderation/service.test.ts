import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdminError } from '../../src/corpus/admin.js';
import { CorpusError } from '../../src/corpus/problems.js';
import { MANIFEST_FILE } from '../../src/records/manifest.js';
import { openRecords } from '../../src/records/sqlite.js';
import { CorpusService, ReloadInProgressError } from '../../src/service/service.js';
import { inEnglish } from '../support/problems.js';
import { tempCorpus } from '../support/tempCorpus.js';
import { captureLogger, MARS_MD, MOON_MD, snapshot, tempDir } from './helpers.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const MOON_SENTENCE = 'The rover landed on the Moon in March 2031.';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const records of opened.splice(0)) records.close();
});

async function start(files: Record<string, string>) {
  const dir = tempCorpus(files);
  const dataDir = tempDir();
  const { logger, lines } = captureLogger();
  const records = openRecords({ dataDir, retentionDays: 90, logger });
  opened.push(records);
  const service = await CorpusService.start(dir, logger, { dataDir, records });
  return { dir, dataDir, service, records, lines };
}

describe('CorpusService.reload', () => {
  it('swaps in a new document and reports counts and a passage diff', async () => {
    const { dir, service } = await start({ 'mars-note.md': MARS_MD });
    const before = service.current.version;
    expect(service.current.ask('when did the rover land?').answer).toBeNull();
    writeFileSync(join(dir, 'moon-note.md'), MOON_MD);
    writeFileSync(join(dir, 'mars-note.md'), MARS_MD.replace('three cameras', 'four cameras'));
    const report = await service.reload({ via: 'test' });
    expect(report).toMatchObject({ documents: 2, passages: 3, previousVersion: before });
    expect(report.version).toBe(service.current.version);
    expect(report.version).not.toBe(before);
    expect(report.diff).toEqual({
      documents: [
        { id: 'mars-note', status: 'changed', added: [], changed: ['mars-note#p2'], removed: [] },
        { id: 'moon-note', status: 'added', added: ['moon-note#p1'], changed: [], removed: [] },
      ],
      added: 1,
      changed: 1,
      removed: 0,
    });
    expect(service.current.ask('when did the rover land?').answer?.text).toBe(MOON_SENTENCE);
  });

  it('keeps the old corpus answering when a file is broken, listing each problem', async () => {
    const { dir, service } = await start({ 'moon-note.md': MOON_MD });
    const live = service.current;
    writeFileSync(join(dir, 'broken.md'), 'no front matter');
    writeFileSync(join(dir, 'bad.jsonl'), '{"id": "x"}\n');
    const err = await service.reload().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as CorpusError).problems.map(inEnglish)).toEqual([
      'bad.jsonl:1: "title" must be text',
      'bad.jsonl:1: "text" must be non-empty text',
      'broken.md:1: a Markdown document must start with a front-matter block: a line "---", the metadata, then "---"',
    ]);
    // The error's own message is for logs: where each problem is, and its code.
    expect((err as CorpusError).message).toBe(
      'Corpus: 3 problems (bad.jsonl:1 problem.fieldNotText; bad.jsonl:1 problem.textEmpty; broken.md:1 problem.noFrontMatter)',
    );
    expect(service.current).toBe(live);
    expect(service.current.ask('when did the rover land?').answer?.text).toBe(MOON_SENTENCE);
  });

  it('runs one reload at a time: a second caller is told one is running', async () => {
    const { service } = await start({ 'moon-note.md': MOON_MD });
    const first = service.reload();
    expect(service.isReloading).toBe(true);
    await expect(service.reload()).rejects.toThrow(new ReloadInProgressError().message);
    await expect(
      service.addDocument({ fileName: 'm.md', bytes: bytes(MARS_MD) }, { via: 'test' }),
    ).rejects.toBeInstanceOf(ReloadInProgressError);
    await first;
    expect(service.isReloading).toBe(false);
    await expect(service.reload()).resolves.toMatchObject({ documents: 1 });
  });

  it('saves the live manifest on start and on reload', async () => {
    const { dir, dataDir, service } = await start({ 'moon-note.md': MOON_MD });
    const read = () => JSON.parse(readFileSync(join(dataDir, MANIFEST_FILE), 'utf8'));
    expect(read()).toMatchObject({
      version: service.current.version,
      documents: [{ id: 'moon-note', file: 'moon-note.md' }],
    });
    writeFileSync(join(dir, 'mars-note.md'), MARS_MD);
    await service.reload();
    expect(read().version).toBe(service.current.version);
    expect(read().documents).toHaveLength(2);
  });
});

describe('CorpusService document changes', () => {
  it('adds a document that answers at once, audited with a hashed user', async () => {
    const { service, records } = await start({ 'mars-note.md': MARS_MD });
    const { added, report } = await service.addDocument(
      { fileName: 'moon.md', bytes: bytes(MOON_MD) },
      { userId: '123456789012345678', via: 'discord' },
    );
    expect(added.file).toBe('moon-note.md');
    expect(report.diff.documents.map((d) => [d.id, d.status])).toEqual([['moon-note', 'added']]);
    const answer = service.current.ask('when did the rover land?').answer;
    expect(answer?.text).toBe(MOON_SENTENCE);
    expect(answer?.citation.document).toBe('moon-note');
    const [entry] = records.history();
    expect(entry).toMatchObject({
      action: 'add',
      target: 'moon.md',
      ok: true,
      via: 'discord',
      versionAfter: report.version,
    });
    expect(entry?.userHash).toMatch(/^[0-9a-f]{32}$/);
    expect(entry?.diff?.added).toBe(1);
  });

  it('audits a refused upload and changes nothing', async () => {
    const { dir, service, records } = await start({ 'mars-note.md': MARS_MD });
    const before = snapshot(dir);
    const version = service.current.version;
    await expect(
      service.addDocument({ fileName: 'mars.md', bytes: bytes(MARS_MD) }, { via: 'discord', userId: '1' }),
    ).rejects.toBeInstanceOf(AdminError);
    expect(snapshot(dir)).toEqual(before);
    expect(service.current.version).toBe(version);
    expect(records.history()[0]).toMatchObject({
      action: 'add',
      ok: false,
      versionBefore: version,
      versionAfter: version,
    });
    // The audit keeps the refusal as data (its code and values), for any reader's language.
    expect(records.history()[0]?.error).toBe(
      'admin.exists {"file":"mars.md","ids":"\\"mars-note\\"","files":"mars-note.md"}',
    );
  });

  it('takes an upload back out when the reload fails on another broken file', async () => {
    const { dir, service } = await start({ 'mars-note.md': MARS_MD });
    writeFileSync(join(dir, 'broken.md'), 'no front matter');
    const before = snapshot(dir);
    await expect(
      service.addDocument({ fileName: 'moon.md', bytes: bytes(MOON_MD) }, { via: 'test' }),
    ).rejects.toBeInstanceOf(CorpusError);
    expect(snapshot(dir)).toEqual(before);
    expect(service.current.ask('when did the rover land?').answer).toBeNull();
  });

  it('removes then restores a document, the answers following', async () => {
    const { dir, service } = await start({ 'mars-note.md': MARS_MD, 'moon-note.md': MOON_MD });
    const { removed, report } = await service.removeDocument({ id: 'moon-note' }, { via: 'test' });
    expect(removed.file).toBe('moon-note.md');
    expect(report.diff.documents).toEqual([
      { id: 'moon-note', status: 'removed', added: [], changed: [], removed: ['moon-note#p1'] },
    ]);
    expect(service.current.ask('when did the rover land?').answer).toBeNull();
    expect((await service.trash()).map((t) => t.file)).toEqual(['moon-note.md']);
    expect(await service.removable('mo')).toEqual([]);

    const { restored } = await service.restoreDocument({ id: 'moon-note' }, { via: 'test' });
    expect(restored.file).toBe('moon-note.md');
    expect(readFileSync(join(dir, 'moon-note.md'), 'utf8')).toBe(MOON_MD);
    expect(service.current.ask('when did the rover land?').answer?.text).toBe(MOON_SENTENCE);
    expect(readdirSync(join(dir, '.trash'))).toEqual([]);
  });

  it('puts a removed file back when the reload fails', async () => {
    const { dir, service } = await start({ 'mars-note.md': MARS_MD, 'moon-note.md': MOON_MD });
    writeFileSync(join(dir, 'broken.md'), 'no front matter');
    await expect(service.removeDocument({ id: 'moon-note' }, { via: 'test' })).rejects.toBeInstanceOf(
      CorpusError,
    );
    expect(readFileSync(join(dir, 'moon-note.md'), 'utf8')).toBe(MOON_MD);
    rmSync(join(dir, 'broken.md'));
  });
});
