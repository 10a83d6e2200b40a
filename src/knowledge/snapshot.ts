/**
 * Persisted knowledge bases: the passage index and the extracted quotes of a corpus, saved after a build and
 * loaded at the next start instead of analyzing every passage again (a 10k-passage corpus builds in
 * seconds, and every shard of a sharded bot would build it). A snapshot is used only when its key matches:
 * the corpus, the code that analyzes it and the index options; and only when it reads back intact and
 * signed: an HMAC with a key generated once in the folder (like the records salt), so a snapshot edited by
 * someone without the key (swapping speakers, say) is not trusted even with its checksum recomputed.
 * Anything else (another corpus, a changed analysis, a truncated or altered file) means a rebuild.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuotesSnapshot } from '../quotes/index.js';
import { INDEX_OPTIONS, type PassageIndexSnapshot } from '../search/index.js';
import { settingsText } from './settings.js';

/** Everything a knowledge base needs beyond the corpus itself. */
export interface KnowledgeSnapshot {
  index: PassageIndexSnapshot;
  quotes: QuotesSnapshot;
}

/** The first line of a snapshot file. */
interface SnapshotHeader {
  format: typeof FORMAT;
  key: string;
  /** HMAC-SHA-256 (hex) of the key and everything after the header line, with the folder's secret. */
  hmac: string;
}

const FORMAT = 'accord-knowledge-snapshot/2';
/** The secret snapshots are signed with, generated on first use in the snapshot folder. */
export const SNAPSHOT_SECRET_FILE = 'snapshot.key';
const EXTENSION = '.snapshot';

/** The parts after the header, one JSON value per line, in this order. */
const PARTS = ['search', 'documentFrequency', 'sentenceStems', 'quotes'] as const;

/**
 * The code a snapshot depends on: the sources (or compiled files) of the contract, text analysis, corpus pipeline, search and
 * the quote extraction, the MiniSearch version and the index options. Read once per process.
 */
let codeFingerprint: string | undefined;
function fingerprintOfCode(): string {
  if (codeFingerprint === undefined) {
    const hash = createHash('sha256');
    const src = dirname(dirname(fileURLToPath(import.meta.url)));
    for (const folder of ['contract', 'text', 'corpus', 'search', 'quotes']) {
      for (const file of readdirSync(join(src, folder)).sort()) {
        if (!/\.[mc]?[jt]s$/.test(file)) continue;
        hash.update(file);
        hash.update(readFileSync(join(src, folder, file)));
      }
    }
    hash.update(packageVersion('minisearch'));
    hash.update(settingsText(INDEX_OPTIONS));
    codeFingerprint = hash.digest('hex');
  }
  return codeFingerprint;
}

/** The version of an installed package (its package.json is not exported, so found from its entry file). */
function packageVersion(name: string): string {
  for (
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    dir !== dirname(dir);
    dir = dirname(dir)
  ) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name: found, version } = JSON.parse(readFileSync(manifest, 'utf8'));
      if (found === name) return String(version);
    }
  }
  throw new Error(`no package.json found for ${name}`);
}

/** The key of a corpus's snapshot: its content hash and the fingerprint of the code. */
export function snapshotKey(corpusHash: string): string {
  return createHash('sha256').update(corpusHash).update(fingerprintOfCode()).digest('hex').slice(0, 32);
}

/** Why a snapshot was not used; `missing` is the normal case for a new corpus and is not worth a warning. */
export type SnapshotMiss = { reason: 'missing' } | { reason: 'unusable'; detail: string };

/** What a store logs with: the process's logger, or a reload worker's messages to it. */
export interface SnapshotLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** A folder of knowledge snapshots, one per key; saving one removes the others. */
export class SnapshotStore {
  constructor(
    readonly dir: string,
    private readonly logger: SnapshotLogger,
  ) {}

  private pathOf(key: string): string {
    return join(this.dir, `${key}${EXTENSION}`);
  }

  private secretBytes: Buffer | undefined;

