/**
 * `/corpus` end to end: the real bot, commands and `CorpusService` on temporary CORPUS_DIR/DATA_DIR
 * copies, driven through the loopback Discord (uploads are served by the loopback like Discord's CDN).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { openRecords } from '../../src/records/sqlite.js';
import type { Records } from '../../src/records/types.js';
import type { CorpusService } from '../../src/service/service.js';
import { type Actor, type AttachmentInfo, makeActor, type OptionValues, ROUTES } from '../loopback/index.js';
import { MARS_MD, MOON_MD, snapshot } from '../moderation/helpers.js';
import { WAIT_MS } from '../support/wait.js';
import { answerSentenceOf, buttonsOf, type Harness, startCorpusBot } from './harness.js';

/**
 * While `held` is set, a reload waits with its new corpus built (in the worker) and not yet swapped in: a test
 * decides what happens during a reload instead of racing it.
 */
const building = vi.hoisted(() => ({ held: null as Promise<void> | null }));
vi.mock('../../src/service/worker.js', async (importOriginal) => {
  const worker = await importOriginal<typeof import('../../src/service/worker.js')>();
  return {
    ...worker,
    loadInWorker: async (...args: Parameters<typeof worker.loadInWorker>) => {
      const built = await worker.loadInWorker(...args);
      await building.held;
      return built;
    },
  };
});

const MAX_UPLOAD = 64 * 1024;
const VENUS_SENTENCE = 'The probe reached Venus in June 2033.';
const VENUS_MD = `---\nid: venus-probe\ntitle: Venus probe\nkind: statement\n---\n${VENUS_SENTENCE}\n`;
const MOON_SENTENCE = 'The rover landed on the Moon in March 2031.';
const SATURN_MD =
  '---\nid: saturn-note\ntitle: Saturn note\nkind: statement\n---\nThe orbiter reached Saturn in 2040.\n';
const silent = createLogger({ level: 'silent', secrets: [] });

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A fresh member per question, so the cooldown never couples tests. */
const someone = (): Actor => makeActor(`asker${++n}`);

/** A bot on a real corpus service, with the commands registered so interactions carry their ids. */
const boot = (corpusDir: string, records?: Records) =>
  startCorpusBot(corpusDir, { ...(records ? { records } : {}), maxUploadBytes: MAX_UPLOAD });

/** Text as Discord shows it: Markdown escapes removed. */
const shown = (text: string) => text.replace(/\\(.)/g, '$1');

