import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { emptyDiff } from '../../src/corpus/diff.js';
import { openRecords, RECORDS_FILE, SALT_FILE } from '../../src/records/sqlite.js';
import { captureLogger, tempDir } from '../moderation/helpers.js';

const USER = '987654321098765432';
const DAY = 24 * 60 * 60 * 1000;

function open(dataDir: string, options: { now?: Date; retentionDays?: number } = {}) {
  const { logger, lines } = captureLogger();
  const records = openRecords({
    dataDir,
    retentionDays: options.retentionDays ?? 90,
    logger,
    ...(options.now ? { now: () => options.now as Date } : {}),
  });
  return { records, lines };
}

describe('SQLite records', () => {
  it('creates and migrates the database, and keeps rows across a reopen', () => {
    const dataDir = tempDir();
    const first = open(dataDir).records;
    expect(first.enabled).toBe(true);
    first.feedback({
      userId: USER,
      vote: 'down',
      question: 'Who paid for it?',
      passageId: 'doc#p2',
      version: 'v1',
    });
    first.abstention({
      userId: USER,
      question: 'What is the budget?',
      suggestions: ['signing'],
      version: 'v1',
    });
    first.audit({
      actor: { userId: USER, via: 'discord' },
      action: 'remove',
      target: 'doc',
      ok: true,
      versionBefore: 'v1',
      versionAfter: 'v2',
      diff: emptyDiff(),
    });
    first.close();

    const db = new Database(join(dataDir, RECORDS_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT vote, question, passage_id, version FROM feedback').all()).toEqual([
      { vote: 'down', question: 'Who paid for it?', passage_id: 'doc#p2', version: 'v1' },
    ]);
    db.close();

    const again = open(dataDir).records;
    expect(again.history()).toEqual([
      expect.objectContaining({
        action: 'remove',
        target: 'doc',
        ok: true,
        via: 'discord',
        diff: emptyDiff(),
      }),
    ]);
    expect(
      again
        .gaps(30)
        .map((g) => g.example)
        .sort(),
    ).toEqual(['What is the budget?', 'Who paid for it?']);
    again.close();
  });

  it('stores user ids only as salted hashes', () => {
    const dataDir = tempDir();
    const { records } = open(dataDir);
    records.feedback({ userId: USER, vote: 'up', question: 'q', passageId: null, version: 'v1' });
    records.audit({
      actor: { userId: USER, via: 'discord' },
      action: 'reload',
      target: null,
      ok: true,
      versionBefore: 'a',
      versionAfter: 'b',
      diff: null,
    });
    const hash = records.history()[0]?.userHash;
    records.close();
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(join(dataDir, SALT_FILE), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    for (const file of readdirSync(dataDir)) {
      expect(readFileSync(join(dataDir, file)).includes(Buffer.from(USER))).toBe(false);
    }
    // Same salt, same hash: one user's rows stay linked across restarts.
    const reopened = open(dataDir).records;
    reopened.audit({
      actor: { userId: USER, via: 'discord' },
      action: 'reload',
      target: null,
      ok: true,
      versionBefore: 'b',
      versionAfter: 'c',
      diff: null,
    });
    expect(reopened.history().map((e) => e.userHash)).toEqual([hash, hash]);
    reopened.close();
  });

  it('prunes rows older than the retention period on open', () => {
    const dataDir = tempDir();
    const now = new Date('2026-06-01T12:00:00Z');
    const past = open(dataDir, { now: new Date(now.getTime() - 40 * DAY) }).records;
    past.abstention({ question: 'old question', suggestions: [], version: 'v1' });
    past.close();
    const recent = open(dataDir, { now: new Date(now.getTime() - 10 * DAY) }).records;
    recent.abstention({ question: 'recent question', suggestions: [], version: 'v1' });
    recent.close();

    const { records, lines } = open(dataDir, { now, retentionDays: 30 });
    expect(records.gaps(365).map((g) => g.example)).toEqual(['recent question']);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'records: pruned old rows', removed: 1 }));
    expect(records.prune()).toBe(0);
    records.close();
  });

  it('reports a corrupt database and falls back to records that keep nothing', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, RECORDS_FILE), 'this is not a database, just garbage '.repeat(200));
    const { records, lines } = open(dataDir);
    expect(records.enabled).toBe(false);
    expect(() =>
      records.feedback({ userId: USER, vote: 'up', question: 'q', passageId: null, version: 'v' }),
    ).not.toThrow();
    expect(records.gaps(7)).toEqual([]);
    const error = lines.find((l) => l.level === 50);
    expect(error).toMatchObject({
      msg: 'records: database unavailable; answering without feedback, abstention and audit records',
      err: expect.objectContaining({ message: 'file is not a database' }),
    });
  });

  it('reports a locked database and falls back', () => {
    const dataDir = tempDir();
    open(dataDir).records.close();
    const holder = new Database(join(dataDir, RECORDS_FILE));
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const { logger, lines } = captureLogger();
      // A short wait: the point is the fallback, not the timeout (a hang would fail by the test timeout).
      const records = openRecords({ dataDir, retentionDays: 90, logger, busyTimeoutMs: 50 });
      expect(records.enabled).toBe(false);
      expect(lines.find((l) => l.level === 50)?.err).toMatchObject({
        code: expect.stringMatching(/^SQLITE_BUSY/),
      });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('groups failed questions by similar wording, most frequent first', () => {
    const dataDir = tempDir();
    // One instant for every row, so equal counts fall back to alphabetical order.
    const { records } = open(dataDir, { now: new Date() });
    const abstain = (question: string) => records.abstention({ question, suggestions: [], version: 'v1' });
    abstain('What is the budget of the agreement?');
    abstain('what is the BUDGET for the agreement');
    abstain('What is the budget of the agreement?');
    abstain('Budget of the agreement?');
    // {much, agreement, budget} vs {budget, agreement}: Jaccard 2/3, the same gap.
    abstain('How much is the agreement budget?');
    // {much, agreement, budget, cost}: Jaccard 2/4 with the group's signature, a gap of its own.
    abstain('How much does the agreement budget cost?');
    abstain('Who signed the agreement?');
    records.feedback({
      userId: USER,
      vote: 'down',
      question: 'Who signed the agreement?',
      passageId: 'd#p1',
      version: 'v1',
    });
    records.feedback({
      userId: USER,
      vote: 'up',
      question: 'Who signed the agreement?',
      passageId: 'd#p1',
      version: 'v1',
    });
    abstain('Is there a moon base planned?');
    const gaps = records.gaps(7);
    records.close();
    expect(
      gaps.map(({ example, count, abstained, disliked }) => ({ example, count, abstained, disliked })),
    ).toEqual([
      { example: 'What is the budget of the agreement?', count: 5, abstained: 5, disliked: 0 },
      { example: 'Who signed the agreement?', count: 2, abstained: 1, disliked: 1 },
      { example: 'How much does the agreement budget cost?', count: 1, abstained: 1, disliked: 0 },
      { example: 'Is there a moon base planned?', count: 1, abstained: 1, disliked: 0 },
    ]);
  });
});
