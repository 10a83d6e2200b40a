/**
 * Long work over a whole corpus is written once, as generators that `yield` between small units of work.
 * Run them to the end at once ({@link runNow}: start-up, the reload worker, CLIs) or a few milliseconds at a
 * time ({@link runInSlices}: what a reload does on the main thread of a running bot, which must keep
 * answering meanwhile).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long one slice may run before the event loop gets a turn, in milliseconds. */
export const SLICE_MS = 10;

/** Runs the steps in slices of about `sliceMs`, letting timers and I/O run between slices. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
