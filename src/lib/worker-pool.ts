import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, parentPort } from 'node:worker_threads';

/**
 * A small pool of worker threads for build work that is pure and CPU-bound (per-file
 * processing, graph layout): one thread per core, two at most (the reference machine has two,
 * and the main thread has little to do meanwhile). Each thread takes the next job as soon as it
 * is done with one, so uneven jobs still keep both cores busy.
 *
 * During `astro build` the callers run inside Vite's module runner; a worker is started from the
 * real path of its `.ts` file, which Node loads directly (it strips the types). When that file is
 * not on disk (a bundle), {@link workerFileAvailable} says so and callers stay in-process.
 */

interface JobMessage<J> {
  id: number;
  job: J;
}

interface ResultMessage<R> {
  id: number;
  result?: R;
  error?: string;
}

/** Whether a worker can be started from `url`; `AGENT_ATLAS_WORKERS=0` turns the pools off. */
export function workerFileAvailable(url: URL): boolean {
  if (process.env.AGENT_ATLAS_WORKERS === '0') return false;
  try {
    return url.protocol === 'file:' && existsSync(fileURLToPath(url));
  } catch {
    return false;
  }
}

/**
 * A small young generation for threads that run beside the page rendering, in MB. V8 sizes it
 * for throughput, which beside Astro's own heap made most of the build's peak memory; a small
 * one is collected more often but stays in the CPU cache and costs fewer page faults (measured
 * at 1,000 agents: the build process's peak 1.87 → 1.57 GB, no slower for graph layouts and
 * preview images). Not for the catalog's threads: parsing keeps megabytes of a document alive
 * at a time, which a small young generation copies and promotes over and over (catalog of 1,000
 * agents: 17 → 14.5 s, 29 → 24 s of CPU with V8's own size).
 */
export const YOUNG_HEAP_MB = 24;

/** How {@link runInWorkers} starts its threads. */
export interface PoolOptions {
  /** Threads to start (default {@link poolThreads}). */
  threads?: number;
  /** Old generation of each thread's heap at most, in MB: a job that needs more fails. */
  maxHeapMb?: number;
  /** Young generation of each thread's heap, in MB (default: V8's). */
  youngHeapMb?: number;
  /** Given to every thread as its `workerData` (e.g. what it loads once before its jobs). */
  workerData?: unknown;
  /**
   * Called as each job's result arrives, with the job's index (jobs finish out of order); a throw
   * fails the pool.
   */
  onResult?: (index: number) => void;
}

/** Threads a pool uses: `AGENT_ATLAS_WORKERS`, else the cores, at most 2. */
export function poolThreads(): number {
  const wanted = Number(process.env.AGENT_ATLAS_WORKERS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : Math.min(2, availableParallelism());
}

/**
 * Runs `jobs` on worker threads started from `url` (a file that calls {@link serveJobs});
 * resolves to the results in job order. Rejects when a job throws or a thread dies (also when
 * it needs more than `maxHeapMb` of heap, if given: callers that can do the work another way
 * bound their threads' memory so).
 */
export function runInWorkers<J, R>(url: URL, jobs: readonly J[], options: PoolOptions = {}): Promise<R[]> {
  const { threads = poolThreads(), maxHeapMb, youngHeapMb, workerData, onResult } = options;
  const resourceLimits = {
    ...(youngHeapMb ? { maxYoungGenerationSizeMb: youngHeapMb } : {}),
    ...(maxHeapMb ? { maxOldGenerationSizeMb: maxHeapMb } : {}),
  };
  const results = new Array<R>(jobs.length);
  let next = 0;
  let failed = false;
  const workers: Worker[] = [];
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(url, { resourceLimits, workerData });
      workers.push(worker);
      let done = false;
      const fail = (error: Error) => {
        if (done) return;
        done = true;
        failed = true;
        void Promise.all(workers.map((w) => w.terminate()));
        reject(error);
      };
      const send = () => {
        if (failed || next >= jobs.length) {
          done = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        const id = next++;
        worker.postMessage({ id, job: jobs[id] } satisfies JobMessage<J>);
      };
      worker.on('message', (reply: ResultMessage<R>) => {
        if (reply.error !== undefined) return fail(new Error(reply.error));
        results[reply.id] = reply.result as R;
        try {
          onResult?.(reply.id);
        } catch (error) {
          return fail(error instanceof Error ? error : new Error(String(error)));
        }
        send();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`A worker thread stopped (exit code ${code}).`)));
      send();
    });
  const count = Math.max(1, Math.min(threads, jobs.length));
  return Promise.all(Array.from({ length: count }, run)).then(() => results);
}

/**
 * In a worker file: answers each job with `fn(job)`, or with the error it threw. Jobs sent
 * before this is called (while the file still loads what it needs) wait for it.
 */
export function serveJobs<J, R>(fn: (job: J) => R | Promise<R>): void {
  parentPort?.on('message', async (msg: JobMessage<J>) => {
    let reply: ResultMessage<R>;
    try {
      reply = { id: msg.id, result: await fn(msg.job) };
    } catch (error) {
      reply = { id: msg.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort!.postMessage(reply);
  });
}
