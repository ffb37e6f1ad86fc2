import { describe, expect, it } from 'vitest';
import { runInWorkers } from '../../src/lib/worker-pool.ts';

const WORKER = new URL('../fixtures/workers/hold-memory.ts', import.meta.url);

describe('the worker pool', () => {
  it('answers every job, in job order', async () => {
    expect(await runInWorkers<number, number>(WORKER, [3, 1, 2, 5], { threads: 2 })).toEqual([3, 1, 2, 5]);
  });

  it('rejects when a job needs more heap than the bound the caller set (so the caller can fall back)', async () => {
    await expect(runInWorkers<number, number>(WORKER, [1, 200], { threads: 1, maxHeapMb: 48 })).rejects.toThrow();
    // Without the bound the same job is done.
    expect(await runInWorkers<number, number>(WORKER, [200], { threads: 1 })).toEqual([200]);
  }, 60_000);
});
