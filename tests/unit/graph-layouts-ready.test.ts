import { describe, expect, it } from 'vitest';
import { agentGraphLayoutsReady, graphLayoutsReady, setGraphLayoutsPending } from '../../src/lib/graph/layouts-ready.ts';

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
    expect(await settled(agentGraphLayoutsReady({}))).toBe(true);
  });

  it('waits while the layouts are computed, and resolves when they are: the agent pages for their own graphs only', async () => {
    const holder = {};
    let agentPagesDone!: () => void;
    let allDone!: () => void;
    setGraphLayoutsPending({ agentPages: new Promise<void>((resolve) => (agentPagesDone = resolve)), all: new Promise<void>((resolve) => (allDone = resolve)) }, holder);
    const all = graphLayoutsReady(holder);
    const agentPages = agentGraphLayoutsReady(holder);
    expect(await settled(all)).toBe(false);
    expect(await settled(agentPages)).toBe(false);
    agentPagesDone();
    expect(await settled(agentPages)).toBe(true);
    expect(await settled(all)).toBe(false);
    allDone();
    expect(await settled(all)).toBe(true);
  });

  it('resolves when the layouts failed (the pages then lay out what is missing)', async () => {
    const holder = {};
    const failed = Promise.reject(new Error('worker died'));
    setGraphLayoutsPending({ agentPages: failed, all: failed }, holder);
    await expect(graphLayoutsReady(holder)).resolves.toBeUndefined();
    await expect(agentGraphLayoutsReady(holder)).resolves.toBeUndefined();
  });
});