describe('/corpus on a live corpus', () => {
  let h: Harness;
  let service: CorpusService;
  let records: Records;
  let corpusDir: string;
  let dataDir: string;

  const open = async () => {
    records = openRecords({ dataDir, retentionDays: 90, logger: silent });
    ({ h, service } = await boot(corpusDir, records));
  };
  const close = async () => {
    await h.close();
    records.close();
  };
  const corpus = (subcommand: string, options: OptionValues = {}, actor = h.loopback.actors.manager) =>
    h.loopback.command('corpus', options, { subcommand, actor });
  const ask = (question: string) => h.loopback.command('ask', { question }, { actor: someone() }).reply();

  beforeAll(async () => {
    corpusDir = tempDir('accord-corpus-');
    dataDir = tempDir('accord-data-');
    writeFileSync(join(corpusDir, 'mars-note.md'), MARS_MD);
    writeFileSync(join(corpusDir, 'moon-note.md'), MOON_MD);
    await open();
  });
  afterAll(() => close());

  it('registers every subcommand, the upload as an attachment option, for Manage Server', () => {
    const registered = h.loopback.commands.guild.get(h.loopback.guild.id)?.find((c) => c.name === 'corpus');
    expect(registered?.default_member_permissions).toBe('32');
    const subcommands = (registered?.options ?? []) as Array<{ name: string; options?: unknown[] }>;
    expect(subcommands.map((s) => s.name)).toEqual(['reload', 'add', 'remove', 'restore', 'gaps']);
    expect(subcommands.find((s) => s.name === 'add')?.options).toEqual([
      expect.objectContaining({ name: 'file', type: 11, required: true }),
      expect.objectContaining({ name: 'replace', type: 5 }),
    ]);
  });

  it('says when there are no gaps yet', async () => {
    const reply = await corpus('gaps', {}, h.loopback.actors.moderator).reply();
    expect(reply).toMatchObject({
      ephemeral: true,
      content: `No unanswered questions and no 👎 answers in the last 30 days: no gaps to show (corpus ${service.current.version}).`,
    });
  });

  it('refuses every subcommand and autocomplete to a non-moderator, privately, changing nothing', async () => {
    const before = snapshot(corpusDir);
    const version = service.current.version;
    const upload = h.loopback.hostAttachment('venus.md', VENUS_MD);
    const options: Record<string, OptionValues> = {
      add: { file: upload },
      remove: { document: 'moon-note' },
      restore: { document: 'moon-note' },
    };
    const names = h.loopback.commands.guild
      .get(h.loopback.guild.id)
      ?.find((c) => c.name === 'corpus')
      ?.options?.map((o) => o.name);
    expect(names?.length).toBe(5);
    for (const name of names ?? []) {
      const reply = await corpus(name, options[name] ?? {}, h.loopback.actors.member).reply();
      expect(reply.ephemeral, name).toBe(true);
      expect(reply.content, name).toBe(
        'Only members with the Manage Server permission or a moderator role can manage the corpus.',
      );
    }
    for (const subcommand of ['remove', 'restore']) {
      const choices = await h.loopback
        .autocomplete('corpus', { document: '' }, 'document', { subcommand, actor: h.loopback.actors.member })
        .choices();
      expect(choices).toEqual([]);
    }
    expect(h.loopback.downloads).toEqual([]);
    expect(snapshot(corpusDir)).toEqual(before);
    expect(service.current.version).toBe(version);
  });

  it('adds an uploaded document (deferred, private) that answers right after', async () => {
    // Whatever the upload is called, it is stored under its document id.
    const upload = h.loopback.hostAttachment('My Venus notes (final).md', VENUS_MD);
    const before = service.current.version;
    const handle = corpus('add', { file: upload }, h.loopback.actors.moderator);
    expect((await handle.callback()).type).toBe(5);
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('Added venus-probe.md (');
    expect(reply.content).toContain(
      `Corpus reloaded: version ${before} → ${service.current.version}. 3 documents`,
    );
    expect(shown(reply.content)).toContain('venus-probe: document added (1 passage)');
    expect(readFileSync(join(corpusDir, 'venus-probe.md'), 'utf8')).toBe(VENUS_MD);
    const answer = await ask('When did the probe reach Venus?');
    expect(answerSentenceOf(answer)).toBe(VENUS_SENTENCE);
    expect(answer.embeds[0]?.footer?.text).toContain(`Corpus ${service.current.version}`);
  });

  const bigChunk = new Uint8Array(256 * 1024).fill(0x61);
  const refusals: Array<{
    what: string;
    upload: () => AttachmentInfo;
    reason: RegExp;
    downloaded: boolean;
  }> = [
    {
      what: 'too large by its declared size',
      upload: () => h.loopback.hostAttachment('big.md', VENUS_MD, { size: MAX_UPLOAD + 1 }),
      reason: /^"big\.md" is too large: documents can be at most 64 KB\./,
      downloaded: false,
    },
    {
      what: 'larger than declared (caught while downloading)',
      upload: () =>
        h.loopback.hostAttachment('liar.md', bigChunk, { size: 1_000, repeat: 64, contentLength: false }),
      reason: /^"liar\.md" is too large: documents can be at most 64 KB\./,
      downloaded: true,
    },
    {
      what: 'not a document type',
      upload: () => h.loopback.hostAttachment('notes.pdf', '%PDF-1.7'),
      reason: /^"notes\.pdf" is not a corpus document: only \.md, \.txt and \.jsonl files can be added\./,
      downloaded: false,
    },
    {
      what: 'named like a path',
      upload: () => h.loopback.hostAttachment('../evil.md', VENUS_MD),
      reason: /^File name "\.\.\/evil\.md" is refused: use a plain name/,
      downloaded: false,
    },
    {
      what: 'binary (not UTF-8)',
      upload: () =>
        h.loopback.hostAttachment(
          'blob.md',
          new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00, 0x81]),
        ),
      reason: /^"blob\.md" was not added: 1 problem\.\n• blob\.md.*UTF-8/,
      downloaded: true,
    },
    {
      what: 'malformed (bad front matter)',
      upload: () => h.loopback.hostAttachment('bad.md', '---\nid: [unclosed\ntitle: Bad\n---\nSome text.\n'),
      reason: /^"bad\.md" was not added: \d+ problems?\.\n• bad\.md:\d+: /,
      downloaded: true,
    },
    {
      what: 'served from somewhere other than Discord',
      upload: () => {
        const info = h.loopback.hostAttachment('elsewhere.md', VENUS_MD);
        // The same file, addressed by another origin (localhost instead of 127.0.0.1).
        return { ...info, url: info.url.replace('127.0.0.1', 'localhost') };
      },
      reason: /^"elsewhere\.md" was not downloaded: its address is not on Discord's CDN\./,
      downloaded: false,
    },
    {
      what: 'clashing with a document already in the corpus',
      upload: () => h.loopback.hostAttachment('other-moon.md', MOON_MD),
      reason:
        /^"other-moon\.md" was not added: the corpus already has document "moon-note" \(in moon-note\.md\)\. Add it with replace to overwrite\./,
      downloaded: true,
    },
  ];
  it.each(refusals)('refuses an upload $what, saying why, leaving the folder byte for byte', async (c) => {
    const before = snapshot(corpusDir);
    const version = service.current.version;
    const upload = c.upload();
    const reply = await corpus('add', { file: upload }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(shown(reply.content)).toMatch(c.reason);
    expect(reply.content).toMatch(new RegExp(`Nothing changed: the corpus is still version ${version}\\.$`));
    expect(snapshot(corpusDir)).toEqual(before);
    expect(service.current.version).toBe(version);
    // Audited, whether refused before the upload reached the service or by it.
    expect(records.history()[0]).toMatchObject({
      action: 'add',
      target: upload.filename,
      ok: false,
      versionBefore: version,
      versionAfter: version,
    });
    expect(records.history()[0]?.error).toContain(upload.filename);
    const downloads = h.loopback.downloads.filter((d) => d.id === upload.id);
    expect(downloads.length).toBe(c.downloaded ? 1 : 0);
    if (c.what.startsWith('larger')) {
      // The download was abandoned once over the limit, not read to the end.
      const download = await h.loopback.waitFor(() => downloads[0]?.closed && downloads[0], 'abort');
      expect(download.completed).toBe(false);
      expect(download.sent).toBeLessThan(download.total);
    }
  });

  it('replaces a document when asked, keeping the old file in the trash', async () => {
    const edited = MOON_MD.replace('March 2031', 'April 2032');
    const upload = h.loopback.hostAttachment('moon-note.md', edited);
    const reply = await corpus('add', { file: upload, replace: true }).reply();
    expect(shown(reply.content)).toContain('It replaced moon-note.md (now in the trash).');
    expect(shown(reply.content)).toContain('moon-note: changed (+0 ~1 -0): moon-note#p1 changed');
    expect(readFileSync(join(corpusDir, 'moon-note.md'), 'utf8')).toBe(edited);
    expect(readdirSync(join(corpusDir, '.trash')).some((f) => f.endsWith('-moon-note.md'))).toBe(true);
    expect(answerSentenceOf(await ask('When did the rover land on the Moon?'))).toBe(
      'The rover landed on the Moon in April 2032.',
    );
  });

  it('removes a document and restores it, both picked by autocomplete', async () => {
    const removable = await h.loopback
      .autocomplete('corpus', { document: 'ven' }, 'document', {
        subcommand: 'remove',
        actor: h.loopback.actors.manager,
      })
      .choices();
    expect(removable).toEqual([{ name: 'venus-probe — Venus probe', value: 'venus-probe' }]);
    const removed = await corpus('remove', { document: 'venus-probe' }).reply();
    expect(removed.content).toMatch(/^Removed “venus-probe”: venus-probe\.md is in the trash/);
    expect(shown(removed.content)).toContain('venus-probe: document removed (1 passage)');
    expect(existsSync(join(corpusDir, 'venus-probe.md'))).toBe(false);
    expect(answerSentenceOf(await ask('When did the probe reach Venus?'))).not.toBe(VENUS_SENTENCE);

    const restorable = await h.loopback
      .autocomplete('corpus', { document: 'VENUS' }, 'document', {
        subcommand: 'restore',
        actor: h.loopback.actors.manager,
      })
      .choices();
    expect(restorable).toEqual([
      {
        name: expect.stringMatching(
          /^venus-probe — Venus probe \(removed \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)$/,
        ),
        value: expect.stringMatching(/^venus-probe@\d{8}T\d{9}Z$/),
      },
    ]);
    const restored = await corpus('restore', { document: 'venus-probe' }).reply();
    expect(shown(restored.content)).toMatch(/^Restored “venus-probe” \(venus-probe\.md\)\./);
    expect(shown(restored.content)).toContain('venus-probe: document added (1 passage)');
    expect(answerSentenceOf(await ask('When did the probe reach Venus?'))).toBe(VENUS_SENTENCE);
    // Unknown ids are refused with the reason.
    const unknown = await corpus('restore', { document: 'venus-probe' }).reply();
    expect(unknown.content).toMatch(/^No document "venus-probe" in the trash\./);
  });

  it('keeps the old corpus answering when a reload finds broken files, listing each problem within limits', async () => {
    const version = service.current.version;
    writeFileSync(join(corpusDir, 'a-broken.md'), 'no front matter here');
    writeFileSync(join(corpusDir, 'bad.jsonl'), `${'{"id": "x"}\n'.repeat(150)}`);
    try {
      const reply = await corpus('reload').reply();
      expect(reply.content.length).toBeLessThanOrEqual(2000);
      // 1 + 150 lines lacking a title and a text: all 301 counted, though bad.jsonl lists only 50.
      expect(reply.content).toMatch(
        new RegExp(
          `^The reload failed, so nothing changed: the current corpus \\(version ${version}\\) keeps answering\\. 301 problems:\\n• a-broken\\.md:1: `,
        ),
      );
      expect(reply.content).toContain('\n• bad.jsonl:1: "title" must be text\n');
      expect(reply.content).toMatch(/\n…and \d+ more problems\.$/);
      expect(service.current.version).toBe(version);
      expect(answerSentenceOf(await ask('When did the probe reach Venus?'))).toBe(VENUS_SENTENCE);
    } finally {
      rmSync(join(corpusDir, 'a-broken.md'));
      rmSync(join(corpusDir, 'bad.jsonl'));
    }
    const again = await corpus('reload').reply();
    expect(again.content).toMatch(
      /^Corpus reloaded: version \S+ → \S+\. 3 documents, 4 passages, \d+ quotes \(\d+ ms\)\.\nNo passage changed\.$/,
    );
  });

  it('when Discord refuses the report of a change, says the change stands rather than "try again"', async () => {
    const before = service.current.version;
    writeFileSync(join(corpusDir, 'saturn-note.md'), SATURN_MD);
    try {
      // discord.js tries the report's edit 4 times; the notice after it gets through.
      h.loopback.armServerError(ROUTES.editMessage, { times: 4 });
      const handle = corpus('reload');
      const reply = await handle.reply();
      const live = service.current.version;
      expect(live).not.toBe(before);
      expect(reply).toMatchObject({
        ephemeral: true,
        content: `Done: the change was made and version ${live} is live, but Discord would not take its report. Do not repeat it; /sources shows the corpus.`,
      });
      expect(handle.requests().filter((r) => r.status === 500)).toHaveLength(4);
      expect(h.logs.find('corpus changed but its report could not be sent')).toMatchObject({ level: 50 });
      expect(h.logs.find('interaction failed')).toBeUndefined();
    } finally {
      rmSync(join(corpusDir, 'saturn-note.md'));
    }
    expect((await corpus('reload').reply()).content).toMatch(/^Corpus reloaded: .* 3 documents, 4 passages/);
  });

  it('reports a refused upload and a failed reload in the moderator’s language: Japanese for ja, English for en-US', async () => {
    const version = service.current.version;
    const before = snapshot(corpusDir);
    const broken = '---\nid: bad note\ntitle: Bad\nkind: statement\n---\nSome text.\n';
    const asModerator = (subcommand: string, locale: string, options: OptionValues = {}) =>
      h.loopback.command('corpus', options, { subcommand, actor: h.loopback.actors.manager, locale }).reply();

    const ja = await asModerator('add', 'ja', { file: h.loopback.hostAttachment('bad.md', broken) });
    expect(shown(ja.content).split('\n')).toEqual([
      '「bad.md」は追加しませんでした: 問題が 1 件あります。',
      '• bad.md:2: 「id」の値: ID "bad note" は英数字と「.」「_」「:」「-」からなる 1〜128 文字で、英数字で始めてください',
      `何も変わっていません: コーパスはバージョン ${version} のままです。`,
    ]);
    const en = await asModerator('add', 'en-US', { file: h.loopback.hostAttachment('bad.md', broken) });
    expect(shown(en.content).split('\n')).toEqual([
      '"bad.md" was not added: 1 problem.',
      '• bad.md:2: "id": id "bad note" must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
      `Nothing changed: the corpus is still version ${version}.`,
    ]);
    // Refusals that are not about a file's content, too.
    const unknown = await asModerator('remove', 'ja', { document: 'no-such-doc' });
    expect(shown(unknown.content)).toBe(
      `コーパスに文書「no-such-doc」はありません。\n何も変わっていません: コーパスはバージョン ${version} のままです。`,
    );
    expect(snapshot(corpusDir)).toEqual(before);

    writeFileSync(join(corpusDir, 'a-broken.md'), 'no front matter here');
    try {
      const jaReload = await asModerator('reload', 'ja');
      expect(shown(jaReload.content).split('\n')).toEqual([
        `再読み込みに失敗したため、何も変わっていません: 現在のコーパス（バージョン ${version}）が引き続き回答します。問題 1 件:`,
        '• a-broken.md:1: Markdown の文書はフロントマターで始めてください: 「---」の行、メタデータ、「---」の行の順です',
      ]);
      const enReload = await asModerator('reload', 'en-US');
      expect(shown(enReload.content).split('\n')).toEqual([
        `The reload failed, so nothing changed: the current corpus (version ${version}) keeps answering. 1 problem:`,
        '• a-broken.md:1: a Markdown document must start with a front-matter block: a line "---", the metadata, then "---"',
      ]);
    } finally {
      rmSync(join(corpusDir, 'a-broken.md'));
    }
    expect(service.current.version).toBe(version);

    // A reload that changes something: its report and passage diff, ids as they are.
    writeFileSync(join(corpusDir, 'saturn-note.md'), SATURN_MD);
    try {
      const added = shown((await asModerator('reload', 'ja')).content).split('\n');
      expect(added[0]).toMatch(
        new RegExp(
          `^コーパスを再読み込みしました: バージョン ${version} → (\\S+)。文書 \\d+ 件、パッセージ \\d+ 件、引用 \\d+ 件（\\d+ ms）。$`,
        ),
      );
      expect(added.slice(1)).toEqual([
        '文書 1 件が変わりました: パッセージの追加 1 件、変更 0 件、削除 0 件。',
        'saturn-note: 文書を追加（パッセージ 1 件）',
      ]);
    } finally {
      rmSync(join(corpusDir, 'saturn-note.md'));
    }
    const removed = shown((await asModerator('reload', 'en-US')).content).split('\n');
    expect(removed[0]).toMatch(
      /^Corpus reloaded: version \S+ → \S+\. \d+ documents, \d+ passages, \d+ quotes \(\d+ ms\)\.$/,
    );
    expect(removed.slice(1)).toEqual([
      '1 document changed: 0 passages added, 0 changed, 1 removed.',
      'saturn-note: document removed (1 passage)',
    ]);
    expect(service.current.version).toBe(version);
  });

  it('lists the gaps: abstentions and 👎 answers grouped by wording, most frequent first', async () => {
    for (const q of [
      'What is the best pizza in Tokyo?',
      'What is the best pizza in Tokyo?',
      'best pizza in tokyo',
    ]) {
      expect(answerSentenceOf(await ask(q))).toBeNull();
    }
    for (let i = 0; i < 2; i++) {
      const actor = someone();
      const answered = await h.loopback
        .command('ask', { question: 'How many cameras did the orbiter carry?' }, { actor })
        .reply();
      const down = buttonsOf(answered).find((b) => b.custom_id?.startsWith('ask:vote:down'));
      await h.loopback.pressButton(down?.custom_id ?? '', answered.message, { actor }).reply();
    }
    const reply = await corpus('gaps', { days: 7 }).reply();
    expect(reply.ephemeral).toBe(true);
    const lines = reply.embeds[0]?.description?.split('\n') ?? [];
    expect(reply.embeds[0]?.title).toMatch(/^Gaps in the last 7 days: \d+ groups of similar questions$/);
    expect(lines[1]).toMatch(
      /^1\. \*\*3×\*\* “What is the best pizza in Tokyo\?” — 3 unanswered · last \d{4}-\d\d-\d\d$/,
    );
    expect(lines[2]).toMatch(/^2\. \*\*2×\*\* “How many cameras did the orbiter carry\?” — 2 👎 · last /);
    expect(reply.embeds[0]?.footer?.text).toBe(`Corpus ${service.current.version}`);
  });

  it('keeps the records across a restart with the same DATA_DIR', async () => {
    await close();
    await open();
    const reply = await corpus('gaps').reply();
    const lines = reply.embeds[0]?.description?.split('\n') ?? [];
    expect(lines[1]).toMatch(/^1\. \*\*3×\*\* “What is the best pizza in Tokyo\?”/);
    expect(lines[2]).toMatch(/^2\. \*\*2×\*\* “How many cameras/);
    const history = records.history(50).map((e) => `${e.action} ${e.ok ? 'done' : 'refused'} ${e.via}`);
    expect(history).toEqual(
      expect.arrayContaining([
        'add done discord',
        'add refused discord',
        'remove done discord',
        'restore done discord',
        'reload refused discord',
      ]),
    );
    // Refused before reaching the service (declared size, name, download) is audited too.
    expect(records.history(50).find((e) => e.target === 'big.md')).toMatchObject({
      action: 'add',
      ok: false,
    });
    expect(answerSentenceOf(await ask('When did the probe reach Venus?'))).toBe(VENUS_SENTENCE);
  });
});

