import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throw-away corpus folder holding `files` (name → content), removed after the test. */
export function tempCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-corpus-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A Markdown press release `id` of the paragraphs of `body`, as a corpus file holds it (front matter first). */
export function pressRelease(id: string, body: string): string {
  return `---\nid: ${id}\ntitle: "${id}"\nurl: https://example.org/${id}\npublished: 2025-05-20\nkind: press-release\n---\n\n${body}\n`;
}
