import { describe, expect, it } from 'vitest';
import { graphLayoutsReady, setGraphLayoutsPending } from '../../src/lib/graph/layouts-ready.ts';

/** Whether `promise` has settled after the queued callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 10));
  return done;
}

describe('waiting for the graph layouts', () => {
  it('resolves at once when no layouts were started', async () => {
    expect(await settled(graphLayoutsReady({}))).toBe(true);
  });

  it('waits while the layouts are computed, and resolves when they are', async () => {
    const holder = {};
    let finish!: () => void;
    setGraphLayoutsPending(new Promise<void>((resolve) => (finish = resolve)), holder);
    const ready = graphLayoutsReady(holder);
    expect(await settled(ready)).toBe(false);
    finish();
    expect(await settled(ready)).toBe(true);
  });

  it('resolves when the layouts failed (the pages then lay out what is missing)', async () => {
    const holder = {};
    setGraphLayoutsPending(Promise.reject(new Error('worker died')), holder);
    await expect(graphLayoutsReady(holder)).resolves.toBeUndefined();
  });
});