describe('/corpus on a large corpus', () => {
  const DOCUMENTS = 4000;
  let h: Harness;
  let service: CorpusService;
  let corpusDir: string;

  beforeAll(async () => {
    corpusDir = tempDir('accord-large-');
    const topics = ['orbit', 'crew', 'station', 'payload', 'antenna', 'habitat', 'cargo', 'sensor'];
    const lines = Array.from({ length: DOCUMENTS }, (_, i) =>
      JSON.stringify({
        id: `bulk-${i}`,
        title: i === 0 ? `Bulk note with a very long title ${'x'.repeat(200)}` : `Bulk note ${i}`,
        text: `Note ${i}: the ${topics[i % 8]} team met in hall ${i}. The ${topics[(i * 3) % 8]} review ended in week ${i % 52}.\n\nA second paragraph about ${topics[(i * 5) % 8]} item ${i}.`,
      }),
    );
    writeFileSync(join(corpusDir, 'bulk.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(corpusDir, 'moon-note.md'), MOON_MD);
    ({ h, service } = await boot(corpusDir));
  });
  afterAll(() => h.close());

  it('answers /ask while a reload runs, and tells a second reload that one is running', async () => {
    writeFileSync(join(corpusDir, 'venus-probe.md'), VENUS_MD);
    const old = service.current.version;
    let release: () => void = () => undefined;
    building.held = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      const first = h.loopback.command(
        'corpus',
        {},
        { subcommand: 'reload', actor: h.loopback.actors.manager },
      );
      await vi.waitFor(() => expect(service.isReloading).toBe(true), { interval: 5, timeout: WAIT_MS });
      const second = h.loopback.command(
        'corpus',
        {},
        { subcommand: 'reload', actor: h.loopback.actors.moderator },
      );
      const asked = h.loopback.command(
        'ask',
        { question: 'When did the rover land on the Moon?' },
        { actor: someone() },
      );
      const answer = await asked.reply();
      expect(answerSentenceOf(answer)).toBe(MOON_SENTENCE);
      // Answered from the corpus that was live while the new one was being built.
      expect(answer.embeds[0]?.footer?.text).toContain(`Corpus ${old} `);
      const busy = await second.reply();
      expect(busy.content).toBe(
        `A corpus reload is already running; try again when it has finished.\nNothing changed: the corpus is still version ${old}.`,
      );
      expect(service.isReloading).toBe(true);
      release();
      const done = await first.reply();
      expect(done.content).toMatch(
        new RegExp(
          `^Corpus reloaded: version ${old} → ${service.current.version}\\. ${DOCUMENTS + 2} documents, `,
        ),
      );
      expect(shown(done.content)).toContain('\nvenus-probe: document added (1 passage)');
    } finally {
      release();
      building.held = null;
    }
  });

  it('autocompletes at most 25 documents, names within 100 characters', async () => {
    const choices = await h.loopback
      .autocomplete('corpus', { document: 'bulk' }, 'document', {
        subcommand: 'remove',
        actor: h.loopback.actors.manager,
      })
      .choices();
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({
      name: expect.stringMatching(/^bulk-0 — Bulk note with a very long title x+…$/),
      value: 'bulk-0',
    });
    expect(choices.every((c) => c.name.length <= 100 && String(c.value).length <= 100)).toBe(true);
  });

  it('says so when records are off', async () => {
    const reply = await h.loopback
      .command('corpus', {}, { subcommand: 'gaps', actor: h.loopback.actors.manager })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Records are off/);
  });
});

