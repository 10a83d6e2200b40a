/**
 * The one place Accord uses MiniSearch beyond its documented API: loading a serialized index.
 *
 * MiniSearch's public loaders (`loadJSON`, `loadJSONAsync`) take the index as one JSON string, and both start
 * with `JSON.parse` of all of it, on the calling thread. A reload restores the index on the main thread a few
 * milliseconds at a time from entries a worker sends packed (src/service/worker.ts), so it needs the loaders
 * behind those two: `loadJS` and `loadJSAsync`, marked `@ignore` (internal) in MiniSearch's typings, which take
 * the parsed object and read its `index` with one `for…of`. That lets the entries be an iterable, unpacked
 * only as MiniSearch reads them. tests/search/minisearch.test.ts checks all of this against the version in
 * {@link CHECKED_MINISEARCH_VERSION} and fails, naming the installed version, when MiniSearch changes.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/** The MiniSearch version whose internals this module was checked against. */
export const CHECKED_MINISEARCH_VERSION = '7.2.0';

/** MiniSearch's serialization of an index (`toJSON()`), as the snapshot files keep it. */
export type SerializedIndex = AsPlainObject;

/** One term of a {@link SerializedIndex}: the term and, per field id, its frequency in each document by short id. */
export type IndexEntry = SerializedIndex['index'][number];

/** The index `serialized` describes; synchronous (start-up, the CLIs). */
export function loadIndex<T>(serialized: SerializedIndex, options: Options<T>): MiniSearch<T> {
  return MiniSearch.loadJS<T>(serialized, options);
}

/** {@link loadIndex} in slices: MiniSearch waits a timer tick every 1,000 terms, so other tasks run between. */
export function loadIndexInSlices<T>(
  serialized: SerializedIndex,
  options: Options<T>,
): Promise<MiniSearch<T>> {
  return MiniSearch.loadJSAsync<T>(serialized, options);
}

/**
 * A serialized index whose entries come from an iterable, read once, in order, as the loader goes. Only
 * {@link loadIndex} and {@link loadIndexInSlices} may read it: it has no array of entries to serialize or
 * measure, whatever its type says (the type is MiniSearch's, which the loaders take).
 */
export function indexWithEntries(
  head: Omit<SerializedIndex, 'index'>,
  entries: Iterable<IndexEntry>,
): SerializedIndex {
  return { ...head, index: entries as SerializedIndex['index'] };
}
