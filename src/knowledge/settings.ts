/**
 * The settings, besides the corpus and the code, that decide how a knowledge base answers, as text to hash:
 * the corpus version covers them (same version, same answers) and so does the key of index snapshots.
 */
import { currentWeights } from '../answer/scorer.js';
import { INDEX_OPTIONS } from '../search/index.js';

/**
 * Settings as stable text: every value, object keys sorted, regular expressions as their source. Functions
 * are code, and only their presence is written: their source text differs between runners (tsx minifies it,
 * vitest and tsc do not), which would give one corpus two versions. A change of such code is a change of
 * analysis, which bumps the pipeline version (and the snapshot key, which hashes the source files).
 */
export function settingsText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'function') return '[function]';
    if (v instanceof RegExp) return String(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/**
 * Everything tuned or fitted that changes answers, for the corpus version: the index options and the answer
 * scorer's fitted weights (src/answer/weights.json, written by `npm run train`).
 */
export function answeringSettings(): string {
  return settingsText({ index: INDEX_OPTIONS, scorer: currentWeights() });
}
