/**
 * The manifest of the live corpus (passage ids and hashes), saved under DATA_DIR on every successful start
 * and reload. `npm run corpus -- diff` has no running bot to ask, so "live" there means this snapshot.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusManifest } from '../corpus/diff.js';

/** The manifest file, inside the data folder. */
export const MANIFEST_FILE = 'corpus-manifest.json';

/** Saves the manifest atomically (temporary file, then rename), so a reader never sees half of one. */
export async function writeManifest(dataDir: string, manifest: CorpusManifest): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const temp = join(dataDir, `.${MANIFEST_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, `${JSON.stringify({ ...manifest, savedAt: new Date().toISOString() })}\n`);
  await rename(temp, join(dataDir, MANIFEST_FILE));
}

/** The last saved manifest, or `null` when none was saved yet. */
export async function readManifest(dataDir: string): Promise<CorpusManifest | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, MANIFEST_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const { version, documents } = JSON.parse(text) as CorpusManifest;
  return { version, documents };
}

/**
 * Which file each document of the last live corpus came from, per the saved manifest (`undefined` when none
 * was saved): the loader lets those files keep their ids (see `LoadOptions.owners`), at start-up and in
 * `corpus check` alike. Throws when the manifest cannot be read.
 */
export async function manifestOwners(dataDir: string): Promise<Map<string, string> | undefined> {
  const manifest = await readManifest(dataDir);
  return manifest ? new Map(manifest.documents.map((d) => [d.id, d.file])) : undefined;
}
