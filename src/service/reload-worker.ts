/** Entry file of the reload worker thread (see `worker.ts`). */
import { parentPort, workerData } from 'node:worker_threads';
import { runWorker, type WorkerInput } from './worker.js';

if (!parentPort) throw new Error('reload-worker.ts runs as a worker thread (see worker.ts)');
const port = parentPort;
// The main thread answers every message once it has handled it; the answers come back in order.
const handled: (() => void)[] = [];
port.on('message', () => handled.shift()?.());
await runWorker(workerData as WorkerInput, (message) => {
  const done = new Promise<void>((resolve) => handled.push(resolve));
  port.postMessage(message);
  return done;
});
port.close();
