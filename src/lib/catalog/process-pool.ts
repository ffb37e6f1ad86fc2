import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProcessMessage, ProcessReply } from './process-worker.ts';

/**
 * Runs the per-file stages on worker threads, one per core (two at most: the reference machine
 * has two, and the main thread has little to do meanwhile). Each thread takes the next file as
 * soon as it is done with one. Starting a thread costs a few hundred milliseconds (it loads the
 * markdown parser and the OpenCC dictionaries), so the catalog uses the pool only for many files.
 *
 * During `astro build` this module runs inside Vite's module runner; the worker is started from
 * the real path of `process-worker.ts`, which Node loads directly (it strips the types). When
 * that file cannot be found, {@link workerPoolAvailable} says so and the catalog stays in-process.
 */

/** One file for the pool. */
export type PoolJob = Omit<ProcessMessage, 'id'>;

const WORKER_URL = new URL('./process-worker.ts', import.meta.url);

/** Whether worker threads can be started here (the worker file is on disk, not only in a bundle). */
export function workerPoolAvailable(): boolean {
  if (process.env.AGENT_ATLAS_WORKERS === '0') return false;
  try {
    return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
  } catch {
    return false;
  }
}

/** Threads the pool would use: `AGENT_ATLAS_WORKERS`, else the cores, at most 2. */
export function poolThreads(): number {
  const wanted = Number(process.env.AGENT_ATLAS_WORKERS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : Math.min(2, availableParallelism());
}

/**
 * Processes `jobs` on `threads` worker threads; resolves to each job's result as JSON text, in
 * job order. Rejects when a file's processing throws (as in-process processing would) or a
 * thread dies.
 */
export function processInWorkers(jobs: readonly PoolJob[], threads = poolThreads()): Promise<string[]> {
  const results = new Array<string>(jobs.length);
  let next = 0;
  let failed = false;
  const workers: Worker[] = [];
  const stopAll = () => Promise.all(workers.map((w) => w.terminate()));
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_URL);
      workers.push(worker);
      let done = false;
      const fail = (error: Error) => {
        if (done) return;
        done = true;
        failed = true;
        void stopAll();
        reject(error);
      };
      const send = () => {
        if (failed || next >= jobs.length) {
          done = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        const id = next++;
        worker.postMessage({ id, ...jobs[id] } satisfies ProcessMessage);
      };
      worker.on('message', (reply: ProcessReply) => {
        if (reply.error !== undefined || reply.json === undefined) {
          fail(new Error(`Processing ${jobs[reply.id]?.file} failed in a worker thread:\n${reply.error}`));
          return;
        }
        results[reply.id] = reply.json;
        send();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`A catalog worker thread stopped (exit code ${code}).`)));
      send();
    });
  const count = Math.max(1, Math.min(threads, jobs.length));
  return Promise.all(Array.from({ length: count }, run)).then(() => results);
}
