import { describe, expect, it } from 'vitest';
import { createJitSwitch, withoutOptimizingCompiler } from '../../src/lib/jit.ts';

describe('withoutOptimizingCompiler', () => {
  it('switches TurboFan off for the run and back on after it', async () => {
    const flags: string[] = [];
    const run = createJitSwitch((f) => flags.push(f), []);
    const result = await run(async () => {
      expect(flags).toEqual(['--no-turbofan']);
      return 42;
    });
    expect(result).toBe(42);
    expect(flags).toEqual(['--no-turbofan', '--turbofan']);
  });

  it('switches it back on only when the last overlapping run ends', async () => {
    const flags: string[] = [];
    const run = createJitSwitch((f) => flags.push(f), []);
    let release!: () => void;
    const first = run(() => new Promise<void>((resolve) => (release = resolve)));
    await run(async () => undefined);
    expect(flags).toEqual(['--no-turbofan']);
    release();
    await first;
    expect(flags).toEqual(['--no-turbofan', '--turbofan']);
  });

  it('switches it back on when the run rejects', async () => {
    const flags: string[] = [];
    const run = createJitSwitch((f) => flags.push(f), []);
    await expect(run(() => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(flags).toEqual(['--no-turbofan', '--turbofan']);
  });

  it('leaves a process started with its own compiler flags alone', async () => {
    const flags: string[] = [];
    const run = createJitSwitch((f) => flags.push(f), ['--no-turbofan']);
    await run(async () => undefined);
    expect(flags).toEqual([]);
  });

  it('sets real V8 flags without failing', async () => {
    await expect(withoutOptimizingCompiler(async () => 'done')).resolves.toBe('done');
  });
});
