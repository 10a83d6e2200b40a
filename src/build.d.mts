/** Types of src/build.mjs (plain JavaScript, so that it runs before anything is compiled). */
export declare const PROJECT_ROOT: string;
export declare const DIST_DIR: string;
/** Whether `root`'s dist/ is missing or older than any of its inputs (src/, commands/, tsconfigs, lock file). */
export declare function isStale(root?: string): boolean;
/** Compiles src/ and commands/ into a fresh dist/; throws with tsc's output when they do not compile. */
export declare function build(): void;
/** Builds when dist/ is stale; returns whether it built. */
export declare function buildIfStale(): boolean;
