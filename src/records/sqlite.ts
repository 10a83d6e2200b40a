/**
 * The SQLite records: one embedded database file under DATA_DIR, created and migrated on open. If it
 * cannot be opened (corrupt, locked, unwritable folder) the error is logged and the bot runs on
 * {@link disabledRecords}, answering as before without remembering.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { groupGaps } from './gaps.js';
import { type AuditEntry, disabledRecords, type Records } from './types.js';

/** The database file, inside the data folder. */
export const RECORDS_FILE = 'records.sqlite';
/** The salt for user-id hashes, generated on first open. Losing it unlinks old rows from new ones. */
export const SALT_FILE = 'records.salt';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Schema steps, applied in order; `PRAGMA user_version` holds how many ran. Append, never edit: a
 * database already past a step will not see the edit.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE feedback (
     id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_hash TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')), question TEXT NOT NULL, passage_id TEXT, version TEXT NOT NULL);
   CREATE INDEX feedback_at ON feedback (at);
   CREATE TABLE abstentions (
     id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_hash TEXT,
     question TEXT NOT NULL, suggestions TEXT NOT NULL, version TEXT NOT NULL);
   CREATE INDEX abstentions_at ON abstentions (at);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_hash TEXT, via TEXT NOT NULL, action TEXT NOT NULL,
     target TEXT, ok INTEGER NOT NULL, version_before TEXT NOT NULL, version_after TEXT NOT NULL,
     diff TEXT, error TEXT);
   CREATE INDEX audit_at ON audit (at);`,
];

const TABLES = ['feedback', 'abstentions', 'audit'] as const;

export interface RecordsOptions {
  /** Folder for the database and salt (created when missing). */
  dataDir: string;
  /** Rows older than this are deleted on open and then daily. */
  retentionDays: number;
  logger: Logger;
  /** How long to wait for a lock held by another process before giving up (default 2000). */
  busyTimeoutMs?: number;
  /** The clock, for tests. */
  now?: () => Date;
}

/** Opens (creating and migrating) the records database, or logs why not and returns records that keep nothing. */
export function openRecords(options: RecordsOptions): Records {
  const { logger } = options;
  try {
    return openSqliteRecords(options);
  } catch (err) {
    logger.error(
      { err, dataDir: options.dataDir },
      'records: database unavailable; answering without feedback, abstention and audit records',
    );
    return disabledRecords();
  }
}

function openSqliteRecords(options: RecordsOptions): Records {
  const { dataDir, retentionDays, logger } = options;
  const now = options.now ?? (() => new Date());
  mkdirSync(dataDir, { recursive: true });
  const salt = loadSalt(dataDir);
  const hashUser = (userId: string) => createHmac('sha256', salt).update(userId).digest('hex').slice(0, 32);
  // A lock held by another process is waited on briefly, then reported like any other open failure.
  const db = new Database(join(dataDir, RECORDS_FILE), { timeout: options.busyTimeoutMs ?? 2000 });
  try {
    db.pragma('journal_mode = WAL');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }

  const insertFeedback = db.prepare(
    'INSERT INTO feedback (at, user_hash, vote, question, passage_id, version) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertAbstention = db.prepare(
    'INSERT INTO abstentions (at, user_hash, question, suggestions, version) VALUES (?, ?, ?, ?, ?)',
  );
  const insertAudit = db.prepare(
    `INSERT INTO audit (at, user_hash, via, action, target, ok, version_before, version_after, diff, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deletes = TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE at < ?`));
  const failedSince = db.prepare(
    `SELECT question, 'abstained' AS kind, at FROM abstentions WHERE at >= ?
     UNION ALL SELECT question, 'disliked' AS kind, at FROM feedback WHERE vote = 'down' AND at >= ?`,
  );
  const latestAudit = db.prepare('SELECT * FROM audit ORDER BY at DESC, id DESC LIMIT ?');

  /** Runs a statement, logging instead of throwing: a lost record must not fail a reply. */
  const guard = <T>(what: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (err) {
      logger.error({ err }, `records: could not ${what}`);
      return fallback;
    }
  };
  const stamp = () => now().toISOString();

  const records: Records = {
    enabled: true,
    feedback: (f) =>
      guard('save feedback', undefined, () => {
        insertFeedback.run(stamp(), hashUser(f.userId), f.vote, f.question, f.passageId, f.version);
      }),
    abstention: (a) =>
      guard('save an abstention', undefined, () => {
        insertAbstention.run(
          stamp(),
          a.userId ? hashUser(a.userId) : null,
          a.question,
          JSON.stringify(a.suggestions),
          a.version,
        );
      }),
    audit: (a) =>
      guard('save an audit entry', undefined, () => {
        insertAudit.run(
          stamp(),
          a.actor.userId ? hashUser(a.actor.userId) : null,
          a.actor.via,
          a.action,
          a.target,
          a.ok ? 1 : 0,
          a.versionBefore,
          a.versionAfter,
          a.diff ? JSON.stringify(a.diff) : null,
          a.error ?? null,
        );
      }),
    history: (limit = 20) =>
      guard('read the audit trail', [], () => (latestAudit.all(limit) as AuditRow[]).map(fromAuditRow)),
    gaps: (days) =>
      guard('read gaps', [], () => {
        const since = new Date(now().getTime() - days * DAY_MS).toISOString();
        return groupGaps(failedSince.all(since, since) as Parameters<typeof groupGaps>[0]);
      }),
    prune: () =>
      guard('prune old records', 0, () => {
        const cutoff = new Date(now().getTime() - retentionDays * DAY_MS).toISOString();
        const removed = deletes.reduce((sum, del) => sum + del.run(cutoff).changes, 0);
        if (removed > 0) logger.info({ removed, retentionDays }, 'records: pruned old rows');
        return removed;
      }),
    close: () => {
      clearInterval(daily);
      if (db.open) db.close();
    },
  };
  records.prune();
  const daily = setInterval(() => records.prune(), DAY_MS);
  daily.unref();
  return records;
}

/** Applies the migrations the database has not seen, each in a transaction. */
function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new Error(
      `records database schema ${applied} is newer than this build knows (${MIGRATIONS.length})`,
    );
  }
  MIGRATIONS.slice(applied).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${applied + i + 1}`);
    })();
  });
}

/** Reads the salt, generating it on first use (`wx`: two processes starting at once keep one salt). */
function loadSalt(dataDir: string): string {
  const path = join(dataDir, SALT_FILE);
  try {
    writeFileSync(path, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const salt = readFileSync(path, 'utf8').trim();
  if (salt.length < 32) throw new Error(`${path} is damaged: expected a hex salt of 64 characters`);
  return salt;
}

interface AuditRow {
  at: string;
  user_hash: string | null;
  via: string;
  action: AuditEntry['action'];
  target: string | null;
  ok: number;
  version_before: string;
  version_after: string;
  diff: string | null;
  error: string | null;
}

function fromAuditRow(row: AuditRow): AuditEntry {
  return {
    at: row.at,
    userHash: row.user_hash,
    via: row.via,
    action: row.action,
    target: row.target,
    ok: row.ok === 1,
    versionBefore: row.version_before,
    versionAfter: row.version_after,
    diff: row.diff ? JSON.parse(row.diff) : null,
    error: row.error,
  };
}
