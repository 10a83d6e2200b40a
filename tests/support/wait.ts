import type { EventEmitter } from 'node:events';

/**
 * When a wait gives up. Waits end on the event they wait for, so this is only a net for a test that would
 * otherwise hang, naming what never came; it is not a measure of speed (a loaded CI machine runs the
 * suite several times slower), and stays under vitest's testTimeout so the named failure is the one shown.
 */
export const WAIT_MS = 30_000;

/**
 * Resolves with the first truthy value of `probe`, evaluated now and again on every `event` of `emitter`;
 * rejects when `probe` throws, or after `timeoutMs` naming `what` (and `detail()`, when given).
 */
export function waitUntil<T>(
  emitter: EventEmitter,
  event: string,
  probe: () => T | undefined | null | false,
  options: { timeoutMs?: number; what?: string; detail?: () => string } = {},
): Promise<T> {
  const first = probe();
  if (first) return Promise.resolve(first);
  const timeoutMs = options.timeoutMs ?? WAIT_MS;
  return new Promise<T>((resolve, reject) => {
    const onEvent = () => {
      let value: T | undefined | null | false;
      try {
        value = probe();
      } catch (e) {
        cleanup();
        reject(e);
        return;
      }
      if (value) {
        cleanup();
        resolve(value);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      const detail = options.detail?.();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}${detail ? `; ${detail}` : ''}`,
        ),
      );
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      emitter.off(event, onEvent);
    };
    emitter.on(event, onEvent);
  });
}
