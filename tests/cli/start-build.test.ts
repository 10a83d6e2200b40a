import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale } from '../../src/build.mjs';
import { tempDir } from '../moderation/helpers.js';

/** Sets a file or folder's modification time, in seconds since 1970. */
const touch = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

/** A project with one source file and one command, all last changed at t = 1000 s. */
function project(): string {
  const root = tempDir('accord-build-');
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'commands'));
  writeFileSync(join(root, 'src', 'main.ts'), '');
  writeFileSync(join(root, 'commands', 'ask.ts'), '');
  for (const path of ['src/main.ts', 'commands/ask.ts', 'src', 'commands']) touch(join(root, path), 1000);
  return root;
}

/** Marks dist/ as built at `seconds`. */
function built(root: string, seconds: number): void {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', '.built'), '');
  touch(join(root, 'dist', '.built'), seconds);
}

describe('npm start compiles when the sources changed (src/build.mjs)', () => {
  it('compiles when dist/ was never built', () => {
    expect(isStale(project())).toBe(true);
  });

  it('does not compile when nothing changed since the build', () => {
    const root = project();
    built(root, 2000);
    expect(isStale(root)).toBe(false);
  });

  it('compiles when a source, a command or a config file is newer than the build', () => {
    for (const changed of ['src/main.ts', 'commands/ask.ts', 'tsconfig.json']) {
      const root = project();
      built(root, 2000);
      writeFileSync(join(root, changed), 'changed');
      touch(join(root, changed), 3000);
      expect(isStale(root), changed).toBe(true);
    }
  });

  it('compiles when a source was deleted (its folder changed), so dist/ does not keep it', () => {
    const root = project();
    built(root, 2000);
    rmSync(join(root, 'commands', 'ask.ts'));
    touch(join(root, 'commands'), 3000);
    expect(isStale(root)).toBe(true);
  });
});