describe('/corpus when a reload passes its deadline', () => {
  it('says so in the moderator’s language, and nothing changes', async () => {
    const corpusDir = tempDir('accord-deadline-');
    writeFileSync(join(corpusDir, 'moon-note.md'), MOON_MD);
    const { h, service } = await startCorpusBot(corpusDir, { service: { reloadTimeoutMs: 1 } });
    try {
      const version = service.current.version;
      const reload = (locale: string) =>
        h.loopback
          .command('corpus', {}, { subcommand: 'reload', actor: h.loopback.actors.manager, locale })
          .reply();
      expect(shown((await reload('ja')).content)).toBe(
        `再読み込みが 1 ミリ秒 を超えたため中止しました。何も変わっていません（コーパスのフォルダーに読めないファイルがあるか、大きすぎる可能性があります）。\n何も変わっていません: コーパスはバージョン ${version} のままです。`,
      );
      expect(shown((await reload('en-US')).content)).toBe(
        `The reload took longer than 1 ms and was stopped; nothing changed (the corpus folder may hold a file that cannot be read, or be too large).\nNothing changed: the corpus is still version ${version}.`,
      );
      expect(service.current.version).toBe(version);
    } finally {
      await h.close();
    }
  });
});

describe('/corpus changes for a Japanese moderator', () => {
  it('reports an upload and a removal in Japanese: what changed, the reload and its diff, ids as they are', async () => {
    const corpusDir = tempDir('accord-ja-');
    writeFileSync(join(corpusDir, 'moon-note.md'), MOON_MD);
    const { h, service } = await startCorpusBot(corpusDir, { maxUploadBytes: MAX_UPLOAD });
    try {
      const before = service.current.version;
      const corpus = (subcommand: string, options: OptionValues) =>
        h.loopback
          .command('corpus', options, { subcommand, actor: h.loopback.actors.manager, locale: 'ja' })
          .reply();
      const added = shown(
        (await corpus('add', { file: h.loopback.hostAttachment('Saturn.md', SATURN_MD) })).content,
      );
      const bytes = new TextEncoder().encode(SATURN_MD).length;
      expect(added.split('\n')).toEqual([
        `saturn-note.md（${bytes} バイト）を追加しました: 文書「saturn-note」。`,
        expect.stringMatching(
          new RegExp(
            `^コーパスを再読み込みしました: バージョン ${before} → ${service.current.version}。文書 2 件、`,
          ),
        ),
        '文書 1 件が変わりました: パッセージの追加 1 件、変更 0 件、削除 0 件。',
        'saturn-note: 文書を追加（パッセージ 1 件）',
      ]);
      const removed = shown((await corpus('remove', { document: 'saturn-note' })).content);
      expect(removed.split('\n')).toEqual([
        '「saturn-note」を削除しました: saturn-note.md はごみ箱にあります（復元で戻せます）。',
        expect.stringMatching(/^コーパスを再読み込みしました: /),
        '文書 1 件が変わりました: パッセージの追加 0 件、変更 0 件、削除 1 件。',
        'saturn-note: 文書を削除（パッセージ 1 件）',
      ]);
      expect(service.current.version).toBe(before);
    } finally {
      await h.close();
    }
  });
});
