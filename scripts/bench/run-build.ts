import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Runs one `astro build` as a child process and watches it from the outside: every log line is
 * stamped with the time it arrived (Astro's own timestamps have whole seconds only), the memory
 * of the whole process tree is sampled from /proc, and `/usr/bin/time` (when present) adds CPU
 * time and the largest process's peak. Timing from outside measures what a person waits for.
 */

/** A log line and when it arrived, in seconds since the build started. */
export interface StampedLine {
  t: number;
  text: string;
}

/** What one build cost. */
export interface BuildRun {
  totalSeconds: number;
  /** User + system CPU seconds of the process tree, when /usr/bin/time is there. */
  cpuSeconds?: number;
  /** Largest resident set of the process tree (sum over its processes), in MB. */
  peakMB: number;
  lines: StampedLine[];
  exitCode: number;
}

/** Options of {@link runBuild}. */
export interface RunBuildOptions {
  root: string;
  env: Record<string, string>;
  /** Where the full log is written (it is also returned). */
  logFile?: string;
  /** Extra arguments to `node` (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}

function astroBin(root: string): string {
  const require = createRequire(path.join(root, 'package.json'));
  return path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
}

async function memoryOf(pid: number): Promise<{ rssKB: number; hwmKB: number }> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { rssKB: field('VmRSS'), hwmKB: field('VmHWM') };
  } catch {
    return { rssKB: 0, hwmKB: 0 };
  }
}

async function parentOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields after its last ')' are fixed.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Sum of resident memory of `root` and its descendants, and the largest single peak, in KB.
 * Descendants are looked for among pids above the root's (they start after it), which keeps a
 * sample cheap on a busy machine.
 */
async function treeMemory(root: number): Promise<{ sumKB: number; hwmKB: number }> {
  const pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number).filter((p) => p > root);
  const parents = new Map<number, number>();
  await Promise.all(
    pids.map(async (pid) => {
      const ppid = await parentOf(pid);
      if (ppid !== undefined) parents.set(pid, ppid);
    }),
  );
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let sumKB = 0;
  let hwmKB = 0;
  for (const m of await Promise.all([...tree].map(memoryOf))) {
    sumKB += m.rssKB;
    hwmKB = Math.max(hwmKB, m.hwmKB);
  }
  return { sumKB, hwmKB };
}

/** Runs `astro build` in `root` with `env` added, and measures it. */
export async function runBuild(options: RunBuildOptions): Promise<BuildRun> {
  const timeFile = path.join(options.env.OUT_DIR ?? options.root, '..', `time-${process.pid}-${Date.now()}.txt`);
  const node = [process.execPath, ...(options.nodeArgs ?? []), astroBin(options.root), 'build'];
  const useTime = existsSync('/usr/bin/time');
  const [cmd, ...args] = useTime ? ['/usr/bin/time', '-f', '%e %U %S %M', '-o', timeFile, ...node] : node;
  // The previous build's files still being written back to disk would slow this one's file work
  // (seconds on this VM): flush them first, outside the timing, so builds are compared alike.
  if (existsSync('/usr/bin/sync')) spawnSync('/usr/bin/sync');
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: options.root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: StampedLine[] = [];
  // The log is written as it comes, so a long build can be followed (and read if it is stopped).
  const log = options.logFile ? createWriteStream(options.logFile) : undefined;
  const onData = (buffer: { rest: string }) => (chunk: Buffer) => {
    const t = (performance.now() - started) / 1000;
    const text = buffer.rest + chunk.toString('utf8');
    const parts = text.split('\n');
    buffer.rest = parts.pop() ?? '';
    for (const p of parts) {
      // eslint-disable-next-line no-control-regex
      const line = { t, text: p.replace(/\x1b\[[0-9;]*m/g, '') };
      lines.push(line);
      log?.write(`${line.t.toFixed(2).padStart(7)} ${line.text}\n`);
    }
  };
  const out = { rest: '' };
  const err = { rest: '' };
  child.stdout.on('data', onData(out));
  child.stderr.on('data', onData(err));
  let peakKB = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      if (child.pid) {
        const m = await treeMemory(child.pid);
        peakKB = Math.max(peakKB, m.sumKB, m.hwmKB);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  sampling = false;
  await sampler;
  const totalSeconds = (performance.now() - started) / 1000;
  for (const rest of [out.rest, err.rest]) if (rest) lines.push({ t: totalSeconds, text: rest });
  let cpuSeconds: number | undefined;
  if (useTime) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    const m = /([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(text.trim());
    if (m) {
      cpuSeconds = Number(m[2]) + Number(m[3]);
      peakKB = Math.max(peakKB, Number(m[4]));
    }
    await rm(timeFile, { force: true });
  }
  if (log) await new Promise((resolve) => log.end(resolve));
  return { totalSeconds, cpuSeconds, peakMB: peakKB / 1024, lines, exitCode };
}
