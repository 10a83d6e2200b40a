/**
 * `npm start`: compiles the TypeScript when it changed (src/build.mjs), then runs dist/src/main.js in this
 * same process, so a start costs one Node start-up and no TypeScript loader.
 */
import { pathToFileURL } from 'node:url';
import { buildIfStale, DIST_DIR } from './build.mjs';

try {
  if (buildIfStale()) process.stderr.write('compiled src/ and commands/ to dist/\n');
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
await import(pathToFileURL(`${DIST_DIR}/src/main.js`).href);
