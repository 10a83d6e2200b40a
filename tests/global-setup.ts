import { buildIfStale } from '../src/build.mjs';

/**
 * Compiles dist/ once, before any test file runs, when the sources changed: the tests that start the bot
 * as users do (`npm start`) would otherwise each compile it, at the same time, into the same folder.
 */
export default function setup(): void {
  buildIfStale();
}
