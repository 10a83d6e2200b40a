import { describe, expect, it } from 'vitest';
import { runInSlices, runNow, type Steps } from '../../src/contract/steps.js';

/** Busy work in steps of about `stepMs`, returning how many steps ran. */
function* busy(steps: number, stepMs: number): Steps<number> {
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + stepMs;
    while (performance.now() < until) {
      // spin: a stand-in for indexing one passage
    }
    yield;
  }
  return steps;
}

describe('steps', () => {
  it('runNow runs every step at once', () => {
    expect(runNow(busy(5, 0))).toBe(5);
  });

  it('runInSlices gives the event loop a turn between slices, with the same result', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 1);
    const result = await runInSlices(busy(40, 2), 10);
    clearInterval(timer);
    expect(result).toBe(40);
    // 80 ms of work in 10 ms slices: timers ran in between. How long each waited depends on the machine's
    // load, so it is not asserted here (speed targets live in `npm run bench`).
    expect(ticks).toBeGreaterThan(3);
  });
});