  /**
   * The folder's signing secret, generated on first use (`wx`, 0600: two processes starting at once keep one).
   * Throws when it cannot be read or made.
   */
  private secret(): Buffer {
    if (this.secretBytes === undefined) {
      const path = join(this.dir, SNAPSHOT_SECRET_FILE);
      mkdirSync(this.dir, { recursive: true });
      try {
        writeFileSync(path, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const hex = readFileSync(path, 'utf8').trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${path} is damaged: expected 64 hex digits`);
      this.secretBytes = Buffer.from(hex, 'hex');
    }
    return this.secretBytes;
  }

  /** The snapshot saved under `key`, or why there is none usable. Never throws. */
  read(key: string): KnowledgeSnapshot | SnapshotMiss {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { reason: 'missing' };
      return { reason: 'unusable', detail: (err as Error).message };
    }
    try {
      return parseSnapshot(bytes, key, this.secret());
    } catch (err) {
      return { reason: 'unusable', detail: (err as Error).message };
    }
  }

  /** Logs why the snapshot (under `key`, when there is one) was not used. */
  warn(detail: string, key?: string): void {
    const path = key ? this.pathOf(key) : this.dir;
    this.logger.warn({ path, detail }, 'index snapshot unusable; building the index');
  }

  /** Logs that the index of a start came from the snapshot under `key`. */
  loaded(key: string, ms: number): void {
    this.logger.info({ path: this.pathOf(key), ms: Math.round(ms) }, 'index loaded from its snapshot');
  }

  /**
   * Saves a snapshot under `key` (written aside, then renamed, so a reader never sees half a file) and
   * removes the snapshots of other keys. A failure is logged, not thrown: the bot runs without one.
   */
  write(key: string, snapshot: KnowledgeSnapshot): void {
    const path = this.pathOf(key);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, serializeSnapshot(snapshot, key, this.secret()));
      renameSync(temporary, path);
      for (const file of readdirSync(this.dir)) {
        if (file.endsWith(EXTENSION) && file !== `${key}${EXTENSION}`)
          rmSync(join(this.dir, file), { force: true });
      }
    } catch (err) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The folder itself is unusable: nothing was written.
      }
      this.logger.warn(
        { err, dir: this.dir },
        'could not save the index snapshot; the next start rebuilds it',
      );
    }
  }
}

/** The signature of a snapshot's body under `key`. */
function sign(secret: Buffer, key: string, body: Buffer): string {
  return createHmac('sha256', secret).update(`${key}\n`).update(body).digest('hex');
}

/** Header line, then one JSON line per part, signed with `secret`. */
export function serializeSnapshot(snapshot: KnowledgeSnapshot, key: string, secret: Buffer): Buffer {
  const values: Record<(typeof PARTS)[number], unknown> = {
    search: snapshot.index.search,
    documentFrequency: snapshot.index.documentFrequency,
    sentenceStems: snapshot.index.sentenceStems,
    quotes: snapshot.quotes,
  };
  const body = Buffer.from(PARTS.map((part) => `${JSON.stringify(values[part])}\n`).join(''));
  const header: SnapshotHeader = {
    format: FORMAT,
    key,
    hmac: sign(secret, key, body),
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

/**
 * Reads a snapshot file's bytes; throws with what is wrong when they are not a sound snapshot for `key`,
 * signed with `secret`.
 */
export function parseSnapshot(bytes: Buffer, key: string, secret: Buffer): KnowledgeSnapshot {
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) throw new Error('no header line');
  let header: Partial<SnapshotHeader>;
  try {
    header = JSON.parse(bytes.subarray(0, headerEnd).toString('utf8'));
  } catch {
    throw new Error('the header line is not JSON');
  }
  if (header.format !== FORMAT)
    throw new Error(`format ${JSON.stringify(header.format)}, expected ${FORMAT}`);
  if (header.key !== key) throw new Error(`made for key ${header.key}, expected ${key}`);
  const body = bytes.subarray(headerEnd + 1);
  const expected = Buffer.from(sign(secret, key, body), 'hex');
  const found = Buffer.from(typeof header.hmac === 'string' ? header.hmac : '', 'hex');
  if (found.length !== expected.length || !timingSafeEqual(found, expected))
    throw new Error('signature mismatch (truncated, altered, or signed with another key)');
  const lines = body.toString('utf8').split('\n');
  if (lines.length !== PARTS.length + 1 || lines[PARTS.length] !== '')
    throw new Error(`expected ${PARTS.length} parts, found ${lines.length - 1}`);
  const [search, documentFrequency, sentenceStems, quotes] = lines.map((line) => JSON.parse(line || 'null'));
  if (!isObject(search) || !Array.isArray(documentFrequency) || !Array.isArray(sentenceStems))
    throw new Error('the index parts have the wrong shape');
  if (!isObject(quotes) || !Array.isArray(quotes.people) || !Array.isArray(quotes.quotes))
    throw new Error('the quotes part has the wrong shape');
  return {
    index: { search, documentFrequency, sentenceStems } as PassageIndexSnapshot,
    quotes: quotes as unknown as QuotesSnapshot,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
