import v8 from 'node:v8';

/**
 * V8's optimizing compiler (TurboFan) switched off while a burst of run-once work runs. The
 * catalog's threads take each agent file once through code that is broad rather than hot
 * (YAML, two markdown parsers, OpenCC, extraction): TurboFan compiled ~3,600 functions for
 * 1,000 files and their types kept changing (~900 deoptimizations), so its background threads
 * took about a third of the catalog's CPU for code that ran a few more times at most. Maglev,
 * V8's quick optimizing tier, still runs. Measured on the benchmark's 1,000 agents, by hand:
 * the catalog alone, three interleaved pairs with `--no-turbofan` on the command line, 17.3–18.5
 * → 15.3–15.4 s of CPU, 9.5–10.2 → 8.5 s; in builds with the image cache (two pairs, per-thread
 * CPU from /proc), V8's helper threads 13.5–14.3 → 9.9–10.3 s. The page
 * rendering and graph layouts after it run the same code thousands of times and are no faster
 * without TurboFan, so it is switched back on when the burst ends.
 *
 * V8 flags are per process: every thread started meanwhile (the catalog's) follows them, and so
 * does the main thread. Node allows changing them at run time (`v8.setFlagsFromString`); this one
 * only steers which functions are compiled, never what code does.
 */

/** Sets V8 flags (`v8.setFlagsFromString`; a test passes a recorder). */
export type SetFlags = (flags: string) => void;

/** Whether the process was started with the optimizing compiler off or limited: left alone then. */
function userChoseJit(execArgv: readonly string[]): boolean {
  return execArgv.some((a) => /^--(no-turbofan|jitless|max-opt=|no-opt)\b/.test(a));
}

/**
 * A switch that runs work with TurboFan off and turns it back on when the last overlapping run
 * ends (a run that rejects included).
 */
export function createJitSwitch(setFlags: SetFlags, execArgv: readonly string[] = process.execArgv) {
  let running = 0;
  return async function withoutOptimizingCompiler<T>(run: () => Promise<T>): Promise<T> {
    if (userChoseJit(execArgv)) return run();
    if (running++ === 0) setFlags('--no-turbofan');
    try {
      return await run();
    } finally {
      if (--running === 0) setFlags('--turbofan');
    }
  };
}

/**
 * Runs `run` with V8's optimizing compiler off (see the module comment).
 * @example const texts = await withoutOptimizingCompiler(() => runInWorkers(url, jobs));
 */
export const withoutOptimizingCompiler = createJitSwitch((flags) => v8.setFlagsFromString(flags));
