/**
 * Compiles src/ and commands/ to dist/ with tsc when the TypeScript is newer than the last build, so that
 * `npm start` runs plain JavaScript: Node 20 cannot run TypeScript itself, and a loader (tsx) doubles the
 * start-up time. Plain JavaScript, so that it runs before anything is compiled. The build only emits
 * (tsconfig.build.json: `noCheck`, no type packages); `npm run typecheck` is what checks types.
 *
 * This is development: `typescript` is a devDependency. Production builds once (`npm run build`), drops the
 * devDependencies and runs dist/ as it is (`npm run start:prod`), so nothing compiles there.
 *
 *   node src/build.mjs          build if stale (what `npm start` does first)
 *   node src/build.mjs --force  build anyway (`npm run build`)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST_DIR = join(PROJECT_ROOT, 'dist');
/** Written in dist/ after a successful build: its time is the build's. */
const STAMP = '.built';
/** What the build reads: a change to any of these makes dist/ stale. */
const INPUTS = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** The newest modification time (ms) of a file, or of any file under a folder. */
function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Whether `root`'s dist/ is missing or older than any of its inputs. */
export function isStale(root = PROJECT_ROOT) {
  const built = statSync(join(root, 'dist', STAMP), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return INPUTS.some((input) => newestChange(join(root, input)) > built);
}

/** tsc, or an error saying what to do where the devDependencies are not installed. */
function compilerPath() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    throw new Error(
      'dist/ needs compiling but TypeScript is not installed (a production install leaves out the ' +
        'devDependencies): run `npm run build` where they are installed, then `npm run start:prod`',
    );
  }
}

/**
 * Builds dist/ from scratch (a file removed from src/ or commands/ must not live on in dist/: the command
 * loader would still load it). Throws with tsc's output when the code does not compile.
 */
export function build() {
  const tsc = compilerPath();
  rmSync(DIST_DIR, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(PROJECT_ROOT, 'tsconfig.build.json')], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`the TypeScript does not compile:\n${result.stdout}${result.stderr}`.trimEnd());
  }
  writeFileSync(join(DIST_DIR, STAMP), `${new Date().toISOString()}\n`);
}

/** Builds when dist/ is stale; returns whether it built. */
export function buildIfStale() {
  if (isStale()) {
    build();
    return true;
  }
  return false;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--force')) build();
    else buildIfStale();
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
