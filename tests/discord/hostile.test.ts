/**
 * Issue 13 through the loopback Discord: hostile uploads and the trash, driven as a moderator would, with
 * the real bot and `CorpusService` on a temporary corpus folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusService } from '../../src/service/service.js';
import { makeActor, type OptionValues } from '../loopback/index.js';
import { MOON_MD, snapshot } from '../moderation/helpers.js';
import { type Harness, startCorpusBot } from './harness.js';

const VENUS_MD =
  '---\nid: venus-probe\ntitle: Venus probe\nkind: statement\n---\nThe probe reached Venus in June 2033.\n';
/** Text as Discord shows it: Markdown escapes removed. */
const shown = (text: string) => text.replace(/\\(.)/g, '$1');

describe('hostile uploads and the trash, through Discord', () => {
  let h: Harness;
  let service: CorpusService;
  let corpusDir: string;
  /** A server on another origin than the loopback's, holding a document the bot must never fetch. */
  let elsewhere: Server;
  let elsewhereHits = 0;
  let asked = 0;

  const corpus = (subcommand: string, options: OptionValues = {}) =>
    h.loopback.command('corpus', options, { subcommand, actor: h.loopback.actors.manager });
  const ask = async (question: string) => {
    const reply = await h.loopback
      .command('ask', { question }, { actor: makeActor(`asker${++asked}`) })
      .reply();
    return reply.embeds[0]?.description ?? '';
  };
  /** Uploads `upload`, expecting a refusal matching `reason` that changes nothing. */
  const refused = async (upload: OptionValues['file'], reason: RegExp) => {
    const before = snapshot(corpusDir);
    const version = service.current.version;
    const reply = await corpus('add', { file: upload }).reply();
    expect(shown(reply.content)).toMatch(reason);
    expect(reply.content).toMatch(new RegExp(`Nothing changed: the corpus is still version ${version}\\.$`));
    expect(snapshot(corpusDir)).toEqual(before);
    expect(service.current.version).toBe(version);
  };

  beforeAll(async () => {
    corpusDir = mkdtempSync(join(tmpdir(), 'accord-hostile-'));
    writeFileSync(join(corpusDir, 'moon-note.md'), MOON_MD);
    ({ h, service } = await startCorpusBot(corpusDir, { maxUploadBytes: 1024 * 1024 }));
    elsewhere = createServer((_req, res) => {
      elsewhereHits++;
      res.end(VENUS_MD);
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await h.close();
    elsewhere.close();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  it('refuses an attachment redirecting to another origin, never fetching it (case 4)', async () => {
    const address = elsewhere.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const upload = h.loopback.hostAttachment('venus.md', '', {
      redirectTo: `http://127.0.0.1:${port}/venus.md`,
    });
    await refused(upload, /^"venus\.md" was not downloaded: its address redirects away from Discord's CDN\./);
    expect(h.loopback.redirects).toContain(upload.id);
    expect(elsewhereHits).toBe(0);
  });

  it('refuses an attachment redirecting in a loop, after the hop limit', async () => {
    const upload = h.loopback.hostAttachment('loop.md', '', { redirectTo: (info) => info.url });
    await refused(upload, /^"loop\.md" was not downloaded: its address redirects more than 5 times\./);
    expect(h.loopback.redirects.filter((id) => id === upload.id)).toHaveLength(6);
  });

  it('follows a redirect that stays on Discord’s CDN', async () => {
    const target = h.loopback.hostAttachment('venus.md', VENUS_MD);
    const upload = h.loopback.hostAttachment('venus.md', '', { redirectTo: target.url });
    const reply = await corpus('add', { file: upload }).reply();
    expect(reply.content).toMatch(/^Added venus-probe\.md \(/);
    expect(await ask('When did the probe reach Venus?')).toContain('June 2033');
    expect(readdirSync(corpusDir).sort()).toEqual(['moon-note.md', 'venus-probe.md']);
  });

  const head = (id: string, extra = '') => `---\nid: ${id}\ntitle: ${id}\nkind: statement\n${extra}---\n`;
  it.each([
    {
      what: '130,000 tiny paragraphs (case 1)',
      file: 'tiny.md',
      content: () => `${head('tiny')}${'Ab.\n\n'.repeat(130_000)}`,
      reason:
        /^"tiny\.md" was not added: 1 problem\.\n• tiny\.md:20006: the document "tiny" has 130,000 passages; a document can have at most 10,000 \(split it into several\)/,
    },
    {
      what: 'a YAML alias bomb in its front matter (case 2)',
      file: 'bomb.md',
      content: () =>
        `${head('bomb', ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`), ''].join('\n'))}Text.\n`,
      reason:
        /^"bomb\.md" was not added: 1 problem\.\n• bomb\.md:2: front matter has aliases that expand too far/,
    },
    {
      what: 'one word of 900,000 characters (case 3)',
      file: 'word.md',
      content: () => `${head('word')}${'Ab'.repeat(450_000)}\n`,
      reason:
        /^"word\.md" was not added: 1 problem\.\n• word\.md:6: a word of 900,000 characters; words can be at most 1,000/,
    },
  ])('refuses an upload of $what, saying where, and keeps answering', async (c) => {
    await refused(h.loopback.hostAttachment(c.file, c.content()), c.reason);
    expect(await ask('When did the rover land on the Moon?')).toContain('March 2031');
  });

  it('reloads past a FIFO named like a document at once, and the next change is not told "already running" (case 5)', async () => {
    execFileSync('mkfifo', [join(corpusDir, 'x.md')]);
    try {
      const reply = await corpus('reload').reply();
      expect(shown(reply.content)).toContain(
        '• x.md: this is a FIFO (named pipe), not a file: the corpus reads regular files only',
      );
      expect(service.isReloading).toBe(false);
    } finally {
      rmSync(join(corpusDir, 'x.md'));
    }
    const again = await corpus('reload').reply();
    expect(again.content).toMatch(/^Corpus reloaded: /);
  });

  it('restores the original of a replaced document, swapping the live one into the trash (case 6)', async () => {
    const edited = MOON_MD.replace('March 2031', 'April 2032');
    const replaced = await corpus('add', {
      file: h.loopback.hostAttachment('moon-note.md', edited),
      replace: true,
    }).reply();
    expect(shown(replaced.content)).toContain('It replaced moon-note.md (now in the trash).');
    expect(await ask('When did the rover land on the Moon?')).toContain('April 2032');

    const versions = () =>
      h.loopback
        .autocomplete('corpus', { document: 'moon' }, 'document', {
          subcommand: 'restore',
          actor: h.loopback.actors.manager,
        })
        .choices();
    const original = await versions();
    expect(original).toEqual([
      {
        name: expect.stringMatching(
          /^moon-note — Moon note \(replaced \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)$/,
        ),
        value: expect.stringMatching(/^moon-note@\d{8}T\d{9}Z(~\d+)?$/),
      },
    ]);
    const restored = await corpus('restore', { document: String(original[0]?.value) }).reply();
    expect(shown(restored.content)).toMatch(
      /^Restored “moon-note” \(moon-note\.md\)\. It replaced moon-note\.md \(now in the trash\)\./,
    );
    expect(await ask('When did the rover land on the Moon?')).toContain('March 2031');

    // Both versions stay reachable: the upload is now the one in the trash, and it can come back in turn.
    const now = await versions();
    expect(now).toHaveLength(1);
    expect(now[0]?.value).not.toBe(original[0]?.value);
    const back = await corpus('restore', { document: String(now[0]?.value) }).reply();
    expect(back.content).toMatch(/^Restored “moon-note”/);
    expect(await ask('When did the rover land on the Moon?')).toContain('April 2032');
    expect(readdirSync(join(corpusDir, '.trash'))).toHaveLength(1);
  });
});
